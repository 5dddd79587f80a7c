// The fields of a situation that a policy's conditions may test, with the values each can take.
// A condition naming any other field, or a value a field cannot take, is a mistake in the policy file.
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
} from './vocabulary.ts';

export type Field =
  | { kind: 'choice'; values: readonly string[]; roleLike?: boolean }
  | { kind: 'choices'; values: readonly string[] }
  | { kind: 'number' }
  | { kind: 'yes_no' }
  | { kind: 'text' }
  | { kind: 'images' };

const yesNo: Field = { kind: 'yes_no' };

export const situationFields: Readonly<Record<string, Field>> = {
  act: { kind: 'choice', values: acts },
  'actor.role': { kind: 'choice', values: roles, roleLike: true },
  'actor.age': { kind: 'number' },
  'actor.formerEmployee': yesNo,
  'actor.approved': yesNo,
  'actor.credentialsShared': yesNo,
  'actor.riskAssessed': yesNo,
  'counterpart.role': { kind: 'choice', values: roles, roleLike: true },
  'counterpart.age': { kind: 'number' },
  'counterpart.relationship': { kind: 'choice', values: relationships },
  'counterpart.declared': yesNo,
  'counterpart.approved': yesNo,
  'counterpart.account': { kind: 'choice', values: accountKinds },
  'content.about': { kind: 'choices', values: subjects },
  'content.images': { kind: 'images' },
  'content.namesPupils': yesNo,
  'content.tone': { kind: 'choice', values: tones },
  'content.labels': { kind: 'choices', values: contentLabels },
  'content.channel': { kind: 'choice', values: channels },
  'context.onPremises': yesNo,
  'context.workingHours': yesNo,
  'context.inLesson': yesNo,
  'context.onSchoolDevice': yesNo,
  'context.onSchoolTrip': yesNo,
  'context.directedByTeacher': yesNo,
  'context.emergency': yesNo,
  'context.outsideSchool': yesNo,
  'context.platform': { kind: 'text' },
  'context.visibility': { kind: 'choice', values: visibilities },
};

/** The fields of one image in `content.images`, tested inside `some:`. */
export const imageFields: Readonly<Record<string, Field>> = {
  of: { kind: 'choice', values: imageSubjects },
  consent: yesNo,
  schoolEvent: yesNo,
};
