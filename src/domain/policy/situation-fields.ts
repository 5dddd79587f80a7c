// Every fact a situation can state, once: where it sits, the values it takes and how the school
// speaks of it. Conditions read and check fields through this table, the policy editor offers
// its fields from it, and a condition is put into words with it.
import type { ChoiceField, ImageFields, SituationFields, YesNoField } from './field-kinds.ts';
import { actWords, roleSingular } from './render/vocabulary-words.ts';
import {
  accountKinds,
  acts,
  channels,
  contentLabels,
  imageSubjects,
  relationships,
  roles,
  subjects,
  tones,
  visibilities,
  type Role,
} from './vocabulary.ts';

/** A yes/no fact: what it is called, and what is said when it holds and when it does not. */
const fact = (label: string, yes: string, no: string): YesNoField => ({ kind: 'yes_no', label, words: { yes, no } });

/** Names for some values; any other is read as written, without its underscores. */
const named =
  (names: Readonly<Record<string, string>>) =>
  (value: string): string =>
    names[value] ?? value.replace(/_/g, ' ');

/** Who someone is, by role. */
const person = (label: string): ChoiceField<Role> => ({
  kind: 'choice',
  values: roles,
  roleLike: true,
  label,
  words: { name: (role) => roleSingular[role], negated: (l) => `someone other than ${l}`, shareArticle: true },
});

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

export const situationFields: SituationFields = {
  act: {
    kind: 'choice',
    values: acts,
    label: 'what is done',
    words: { name: (act) => actWords[act].alone, negated: (l) => `doing anything other than ${l}` },
  },
  'actor.role': person('who is doing it'),
  'actor.age': { kind: 'number', label: "the person's age", ofPerson: true },
  'actor.formerEmployee': {
    ...fact(
      "whether they have left the school's employment",
      "who has left the school's employment",
      'who still works at the school',
    ),
    ofPerson: true,
  },
  'actor.approved': fact(
    'whether the Headteacher approved it in advance',
    "with the Headteacher's approval in advance",
    "without the Headteacher's approval in advance",
  ),
  'actor.credentialsShared': fact(
    'whether the login details were given to the Headteacher',
    'with the login details given to the Headteacher',
    'without the login details given to the Headteacher',
  ),
  'actor.riskAssessed': fact(
    'whether a risk assessment was done',
    'after a risk assessment',
    'without a risk assessment',
  ),
  'counterpart.role': person('who the other person is'),
  'counterpart.age': { kind: 'number', label: "the other person's age", ofPerson: true },
  'counterpart.relationship': {
    kind: 'choice',
    values: relationships,
    // Unless the situation says otherwise, the two people have no special relationship.
    assumed: 'none',
    label: 'how they are related',
    ofPerson: true,
    words: {
      name: named({ family: 'family', friend: 'a friend outside school', none: 'neither family nor a friend' }),
      frame: (l) => `who is ${l}`,
      negated: (l) => `who is not ${l}`,
    },
  },
  'counterpart.declared': fact(
    'whether the relationship has been declared to the school',
    'where the relationship has been declared to the school',
    'where the relationship has not been declared to the school',
  ),
  'counterpart.approved': fact(
    'whether the Headteacher has approved the relationship',
    'where the Headteacher has approved the relationship',
    'where the Headteacher has not approved the relationship',
  ),
  'counterpart.account': {
    kind: 'choice',
    values: accountKinds,
    label: "the other person's account",
    ofPerson: true,
    words: { name: named({}), frame: (l) => `on their ${l} account`, negated: (l) => `not on their ${l} account` },
  },
  'content.about': {
    kind: 'choices',
    values: subjects,
    label: 'what it is about',
    words: {
      name: named({ school: 'the school', other_children: 'other children' }),
      frame: (l) => `about ${l}`,
      negated: (l) => `not about ${l}`,
    },
  },
  'content.images': { kind: 'images', label: 'what photos or videos it includes' },
  'content.namesPupils': fact('whether it names a pupil', 'naming a pupil', 'without naming a pupil'),
  'content.tone': {
    kind: 'choice',
    values: tones,
    label: 'the tone',
    words: { name: named({}), frame: (l) => `in a ${l} tone`, negated: (l) => `not in a ${l} tone` },
  },
  'content.labels': {
    kind: 'choices',
    values: contentLabels,
    label: 'what the content is',
    words: {
      name: named({
        complaint: 'a complaint',
        allegation: 'an allegation',
        threat_of_violence: 'a threat of violence',
        personal_campaign: 'a personal campaign',
        question: 'a question',
      }),
      frame: (l) => `with content that is ${l}`,
      negated: (l) => `with content that is not ${l}`,
    },
  },
  'content.channel': {
    kind: 'choice',
    values: channels,
    // The contract makes a person's own account the default channel.
    assumed: 'personal',
    label: 'where it goes',
    words: {
      name: named({
        personal: 'on a personal account',
        official: "on the school's official accounts",
        school_page_comment: "in a comment on the school's own page",
      }),
      negated: (l) => `anywhere except ${l}`,
    },
  },
  'context.onPremises': fact(
    'whether it is on the school premises',
    'on the school premises',
    'away from the school premises',
  ),
  'context.workingHours': fact('whether it is during working hours', 'during working hours', 'outside working hours'),
  'context.inLesson': fact('whether it is in a lesson', 'in a lesson', 'outside lessons'),
  'context.onSchoolDevice': fact('whether it is on a school device', 'on a school device', 'not on a school device'),
  'context.onSchoolTrip': fact(
    'whether it is on a school trip or visit',
    'on a school trip or visit',
    'not on a school trip or visit',
  ),
  'context.directedByTeacher': fact(
    'whether a teacher directed it',
    'as directed by a teacher',
    'without a teacher directing it',
  ),
  'context.emergency': fact('whether there is an emergency', 'in an emergency', 'when there is no emergency'),
  'context.outsideSchool': fact('whether it is outside school', 'outside school', 'in school or during school hours'),
  'context.platform': {
    kind: 'text',
    label: 'the site or app',
    words: { name: (v) => platformNames[v.toLowerCase()] ?? v, frame: (l) => `on ${l}`, negated: (l) => `not on ${l}` },
  },
  'context.visibility': {
    kind: 'choice',
    values: visibilities,
    label: 'who can see it',
    words: {
      name: named({ public: 'in public', private: 'in private', group: 'in a group' }),
      negated: (l) => `not ${l}`,
    },
  },
};

/** The fields of one photo or video in `content.images`, tested inside `some:`. */
export const imageFields: ImageFields = {
  of: {
    kind: 'choice',
    values: imageSubjects,
    label: 'who is in it',
    words: {
      name: named({ own_child: 'their own child', other_pupils: 'other pupils' }),
      frame: (l) => `of ${l}`,
      negated: (l) => `not of ${l}`,
    },
  },
  consent: fact('whether there is consent', 'with consent', 'without consent'),
  schoolEvent: fact('whether it was taken at a school event', 'taken at a school event', 'not taken at a school event'),
};
