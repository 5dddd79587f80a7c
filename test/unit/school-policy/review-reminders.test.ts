import { describe, expect, it } from 'vitest';
import {
  daysAfter,
  daysUntil,
  reminderDue,
  reviewReminderEmail,
} from '../../../src/domain/school-policy/review-reminders.ts';

describe('review reminders', () => {
  it('counts whole days across months, years and the clock change', () => {
    expect(daysUntil('2026-10-20', '2026-10-30')).toBe(10);
    expect(daysUntil('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysUntil('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysAfter('2026-11-22', 60)).toBe('2027-01-21');
  });

  it('is due 60 days before, then 14 days before, and never after the review date', () => {
    const due = '2027-03-01';
    expect(reminderDue(daysAfter(due, -61), due)).toBeUndefined();
    expect(reminderDue(daysAfter(due, -60), due)).toBe('review_in_60_days');
    expect(reminderDue(daysAfter(due, -15), due)).toBe('review_in_60_days');
    expect(reminderDue(daysAfter(due, -14), due)).toBe('review_in_14_days');
    expect(reminderDue(due, due)).toBe('review_in_14_days');
    expect(reminderDue(daysAfter(due, 1), due)).toBeUndefined();
  });

  it('says when, how to review, and names nobody', () => {
    const email = reviewReminderEmail(
      { name: 'Oak Primary' },
      { label: '2.0', reviewDue: '2027-03-01' },
      14,
      'https://f.example/policy',
    );
    expect(email.subject).toBe('Oak Primary: the social media policy is due for review on 1 March 2027');
    expect(email.text).toContain('in 14 days');
    expect(email.text).toContain('https://f.example/policy');
  });
});
