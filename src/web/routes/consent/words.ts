// How the consent pages say answers, year groups and moments.
import type { StandingAnswer } from '../../../domain/registers/consent.ts';

export { yearGroupName } from '../people/words.ts';

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
