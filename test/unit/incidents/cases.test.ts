// The rules of a case: who handles it, who may open it, the tasks an answer raises and when they
// are chased, how long it is kept, and a chronology that shows any entry changed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../src/adapters/crypto/hash.ts';
import {
  canHandleCase,
  canOpenCase,
  caseReference,
  handlerFor,
  referenceShape,
  type Party,
} from '../../../src/domain/incidents/case.ts';
import {
  chronologyStart,
  sealEvent,
  verifyChronology,
  type CaseEvent,
} from '../../../src/domain/incidents/chronology.ts';
import { readReportForm } from '../../../src/domain/incidents/report-form.ts';
import { proposedSituation } from '../../../src/domain/incidents/report.ts';
import { readRetentionRules, reviewDateFor } from '../../../src/domain/incidents/retention.ts';
import { chaseDue, durationOf, ownerRoleFor, tasksFor } from '../../../src/domain/incidents/tasks.ts';
import { assessmentValues, readAssessmentForm } from '../../../src/domain/incidents/assessment-form.ts';

const about = (role: Party['role'], personId?: string): Party => ({
  role,
  subject: true,
  ...(personId && { personId }),
});
const pupil: Party = { role: 'pupil', subject: false };

describe('Routing a case', () => {
  it('sends a case about the Headteacher to the chair, about staff to the Headteacher, about a child to the DSL', () => {
    expect(handlerFor([about('headteacher'), pupil])).toBe('chair_of_governors');
    expect(handlerFor([about('staff'), pupil])).toBe('headteacher');
    expect(handlerFor([about('volunteer')])).toBe('headteacher');
    expect(handlerFor([about('parent'), pupil])).toBe('dsl');
    expect(handlerFor([about('pupil')])).toBe('dsl');
    expect(handlerFor([about('parent')])).toBe('headteacher');
    expect(handlerFor([about('third_party')])).toBe('headteacher');
  });

  it('never lets the subject of an allegation open it, whatever roles they hold', () => {
    const access = { handler: 'headteacher' as const, subjectPersonIds: ['head-1'], taskOwnerIds: ['head-1'] };
    expect(canOpenCase({ personId: 'head-1', roles: ['headteacher', 'dsl'] }, access)).toBe(false);
    expect(canHandleCase({ personId: 'head-1', roles: ['headteacher'] }, access)).toBe(false);
    expect(canOpenCase({ personId: 'head-2', roles: ['headteacher'] }, access)).toBe(true);
  });

  it('gives a case about the Headteacher to the chair alone, and the DSL’s cases to the Headteacher as well', () => {
    const chairs = { handler: 'chair_of_governors' as const, subjectPersonIds: [], taskOwnerIds: [] };
    expect(canOpenCase({ personId: 'h', roles: ['headteacher'] }, chairs)).toBe(false);
    expect(canOpenCase({ personId: 'd', roles: ['dsl'] }, chairs)).toBe(false);
    expect(canOpenCase({ personId: 'c', roles: ['chair_of_governors', 'governor'] }, chairs)).toBe(true);
    const dsls = { handler: 'dsl' as const, subjectPersonIds: [], taskOwnerIds: [] };
    expect(canOpenCase({ personId: 'h', roles: ['headteacher'] }, dsls)).toBe(true);
    expect(canOpenCase({ personId: 's', roles: ['staff'] }, dsls)).toBe(false);
    expect(canOpenCase({ personId: 's', roles: ['staff'] }, { ...dsls, taskOwnerIds: ['s'] })).toBe(true);
  });

  it('makes references of eight unambiguous letters that say nothing of how many cases there are', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 8, maxLength: 8 }), (bytes) => {
        expect(caseReference(bytes)).toMatch(referenceShape);
      }),
    );
    expect(() => caseReference(new Uint8Array(4))).toThrow();
  });
});

