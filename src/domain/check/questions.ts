// The questions of "Check the policy", one a page, built from the situation vocabulary. Which are
// asked depends on the answers so far: the act decides what matters, the role which choices fit.
// Answers are plain strings, as a query string carries them; nothing here knows about the web.
import type { AccessRole } from '../access/roles.ts';
import { actWords, roleSingular } from '../policy/render/vocabulary-words.ts';
import { capitalise } from '../policy/render/words.ts';
import type { Situation } from '../policy/situation.ts';
import { situationFields } from '../policy/situation-fields.ts';
import { type Act, acts, type Role, roles } from '../policy/vocabulary.ts';

/** The answers given so far, by question key: one value for a single choice, several for a list. */
export type Answers = Readonly<Record<string, readonly string[]>>;

export interface Option {
  value: string;
  text: string;
  hint?: string;
}

interface Common {
  /** The name the answer travels under in the query string. */
  key: string;
  /** The last part of the page's address. */
  slug: string;
  title: (answers: Answers) => string;
  hint?: string;
  /** What the check-your-answers page calls the answer. */
  label: string;
  /** The error when nothing is chosen. */
  missing: string;
  asked: (answers: Answers) => boolean;
}

export interface ChoiceQuestion extends Common {
  kind: 'radios' | 'checkboxes';
  options: (answers: Answers) => Option[];
  /** For a list: the answer that none of the choices applies, shown after an "or". */
  none?: string;
}

export interface NumberQuestion extends Common {
  kind: 'number';
  min: number;
  max: number;
  invalid: string;
  suffix?: string;
}

export type Question = ChoiceQuestion | NumberQuestion;

/** The value a list answer takes when none of its choices applies. */
export const noneValue = 'none';

const yesNo: Option[] = [
  { value: 'yes', text: 'Yes' },
  { value: 'no', text: 'No' },
];

export const first = (answers: Answers, key: string): string | undefined => answers[key]?.[0];
const roleOf = (answers: Answers) => first(answers, 'role') as Role | undefined;
const actOf = (answers: Answers) => first(answers, 'act') as Act | undefined;
const actIn =
  (...list: Act[]) =>
  (answers: Answers) => {
    const act = actOf(answers);
    return act !== undefined && list.includes(act);
  };

/** Adults who work or help at the school, bound by its rules for staff, governors and volunteers. */
const adultsInSchool: ReadonlySet<Role> = new Set([
  'headteacher',
  'dsl',
  'staff',
  'governor',
  'volunteer',
  'pta_member',
  'contractor',
]);
const staffRoles: ReadonlySet<Role> = new Set(['headteacher', 'dsl', 'staff']);

const contactActs: readonly Act[] = [
  'friend_request_send',
  'friend_request_accept',
  'follow',
  'message',
  'share_contact_details',
];

/** Everyone but the school itself can ask. */
const askers = roles.filter((role) => role !== 'school');

const roleText = (role: Role) => capitalise(roleSingular[role]);

const actHints: Partial<Record<Act, string>> = {
  post: 'For example a photo, video or comment',
  use_social_media: 'For example scrolling or chatting on an app',
  use_phone: 'For example taking photos or making calls',
  message: 'Including group chats',
};

const whomTitles: Partial<Record<Act, string>> = {
  friend_request_send: 'Who is the friend request to?',
  friend_request_accept: 'Who is the friend request from?',
  follow: 'Who is it you would follow?',
  message: 'Who is the message to?',
  share_contact_details: 'Who would get your contact details?',
};

const counterpartOf = (answers: Answers) => first(answers, 'with') as Role | undefined;
const isPerson = (answers: Answers) => {
  const other = counterpartOf(answers);
  return other !== undefined && other !== 'school';
};

const contextFacts = [
  'onPremises',
  'onSchoolTrip',
  'inLesson',
  'workingHours',
  'onSchoolDevice',
  'directedByTeacher',
  'emergency',
] as const satisfies readonly (keyof NonNullable<Situation['context']>)[];
export type ContextFact = (typeof contextFacts)[number];

