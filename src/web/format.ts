// Dates and times the way a school writes them, UK time, for every page: functions for presenters,
// and the same functions as Nunjucks filters (`{{ review.reviewDue | longDate }}`), registered
// on the template environment by registerFormatFilters.
import type { Environment } from 'nunjucks';
import { formatDate, formatDeadline } from '../domain/policy/render/dates.ts';

const london = 'Europe/London';

const dayParts = new Intl.DateTimeFormat('en-GB', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  timeZone: london,
});
const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: london });
const twelveHour = new Intl.DateTimeFormat('en-GB', {
  timeZone: london,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
});

/** The day a moment falls on in the UK, as YYYY-MM-DD. */
export function ukDay(at: Date): string {
  const parts = Object.fromEntries(dayParts.formatToParts(at).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** "18 November 2026": from YYYY-MM-DD (or YYYY-MM, or YYYY), or the UK day of a moment; blank for none. */
export function longDate(day: string | Date | undefined | null): string {
  if (day === undefined || day === null) return '';
  return formatDate(typeof day === 'string' ? day : ukDay(day));
}

/** "09:15", UK time. */
export function clockTime(at: Date): string {
  return clock.format(at);
}

/** "18 November 2026 at 09:15", UK time. */
export function dateAndTime(at: Date): string {
  return `${longDate(at)} at ${clockTime(at)}`;
}

/** "18 November 2026 09:15", UK time: where space is short, as in a list of mentions. */
export function dateThenTime(at: Date): string {
  return `${longDate(at)} ${clockTime(at)}`;
}

/** "18 November 2026 at 9:15 am", UK time. */
export function dateAndTwelveHourTime(at: Date): string {
  return twelveHour.format(at);
}

/** "2026-11-18 09:15", in UTC, as the audit log records it. */
export function timestamp(at: Date): string {
  return at.toISOString().slice(0, 16).replace('T', ' ');
}

/** An ISO 8601 deadline (P1D, P2W, PT4H) in words: "within 1 day". */
export const deadline = formatDeadline;

/** A moment as a template may hold it: a Date, or its ISO 8601 text. */
const moment = (value: Date | string) => (typeof value === 'string' ? new Date(value) : value);

/** Makes the formats above filters of the template environment; each writes nothing for no value. */
export function registerFormatFilters(env: Environment): void {
  const blankFor =
    <T>(format: (value: T) => string) =>
    (value: T | undefined | null | '') =>
      value === undefined || value === null || value === '' ? '' : format(value);
  env.addFilter('longDate', blankFor(longDate));
  env.addFilter(
    'dateAndTime',
    blankFor((at: Date | string) => dateAndTime(moment(at))),
  );
  env.addFilter(
    'dateThenTime',
    blankFor((at: Date | string) => dateThenTime(moment(at))),
  );
  env.addFilter(
    'dateAndTwelveHourTime',
    blankFor((at: Date | string) => dateAndTwelveHourTime(moment(at))),
  );
  env.addFilter(
    'timestamp',
    blankFor((at: Date | string) => timestamp(moment(at))),
  );
  env.addFilter('deadline', blankFor(deadline));
}