describe('Tasks', () => {
  const now = new Date('2026-11-20T09:00:00Z');

  it('raises each step once, with the policy’s deadline or a default by urgency, and skips those already raised', () => {
    const tasks = tasksFor(
      [
        { action: 'refer_lado', owner: 'headteacher', because: 'P1' },
        { action: 'request_removal', owner: 'school', because: 'P2', deadline: 'P3D' },
        { action: 'seek_legal_advice', owner: 'governing_body', because: 'P2', optional: true },
        { action: 'refer_lado', owner: 'headteacher', because: 'P1' },
        { action: 'notify_dsl', owner: 'staff', because: 'P3' },
      ],
      'dsl',
      now,
      [{ action: 'notify_dsl', because: 'P3' }],
    );
    expect(
      tasks.map((t) => [t.action, t.ownerRole, t.optional, (t.dueAt.getTime() - now.getTime()) / 3_600_000]),
    ).toEqual([
      ['refer_lado', 'headteacher', false, 24],
      ['request_removal', 'dsl', false, 72],
      ['seek_legal_advice', 'chair_of_governors', true, 120],
    ]);
  });

  it('gives every step of a case about the Headteacher to the chair', () => {
    expect(ownerRoleFor('headteacher', 'chair_of_governors')).toBe('chair_of_governors');
    expect(ownerRoleFor('dsl', 'chair_of_governors')).toBe('chair_of_governors');
    expect(ownerRoleFor('dsl', 'headteacher')).toBe('dsl');
    expect(ownerRoleFor('parent', 'headteacher')).toBe('headteacher');
  });

  it('reads the policy’s deadlines', () => {
    expect(durationOf('P2W')).toBe(14 * 24 * 3_600_000);
    expect(durationOf('PT4H')).toBe(4 * 3_600_000);
    expect(durationOf('soon')).toBeUndefined();
  });

  it('reminds the owner once past due, then the person above two days on, then nobody', () => {
    const dueAt = new Date('2026-11-20T09:00:00Z');
    const at = (hours: number) => new Date(dueAt.getTime() + hours * 3_600_000);
    expect(chaseDue({ state: 'open', dueAt }, at(-1))).toBeUndefined();
    expect(chaseDue({ state: 'open', dueAt }, at(1))).toBe('remind_owner');
    expect(chaseDue({ state: 'open', dueAt, remindedAt: at(1) }, at(24))).toBeUndefined();
    expect(chaseDue({ state: 'open', dueAt, remindedAt: at(1) }, at(48))).toBe('escalate');
    expect(chaseDue({ state: 'open', dueAt, remindedAt: at(1), escalatedAt: at(48) }, at(96))).toBeUndefined();
    expect(chaseDue({ state: 'done', dueAt }, at(96))).toBeUndefined();
  });
});

describe('The chronology', () => {
  const entries = fc.array(fc.string({ maxLength: 40 }), { minLength: 1, maxLength: 8 });

  function chronology(texts: readonly string[]): { events: CaseEvent[]; head: { seq: number; hash: string } } {
    let head = chronologyStart;
    const events: CaseEvent[] = [];
    texts.forEach((text, i) => {
      const event = sealEvent(
        'case-1',
        { at: new Date(Date.UTC(2026, 10, 20, 9, i)), actorPersonId: null, kind: 'note', text },
        head,
        sha256Hex,
      );
      events.push(event);
      head = { seq: event.seq, hash: event.hash };
    });
    return { events, head };
  }

  it('is whole as written, and names the entry whose words were changed', () => {
    fc.assert(
      fc.property(entries, fc.nat(), fc.string({ minLength: 1, maxLength: 20 }), (texts, pick, extra) => {
        const { events, head } = chronology(texts);
        expect(verifyChronology(events, head, sha256Hex)).toEqual({ ok: true, entries: texts.length });
        const at = pick % events.length;
        const changed = events.map((event, i) => (i === at ? { ...event, text: `${event.text}${extra}` } : event));
        expect(verifyChronology(changed, head, sha256Hex)).toEqual({ ok: false, seq: at + 1, problem: 'altered' });
      }),
    );
  });

  it('shows an entry removed from the end', () => {
    const { events, head } = chronology(['Reported', 'Assessed', 'Closed']);
    expect(verifyChronology(events.slice(0, 2), head, sha256Hex)).toEqual({ ok: false, seq: 3, problem: 'removed' });
  });
});

