import { describe, expect, it } from 'vitest';
import { schoolDay } from '../../../src/domain/calendar/school-day.ts';

describe('The school day', () => {
  it('is tomorrow in UTC terms between midnight and one in the morning in summer', () => {
    // 23:30 UTC on 14 July is 00:30 on 15 July in the UK.
    expect(schoolDay(new Date('2026-07-14T23:30:00Z'))).toBe('2026-07-15');
  });

  it('is the UTC day in winter, when UK time is UTC', () => {
    expect(schoolDay(new Date('2026-01-14T23:30:00Z'))).toBe('2026-01-14');
    expect(schoolDay(new Date('2026-01-15T00:10:00Z'))).toBe('2026-01-15');
  });

  it('changes at midnight UK time on the day the clocks go forward', () => {
    expect(schoolDay(new Date('2026-03-28T23:59:00Z'))).toBe('2026-03-28');
    expect(schoolDay(new Date('2026-03-29T00:00:00Z'))).toBe('2026-03-29');
  });
});