/** The circumstances that can apply to someone of the role. */
function factsFor(role: Role | undefined): ContextFact[] {
  const staff = role !== undefined && staffRoles.has(role);
  const pupil = role === 'pupil';
  return contextFacts.filter((fact) => {
    if (fact === 'workingHours') return staff;
    if (fact === 'inLesson' || fact === 'onSchoolDevice') return staff || pupil;
    if (fact === 'directedByTeacher') return pupil;
    return true;
  });
}

const platforms = ['facebook', 'instagram', 'linkedin', 'x', 'whatsapp', 'tiktok', 'youtube', 'snapchat'] as const;
export const otherPlatform = 'other';

const subjectTexts: Readonly<Record<string, string>> = {
  school: 'The school',
  pupils: 'Pupils',
  other_children: 'Other people’s children',
  staff: 'Staff',
  colleagues: 'Colleagues',
  parents: 'Parents or carers',
  governors: 'Governors',
};
export const namesPupilsValue = 'names_pupils';

const labelTexts: Readonly<Record<string, Option>> = {
  complaint: { value: 'complaint', text: 'A complaint' },
  question: { value: 'question', text: 'A question for the school' },
  negative: { value: 'negative', text: 'Criticism of someone or something' },
  allegation: { value: 'allegation', text: 'An accusation against someone' },
  defamatory: { value: 'defamatory', text: 'Untrue and damaging to someone’s reputation' },
  offensive: { value: 'offensive', text: 'Rude, insulting or offensive' },
  bullying: { value: 'bullying', text: 'Bullying or harassing someone' },
  racist: { value: 'racist', text: 'Racist or hateful' },
  threat_of_violence: { value: 'threat_of_violence', text: 'A threat of violence' },
  sexual: { value: 'sexual', text: 'Sexual' },
  extremist: { value: 'extremist', text: 'Extremist' },
  illegal: { value: 'illegal', text: 'Against the law' },
  confidential: { value: 'confidential', text: 'Confidential school information' },
  commercial: { value: 'commercial', text: 'Selling or advertising something' },
  personal_campaign: { value: 'personal_campaign', text: 'A personal campaign or cause' },
};
/** A critical tone is a fact about the content, asked among its labels. */
export const negativeToneValue = 'negative';