describe('Keeping records', () => {
  const rules = { childYears: 25, otherYears: 6 };

  it('keeps a child’s case until 25 years after the youngest child’s birth, and others six years after closing', () => {
    expect(reviewDateFor('2026-11-20', true, ['2015-02-03', '2016-09-30'], rules)).toBe('2041-09-30');
    expect(reviewDateFor('2026-11-20', false, ['2015-02-03'], rules)).toBe('2032-11-20');
    // A child the school does not know: the period runs from closure, so it is never shorter.
    expect(reviewDateFor('2026-11-20', true, [], rules)).toBe('2051-11-20');
    expect(reviewDateFor('2028-02-29', false, [], { childYears: 25, otherYears: 1 })).toBe('2029-02-28');
  });

  it('asks for whole years within limits', () => {
    expect(readRetentionRules({ childYears: '25', otherYears: '7' })).toEqual({
      ok: true,
      rules: { childYears: 25, otherYears: 7 },
    });
    const wrong = readRetentionRules({ childYears: '2.5', otherYears: '' });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(Object.keys(wrong.errors).sort()).toEqual(['childYears', 'otherYears']);
  });
});

describe('Reports and assessment', () => {
  const today = '2026-11-22';

  it('says what to fix in a report, and accepts a complete one', () => {
    const empty = readReportForm({}, today);
    expect(empty.ok).toBe(false);
    if (!empty.ok) {
      expect(Object.keys(empty.errors)).toEqual(
        expect.arrayContaining(['kind', 'what', 'aboutRole', 'childInvolved', 'reporterRole']),
      );
    }
    const badLink = readReportForm(
      {
        kind: 'post',
        what: 'x',
        aboutRole: 'parent',
        childInvolved: 'no',
        reporterRole: 'parent',
        links: 'javascript:alert(1)',
      },
      today,
    );
    expect(badLink.ok || badLink.errors.links).toMatch(/not a web address/);
    const future = readReportForm(
      {
        kind: 'post',
        what: 'x',
        aboutRole: 'parent',
        childInvolved: 'no',
        reporterRole: 'parent',
        happenedOn: '2026-12-01',
      },
      today,
    );
    expect(future.ok || future.errors.happenedOn).toMatch(/today or in the past/);
    const good = readReportForm(
      { kind: 'friend_request', what: 'A request', aboutRole: 'pupil', childInvolved: 'yes', childPupilId: 'p-1' },
      today,
      { personId: 't-1', role: 'staff' },
    );
    expect(good.ok && good.read.report.parties).toEqual([{ role: 'pupil', subject: true, pupilId: 'p-1' }]);
    expect(good.ok && proposedSituation(good.read.report, 'staff')).toEqual({
      actor: { role: 'pupil' },
      act: 'friend_request_send',
      counterpart: { role: 'staff' },
      context: { visibility: 'public' },
    });
  });

  it('gives back, from the form, the situation it was filled from', () => {
    const situations = [
      {
        actor: { role: 'pupil' as const },
        act: 'friend_request_send' as const,
        counterpart: { role: 'staff' as const, age: 34 },
        context: {},
      },
      {
        actor: { role: 'parent' as const },
        act: 'post' as const,
        content: {
          about: ['pupils' as const],
          images: [{ of: 'other_pupils' as const, consent: false }],
          namesPupils: true,
          tone: 'negative' as const,
          labels: ['allegation' as const],
          channel: 'school_page_comment' as const,
        },
        context: { platform: 'facebook', visibility: 'group' as const, onSchoolTrip: true },
      },
    ];
    for (const situation of situations) {
      const read = readAssessmentForm(assessmentValues(situation));
      expect(read).toEqual({ ok: true, situation });
    }
    expect(readAssessmentForm({ actorRole: 'pupil', act: 'dance' }).ok).toBe(false);
  });
});
