import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseOutcomes, handlers } from '../../../src/domain/incidents/case.ts';
import {
  elapsedFigures,
  fewerThanThree,
  termFigures,
  type CaseSummary,
  type FigureRow,
  type ShownCount,
  type TaskSummary,
} from '../../../src/domain/incidents/figures.ts';
import { concernKinds } from '../../../src/domain/incidents/report.ts';
import { taskStates } from '../../../src/domain/incidents/tasks.ts';
import { previousTerm, termFor } from '../../../src/domain/incidents/terms.ts';
import { roles, type Role } from '../../../src/domain/policy/vocabulary.ts';

const hour = 3_600_000;
const autumn = termFor('autumn', 2026);
const summer = previousTerm(autumn);
const at = (iso: string) => new Date(iso);

function summary(overrides: Partial<CaseSummary> = {}): CaseSummary {
  return {
    kind: 'post',
    partyRoles: ['parent'],
    subjectRoles: ['parent'],
    handler: 'headteacher',
    reportedAt: at('2026-10-01T09:00:00Z'),
    tasks: [],
    ...overrides,
  };
}

const value = (count: ShownCount | undefined) => (count && !count.suppressed ? count.value : undefined);
const row = <Key extends string>(rows: FigureRow<Key>[], key: Key) => rows.find((r) => r.key === key);

describe('termFigures, by example', () => {
  const now = at('2026-12-01T12:00:00Z');
  const cases: CaseSummary[] = [
    summary({
      kind: 'bullying',
      partyRoles: ['pupil', 'pupil', 'parent'],
      subjectRoles: ['pupil'],
      handler: 'dsl',
      reportedAt: at('2026-09-10T09:00:00Z'),
      firstActionAt: at('2026-09-10T10:00:00Z'),
      closedAt: at('2026-09-20T09:00:00Z'),
      outcome: 'behaviour_or_anti_bullying',
      tasks: [
        { state: 'done', dueAt: at('2026-09-11T09:00:00Z'), doneAt: at('2026-09-12T09:00:00Z') },
        { state: 'done', dueAt: at('2026-09-11T09:00:00Z'), doneAt: at('2026-09-10T10:00:00Z') },
      ],
    }),
    summary({
      kind: 'bullying',
      partyRoles: ['pupil'],
      subjectRoles: ['pupil'],
      handler: 'dsl',
      reportedAt: at('2026-10-10T09:00:00Z'),
      firstActionAt: at('2026-10-10T12:00:00Z'),
      tasks: [{ state: 'open', dueAt: at('2026-11-01T09:00:00Z') }],
    }),
    summary({
      kind: 'post',
      partyRoles: ['pupil', 'staff'],
      subjectRoles: ['staff'],
      reportedAt: at('2026-11-10T09:00:00Z'),
      firstActionAt: at('2026-11-10T19:00:00Z'),
      closedAt: at('2026-11-12T09:00:00Z'),
      outcome: 'no_further_action',
      tasks: [{ state: 'open', dueAt: at('2026-12-05T09:00:00Z') }],
    }),
    // Last term's, with a task overdue now.
    summary({
      reportedAt: at('2026-07-01T09:00:00Z'),
      tasks: [{ state: 'open', dueAt: at('2026-07-02T09:00:00Z') }],
    }),
    // After `now`: not yet reported as far as these figures know.
    summary({ reportedAt: at('2026-12-10T09:00:00Z') }),
  ];
  const figures = termFigures({ cases, term: autumn, now, compareWith: summer });

  it('counts the cases reported in the term, by kind', () => {
    expect(figures.cases).toBe(3);
    expect(value(row(figures.byKind, 'bullying')?.count)).toBe(2);
    expect(value(row(figures.byKind, 'post')?.count)).toBe(1);
    expect(value(row(figures.byKind, 'images')?.count)).toBe(0);
    expect(value(row(figures.byKind, 'post')?.previous)).toBe(1);
  });

  it('counts a case once for each role involved, and shows 1 or 2 as "fewer than 3"', () => {
    expect(row(figures.byRoleInvolved, 'pupil')?.count).toEqual({ suppressed: false, value: 3, text: '3' });
    expect(row(figures.byRoleInvolved, 'staff')?.count).toEqual({ suppressed: true, text: fewerThanThree });
    expect(row(figures.byRoleInvolved, 'parent')?.count).toEqual({ suppressed: true, text: fewerThanThree });
    expect(row(figures.byRoleInvolved, 'parent')?.previous).toEqual({ suppressed: true, text: fewerThanThree });
    expect(row(figures.byRoleInvolved, 'governor')).toBeUndefined();
    expect(row(figures.bySubjectRole, 'pupil')?.count.text).toBe(fewerThanThree);
    expect(row(figures.bySubjectRole, 'parent')?.count).toEqual({ suppressed: false, value: 0, text: '0' });
  });

  it('counts outcomes, with open cases as still open', () => {
    expect(value(row(figures.byOutcome, 'still_open')?.count)).toBe(1);
    expect(row(figures.byOutcome, 'still_open')?.label).toBe('Still open');
    expect(value(row(figures.byOutcome, 'no_further_action')?.count)).toBe(1);
    expect(value(row(figures.byOutcome, 'behaviour_or_anti_bullying')?.count)).toBe(1);
    expect(row(figures.byOutcome, 'not_recorded')).toBeUndefined();
    expect(figures.stillOpen).toBe(1);
  });

  it('measures time to first action and to closure', () => {
    expect(figures.toFirstAction).toEqual({
      count: 3,
      median: { hours: 3, days: 0.1 },
      p90: { hours: 10, days: 0.4 },
    });
    expect(figures.toClosure).toEqual({
      count: 2,
      median: { hours: 144, days: 6 },
      p90: { hours: 240, days: 10 },
    });
    expect(figures.previous?.toClosure).toEqual({ count: 0 });
  });

  it('counts overdue tasks now on any case, and tasks done late in the term', () => {
    expect(figures.overdueTasksNow).toBe(2);
    expect(figures.tasksDone).toBe(2);
    expect(figures.tasksDoneLate).toBe(1);
  });

  it('leaves the comparison out when not asked for', () => {
    const alone = termFigures({ cases, term: autumn, now });
    expect(alone.previous).toBeUndefined();
    expect(alone.byKind.every((r) => r.previous === undefined)).toBe(true);
  });

  it('treats a closure after now as still open, and a closure without an outcome as not recorded', () => {
    const later = termFigures({
      cases: [
        summary({ closedAt: at('2026-12-02T00:00:00Z'), outcome: 'unfounded' }),
        summary({ closedAt: at('2026-11-02T00:00:00Z') }),
      ],
      term: autumn,
      now,
    });
    expect(value(row(later.byOutcome, 'still_open')?.count)).toBe(1);
    expect(value(row(later.byOutcome, 'unfounded')?.count)).toBe(0);
    expect(value(row(later.byOutcome, 'not_recorded')?.count)).toBe(1);
    expect(later.toClosure.count).toBe(1);
  });
});

