// The policy vocabulary in plain English: how the rendered document speaks of each role,
// act, owner, action and modality.
import type { policyStatuses } from '../schema.ts';
import type { Act, Action, Modality, Owner, Role } from '../vocabulary.ts';

/** One person of the role, as a condition speaks of them: "a pupil". */
export const roleSingular: Readonly<Record<Role, string>> = {
  headteacher: 'the Headteacher',
  dsl: 'the Designated Safeguarding Lead',
  staff: 'a member of staff',
  governor: 'a governor',
  pupil: 'a pupil',
  former_pupil: 'a former pupil',
  parent: 'a parent',
  volunteer: 'a volunteer',
  pta_member: 'a PTA member',
  visitor: 'a visitor',
  contractor: 'a contractor',
  third_party: 'someone outside the school community',
  school: 'the school',
};

/** Everyone of the role, as an audience: "pupils". */
export const rolePlural: Readonly<Record<Role, string>> = {
  headteacher: 'the Headteacher',
  dsl: 'the Designated Safeguarding Lead',
  staff: 'staff',
  governor: 'governors',
  pupil: 'pupils',
  former_pupil: 'former pupils',
  parent: 'parents',
  volunteer: 'volunteers',
  pta_member: 'PTA members',
  visitor: 'visitors',
  contractor: 'contractors',
  third_party: 'people outside the school community',
  school: 'the school',
};

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

/** Who carries out a step. */
export const ownerWords: Readonly<Record<Owner, string>> = {
  actor: 'the person concerned',
  counterpart: 'the other person involved',
  headteacher: 'the Headteacher',
  dsl: 'the Designated Safeguarding Lead',
  staff: 'a member of staff',
  governing_body: 'the governing body',
  chair_of_governors: 'the chair of governors',
  school: 'the school',
  parent: 'the parent',
};

/** What a step does, as a verb phrase: "tell the Designated Safeguarding Lead". */
export const actionWords: Readonly<Record<Action, string>> = {
  decline_request: 'decline the request',
  notify_headteacher: 'tell the Headteacher',
  notify_dsl: 'tell the Designated Safeguarding Lead',
  notify_parents_of_pupil: 'tell the parents or carers of the pupil concerned',
  notify_chair_of_governors: 'tell the chair of governors',
  governing_body_contact: 'contact the person responsible',
  record_safeguarding_concern: 'record it as a safeguarding concern',
  refer_lado: 'refer it to the Local Authority Designated Officer',
  contact_police: 'involve the police',
  request_removal: 'ask the author to remove the post',
  send_letter: 'send the author a letter',
  apply_complaints_policy: "point the person to the school's complaints procedure",
  apply_anti_bullying_policy: 'deal with it under the anti-bullying policy',
  apply_behaviour_policy: 'deal with it under the behaviour policy',
  disciplinary_action: 'refer it for disciplinary action',
  report_to_platform: 'report it to the platform or website that hosts it',
  contact_posh: 'contact the Professionals Online Safety Helpline',
  seek_legal_advice: 'take legal advice',
  block_access: "block the person from the school's own pages",
  ask_to_leave_premises: 'ask the person to leave the premises',
  delete_material: 'ask the person to delete the material',
  prevent_referral: 'act under the Prevent duty',
  declare_relationship: "declare the relationship on the school's form",
  seek_headteacher_approval: "get the Headteacher's approval first",
  share_credentials_with_headteacher: 'give the login details to the Headteacher',
  risk_assessment: 'carry out a risk assessment first',
};

export const modalityWords: Readonly<Record<Modality, string>> = {
  must: 'must',
  must_not: 'must not',
  should: 'should',
  should_not: 'should not',
  may: 'may',
};

/** What a policy does with the rule, for comparisons: "forbids (must not)". */
export const modalityStance: Readonly<Record<Modality, { one: string; many: string }>> = {
  must: { one: 'requires (must)', many: 'require (must)' },
  must_not: { one: 'forbids (must not)', many: 'forbid (must not)' },
  should: { one: 'recommends (should)', many: 'recommend (should)' },
  should_not: { one: 'advises against (should not)', many: 'advise against (should not)' },
  may: { one: 'allows (may)', many: 'allow (may)' },
};

export const statusWords: Readonly<Record<(typeof policyStatuses)[number], string>> = {
  draft: 'Draft',
  awaiting_ratification: 'Awaiting ratification',
  ratified: 'Ratified',
  published: 'Published',
  superseded: 'Superseded',
};
