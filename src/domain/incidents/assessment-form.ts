// The assessment form: the handler describes what happened in the policy's own terms, starting
// from what the report suggests, and the school's policy answers. Every field maps to one field of
// the situation, so the answer can be traced back to what the handler chose.
import type { Situation } from '../policy/situation.ts';
import {
  acts,
  channels,
  contentLabels,
  imageSubjects,
  relationships,
  roles,
  subjects,
  visibilities,
  type Act,
  type Role,
} from '../policy/vocabulary.ts';
import { roleSingular } from '../policy/render/vocabulary-words.ts';

export type AssessmentValues = Record<string, string | string[]>;

export const actWords: Readonly<Record<Act, string>> = {
  friend_request_send: 'sent a friend request or follow request',
  friend_request_accept: 'accepted a friend request, or is already connected',
  follow: 'followed an account',
  message: 'sent private messages',
  post: 'posted, commented, reviewed or shared something',
  use_social_media: 'used social media',
  use_phone: 'used a phone or camera',
  share_contact_details: 'gave out a personal email address or phone number',
  identify_as_employee: 'named the school as their employer on a profile',
  create_account: 'set up an account or online service for school use',
  register_account: 'signed up to a social media site',
  support_extremism: 'supported or shared extremist material',
};

export const subjectWords: Readonly<Record<(typeof subjects)[number], string>> = {
  school: 'The school',
  pupils: 'Pupils of the school',
  staff: 'Staff',
  parents: 'Parents or carers',
  governors: 'Governors',
  colleagues: 'Colleagues',
  other_children: 'Other people’s children',
};

export const labelWords: Readonly<Record<(typeof contentLabels)[number], string>> = {
  complaint: 'A complaint',
  allegation: 'An allegation against someone',
  defamatory: 'Untrue and damaging to someone’s reputation',
  offensive: 'Offensive or abusive',
  racist: 'Racist',
  threat_of_violence: 'Threatens or encourages violence',
  bullying: 'Bullying',
  extremist: 'Extremist',
  sexual: 'Sexual',
  illegal: 'Against the law',
  commercial: 'Selling or advertising',
  personal_campaign: 'A personal campaign',
  confidential: 'Confidential school information',
  question: 'A question for the school',
};

export const imageWords: Readonly<Record<(typeof imageSubjects)[number], string>> = {
  own_child: 'Their own child only',
  other_pupils: 'Other pupils',
  pupils: 'Pupils',
  staff: 'Staff',
};

export const channelWords: Readonly<Record<(typeof channels)[number], string>> = {
  personal: 'Their own account',
  official: 'The school’s own account or website',
  school_page_comment: 'A comment on the school’s own page',
};

export const visibilityWords: Readonly<Record<(typeof visibilities)[number], string>> = {
  public: 'Public',
  private: 'Private',
  group: 'A closed group',
};

export const relationshipWords: Readonly<Record<(typeof relationships)[number], string>> = {
  none: 'No relationship outside school',
  family: 'Family',
  friend: 'Friends outside school',
};

export const contextWords = {
  onPremises: 'On the school premises',
  onSchoolTrip: 'On a school trip or visit',
  workingHours: 'During working hours',
  outsideSchool: 'Away from school, outside school hours',
} as const;
type ContextFlag = keyof typeof contextWords;
const contextFlags = Object.keys(contextWords) as ContextFlag[];

/** The roles the form offers, in words. */
export const roleChoices = roles.map((role) => ({ value: role, text: roleSingular[role] }));

const list = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : (Array.isArray(value) ? value : [value]).filter((v) => v !== '');
const one = (value: string | string[] | undefined): string => list(value)[0] ?? '';
const member = <T extends string>(all: readonly T[], value: string): value is T =>
  (all as readonly string[]).includes(value);

/** The form's values for a situation, to fill the fields. */
export function assessmentValues(situation: Situation): AssessmentValues {
  const values: AssessmentValues = {
    actorRole: situation.actor.role,
    act: situation.act,
    counterpartRole: situation.counterpart?.role ?? '',
    counterpartAge: situation.counterpart?.age === undefined ? '' : String(situation.counterpart.age),
    relationship: situation.counterpart?.relationship ?? '',
    about: [...(situation.content?.about ?? [])],
    images: (situation.content?.images ?? []).map((image) => image.of),
    imagesConsented: situation.content?.images?.some((image) => image.consent) ? 'yes' : 'no',
    namesPupils: situation.content?.namesPupils ? 'yes' : '',
    tone: situation.content?.tone ?? '',
    labels: [...(situation.content?.labels ?? [])],
    channel: situation.content?.channel ?? '',
    platform: situation.context?.platform ?? '',
    visibility: situation.context?.visibility ?? '',
    context: contextFlags.filter((flag) => situation.context?.[flag] === true),
  };
  return values;
}

/** The situation the form describes, or what to correct. */
export function readAssessmentForm(
  values: AssessmentValues,
): { ok: true; situation: Situation } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const actorRole = one(values.actorRole);
  if (!member(roles, actorRole)) errors.actorRole = 'Choose who did it';
  const act = one(values.act);
  if (!member(acts, act)) errors.act = 'Choose what they did';
  const counterpartRole = one(values.counterpartRole);
  if (counterpartRole !== '' && !member(roles, counterpartRole)) errors.counterpartRole = 'Choose who it was towards';
  const ageText = one(values.counterpartAge);
  const age = ageText === '' ? undefined : Number(ageText);
  if (age !== undefined && (!Number.isInteger(age) || age < 0 || age > 120))
    errors.counterpartAge = 'Enter their age in whole years, or leave it empty';
  const relationship = one(values.relationship);
  if (relationship !== '' && !member(relationships, relationship))
    errors.relationship = 'Choose the relationship, or leave it unanswered';
  const about = list(values.about).filter((value) => member(subjects, value));
  const images = list(values.images).filter((value) => member(imageSubjects, value));
  const labels = list(values.labels).filter((value) => member(contentLabels, value));
  const tone = one(values.tone);
  const channel = one(values.channel);
  const visibility = one(values.visibility);
  const platform = one(values.platform).trim().toLowerCase().slice(0, 64);
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const situation: Situation = { actor: { role: actorRole as Role }, act: act as Act };
  if (counterpartRole !== '') {
    situation.counterpart = {
      role: counterpartRole as Role,
      ...(age !== undefined && { age }),
      ...(member(relationships, relationship) && { relationship }),
    };
  }
  if (act === 'post') {
    const consented = one(values.imagesConsented) === 'yes';
    situation.content = {
      ...(about.length > 0 && { about }),
      ...(images.length > 0 && { images: images.map((of) => ({ of, consent: consented })) }),
      ...(one(values.namesPupils) === 'yes' && { namesPupils: true }),
      ...((tone === 'positive' || tone === 'neutral' || tone === 'negative') && { tone }),
      ...(labels.length > 0 && { labels }),
      ...(member(channels, channel) && { channel }),
    };
  }
  const flags = list(values.context).filter((flag): flag is ContextFlag => member(contextFlags, flag));
  situation.context = {
    ...Object.fromEntries(flags.map((flag) => [flag, true])),
    ...(platform && { platform }),
    ...(member(visibilities, visibility) && { visibility }),
  };
  return { ok: true, situation };
}