describe('elapsedFigures', () => {
  it('has no median or 90th percentile without data, never NaN', () => {
    expect(elapsedFigures([])).toEqual({ count: 0 });
  });

  it('takes the middle of an even number and a value that occurred for the 90th percentile', () => {
    expect(elapsedFigures([4 * hour, 2 * hour])).toEqual({
      count: 2,
      median: { hours: 3, days: 0.1 },
      p90: { hours: 4, days: 0.2 },
    });
    const tenWaits = Array.from({ length: 10 }, (_, i) => (i + 1) * hour);
    expect(elapsedFigures(tenWaits).p90?.hours).toBe(9);
  });

  it('counts a negative wait as none', () => {
    expect(elapsedFigures([-5 * hour]).median?.hours).toBe(0);
  });

  it('keeps the median and 90th percentile within the data, with nine in ten waits at most the 90th', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 90 * 24 * hour }), { minLength: 1, maxLength: 60 }), (waits) => {
        const figures = elapsedFigures(waits);
        const median = figures.median?.hours ?? Number.NaN;
        const p90 = figures.p90?.hours ?? Number.NaN;
        const hours = waits.map((wait) => wait / hour);
        const tolerance = 0.05 + 1e-9;
        expect(figures.count).toBe(waits.length);
        expect(median).toBeGreaterThanOrEqual(Math.min(...hours) - tolerance);
        expect(p90).toBeLessThanOrEqual(Math.max(...hours) + tolerance);
        expect(median).toBeLessThanOrEqual(p90 + tolerance);
        expect(hours.filter((h) => h <= p90 + tolerance).length).toBeGreaterThanOrEqual(0.9 * waits.length);
        expect(hours.filter((h) => h < p90 - tolerance).length).toBeLessThan(0.9 * waits.length);
      }),
    );
  });
});

