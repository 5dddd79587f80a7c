// Governors' figures as CSV, for a spreadsheet or a trust's own reporting: one row a figure, and
// an anonymised row a case. RFC 4180: fields quoted when they hold a comma, a quote or a line
// break, quotes doubled, lines ended with CRLF. Text is UTF-8; `csvFile` adds the byte order mark
// that spreadsheet programs need to read it as UTF-8.
import { caseOutcomes, handlerNames, handlers } from './case.ts';
import { concernKindNames, concernKinds } from './report.ts';
import {
  casesReportedIn,
  outcomeAt,
  outcomeLabels,
  roleLabels,
  type CaseSummary,
  type ElapsedFigures,
  type FigureRow,
  type PeriodFigures,
  type TermFigures,
} from './figures.ts';
import { roles } from '../policy/vocabulary.ts';
import type { Term } from './terms.ts';

/**
 * One field. A spreadsheet runs a cell that starts with = + - or @ as a formula (and a leading tab
 * or carriage return can hide one), so such a cell gets a leading apostrophe, which spreadsheets
 * read as "this is text" (OWASP's advice on CSV injection).
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows as CSV text, each line ended with CRLF. */
export function csvText(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}

/** CSV text as the bytes of a file: UTF-8 with a byte order mark. */
export function csvFile(text: string): Uint8Array {
  return new TextEncoder().encode(`\uFEFF${text}`);
}

function breakdown(term: Term, section: string, rows: readonly FigureRow<string>[]): string[][] {
  return rows.map((row) => [term.name, section, row.label, row.count.text]);
}

const number = (value: number | undefined) => (value === undefined ? '' : String(value));

function elapsedRows(term: Term, section: string, figures: ElapsedFigures): string[][] {
  return [
    [term.name, section, 'Cases', String(figures.count)],
    [term.name, section, 'Median (hours)', number(figures.median?.hours)],
    [term.name, section, 'Median (days)', number(figures.median?.days)],
    [term.name, section, '9 in 10 cases within (hours)', number(figures.p90?.hours)],
    [term.name, section, '9 in 10 cases within (days)', number(figures.p90?.days)],
  ];
}

function periodRows(figures: PeriodFigures): string[][] {
  const { term } = figures;
  return [
    [term.name, 'Cases', 'Reported in the term', String(figures.cases)],
    [term.name, 'Cases', 'Still open', String(figures.stillOpen)],
    ...breakdown(term, 'By kind', figures.byKind),
    ...breakdown(term, 'By role of people involved', figures.byRoleInvolved),
    ...breakdown(term, 'By role of people the concern is about', figures.bySubjectRole),
    ...breakdown(term, 'By outcome', figures.byOutcome),
    ...elapsedRows(term, 'Time to first action', figures.toFirstAction),
    ...elapsedRows(term, 'Time to closure', figures.toClosure),
    [term.name, 'Tasks', 'Done in the term', String(figures.tasksDone)],
    [term.name, 'Tasks', 'Done in the term after their due time', String(figures.tasksDoneLate)],
  ];
}

/**
 * The figures, one row each: term, section, label, value. Counts of 1 or 2 by role read
 * "fewer than 3", as on the page; a time with no cases to measure is left empty. The term
 * compared with follows, in rows of its own.
 */
export function figuresCsv(figures: TermFigures): string {
  return csvText([
    ['Term', 'Section', 'Label', 'Value'],
    ...periodRows(figures),
    [figures.term.name, 'Tasks', 'Overdue now', String(figures.overdueTasksNow)],
    ...(figures.previous ? periodRows(figures.previous) : []),
  ]);
}

const ukDayParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** "2026-09-01": the day a moment falls on in the UK. */
function ukDay(at: Date): string {
  const parts = ukDayParts.formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

const days = (from: Date, to: Date | undefined, now: Date) =>
  to === undefined || to.getTime() > now.getTime()
    ? ''
    : String(Math.round((Math.max(0, to.getTime() - from.getTime()) / 86_400_000) * 10) / 10);

function known<Value extends string>(vocabulary: readonly Value[], value: Value): Value {
  // The types already say so; checked again here because this export must never carry free text.
  if (!vocabulary.includes(value)) throw new RangeError('a case summary held a value outside the vocabulary');
  return value;
}

/**
 * One anonymised row for each case reported in the term by `now`, oldest first: kind, the roles
 * of the people involved, who handled it, outcome, the day it was reported (UK), and days to first
 * action and to closure. No names, no descriptions, no references. Not suppressed: a single row
 * can point at a person in a small school, so offer it only to those who may see the cases.
 */
export function caseRowsCsv(summaries: readonly CaseSummary[], term: Term, now: Date): string {
  const rows = casesReportedIn(summaries, term, now).map((summary) => {
    const involved = new Set(summary.partyRoles.map((role) => known(roles, role)));
    if (summary.outcome !== undefined) known(caseOutcomes, summary.outcome);
    return [
      concernKindNames[known(concernKinds, summary.kind)],
      roles
        .filter((role) => involved.has(role))
        .map((role) => roleLabels[role])
        .join('; '),
      handlerNames[known(handlers, summary.handler)],
      outcomeLabels[outcomeAt(summary, now)],
      ukDay(summary.reportedAt),
      days(summary.reportedAt, summary.firstActionAt, now),
      days(summary.reportedAt, summary.closedAt, now),
    ];
  });
  return csvText([
    ['Kind', 'Roles involved', 'Handled by', 'Outcome', 'Reported on', 'Days to first action', 'Days to closure'],
    ...rows,
  ]);
}
