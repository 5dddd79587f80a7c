import { describe, expect, it } from 'vitest';
import { addDays, birthDatesFor, isDay, schoolYearOf } from '../../../src/domain/demo/calendar.ts';
import { seededRandom } from '../../../src/domain/demo/random.ts';

describe('school years', () => {
  it('starts a school year on 1 September', () => {
    expect(schoolYearOf('2025-08-31')).toBe(2024);
    expect(schoolYearOf('2025-09-01')).toBe(2025);
    expect(schoolYearOf('2026-03-02')).toBe(2025);
  });

  it('puts children born 1 September to 31 August in the same year group', () => {
    expect(birthDatesFor('R', 2025)).toEqual({ from: '2020-09-01', to: '2021-08-31' });
    expect(birthDatesFor('6', 2025)).toEqual({ from: '2014-09-01', to: '2015-08-31' });
  });
});

describe('days', () => {
  it('knows a real day from an impossible one', () => {
    expect(isDay('2028-02-29')).toBe(true);
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('2026-3-2')).toBe(false);
  });

  it('counts days across month ends and leap days', () => {
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
  });
});

describe('seededRandom', () => {
  const draw = (seed: number) => {
    const random = seededRandom(seed);
    return Array.from({ length: 20 }, () => random.next());
  };

  it('repeats itself for a seed and differs between seeds', () => {
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
  });

  it('keeps whole numbers within bounds and reaches both ends', () => {
    const random = seededRandom(3);
    const rolls = Array.from({ length: 1000 }, () => random.int(1, 6));
    expect(new Set(rolls)).toEqual(new Set([1, 2, 3, 4, 5, 6]));
  });

  it('shuffles without losing or repeating anything', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const shuffled = seededRandom(4).shuffle(items);
    expect(shuffled).not.toEqual(items);
    expect(shuffled.toSorted((a, b) => a - b)).toEqual(items);
  });
});
