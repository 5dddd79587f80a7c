// Westacre Infant School, Social Media Policy — read independently of the encoding.
// Parts: purpose, scope (all stakeholders: governors, employees, parents, pupils, visitors),
// terms of use, guidance/protection for staff, safeguarding guidance (record, LADO).
import type { Scenario } from './scenario.ts';

export const slug = 'westacre';

/** Steps Westacre's document never mentions for anyone. */
const neverAtWestacre = [
  'send_letter',
  'notify_parents_of_pupil',
  'report_to_platform',
  'contact_posh',
  'block_access',
  'seek_legal_advice',
  'prevent_referral',
  'risk_assessment',
  'share_credentials_with_headteacher',
  'apply_behaviour_policy',
] as const;

export const scenarios: Scenario[] = [
  // ---------------------------------------------------------------- staff and pupils
  {
    name: 'teacher accepts a friend request from a current pupil',
    situation: {
      actor: { role: 'staff' },
      act: 'friend_request_accept',
      counterpart: { role: 'pupil', age: 6, relationship: 'none' },
      context: { platform: 'facebook' },
    },
    expect: {
      verdict: ['breach', 'advised_against'],
      topics: ['staff-pupil-contact'],
      actions: ['record_safeguarding_concern', 'refer_lado', 'disciplinary_action'],
      forbid: [...neverAtWestacre],
    },
    source:
      'Staff guidance: no staff member should have a pupil as a friend or let a pupil into their area (a "should" whose violation the policy calls gross misconduct); Safeguarding guidance: the Headteacher records the disclosure and may refer to the LADO.',
  },
  {
    name: "teacher requests access to a pupil's profile",
    situation: {
      actor: { role: 'staff' },
      act: 'friend_request_send',
      counterpart: { role: 'pupil', age: 7, relationship: 'none' },
      context: { platform: 'instagram' },
    },
    expect: {
      verdict: ['breach', 'advised_against'],
      topics: ['staff-pupil-contact'],
      actions: ['record_safeguarding_concern', 'refer_lado'],
      forbid: [...neverAtWestacre],
    },
    source: "Staff guidance: no member of staff should request access to a pupil's area on a social networking site.",
  },
  {
    name: 'teacher chats privately with a pupil on social media',
    situation: {
      actor: { role: 'staff' },
      act: 'message',
      counterpart: { role: 'pupil', age: 7, relationship: 'none' },
      context: { platform: 'whatsapp', visibility: 'private' },
    },
    expect: {
      verdict: ['breach', 'advised_against'],
      topics: ['staff-pupil-contact'],
      actions: ['record_safeguarding_concern'],
    },
    source: 'Staff guidance: staff should have no dealings with any pupil on social networking sites.',
  },
  {
    name: 'teacher accepts a former pupil aged 17',
    situation: {
      actor: { role: 'staff' },
      act: 'friend_request_accept',
      counterpart: { role: 'former_pupil', age: 17, relationship: 'none' },
      context: { platform: 'facebook' },
    },
    expect: {
      verdict: ['breach', 'advised_against'],
      topics: ['staff-former-pupil-contact', 'staff-pupil-contact'],
      forbid: [...neverAtWestacre],
    },
    source: 'Terms of use and staff guidance: former pupils under 18 are treated like pupils.',
  },
  {
    name: 'teacher accepts a former pupil aged 18 (boundary)',
    situation: {
      actor: { role: 'staff' },
      act: 'friend_request_accept',
      counterpart: { role: 'former_pupil', age: 18, relationship: 'none' },
      context: { platform: 'facebook' },
    },
    expect: {
      verdict: ['permitted', 'not_covered'],
      forbid: ['record_safeguarding_concern', 'refer_lado', 'disciplinary_action'],
    },
    source: 'Terms of use and staff guidance: the former-pupil limit is under 18.',
  },
  {
    name: 'teacher connected to a pupil who is their niece, Headteacher informed',
    situation: {
      actor: { role: 'staff' },
      act: 'friend_request_accept',
      counterpart: { role: 'pupil', age: 6, relationship: 'family', declared: true, approved: false },
      context: { platform: 'facebook', outsideSchool: true },
    },
    expect: {
      verdict: ['permitted'],
      topics: ['family-links-exception', 'staff-pupil-contact'],
      forbid: ['record_safeguarding_concern', 'refer_lado', 'disciplinary_action'],
    },
    source:
      'Staff guidance: where there are legitimate family links the Headteacher is to be informed — informing, not approval, is what is asked.',
  },
  {
    name: 'teacher connected to a pupil who is their niece, Headteacher not informed',
    situation: {
      actor: { role: 'staff' },
      act: 'friend_request_accept',
      counterpart: { role: 'pupil', age: 6, relationship: 'family', declared: false },
      context: { platform: 'facebook', outsideSchool: true },
    },
    expect: { verdict: ['breach', 'advised_against'], topics: ['family-links-exception', 'staff-pupil-contact'] },
    source: 'Staff guidance: the family-link allowance depends on informing the Headteacher.',
  },
  {
    name: 'teacher messages a related pupil during the working day on a school laptop',
    situation: {
      actor: { role: 'staff' },
      act: 'message',
      counterpart: { role: 'pupil', age: 6, relationship: 'family', declared: true },
      context: { workingHours: true, onSchoolDevice: true, onPremises: true, platform: 'facebook' },
    },
    expect: {
      verdict: ['advised_against', 'breach'],
      topics: ['family-links-exception', 'staff-pupil-contact', 'staff-personal-use-working-hours'],
    },
    source:
      'Staff guidance: even with a family link, networking during the working day on school equipment is not appropriate.',
  },
  {
    name: 'teacher accepts a friend request from a parent',
    situation: {
      actor: { role: 'staff' },
      act: 'friend_request_accept',
      counterpart: { role: 'parent', relationship: 'none' },
      context: { platform: 'facebook', outsideSchool: true },
    },
    expect: { verdict: ['permitted', 'not_covered'], forbid: ['declare_relationship', ...neverAtWestacre] },
    source:
      'Westacre states no rule on staff befriending parents (its contact rules name pupils and ex-pupils under 18).',
  },
  // ---------------------------------------------------------------- terms of use (staff)
  {
    name: 'teacher names the school as employer on Facebook',
    situation: { actor: { role: 'staff' }, act: 'identify_as_employee', context: { platform: 'facebook' } },
    expect: { verdict: ['breach'], topics: ['staff-identify-as-employee'], actions: ['disciplinary_action'] },
    source:
      'Terms of use: employees may not present themselves as speaking for the school; violation can lead to disciplinary action.',
  },
  {
    name: 'teacher names the school as employer on LinkedIn (no professional-network exception here)',
    situation: { actor: { role: 'staff' }, act: 'identify_as_employee', context: { platform: 'linkedin' } },
    expect: { verdict: ['breach'], topics: ['staff-identify-as-employee'] },
    source:
      "Terms of use: the ban on identifying as the school's representative has no exception for professional sites.",
  },
  {
    name: "teacher posts about a school event without the Headteacher's permission",
    situation: {
      actor: { role: 'staff', approved: false },
      act: 'post',
      content: { about: ['school'], tone: 'positive', channel: 'personal' },
      context: { platform: 'facebook', visibility: 'private' },
    },
    expect: {
      verdict: ['breach', 'advised_against'],
      topics: ['staff-references-need-permission', 'staff-post-about-school'],
      forbid: [...neverAtWestacre],
    },
    source:
      "Terms of use: no references to staff, pupils, parents or school events without the Headteacher's prior permission; social networking must not be used to discuss school matters.",
  },
  {
    name: "teacher posts about a school event with the Headteacher's prior permission",
    situation: {
      actor: { role: 'staff', approved: true },
      act: 'post',
      content: { about: ['school'], tone: 'positive', channel: 'personal' },
      context: { platform: 'facebook', visibility: 'private' },
    },
    expect: {
      verdict: ['permitted'],
      topics: ['staff-references-need-permission'],
      forbid: ['disciplinary_action', 'record_safeguarding_concern', 'refer_lado'],
    },
    source: 'Terms of use: references are allowed once the Headteacher has given and agreed permission.',
  },
  {
    name: 'teacher promotes a private tutoring business to school parents',
    situation: {
      actor: { role: 'staff' },
      act: 'post',
      content: { about: ['parents'], labels: ['commercial'], tone: 'positive', channel: 'personal' },
      context: { platform: 'facebook', visibility: 'public' },
    },
    expect: {
      verdict: ['breach'],
      topics: ['staff-commercial-use'],
      actions: ['disciplinary_action'],
      forbid: [...neverAtWestacre],
    },
    source:
      'Terms of use: social networking must not be used to promote personal financial interests or commercial ventures.',
  },
  {
    name: 'teacher posts sexual content that could embarrass the school',
    situation: {
      actor: { role: 'staff' },
      act: 'post',
      content: { labels: ['sexual', 'offensive'], channel: 'personal' },
      context: { platform: 'x', visibility: 'public', outsideSchool: true },
    },
    expect: {
      verdict: ['breach'],
      topics: ['staff-disrepute', 'legal-compliance', 'staff-defamation'],
      actions: ['disciplinary_action'],
      forbid: [...neverAtWestacre],
    },
    source:
      'Terms of use: no sexual or offensive material that may bring the school into disrepute; out-of-work activity that embarrasses the employer can lead to disciplinary action.',
  },
  {
    name: 'teacher posts a defamatory remark about a parent',
    situation: {
      actor: { role: 'staff' },
      act: 'post',
      content: { about: ['parents'], labels: ['defamatory'], tone: 'negative', channel: 'personal' },
      context: { platform: 'facebook', visibility: 'private' },
    },
    expect: {
      verdict: ['breach'],
      topics: ['staff-defamation', 'staff-post-about-school', 'legal-compliance'],
      actions: ['disciplinary_action'],
    },
    source: 'Terms of use: no content that may result in defamation actions; no discussing parents.',
  },
  {
    name: 'teacher posts holiday photos to friends only',
    situation: {
      actor: { role: 'staff' },
      act: 'post',
      content: { tone: 'positive', channel: 'personal' },
      context: { platform: 'instagram', visibility: 'private', outsideSchool: true },
    },
    expect: { verdict: ['permitted', 'not_covered'], forbid: ['disciplinary_action', 'record_safeguarding_concern'] },
    source: 'Scope: the requirements bite on school-related use; a private, non-school post is not addressed.',
  },
  // ---------------------------------------------------------------- other stakeholders
  {
    name: 'governor shares confidential school business online',
    situation: {
      actor: { role: 'governor' },
      act: 'post',
      content: { about: ['school'], labels: ['confidential'], channel: 'personal' },
      context: { platform: 'facebook', visibility: 'public' },
    },
    expect: {
      verdict: ['breach'],
      topics: ['legal-compliance', 'staff-confidentiality', 'staff-post-about-school', 'staff-defamation'],
      forbid: ['refer_lado', 'disciplinary_action', 'record_safeguarding_concern', ...neverAtWestacre],
    },
    source:
      'Scope covers governors; Terms of use: no data-protection breaches and no discussing school matters. Governors are not employees, so the steps for an employed adult (record, LADO, disciplinary) do not apply.',
  },
  {
    name: 'parent posts a defamatory statement about a teacher',
    situation: {
      actor: { role: 'parent' },
      act: 'post',
      content: { about: ['staff'], labels: ['defamatory'], tone: 'negative', channel: 'personal' },
      context: { platform: 'facebook', visibility: 'public' },
    },
    expect: {
      verdict: ['breach'],
      topics: ['legal-compliance', 'parent-malicious-comments', 'respectful-conduct', 'staff-defamation'],
      forbid: [...neverAtWestacre, 'disciplinary_action'],
    },
    source:
      'Scope names parents among the stakeholders; Terms of use: no content that may lead to defamation actions. The document sets no letter or legal-advice step.',
  },
  {
    name: 'PTA member posts abusive comments about staff',
    situation: {
      actor: { role: 'pta_member' },
      act: 'post',
      content: { about: ['staff'], labels: ['offensive'], tone: 'negative', channel: 'personal' },
      context: { platform: 'facebook', visibility: 'group' },
    },
    expect: {
      verdict: ['breach'],
      topics: [
        'legal-compliance',
        'respectful-conduct',
        'parent-malicious-comments',
        'visitor-breach',
        'racist-or-violent-content',
      ],
      forbid: ['refer_lado', 'disciplinary_action', 'record_safeguarding_concern', ...neverAtWestacre],
    },
    source:
      'Terms of use: not to be used in an abusive or hateful manner; PTA members are informed of and adhere to the policies. They are not employees, so the employed-adult steps (record, LADO, disciplinary) do not apply.',
  },
  {
    name: 'visitor posts offensive material from a visit',
    situation: {
      actor: { role: 'visitor' },
      act: 'post',
      content: { about: ['school'], labels: ['offensive'], tone: 'negative', channel: 'personal' },
      context: { platform: 'instagram', visibility: 'public', onPremises: true },
    },
    expect: {
      verdict: ['breach'],
      topics: ['visitor-breach', 'legal-compliance', 'respectful-conduct'],
      actions: ['delete_material', 'ask_to_leave_premises'],
      forbid: [...neverAtWestacre, 'disciplinary_action'],
    },
    source: 'Terms of use: visitors in breach are asked to delete the material and may be asked to leave the premises.',
  },
  {
    name: 'pupil seen using social media during the school day',
    situation: {
      actor: { role: 'pupil', age: 6 },
      act: 'use_social_media',
      context: { workingHours: true, onPremises: true, platform: 'youtube' },
    },
    expect: {
      verdict: ['breach', 'advised_against', 'permitted', 'not_covered'],
      actions: ['notify_dsl'],
      forbid: ['send_letter', 'notify_parents_of_pupil'],
    },
    source:
      'Staff guidance: staff with evidence of pupils or adults using social networking in the working day must inform the DSL (the step is the point; no pupil rule is set).',
  },
  {
    name: 'member of staff seen using social media during the working day',
    situation: {
      actor: { role: 'staff' },
      act: 'use_social_media',
      context: { workingHours: true, onPremises: true, platform: 'facebook' },
    },
    expect: { verdict: ['breach', 'advised_against', 'permitted', 'not_covered'], actions: ['notify_dsl'] },
    source:
      'Staff guidance: evidence of adults using social networking in the working day must be reported to the DSL.',
  },
  {
    name: 'pupil aged 10 registers on Instagram (not addressed)',
    situation: { actor: { role: 'pupil', age: 10 }, act: 'register_account', context: { platform: 'instagram' } },
    expect: { verdict: ['not_covered', 'permitted'] },
    source: 'Westacre says nothing about minimum ages or pupils registering.',
  },
  {
    name: 'parent uses a phone in the playground (not addressed)',
    situation: { actor: { role: 'parent' }, act: 'use_phone', context: { onPremises: true } },
    expect: { verdict: ['not_covered', 'permitted'] },
    source:
      "Westacre's social media policy has no rule on parents' phones (it only refers volunteers to a separate phone policy).",
  },
  {
    name: 'member of the public criticises the school online',
    situation: {
      actor: { role: 'third_party' },
      act: 'post',
      content: { about: ['school'], tone: 'negative', labels: ['complaint'] },
      context: { platform: 'x', visibility: 'public' },
    },
    expect: { verdict: ['not_covered'], forbid: [...neverAtWestacre] },
    source: 'Scope: stakeholders only (governors, employees, parents, pupils, visitors).',
  },
  // ---------------------------------------------------------------- further readings
  {
    name: 'teacher posts a class photo of pupils on personal Instagram (no permission, no consent)',
    situation: {
      actor: { role: 'staff', approved: false },
      act: 'post',
      content: { images: [{ of: 'pupils', consent: false, schoolEvent: true }], channel: 'personal' },
      context: { platform: 'instagram', visibility: 'private' },
    },
    expect: {
      verdict: ['breach', 'advised_against'],
      topics: [
        'staff-references-need-permission',
        'staff-post-about-school',
        'staff-share-pupil-images',
        'legal-compliance',
        'staff-defamation',
      ],
      forbid: [...neverAtWestacre],
    },
    source:
      "Terms of use: no reference to any pupil or school event without the Headteacher's permission, nothing breaching data protection — a photo of pupils is such a reference.",
  },
  {
    name: 'volunteer posts offensive comments about the school (not an employee: no LADO, no disciplinary)',
    situation: {
      actor: { role: 'volunteer' },
      act: 'post',
      content: { about: ['school'], labels: ['offensive'], tone: 'negative', channel: 'personal' },
      context: { platform: 'facebook', visibility: 'public' },
    },
    expect: {
      verdict: ['breach'],
      forbid: ['refer_lado', 'disciplinary_action', 'record_safeguarding_concern', ...neverAtWestacre],
    },
    source:
      'Terms of use bind volunteers (told at induction); the safeguarding guidance (record, LADO) concerns an adult employed by the school, and disciplinary action is taken against an employee.',
  },
  {
    name: "teacher follows a pupil's account",
    situation: {
      actor: { role: 'staff' },
      act: 'follow',
      counterpart: { role: 'pupil', age: 7, relationship: 'none', account: 'personal' },
      context: { platform: 'instagram', visibility: 'public' },
    },
    expect: {
      verdict: ['breach', 'advised_against'],
      topics: ['staff-pupil-contact', 'staff-follow-pupil-accounts'],
      forbid: [...neverAtWestacre],
    },
    source:
      "Staff guidance: staff should have no dealings with any pupil on social networking sites or request access to a pupil's area.",
  },
];
