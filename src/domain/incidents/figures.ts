// Governors' termly figures: how many concerns of each kind were reported in a term, who they
// involved (by role), how they ended, how quickly the school acted and closed them, and whether
// tasks were done on time. The input holds only vocabulary values and moments, never a name or a
// description, and the figures hold only counts and the vocabulary's own labels.
import { rolePlural } from '../policy/render/vocabulary-words.ts';
import { roles, type Role } from '../policy/vocabulary.ts';
import { caseOutcomeNames, caseOutcomes, type CaseOutcome, type Handler } from './case.ts';
import { concernKindNames, concernKinds, type ConcernKind } from './report.ts';
import { isOverdue, type TaskState } from './tasks.ts';
import { isInTerm, type Term } from './terms.ts';

export interface TaskSummary {
  dueAt: Date;
  state: TaskState;
  doneAt?: Date;
}

/** One case, as the figures see it. */
export interface CaseSummary {
  kind: ConcernKind;
  /** The roles of everyone involved, the subjects included. */
  partyRoles: readonly Role[];
  /** The roles of the people whose conduct the concern is about. */
  subjectRoles: readonly Role[];
  handler: Handler;
  outcome?: CaseOutcome;
  reportedAt: Date;
  /** When the first task was done or the first decision made. */
  firstActionAt?: Date;
  closedAt?: Date;
  tasks: readonly TaskSummary[];
}

/** Shown in place of a count of 1 or 2 people's roles. */
export const fewerThanThree = 'fewer than 3';

export type ShownCount = { suppressed: false; value: number; text: string } | { suppressed: true; text: string };

export interface FigureRow<Key extends string> {
  key: Key;
  label: string;
  count: ShownCount;
  /** The same figure for the term compared with, when there is one. */
  previous?: ShownCount;
}

export type OutcomeKey = CaseOutcome | 'still_open' | 'not_recorded';

export const outcomeLabels: Readonly<Record<OutcomeKey, string>> = {
  ...caseOutcomeNames,
  still_open: 'Still open',
  not_recorded: 'Closed without a recorded outcome',
};

/** "Pupils", "Staff", "The Headteacher". */
export const roleLabels = Object.fromEntries(
  roles.map((role) => [role, rolePlural[role].charAt(0).toUpperCase() + rolePlural[role].slice(1)]),
) as Readonly<Record<Role, string>>;

export interface Elapsed {
  hours: number;
  days: number;
}

/** How long something took, over the cases where it has happened: undefined figures when none has. */
export interface ElapsedFigures {
  count: number;
  median?: Elapsed;
  /** Nine in ten cases took this long or less. */
  p90?: Elapsed;
}

/** The figures of one term, as they stand at `asAt`. */
export interface PeriodFigures {
  term: Term;
  /** Cases reported in the term: the true number, whatever is suppressed in a breakdown. */
  cases: number;
  stillOpen: number;
  byKind: FigureRow<ConcernKind>[];
  /** Each case counts once for each role among the people involved, so these do not add up to `cases`. */
  byRoleInvolved: FigureRow<Role>[];
  /** Each case counts once for each role among the people it is about. */
  bySubjectRole: FigureRow<Role>[];
  byOutcome: FigureRow<OutcomeKey>[];
  toFirstAction: ElapsedFigures;
  toClosure: ElapsedFigures;
  /** Tasks of any case done during the term, and how many of those after their due time. */
  tasksDone: number;
  tasksDoneLate: number;
}

export interface TermFigures extends PeriodFigures {
  asAt: Date;
  /** Tasks still to do and past their due time now, on any case whenever it was reported. */
  overdueTasksNow: number;
  previous?: PeriodFigures;
}

export interface FiguresInput {
  cases: readonly CaseSummary[];
  term: Term;
  /** Figures are as things stand at this moment: anything recorded later is left out. */
  now: Date;
  /** A term to compare with, usually the one before. */
  compareWith?: Term;
}

