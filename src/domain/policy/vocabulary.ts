// The shared words of every encoded policy: roles, acts, labels, actions and topics.
// These mirror the evaluation contract, so that any policy answers in the same terms.

export const roles = [
  'headteacher',
  'dsl',
  'staff',
  'governor',
  'pupil',
  'former_pupil',
  'parent',
  'volunteer',
  'pta_member',
  'visitor',
  'contractor',
  'third_party',
  'school',
] as const;
export type Role = (typeof roles)[number];

/** The Headteacher and the DSL are members of staff too: a rule for staff binds them. */
const roleMembers: Partial<Record<Role, readonly Role[]>> = {
  staff: ['staff', 'headteacher', 'dsl'],
};

/** Every role that a rule naming `role` speaks to. */
export function rolesCoveredBy(role: Role): readonly Role[] {
  return roleMembers[role] ?? [role];
}

export const acts = [
  'friend_request_send',
  'friend_request_accept',
  'follow',
  'message',
  'post',
  'use_social_media',
  'use_phone',
  'share_contact_details',
  'identify_as_employee',
  'create_account',
  'register_account',
  'support_extremism',
] as const;
export type Act = (typeof acts)[number];

export const subjects = ['school', 'pupils', 'staff', 'parents', 'governors', 'colleagues', 'other_children'] as const;

export const imageSubjects = ['own_child', 'other_pupils', 'pupils', 'staff'] as const;

export const tones = ['positive', 'neutral', 'negative'] as const;

export const contentLabels = [
  'complaint',
  'allegation',
  'defamatory',
  'offensive',
  'racist',
  'threat_of_violence',
  'bullying',
  'extremist',
  'sexual',
  'illegal',
  'commercial',
  'personal_campaign',
  'confidential',
  'question',
] as const;

export const channels = ['personal', 'official', 'school_page_comment'] as const;
export const visibilities = ['public', 'private', 'group'] as const;
export const relationships = ['none', 'family', 'friend'] as const;
export const accountKinds = ['personal', 'official'] as const;

export const modalities = ['must', 'must_not', 'should', 'should_not', 'may'] as const;
export type Modality = (typeof modalities)[number];

export const actions = [
  'decline_request',
  'notify_headteacher',
  'notify_dsl',
  'notify_parents_of_pupil',
  'notify_chair_of_governors',
  'governing_body_contact',
  'record_safeguarding_concern',
  'refer_lado',
  'contact_police',
  'request_removal',
  'send_letter',
  'apply_complaints_policy',
  'apply_anti_bullying_policy',
  'apply_behaviour_policy',
  'disciplinary_action',
  'report_to_platform',
  'contact_posh',
  'seek_legal_advice',
  'block_access',
  'ask_to_leave_premises',
  'delete_material',
  'prevent_referral',
  'declare_relationship',
  'seek_headteacher_approval',
  'share_credentials_with_headteacher',
  'risk_assessment',
] as const;
export type Action = (typeof actions)[number];

/**
 * Who carries out an action. `actor` is the person whose act it is; `counterpart` is the other
 * person in the situation, e.g. the adult who received a pupil's friend request.
 */
export const owners = [
  'actor',
  'counterpart',
  'headteacher',
  'dsl',
  'staff',
  'governing_body',
  'chair_of_governors',
  'school',
  'parent',
] as const;
export type Owner = (typeof owners)[number];

export const topics = [
  'staff-pupil-contact',
  'staff-former-pupil-contact',
  'staff-parent-contact',
  'staff-colleague-contact',
  'staff-follow-pupil-accounts',
  'staff-post-about-school',
  'staff-identify-as-employee',
  'staff-personal-use-working-hours',
  'staff-privacy-settings',
  'staff-share-pupil-images',
  'staff-personal-contact-details',
  'staff-personal-account-school-feed',
  'staff-confidentiality',
  'staff-defamation',
  'staff-disrepute',
  'staff-commercial-use',
  'staff-professional-standards',
  'staff-references-need-permission',
  'staff-report-use-in-working-day',
  'family-links-exception',
  'pupil-use-in-school',
  'pupil-underage-registration',
  'pupil-contact-staff',
  'pupil-follow-staff',
  'pupil-inappropriate-comments',
  'pupil-report-abuse',
  'parent-images-of-other-children',
  'parent-phones-on-premises',
  'parent-social-media-on-premises',
  'parent-social-media-on-trips',
  'parent-complaints-via-official-channels',
  'parent-malicious-comments',
  'parent-naming-children',
  'parent-allegations',
  'parent-contact-staff',
  'parent-contact-other-children',
  'parent-questions-on-school-page',
  'parent-supervise-children-online',
  'images-of-others-consent',
  'respectful-conduct',
  'official-account-approval',
  'official-account-credentials',
  'tool-risk-assessment',
  'visitor-breach',
  'racist-or-violent-content',
  'online-bullying',
  'extremism',
  'legal-compliance',
] as const;
export type Topic = (typeof topics)[number];