// Cases reported from the start of the summer term to the end of the spring term after autumn.
const span = { min: termFor('summer', 2026).starts.getTime(), max: termFor('spring', 2027).ends.getTime() };
const roleArbitrary = fc.constantFrom(...roles);
const taskArbitrary: fc.Arbitrary<TaskSummary> = fc
  .record({
    due: fc.integer(span),
    state: fc.constantFrom(...taskStates),
    doneAfter: fc.option(fc.integer({ min: -5 * 24 * hour, max: 20 * 24 * hour }), { nil: undefined }),
  })
  .map(({ due, state, doneAfter }) => ({
    dueAt: new Date(due),
    state,
    ...(state === 'done' && doneAfter !== undefined && { doneAt: new Date(due + doneAfter) }),
  }));
const caseArbitrary: fc.Arbitrary<CaseSummary> = fc
  .record({
    kind: fc.constantFrom(...concernKinds),
    partyRoles: fc.array(roleArbitrary, { maxLength: 5 }),
    subjectRoles: fc.array(roleArbitrary, { maxLength: 2 }),
    handler: fc.constantFrom(...handlers),
    outcome: fc.option(fc.constantFrom(...caseOutcomes), { nil: undefined }),
    reported: fc.integer(span),
    firstAction: fc.option(fc.integer({ min: 0, max: 30 * 24 * hour }), { nil: undefined }),
    closure: fc.option(fc.integer({ min: 0, max: 120 * 24 * hour }), { nil: undefined }),
    tasks: fc.array(taskArbitrary, { maxLength: 4 }),
  })
  .map(({ reported, firstAction, closure, outcome, ...rest }) => ({
    ...rest,
    reportedAt: new Date(reported),
    ...(firstAction !== undefined && { firstActionAt: new Date(reported + firstAction) }),
    ...(closure !== undefined && { closedAt: new Date(reported + closure), ...(outcome && { outcome }) }),
  }));
const nowArbitrary = fc.integer(span).map((ms) => new Date(ms));

const total = (rows: FigureRow<string>[]) => rows.reduce((sum, r) => sum + (value(r.count) ?? 0), 0);

