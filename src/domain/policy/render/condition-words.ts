// How a condition speaks of ways of getting in touch and of ages. The words for each field of a
// situation are in its table of fields (../situation-fields.ts).
import type { Field } from '../field-kinds.ts';
import { imageFields, situationFields } from '../situation-fields.ts';

// The policy editor's pages take the words of acts and of yes/no facts from here.
export { actWords } from './vocabulary-words.ts';

/** Acts that are all ways of being in touch with someone. */
export const contactActs: ReadonlySet<string> = new Set([
  'friend_request_send',
  'friend_request_accept',
  'follow',
  'message',
  'share_contact_details',
]);

/** A number test on an age: "under 16". */
export const numberWords: Readonly<Record<string, (n: number) => string>> = {
  below: (n) => `under ${n}`,
  atMost: (n) => `${n} or under`,
  above: (n) => `over ${n}`,
  atLeast: (n) => `${n} or over`,
};

/** The test that holds exactly when this one does not: not under 16 is 16 or over. */
export const oppositeTest: Readonly<Record<string, string>> = {
  below: 'atLeast',
  atLeast: 'below',
  above: 'atMost',
  atMost: 'above',
};

/** Each yes/no fact by its field, as the table of fields says it. */
export const yesNoWords: Readonly<Record<string, { yes: string; no: string }>> = Object.fromEntries(
  [...Object.entries(situationFields), ...Object.entries(imageFields)].flatMap(([name, field]: [string, Field]) =>
    field.kind === 'yes_no' ? [[name, field.words]] : [],
  ),
);
