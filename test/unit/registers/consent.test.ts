// The consent register's rules: the latest answer stands, figures per class and per year group add
// up, a renewal marks older answers as to be confirmed without changing what they say, and a
// pupil's own record says given, withdrawn, not given or nothing, only from 12.
import { describe, expect, it } from 'vitest';
import { ageOn } from '../../../src/domain/community/pupils.ts';
import { ownLinkRefusal, ownRecord } from '../../../src/domain/registers/consent-for-pupils.ts';
import {
  classesOnRoll,
  coverage,
  coverageByClass,
  currentAnswer,
  defaultPurposes,
  imageConsent,
  readPurpose,
  renewalEmail,
  standing,
  type ConsentRecord,
} from '../../../src/domain/registers/consent.ts';

let next = 0;
function record(pupilId: string, purposeId: string, answer: 'given' | 'refused', at: string): ConsentRecord {
  next += 1;
  return {
    id: `r${next}`,
    schoolId: 's',
    pupilId,
    purposeId,
    answer,
    answeredBy: 'parent',
    answeredAt: new Date(at),
  };
}

describe('the answer that stands', () => {
  const history = [
    record('ada', 'web', 'given', '2026-09-01T09:00:00Z'),
    record('ada', 'social', 'given', '2026-09-01T09:00:00Z'),
    record('ada', 'web', 'refused', '2026-10-01T09:00:00Z'),
    record('bo', 'web', 'refused', '2026-09-02T09:00:00Z'),
  ];

  it('is the latest answer for that pupil and purpose', () => {
    expect(currentAnswer(history, 'ada', 'web')?.answer).toBe('refused');
    expect(currentAnswer(history, 'ada', 'social')?.answer).toBe('given');
    expect(currentAnswer(history, 'bo', 'social')).toBeUndefined();
  });

  it('goes to the later record when two share a moment', () => {
    const same = '2026-09-01T09:00:00Z';
    const tied = [record('cy', 'web', 'given', same), record('cy', 'web', 'refused', same)];
    expect(currentAnswer(tied, 'cy', 'web')?.answer).toBe('refused');
  });

  it('lets a pupil appear only with a yes, and an image only when everyone shown has one', () => {
    const ada = standing(history, 'ada', 'social');
    const bo = standing(history, 'bo', 'web');
    const cy = standing(history, 'cy', 'web');
    expect([ada.status, bo.status, cy.status]).toEqual(['given', 'refused', 'no_answer']);
    expect(imageConsent([ada])).toBe(true);
    expect(imageConsent([ada, bo])).toBe(false);
    expect(imageConsent([ada, cy])).toBe(false);
    expect(imageConsent([])).toBe(false);
  });
});

describe('a renewal', () => {
  const renewal = new Date('2027-09-01T00:00:00Z');
  const history = [
    record('ada', 'web', 'given', '2026-09-01T09:00:00Z'),
    record('bo', 'web', 'given', '2026-09-01T09:00:00Z'),
    record('bo', 'web', 'given', '2027-09-03T09:00:00Z'),
  ];

  it('marks answers given before it as to be confirmed, still saying what they said', () => {
    expect(standing(history, 'ada', 'web', renewal)).toMatchObject({ status: 'given', toBeConfirmed: true });
  });

  it('clears the mark once the answer is given again', () => {
    expect(standing(history, 'bo', 'web', renewal)).toMatchObject({ status: 'given', toBeConfirmed: false });
  });

  it('has nothing to confirm where there is no answer', () => {
    expect(standing(history, 'cy', 'web', renewal)).toEqual({ status: 'no_answer', toBeConfirmed: false });
  });

  it('sends an email that names no child', () => {
    const email = renewalEmail({ schoolName: 'Oak Primary', url: 'https://footprint.example/consent' });
    expect(email.subject).toContain('Oak Primary');
    expect(email.text).toContain('https://footprint.example/consent');
    expect(email.text).not.toMatch(/ada|bo\b/i);
  });
});

describe('figures per year group', () => {
  const pupils = [
    { id: 'ada', yearGroup: '3' as const },
    { id: 'bo', yearGroup: '3' as const },
    { id: 'cy', yearGroup: '3' as const },
    { id: 'di', yearGroup: '5' as const },
  ];
  const purposes = [{ id: 'web' }, { id: 'social' }];
  const history = [
    record('ada', 'web', 'given', '2026-09-01T09:00:00Z'),
    record('bo', 'web', 'given', '2026-09-01T09:00:00Z'),
    record('bo', 'web', 'refused', '2026-09-05T09:00:00Z'),
    record('di', 'social', 'given', '2026-09-01T09:00:00Z'),
  ];

  it('counts each pupil once, by their latest answer, in the order of the year groups', () => {
    const rows = coverage(pupils, purposes, history, ['5', '4', '3']);
    expect(rows.map((row) => row.yearGroup)).toEqual(['5', '3']);
    const year3 = rows.find((row) => row.yearGroup === '3')!;
    expect(year3.pupils).toBe(3);
    expect(year3.byPurpose).toEqual([
      { purposeId: 'web', tally: { given: 1, refused: 1, noAnswer: 1 } },
      { purposeId: 'social', tally: { given: 0, refused: 0, noAnswer: 3 } },
    ]);
    for (const row of rows) {
      for (const { tally } of row.byPurpose) expect(tally.given + tally.refused + tally.noAnswer).toBe(row.pupils);
    }
  });
});