describe('termFigures, as properties', () => {
  const inTerm = (c: CaseSummary, now: Date) =>
    c.reportedAt >= autumn.starts && c.reportedAt < autumn.ends && c.reportedAt <= now;

  it('counts every case reported in the term once by kind and once by outcome', () => {
    fc.assert(
      fc.property(fc.array(caseArbitrary, { maxLength: 40 }), nowArbitrary, (cases, now) => {
        const figures = termFigures({ cases, term: autumn, now });
        const expected = cases.filter((c) => inTerm(c, now)).length;
        expect(figures.cases).toBe(expected);
        expect(total(figures.byKind)).toBe(expected);
        expect(total(figures.byOutcome)).toBe(expected);
        expect(value(row(figures.byOutcome, 'still_open')?.count)).toBe(figures.stillOpen);
      }),
    );
  });

  it('counts each role once a case, hiding only 1 and 2', () => {
    fc.assert(
      fc.property(fc.array(caseArbitrary, { maxLength: 40 }), nowArbitrary, (cases, now) => {
        const figures = termFigures({ cases, term: autumn, now });
        const counted = cases.filter((c) => inTerm(c, now));
        for (const [rows, pick] of [
          [figures.byRoleInvolved, (c: CaseSummary) => c.partyRoles],
          [figures.bySubjectRole, (c: CaseSummary) => c.subjectRoles],
        ] as const) {
          for (const role of roles) {
            const expected = counted.filter((c) => pick(c).includes(role)).length;
            const shown = row(rows, role);
            if (expected === 0 && !shown) continue;
            expect(shown?.count.suppressed).toBe(expected === 1 || expected === 2);
            expect(shown?.count.text).toBe(expected === 1 || expected === 2 ? fewerThanThree : String(expected));
          }
          expect(rows.some((r) => r.count.text === '1' || r.count.text === '2')).toBe(false);
        }
      }),
    );
  });

  it('gives time figures only when there is something to measure, and never NaN', () => {
    fc.assert(
      fc.property(fc.array(caseArbitrary, { maxLength: 40 }), nowArbitrary, (cases, now) => {
        const figures = termFigures({ cases, term: autumn, now });
        const counted = cases.filter((c) => inTerm(c, now));
        const firstActions = counted.filter((c) => c.firstActionAt && c.firstActionAt <= now).length;
        expect(figures.toFirstAction.count).toBe(firstActions);
        for (const elapsed of [figures.toFirstAction, figures.toClosure]) {
          expect(elapsed.median === undefined).toBe(elapsed.count === 0);
          expect(elapsed.p90 === undefined).toBe(elapsed.count === 0);
          expect(JSON.stringify(elapsed)).not.toMatch(/NaN|null/);
          for (const figure of [elapsed.median, elapsed.p90]) {
            if (figure) expect(Number.isFinite(figure.hours) && Number.isFinite(figure.days)).toBe(true);
          }
        }
      }),
    );
  });

  it('counts overdue and late tasks', () => {
    fc.assert(
      fc.property(fc.array(caseArbitrary, { maxLength: 30 }), nowArbitrary, (cases, now) => {
        const figures = termFigures({ cases, term: autumn, now });
        const tasks = cases.flatMap((c) => c.tasks);
        expect(figures.overdueTasksNow).toBe(tasks.filter((t) => t.state === 'open' && t.dueAt < now).length);
        const done = tasks.filter(
          (t) =>
            t.state === 'done' && t.doneAt && t.doneAt >= autumn.starts && t.doneAt < autumn.ends && t.doneAt <= now,
        );
        expect(figures.tasksDone).toBe(done.length);
        expect(figures.tasksDoneLate).toBe(done.filter((t) => t.doneAt && t.doneAt > t.dueAt).length);
      }),
    );
  });

  it("compares with the previous term's own figures, listing the same roles in both", () => {
    fc.assert(
      fc.property(fc.array(caseArbitrary, { maxLength: 30 }), nowArbitrary, (cases, now) => {
        const compared = termFigures({ cases, term: autumn, now, compareWith: summer });
        const before = termFigures({ cases, term: summer, now });
        expect(compared.previous?.cases).toBe(before.cases);
        expect(compared.previous?.toClosure).toEqual(before.toClosure);
        expect(compared.byKind.map((r) => r.previous)).toEqual(before.byKind.map((r) => r.count));
        expect(compared.byRoleInvolved.map((r) => r.key)).toEqual(compared.previous?.byRoleInvolved.map((r) => r.key));
        for (const r of compared.byRoleInvolved) {
          const alone = row(before.byRoleInvolved, r.key);
          expect(r.previous).toEqual(alone?.count ?? { suppressed: false, value: 0, text: '0' });
        }
      }),
    );
  });

  it('never carries anything from a case but its vocabulary values', () => {
    fc.assert(
      fc.property(fc.array(caseArbitrary, { minLength: 1, maxLength: 10 }), (cases) => {
        const withNames = cases.map((c) => ({ ...c, name: 'Zebedee Quartermaine', what: 'secret words here' }));
        const text = JSON.stringify(termFigures({ cases: withNames, term: autumn, now: new Date(span.max) }));
        expect(text).not.toContain('Zebedee');
        expect(text).not.toContain('secret');
      }),
    );
  });
});

// Roles in a row list are in the vocabulary's order, so pages and CSV are stable.
it('lists roles in the vocabulary order', () => {
  const order: Role[] = ['third_party', 'pupil', 'headteacher'];
  const figures = termFigures({
    cases: [summary({ partyRoles: order, subjectRoles: [] })],
    term: autumn,
    now: autumn.ends,
  });
  expect(figures.byRoleInvolved.map((r) => r.key)).toEqual(['headteacher', 'pupil', 'third_party']);
});