export const questions: readonly Question[] = [
  {
    key: 'role',
    slug: 'who-are-you',
    kind: 'radios',
    title: () => 'Who are you?',
    hint: 'If you are more than one of these, choose the one you are asking as.',
    label: 'You are',
    missing: 'Select who you are',
    asked: () => true,
    options: () => askers.map((role) => ({ value: role, text: roleText(role) })),
  },
  {
    key: 'act',
    slug: 'what-happened',
    kind: 'radios',
    title: () => 'What do you want to do, or what has happened?',
    label: 'What you want to do',
    missing: 'Select what you want to do, or what has happened',
    asked: () => true,
    options: () =>
      acts.map((act) => ({
        value: act,
        text: capitalise(actWords[act].alone),
        ...(actHints[act] && { hint: actHints[act] }),
      })),
  },
  {
    key: 'with',
    slug: 'who-with',
    kind: 'radios',
    title: (answers) => whomTitles[actOf(answers) ?? 'message'] ?? 'Who is the other person?',
    label: 'The other person',
    missing: 'Select who the other person is',
    asked: actIn(...contactActs),
    options: (answers) =>
      roles
        .filter((role) => role !== 'school' || actOf(answers) === 'follow' || actOf(answers) === 'message')
        .map((role) => ({ value: role, text: roleText(role) })),
  },
  {
    key: 'age',
    slug: 'their-age',
    kind: 'number',
    title: () => 'How old are they?',
    hint: 'In years. If you are not sure, give your best guess.',
    label: 'Their age',
    missing: 'Enter how old they are',
    invalid: 'Enter their age as a whole number of years, from 0 to 120',
    suffix: 'years',
    min: 0,
    max: 120,
    asked: (answers) =>
      actIn(...contactActs)(answers) && ['pupil', 'former_pupil'].includes(counterpartOf(answers) ?? ''),
  },
  {
    key: 'relationship',
    slug: 'relationship',
    kind: 'radios',
    title: () => 'Are they family, or a friend from outside school?',
    label: 'Family or friend',
    missing: 'Select whether they are family, a friend from outside school, or neither',
    asked: (answers) => actIn(...contactActs)(answers) && isPerson(answers),
    options: () =>
      (['family', 'friend', 'none'] as const).map((value) => ({
        value,
        text: capitalise(situationFields['counterpart.relationship'].words.name(value)),
        ...(value === 'family' && { hint: 'For example your own child, or a relative' }),
      })),
  },
  {
    key: 'declared',
    slug: 'relationship-declared',
    kind: 'radios',
    title: () => 'Have you told the school about this relationship?',
    label: 'Told the school',
    missing: 'Select whether you have told the school about the relationship',
    asked: (answers) =>
      actIn(...contactActs)(answers) &&
      isPerson(answers) &&
      adultsInSchool.has(roleOf(answers) ?? 'parent') &&
      ['family', 'friend'].includes(first(answers, 'relationship') ?? ''),
    options: () => [
      { value: 'approved', text: 'Yes, and the Headteacher has approved it' },
      { value: 'declared', text: 'Yes, but the Headteacher has not approved it yet' },
      { value: 'no', text: 'No' },
    ],
  },
  {
    key: 'images',
    slug: 'photos',
    kind: 'checkboxes',
    title: () => 'Does it include photos or videos of any of these people?',
    hint: 'Select all that apply.',
    label: 'Photos or videos of',
    missing: 'Select who is in the photos or videos, or that there are none',
    none: 'No photos or videos of people',
    asked: actIn('post'),
    options: (answers) =>
      roleOf(answers) === 'parent'
        ? [
            { value: 'own_child', text: 'Your own child' },
            { value: 'other_pupils', text: 'Other people’s children' },
            { value: 'staff', text: 'Staff' },
          ]
        : [
            { value: 'pupils', text: 'Pupils' },
            { value: 'staff', text: 'Staff' },
          ],
  },
  {
    key: 'consent',
    slug: 'permission',
    kind: 'radios',
    title: () => 'Has everyone in them agreed to them being posted?',
    hint: 'For a child, that means their parents or carers.',
    label: 'Everyone agreed',
    missing: 'Select whether everyone in them has agreed',
    asked: (answers) =>
      actIn('post')(answers) && (answers.images ?? []).some((of) => of !== 'own_child' && of !== noneValue),
    options: () => yesNo,
  },
  {
    key: 'event',
    slug: 'school-event',
    kind: 'radios',
    title: () => 'Were they taken at a school event?',
    hint: 'Such as a play, a concert or sports day.',
    label: 'Taken at a school event',
    missing: 'Select whether they were taken at a school event',
    asked: (answers) => actIn('post')(answers) && (answers.images ?? []).some((of) => of !== noneValue),
    options: () => yesNo,
  },
  {
    key: 'about',
    slug: 'about',
    kind: 'checkboxes',
    title: () => 'Who or what is it about?',
    hint: 'Select all that apply.',
    label: 'About',
    missing: 'Select who or what it is about, or that it is about none of these',
    none: 'None of these',
    asked: actIn('post', 'message'),
    options: (answers) => {
      const role = roleOf(answers);
      const subjects = ['school', role === 'parent' ? 'other_children' : 'pupils', 'staff', 'parents', 'governors'];
      if (role !== undefined && staffRoles.has(role)) subjects.splice(3, 0, 'colleagues');
      return [
        ...subjects.map((value) => ({ value, text: subjectTexts[value] ?? value })),
        { value: namesPupilsValue, text: 'It names a pupil' },
      ];
    },
  },
  {
    key: 'content',
    slug: 'what-it-says',
    kind: 'checkboxes',
    title: () => 'Is it any of these?',
    hint: 'Select all that apply.',
    label: 'What it is',
    missing: 'Select what it is, or that it is none of these',
    none: 'None of these',
    asked: actIn('post', 'message'),
    options: () => Object.values(labelTexts),
  },
  {
    key: 'channel',
    slug: 'where-it-goes',
    kind: 'radios',
    title: (answers) => (actOf(answers) === 'message' ? 'Where is the message sent from?' : 'Where does it go?'),
    label: 'Where',
    missing: 'Select where it goes',
    asked: actIn('post', 'message', 'use_social_media'),
    options: () =>
      (['personal', 'official', 'school_page_comment'] as const).map((value) => ({
        value,
        text: capitalise(situationFields['content.channel'].words.name(value)),
      })),
  },
  {
    key: 'visibility',
    slug: 'who-can-see',
    kind: 'radios',
    title: () => 'Who can see it?',
    label: 'Who can see it',
    missing: 'Select who can see it',
    asked: actIn('post', 'use_social_media'),
    options: () => [
      { value: 'public', text: 'Anyone (public)' },
      { value: 'group', text: 'Members of a group' },
      { value: 'private', text: 'Only people you choose' },
    ],
  },
  {
    key: 'where',
    slug: 'when-and-where',
    kind: 'checkboxes',
    title: () => 'Do any of these apply?',
    hint: 'Select all that apply.',
    label: 'When and where',
    missing: 'Select what applies, or that none of these do',
    none: 'None of these',
    asked: actIn('post', 'message', 'use_social_media', 'use_phone', 'share_contact_details'),
    options: (answers) =>
      factsFor(roleOf(answers)).map((fact) => ({
        value: fact,
        text: capitalise(situationFields[`context.${fact}`].words.yes),
      })),
  },
  {
    key: 'platform',
    slug: 'platform',
    kind: 'radios',
    title: () => 'Which site or app is it?',
    label: 'Site or app',
    missing: 'Select the site or app',
    asked: actIn('identify_as_employee', 'create_account', 'register_account'),
    options: () => [
      ...platforms.map((value) => ({ value, text: situationFields['context.platform'].words.name(value) })),
      { value: otherPlatform, text: 'Another site or app' },
    ],
  },
  {
    key: 'your-age',
    slug: 'your-age',
    kind: 'number',
    title: () => 'How old are you?',
    label: 'Your age',
    missing: 'Enter how old you are',
    invalid: 'Enter your age as a whole number of years, from 0 to 120',
    suffix: 'years',
    min: 0,
    max: 120,
    asked: (answers) => actIn('register_account')(answers) && roleOf(answers) === 'pupil',
  },
  {
    key: 'approved',
    slug: 'headteacher-approval',
    kind: 'radios',
    title: () => 'Has the Headteacher agreed to it in advance?',
    label: 'Headteacher agreed',
    missing: 'Select whether the Headteacher has agreed to it',
    asked: actIn('identify_as_employee', 'create_account', 'use_phone'),
    options: () => yesNo,
  },
  {
    key: 'credentials',
    slug: 'login-details',
    kind: 'radios',
    title: () => 'Have the login details been given to the Headteacher?',
    label: 'Login details given',
    missing: 'Select whether the login details have been given to the Headteacher',
    asked: actIn('create_account'),
    options: () => yesNo,
  },
  {
    key: 'assessed',
    slug: 'risk-assessment',
    kind: 'radios',
    title: () => 'Has a risk assessment been done?',
    hint: 'Of who could see and contact children there, the site’s age limit and the data it keeps.',
    label: 'Risk assessment done',
    missing: 'Select whether a risk assessment has been done',
    asked: actIn('create_account'),
    options: () => yesNo,
  },
];

export const questionKeys: ReadonlySet<string> = new Set(questions.map((question) => question.key));

/** Which situation role a signed-in person most likely asks as, from their access roles. */
export function roleFromAccessRoles(accessRoles: readonly AccessRole[]): Role | undefined {
  const order: [AccessRole, Role][] = [
    ['headteacher', 'headteacher'],
    ['dsl', 'dsl'],
    ['school_admin', 'staff'],
    ['staff', 'staff'],
    ['chair_of_governors', 'governor'],
    ['governor', 'governor'],
    ['parent', 'parent'],
    ['volunteer', 'volunteer'],
    ['visitor', 'visitor'],
  ];
  return order.find(([held]) => accessRoles.includes(held))?.[1];
}