const hour = 60 * 60 * 1000;

function shown(value: number): ShownCount {
  return { suppressed: false, value, text: String(value) };
}

// Governors must not be able to tell from a figure which child (or which adult) a case is about:
// in a small school "2 cases involving volunteers" or "1 involving a governor" can point at a
// person. Counts of 1 or 2 in a breakdown by role are therefore shown as "fewer than 3", the
// usual small-number rule of school and health statistics. Zero reveals nobody and is shown. The
// total number of cases is never reduced or rounded: it is the true figure, and because a case
// counts once for each role involved, no suppressed role can be worked out from it.
function shownSafely(value: number): ShownCount {
  return value === 1 || value === 2 ? { suppressed: true, text: fewerThanThree } : shown(value);
}

function happenedBy(at: Date | undefined, now: Date): at is Date {
  return at !== undefined && at.getTime() <= now.getTime();
}

function reportedIn(summaries: readonly CaseSummary[], term: Term, now: Date): CaseSummary[] {
  return summaries.filter((summary) => isInTerm(summary.reportedAt, term) && happenedBy(summary.reportedAt, now));
}

/** Where a case stands at `now`: its outcome once closed, still open until then. */
export function outcomeAt(summary: CaseSummary, now: Date): OutcomeKey {
  if (!happenedBy(summary.closedAt, now)) return 'still_open';
  return summary.outcome ?? 'not_recorded';
}

/** The value at a fraction of the way through sorted values, by nearest rank: a value that really occurred. */
function nearestRank(sorted: readonly number[], fraction: number): number | undefined {
  return sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)];
}

function median(sorted: readonly number[]): number | undefined {
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle];
  if (upper === undefined) return undefined;
  const lower = sorted.length % 2 === 0 ? sorted[middle - 1] : upper;
  return lower === undefined ? undefined : (lower + upper) / 2;
}

const oneDecimal = (value: number) => Math.round(value * 10) / 10;

function elapsed(milliseconds: number | undefined): Elapsed | undefined {
  if (milliseconds === undefined) return undefined;
  return { hours: oneDecimal(milliseconds / hour), days: oneDecimal(milliseconds / (24 * hour)) };
}

/** Summarises waits in milliseconds. A wait recorded as negative (a clock out of step) counts as none. */
export function elapsedFigures(waits: readonly number[]): ElapsedFigures {
  const sorted = waits.map((wait) => Math.max(0, wait)).sort((a, b) => a - b);
  if (sorted.length === 0) return { count: 0 };
  return { count: sorted.length, median: elapsed(median(sorted)), p90: elapsed(nearestRank(sorted, 0.9)) };
}

function waitsUntil(summaries: readonly CaseSummary[], pick: (summary: CaseSummary) => Date | undefined, now: Date) {
  const waits: number[] = [];
  for (const summary of summaries) {
    const at = pick(summary);
    if (happenedBy(at, now)) waits.push(at.getTime() - summary.reportedAt.getTime());
  }
  return waits;
}

