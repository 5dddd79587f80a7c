// How a condition speaks of each act, each yes/no fact and each listed value.
import type { Act } from '../vocabulary.ts';

/** An act on its own ("posting") and with the other person ("following a pupil"). */
export const actWords: Readonly<Record<Act, { alone: string; with?: (other: string) => string }>> = {
  friend_request_send: { alone: 'sending a friend request', with: (o) => `sending a friend request to ${o}` },
  friend_request_accept: { alone: 'accepting a friend request', with: (o) => `accepting a friend request from ${o}` },
  follow: { alone: 'following an account', with: (o) => `following ${o}` },
  message: { alone: 'sending private messages', with: (o) => `messaging ${o}` },
  post: { alone: 'posting' },
  use_social_media: { alone: 'using social media' },
  use_phone: { alone: 'using a phone or camera' },
  share_contact_details: {
    alone: 'giving out personal contact details',
    with: (o) => `giving personal contact details to ${o}`,
  },
  identify_as_employee: { alone: 'naming the school as employer on a personal profile' },
  create_account: { alone: 'setting up a social media account for school use' },
  register_account: { alone: 'registering on a social media platform' },
  support_extremism: { alone: 'supporting or sharing extremist organisations or material' },
};

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

/** A yes/no fact, said when it holds and when it does not. */
export const yesNoWords: Readonly<Record<string, { yes: string; no: string }>> = {
  'actor.formerEmployee': { yes: "who has left the school's employment", no: 'who still works at the school' },
  'actor.approved': {
    yes: "with the Headteacher's approval in advance",
    no: "without the Headteacher's approval in advance",
  },
  'actor.credentialsShared': {
    yes: 'with the login details given to the Headteacher',
    no: 'without the login details given to the Headteacher',
  },
  'actor.riskAssessed': { yes: 'after a risk assessment', no: 'without a risk assessment' },
  'counterpart.declared': {
    yes: 'where the relationship has been declared to the school',
    no: 'where the relationship has not been declared to the school',
  },
  'counterpart.approved': {
    yes: 'where the Headteacher has approved the relationship',
    no: 'where the Headteacher has not approved the relationship',
  },
  'content.namesPupils': { yes: 'naming a pupil', no: 'without naming a pupil' },
  'context.onPremises': { yes: 'on the school premises', no: 'away from the school premises' },
  'context.workingHours': { yes: 'during working hours', no: 'outside working hours' },
  'context.inLesson': { yes: 'in a lesson', no: 'outside lessons' },
  'context.onSchoolDevice': { yes: 'on a school device', no: 'not on a school device' },
  'context.onSchoolTrip': { yes: 'on a school trip or visit', no: 'not on a school trip or visit' },
  'context.directedByTeacher': { yes: 'as directed by a teacher', no: 'without a teacher directing it' },
  'context.emergency': { yes: 'in an emergency', no: 'when there is no emergency' },
  'context.outsideSchool': { yes: 'outside school', no: 'in school or during school hours' },
  consent: { yes: 'with consent', no: 'without consent' },
  schoolEvent: { yes: 'taken at a school event', no: 'not taken at a school event' },
};

/** A field whose values are listed: how each value reads and how the list is framed. */
export interface ListedWords {
  value: (v: string) => string;
  frame: (list: string) => string;
  negated: (list: string) => string;
}

const named =
  (names: Readonly<Record<string, string>>) =>
  (v: string): string =>
    names[v] ?? v.replace(/_/g, ' ');

const platformNames: Readonly<Record<string, string>> = {
  facebook: 'Facebook',
  instagram: 'Instagram',
  linkedin: 'LinkedIn',
  twitter: 'Twitter',
  x: 'X',
  whatsapp: 'WhatsApp',
  tiktok: 'TikTok',
  youtube: 'YouTube',
  snapchat: 'Snapchat',
};

export const listedWords: Readonly<Record<string, ListedWords>> = {
  'content.about': {
    value: named({ school: 'the school', other_children: 'other children' }),
    frame: (l) => `about ${l}`,
    negated: (l) => `not about ${l}`,
  },
  'content.labels': {
    value: named({
      complaint: 'a complaint',
      allegation: 'an allegation',
      threat_of_violence: 'a threat of violence',
      personal_campaign: 'a personal campaign',
      question: 'a question',
    }),
    frame: (l) => `with content that is ${l}`,
    negated: (l) => `with content that is not ${l}`,
  },
  'content.tone': { value: named({}), frame: (l) => `in a ${l} tone`, negated: (l) => `not in a ${l} tone` },
  'content.channel': {
    value: named({
      personal: 'on a personal account',
      official: "on the school's official accounts",
      school_page_comment: "in a comment on the school's own page",
    }),
    frame: (l) => l,
    negated: (l) => `anywhere except ${l}`,
  },
  'context.platform': {
    value: (v) => platformNames[v.toLowerCase()] ?? v,
    frame: (l) => `on ${l}`,
    negated: (l) => `not on ${l}`,
  },
  'context.visibility': {
    value: named({ public: 'in public', private: 'in private', group: 'in a group' }),
    frame: (l) => l,
    negated: (l) => `not ${l}`,
  },
  'counterpart.relationship': {
    value: named({ family: 'family', friend: 'a friend outside school', none: 'neither family nor a friend' }),
    frame: (l) => `who is ${l}`,
    negated: (l) => `who is not ${l}`,
  },
  'counterpart.account': {
    value: named({}),
    frame: (l) => `on their ${l} account`,
    negated: (l) => `not on their ${l} account`,
  },
  of: {
    value: named({ own_child: 'their own child', other_pupils: 'other pupils' }),
    frame: (l) => `of ${l}`,
    negated: (l) => `not of ${l}`,
  },
};
