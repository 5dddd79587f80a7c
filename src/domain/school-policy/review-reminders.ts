// Reminding the Headteacher that the policy's review is coming: 60 days before the review date,
// and again 14 days before. Each reminder goes once per version; a reminder missed (the server was
// down that day) still goes while it is early enough to matter.
import { formatDate } from '../policy/render/dates.ts';

export const reviewReminders = [
  { kind: 'review_in_60_days', daysBefore: 60 },
  { kind: 'review_in_14_days', daysBefore: 14 },
] as const;
export type ReviewReminderKind = (typeof reviewReminders)[number]['kind'];

const dayMs = 86_400_000;

/** Whole days from `today` to `due`, both YYYY-MM-DD. */
export function daysUntil(today: string, due: string): number {
  return Math.round((Date.parse(`${due}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / dayMs);
}

/** The reminder due today for a review on `due`, if any: the nearest one whose day has come. */
export function reminderDue(today: string, due: string): ReviewReminderKind | undefined {
  const left = daysUntil(today, due);
  if (left < 0) return undefined;
  const reached = reviewReminders.filter((reminder) => left <= reminder.daysBefore);
  return reached.at(-1)?.kind;
}

/** YYYY-MM-DD, `days` after `today`. */
export function daysAfter(today: string, days: number): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

export function reviewReminderEmail(
  school: { name: string },
  version: { label: string; reviewDue: string },
  daysLeft: number,
  policyUrl: string,
): { subject: string; text: string } {
  return {
    subject: `${school.name}: the social media policy is due for review on ${formatDate(version.reviewDue)}`,
    text:
      [
        `Version ${version.label} of ${school.name}'s social media policy is due for review on ${formatDate(version.reviewDue)}, in ${daysLeft} ${daysLeft === 1 ? 'day' : 'days'}.`,
        'To review it, sign in to Footprint, start a new version (even if nothing changes), and send it to the governors to ratify. Their ratification sets the next review date.',
        policyUrl,
        'You receive this because you are the Headteacher in Footprint.',
      ].join('\n\n') + '\n',
  };
}