describe('figures per class', () => {
  const pupils = [
    { id: 'ada', yearGroup: '3' as const, className: '3 Oak' },
    { id: 'bo', yearGroup: '3' as const, className: '3 Ash' },
    { id: 'cy', yearGroup: '10' as const, className: '10A' },
    { id: 'di', yearGroup: '4' as const, className: '3/4 Mixed' },
    { id: 'ed', yearGroup: '3' as const, className: '3/4 Mixed' },
    { id: 'fi', yearGroup: '5' as const },
    { id: 'gus', yearGroup: '9' as const, className: '9B' },
  ];
  const order = ['3', '4', '5', '9', '10'] as const;

  it('lists classes youngest first, then by name reading numbers as numbers, leaving out pupils with none', () => {
    const classes = classesOnRoll(pupils, order);
    expect(classes.map((c) => c.className)).toEqual(['3 Ash', '3 Oak', '3/4 Mixed', '9B', '10A']);
    expect(classes.find((c) => c.className === '3/4 Mixed')).toEqual({
      className: '3/4 Mixed',
      yearGroups: ['3', '4'],
      pupils: 2,
    });
  });

  it('counts every pupil once: in their class, or with the pupils who have none', () => {
    const history = [
      record('ada', 'web', 'given', '2026-09-01T09:00:00Z'),
      record('ed', 'web', 'refused', '2026-09-01T09:00:00Z'),
      record('fi', 'web', 'given', '2026-09-01T09:00:00Z'),
    ];
    const rows = coverageByClass(pupils, [{ id: 'web' }], history, order);
    expect(rows.map((row) => row.className)).toEqual(['3 Ash', '3 Oak', '3/4 Mixed', '9B', '10A', undefined]);
    expect(rows.reduce((sum, row) => sum + row.pupils, 0)).toBe(pupils.length);
    expect(rows.find((row) => row.className === '3/4 Mixed')!.byPurpose[0]!.tally).toEqual({
      given: 0,
      refused: 1,
      noAnswer: 1,
    });
    expect(rows.at(-1)).toMatchObject({ yearGroups: ['5'], pupils: 1 });
    expect(rows.at(-1)!.byPurpose[0]!.tally.given).toBe(1);
  });
});

describe('a pupil’s own record', () => {
  const purposes = [
    { id: 'web', title: 'Website', explanation: 'On the website.' },
    { id: 'named', title: 'Named', explanation: 'Named with a photo.' },
    { id: 'work', title: 'Work', explanation: 'Work online.' },
    { id: 'lessons', title: 'Lessons', explanation: 'Sites in lessons.' },
  ];
  const history = [
    record('zed', 'web', 'given', '2026-09-01T09:00:00Z'),
    record('zed', 'web', 'refused', '2026-10-01T09:00:00Z'),
    record('zed', 'named', 'refused', '2026-09-01T09:00:00Z'),
    record('zed', 'work', 'refused', '2026-09-01T09:00:00Z'),
    record('zed', 'work', 'given', '2026-09-02T09:00:00Z'),
    // Another pupil's answer never shows in Zed's record.
    record('amy', 'lessons', 'given', '2026-09-01T09:00:00Z'),
  ];

  it('says given, withdrawn, not given or nothing recorded, with when the standing answer was given', () => {
    const lines = ownRecord(purposes, history, 'zed');
    expect(lines.map((line) => [line.purpose.id, line.state, line.since?.toISOString()])).toEqual([
      ['web', 'withdrawn', '2026-10-01T09:00:00.000Z'],
      ['named', 'not_given', '2026-09-01T09:00:00.000Z'],
      ['work', 'given', '2026-09-02T09:00:00.000Z'],
      ['lessons', 'nothing', undefined],
    ]);
  });

  it('marks an answer given before a renewal as to be confirmed', () => {
    const lines = ownRecord(purposes, history, 'zed', new Date('2026-09-15T00:00:00Z'));
    expect(lines.map((line) => line.toBeConfirmed)).toEqual([false, true, true, false]);
  });

  it('is offered from the twelfth birthday, to pupils still on the roll', () => {
    const onThe = (day: string) => ageOn('2014-11-22', day);
    expect(ownLinkRefusal({ age: onThe('2026-11-21'), onRoll: true })).toEqual({ reason: 'too_young', age: 11 });
    expect(ownLinkRefusal({ age: onThe('2026-11-22'), onRoll: true })).toBeUndefined();
    expect(ownLinkRefusal({ age: 15, onRoll: false })).toEqual({ reason: 'left' });
  });
});

describe('purposes', () => {
  it('start with the five defaults, each explained', () => {
    expect(defaultPurposes.map((p) => p.key)).toEqual([
      'website_photos',
      'social_media_photos',
      'named_with_photo',
      'work_online',
      'lesson_social_sites',
    ]);
    for (const purpose of defaultPurposes) expect(purpose.explanation.length).toBeGreaterThan(20);
  });

  it('need a title and an explanation, trimmed, within their lengths', () => {
    expect(readPurpose({ title: '  Newsletter  ', explanation: ' Printed, sent home. ' })).toEqual({
      ok: true,
      purpose: { title: 'Newsletter', explanation: 'Printed, sent home.' },
    });
    const refused = readPurpose({ title: ' ', explanation: 'x'.repeat(601) });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.problems.title).toMatch(/^Enter/);
      expect(refused.problems.explanation).toContain('600');
    }
  });
});
