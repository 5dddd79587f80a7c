// How the consent pages say answers, classes, year groups and moments.
import type { YearGroup } from '../../../domain/community/pupils.ts';
import type { OwnLinkRefusal } from '../../../domain/registers/consent-for-pupils.ts';
import type { StandingAnswer } from '../../../domain/registers/consent.ts';
import { yearGroupName } from '../people/words.ts';

export { yearGroupName };

/** "Class 3 Oak", or the name as it is when it already says class ("Class 4"). */
export function classLabel(name: string): string {
  return /^class\b/i.test(name) ? name : `Class ${name}`;
}

/** "Year 3", or "Year 3 and Year 4" for a mixed class. */
export function yearGroupsName(groups: readonly YearGroup[]): string {
  return groups.map(yearGroupName).join(' and ');
}

/** "Yes", "No" or "No answer yet", with "(to be confirmed)" after a renewal. */
export function answerWords(answer: StandingAnswer): string {
  const said = answer.status === 'given' ? 'Yes' : answer.status === 'refused' ? 'No' : 'No answer yet';
  return answer.toBeConfirmed ? `${said} (to be confirmed)` : said;
}

/** A GOV.UK tag colour for each answer. */
export function answerTagClass(answer: StandingAnswer): string {
  if (answer.toBeConfirmed) return 'govuk-tag--yellow';
  if (answer.status === 'given') return 'govuk-tag--green';
  if (answer.status === 'refused') return 'govuk-tag--red';
  return 'govuk-tag--grey';
}

const moment = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/London',
});

/** "18 November 2026 at 09:15", UK time. */
export function longMoment(at: Date): string {
  const parts = Object.fromEntries(moment.formatToParts(at).map((part) => [part.type, part.value]));
  return `${parts.day} ${parts.month} ${parts.year} at ${parts.hour}:${parts.minute}`;
}

/** Why this pupil cannot be given a link to their record, for the member of staff. */
export const refusalWords = (name: string, refusal: OwnLinkRefusal) =>
  refusal.reason === 'left'
    ? `${name} is no longer on the school’s roll, so cannot be given a link.`
    : `${name} is ${refusal.age}. Only pupils of 12 and over can be given a link to their record: go through this page with ${name} instead, or with a parent or carer.`;