function countBy<Key extends string>(keysOfEach: Iterable<readonly Key[]>): Map<Key, number> {
  const counts = new Map<Key, number>();
  for (const keys of keysOfEach) {
    for (const key of new Set(keys)) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function rows<Key extends string>(
  keys: readonly Key[],
  labels: Readonly<Record<Key, string>>,
  counts: Map<Key, number>,
  show: (value: number) => ShownCount,
): FigureRow<Key>[] {
  return keys.map((key) => ({ key, label: labels[key], count: show(counts.get(key) ?? 0) }));
}

/** The rows both terms list, so that they line up. */
interface Listed {
  roles: ReadonlySet<Role>;
  notRecorded: boolean;
}

function periodFigures(input: FiguresInput, term: Term, keep: Listed): PeriodFigures {
  const { now } = input;
  const inTerm = reportedIn(input.cases, term, now);
  const outcomes = inTerm.map((summary) => outcomeAt(summary, now));
  const outcomeCounts = countBy(outcomes.map((outcome) => [outcome]));
  const outcomeKeys: OutcomeKey[] = [...caseOutcomes, 'not_recorded', 'still_open'];
  const tasks = input.cases.flatMap((summary) => summary.tasks);
  const done = tasks.filter(
    (task) => task.state === 'done' && happenedBy(task.doneAt, now) && isInTerm(task.doneAt, term),
  );
  const involvedRoles = roles.filter((role) => keep.roles.has(role));
  return {
    term,
    cases: inTerm.length,
    stillOpen: outcomeCounts.get('still_open') ?? 0,
    byKind: rows(concernKinds, concernKindNames, countBy(inTerm.map((summary) => [summary.kind])), shown),
    byRoleInvolved: rows(involvedRoles, roleLabels, countBy(inTerm.map((s) => s.partyRoles)), shownSafely),
    bySubjectRole: rows(involvedRoles, roleLabels, countBy(inTerm.map((s) => s.subjectRoles)), shownSafely),
    byOutcome: rows(
      outcomeKeys.filter((key) => key !== 'not_recorded' || keep.notRecorded),
      outcomeLabels,
      outcomeCounts,
      shown,
    ),
    toFirstAction: elapsedFigures(waitsUntil(inTerm, (summary) => summary.firstActionAt, now)),
    toClosure: elapsedFigures(waitsUntil(inTerm, (summary) => summary.closedAt, now)),
    tasksDone: done.length,
    tasksDoneLate: done.filter((task) => task.doneAt && task.doneAt.getTime() > task.dueAt.getTime()).length,
  };
}

function rolesSeen(summaries: readonly CaseSummary[]): Set<Role> {
  return new Set(summaries.flatMap((summary) => [...summary.partyRoles, ...summary.subjectRoles]));
}

function withPrevious<Key extends string>(current: FigureRow<Key>[], previous: FigureRow<Key>[]): FigureRow<Key>[] {
  return current.map((row) => {
    const before = previous.find((candidate) => candidate.key === row.key);
    return before ? { ...row, previous: before.count } : row;
  });
}

/**
 * The figures for a term as they stand at `now`, compared with another term when one is given.
 * A case belongs to the term it was reported in; its outcome and closure are as known at `now`,
 * so last term's figures fill in as its cases close. The roles listed are those involved in a
 * case of either term, in the vocabulary's order, so the two terms' rows line up.
 */
export function termFigures(input: FiguresInput): TermFigures {
  const { now, term, compareWith } = input;
  const considered = [term, ...(compareWith ? [compareWith] : [])].flatMap((t) => reportedIn(input.cases, t, now));
  const keep: Listed = {
    roles: rolesSeen(considered),
    notRecorded: considered.some((summary) => outcomeAt(summary, now) === 'not_recorded'),
  };
  const current = periodFigures(input, term, keep);
  const overdueTasksNow = input.cases.flatMap((summary) => summary.tasks).filter((task) => isOverdue(task, now)).length;
  if (!compareWith) return { ...current, asAt: now, overdueTasksNow };
  const previous = periodFigures(input, compareWith, keep);
  return {
    ...current,
    byKind: withPrevious(current.byKind, previous.byKind),
    byRoleInvolved: withPrevious(current.byRoleInvolved, previous.byRoleInvolved),
    bySubjectRole: withPrevious(current.bySubjectRole, previous.bySubjectRole),
    byOutcome: withPrevious(current.byOutcome, previous.byOutcome),
    asAt: now,
    overdueTasksNow,
    previous,
  };
}

/** The cases reported in a term by `now`, oldest first: for the anonymised per-case export. */
export function casesReportedIn(summaries: readonly CaseSummary[], term: Term, now: Date): CaseSummary[] {
  return reportedIn(summaries, term, now).sort((a, b) => a.reportedAt.getTime() - b.reportedAt.getTime());
}
