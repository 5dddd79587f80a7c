// The consent register's rules: the latest answer stands, figures per year group add up, and a
// renewal marks older answers as to be confirmed without changing what they say.
import { describe, expect, it } from 'vitest';
import {
  coverage,
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
