// Wimbledon Chase Primary School, Social Media Policy (July 2018) — read independently.
// Parts: the school's own presence (reputation management, Headteacher runs Twitter); staff,
// pupils' and parents' presence; social media incidents; extremism; further questions.
import type { Scenario } from './scenario.ts';

export const slug = 'wimbledon-chase';

/** Steps this document never mentions for anyone. */
const neverHere = [
  'send_letter',
  'seek_legal_advice',
  'refer_lado',
  'notify_parents_of_pupil',
  'apply_anti_bullying_policy',
  'risk_assessment',
  'share_credentials_with_headteacher',
  'block_access',
] as const;

export const scenarios: Scenario[] = [
  // ---------------------------------------------------------------- pupils and adults
  {
    name: 'pupil sends a friend request to a teacher',
    situation: {
      actor: { role: 'pupil', age: 10 },
      act: 'friend_request_send',
      counterpart: { role: 'staff', relationship: 'none' },
      context: { platform: 'instagram' },
    },
    expect: {
      verdict: ['breach'],
      topics: ['pupil-contact-staff'],
      actions: ['notify_dsl', 'apply_behaviour_policy'],
      forbid: [...neverHere],
    },
    source:
      'Presence: pupils are not allowed to friend or request staff; an attempt by a child is notified to the DSL. Incidents: pupil breaches go through the behaviour policy.',
  },
  {
    name: 'pupil sends a friend request to a contractor',
    situation: {
      actor: { role: 'pupil', age: 9 },
      act: 'friend_request_send',
      counterpart: { role: 'contractor', relationship: 'none' },
      context: { platform: 'facebook' },
    },
    expect: { verdict: ['breach'], topics: ['pupil-contact-staff'], actions: ['notify_dsl'], forbid: [...neverHere] },
    source: 'Presence: the ban names staff, governors, volunteers and contractors alike.',
  },
  {
    name: 'pupil chats with a volunteer over social media',
    situation: {
      actor: { role: 'pupil', age: 10 },
      act: 'message',
      counterpart: { role: 'volunteer', relationship: 'none' },
      context: { platform: 'whatsapp', visibility: 'private' },
    },
    expect: { verdict: ['breach'], topics: ['pupil-contact-staff'], forbid: [...neverHere] },
    source: 'Presence: pupils may not otherwise communicate with those adults via social media.',
  },
  {
    name: 'pupil connected to their aunt on the staff, family link approved by the Headteacher and declared',
    situation: {
      actor: { role: 'pupil', age: 9 },
      act: 'friend_request_send',
      counterpart: { role: 'staff', relationship: 'family', approved: true, declared: true },
      context: { platform: 'facebook' },
    },
    expect: {
      verdict: ['permitted'],
      topics: ['pupil-contact-staff', 'family-links-exception'],
      forbid: ['notify_dsl', 'apply_behaviour_policy', 'seek_headteacher_approval'],
    },
    source: 'Presence, first footnote: pre-existing family links may be excepted once the Headteacher approves them.',
  },
  {
    name: 'pupil connected to their aunt on the staff, family link not approved',
    situation: {
      actor: { role: 'pupil', age: 9 },
      act: 'friend_request_send',
      counterpart: { role: 'staff', relationship: 'family', approved: false, declared: true },
      context: { platform: 'facebook' },
    },
    expect: {
      verdict: ['breach'],
      topics: ['pupil-contact-staff', 'family-links-exception'],
      actions: ['seek_headteacher_approval'],
    },
    source:
      'Presence, first footnote: the family exception must be approved by the Headteacher — declaring it is not enough.',
  },
  {
    name: 'pupil connected to a teacher relative, approved but not declared on entry',
    situation: {
      actor: { role: 'pupil', age: 9 },
      act: 'friend_request_send',
      counterpart: { role: 'staff', relationship: 'family', approved: true, declared: false },
      context: { platform: 'facebook' },
    },
    expect: {
      verdict: ['permitted', 'advised_against'],
      topics: ['pupil-contact-staff', 'family-links-exception'],
      forbid: ['notify_dsl', 'apply_behaviour_policy'],
    },
    source: 'Presence, first footnote: approval is a "must"; declaring on entry is only a "should".',
  },
  {
    name: 'teacher sends a friend request to a pupil',
    situation: {
      actor: { role: 'staff' },
      act: 'friend_request_send',
      counterpart: { role: 'pupil', age: 10, relationship: 'none' },
      context: { platform: 'instagram' },
    },
    expect: {
      verdict: ['breach'],
      topics: ['staff-pupil-contact', 'pupil-contact-staff'],
      actions: ['notify_headteacher', 'disciplinary_action'],
      forbid: [...neverHere, 'notify_dsl'],
    },
    source:
      'Presence, second footnote: an attempt by a staff member may be a disciplinary matter and goes to the Headteacher (the DSL route is for attempts by a child); Incidents: staff breaches go through the Staff Code of Conduct.',
  },
  {
    name: "pupil follows a teacher's public Instagram account",
    situation: {
      actor: { role: 'pupil', age: 11 },
      act: 'follow',
      counterpart: { role: 'staff', account: 'personal' },
      context: { platform: 'instagram', visibility: 'public' },
    },
    expect: { verdict: ['advised_against'], topics: ['pupil-follow-staff'], forbid: [...neverHere] },
    source: 'Presence: pupils are only discouraged from following staff public accounts.',
  },
  {
    name: "teacher follows a pupil's public account",
    situation: {
      actor: { role: 'staff' },
      act: 'follow',
      counterpart: { role: 'pupil', age: 11, account: 'personal' },
      context: { platform: 'instagram', visibility: 'public' },
    },
    expect: {
      verdict: ['breach'],
      topics: ['staff-follow-pupil-accounts'],
      actions: ['disciplinary_action'],
      forbid: [...neverHere],
    },
    source: "Presence: staff must not follow pupils' public accounts; Incidents: Staff Code of Conduct.",
  },
  {
    name: 'teacher accepts a friend request from a parent (not addressed)',
    situation: {
      actor: { role: 'staff' },
      act: 'friend_request_accept',
      counterpart: { role: 'parent', relationship: 'none' },
      context: { platform: 'facebook' },
    },
    expect: { verdict: ['not_covered', 'permitted'], forbid: ['declare_relationship', 'disciplinary_action'] },
    source: 'This policy sets no rule on staff connecting with parents.',
  },
  {
    name: 'teacher accepts a former pupil aged 16 (not addressed)',
    situation: {
      actor: { role: 'staff' },
      act: 'friend_request_accept',
      counterpart: { role: 'former_pupil', age: 16, relationship: 'none' },
      context: { platform: 'facebook' },
    },
    expect: { verdict: ['not_covered', 'permitted'], forbid: ['disciplinary_action'] },
    source: 'The contact rules name pupils/students on roll; former pupils are not mentioned.',
  },
  // ---------------------------------------------------------------- staff conduct
  {
    name: 'teacher posts a neutral comment about the school on a personal account',
    situation: {
      actor: { role: 'staff' },
      act: 'post',
      content: { about: ['school'], tone: 'neutral', channel: 'personal' },
      context: { platform: 'facebook', visibility: 'private' },
    },
    expect: { verdict: ['advised_against'], topics: ['staff-post-about-school'] },
    source: 'Presence: staff "should never" talk about the school or its stakeholders online — advice, not a must.',
  },
  {
    name: 'teacher posts an offensive rant that brings the profession into disrepute',
    situation: {
      actor: { role: 'staff' },
      act: 'post',
      content: { labels: ['offensive'], tone: 'negative', channel: 'personal' },
      context: { platform: 'x', visibility: 'public', outsideSchool: true },
    },
    expect: {
      verdict: ['breach'],
      topics: ['staff-disrepute', 'respectful-conduct'],
      actions: ['disciplinary_action'],
      forbid: [...neverHere],
    },
    source:
      'Presence: staff must not harm the reputation of the school or profession; Incidents: dealt with under the Staff Code of Conduct.',
  },
  {
    name: 'teacher promotes an extremist organisation',
    situation: {
      actor: { role: 'staff' },
      act: 'support_extremism',
      content: { labels: ['extremist'], channel: 'personal' },
      context: { platform: 'telegram' },
    },
    expect: {
      verdict: ['breach'],
      topics: ['extremism'],
      actions: ['prevent_referral', 'disciplinary_action'],
      forbid: [...neverHere],
    },
    source: 'Extremism: under the Prevent duty staff will not support or promote extremist organisations or material.',
  },
  {
    name: 'parent shares extremist material',
    situation: {
      actor: { role: 'parent' },
      act: 'support_extremism',
      content: { labels: ['extremist'], channel: 'personal' },
      context: { platform: 'facebook', visibility: 'public' },
    },
    expect: {
      verdict: ['advised_against', 'breach'],
      topics: ['extremism', 'respectful-conduct'],
      forbid: ['disciplinary_action', ...neverHere],
    },
    source:
      'Extremism: the school "asks for" parents\' support (a should); general conduct expectations may also apply.',
  },
  // ---------------------------------------------------------------- parents
  {
    name: "parent posts a rude comment about a teacher in a private parents' chat",
    situation: {
      actor: { role: 'parent' },
      act: 'post',
      content: { about: ['staff'], labels: ['offensive'], tone: 'negative', channel: 'personal' },
      context: { platform: 'whatsapp', visibility: 'group' },
    },
    expect: {
      verdict: ['breach', 'advised_against'],
      topics: ['respectful-conduct', 'parent-malicious-comments'],
      actions: ['request_removal'],
      forbid: [...neverHere, 'report_to_platform', 'contact_posh'],
    },
    source:
      "Presence: everyone is expected not to post rude or insulting content, private chats included; Incidents: the school requests deletion of a community member's post (platform reports are for third-party posts).",
  },
  {
    name: 'parent posts a complaint about the school on Facebook',
    situation: {
      actor: { role: 'parent' },
      act: 'post',
      content: { about: ['school'], labels: ['complaint'], tone: 'neutral', channel: 'personal' },
      context: { platform: 'facebook', visibility: 'public' },
    },
    expect: {
      verdict: ['advised_against'],
      topics: ['parent-complaints-via-official-channels'],
      actions: ['apply_complaints_policy'],
      forbid: [...neverHere],
    },
    source: 'Presence: parents are urged to raise concerns directly and privately, then use the complaints procedure.',
  },
  {
    name: "parent asks about their own child on the school's Twitter",
    situation: {
      actor: { role: 'parent' },
      act: 'post',
      content: { about: ['pupils'], labels: ['question'], tone: 'neutral', channel: 'school_page_comment' },
      context: { platform: 'twitter', visibility: 'public' },
    },
    expect: { verdict: ['advised_against'], topics: ['parent-questions-on-school-page'], forbid: [...neverHere] },
    source: 'Presence: parents are asked not to use the official Twitter to communicate about their children.',
  },
  {
    name: "parent asks a general question on the school's Twitter",
    situation: {
      actor: { role: 'parent' },
      act: 'post',
      content: { about: ['school'], labels: ['question'], tone: 'neutral', channel: 'school_page_comment' },
      context: { platform: 'twitter', visibility: 'public' },
    },
    expect: { verdict: ['permitted', 'not_covered'], forbid: ['request_removal'] },
    source: 'Presence: the official Twitter does answer general enquiries about the school.',
  },
  {
    name: 'parent posts photos of other children without consent',
    situation: {
      actor: { role: 'parent' },
      act: 'post',
      content: { images: [{ of: 'other_pupils', consent: false, schoolEvent: true }], channel: 'personal' },
      context: { platform: 'instagram', visibility: 'public' },
    },
    expect: {
      verdict: ['breach', 'advised_against'],
      topics: ['images-of-others-consent', 'parent-images-of-other-children'],
      forbid: [...neverHere],
    },
    source: 'Presence: everyone is reminded to seek permission before uploading photos of other people.',
  },
  {
    name: 'parent posts photos of other children with consent',
    situation: {
      actor: { role: 'parent' },
      act: 'post',
      content: { images: [{ of: 'other_pupils', consent: true, schoolEvent: true }], channel: 'personal' },
      context: { platform: 'instagram', visibility: 'private' },
    },
    expect: { verdict: ['permitted', 'not_covered'], forbid: ['request_removal'] },
    source: 'Presence: the concern is uploads without clear consent.',
  },
  {
    name: 'pupil aged 11 registers on Instagram',
    situation: { actor: { role: 'pupil', age: 11 }, act: 'register_account', context: { platform: 'instagram' } },
    expect: { verdict: ['advised_against', 'not_covered'], forbid: ['apply_behaviour_policy', 'notify_dsl'] },
    source:
      'Presence: many platforms have a minimum age of 13; the school only asks parents to respect age ratings (no pupil rule, no sanction).',
  },
  // ---------------------------------------------------------------- incidents
  {
    name: 'pupil bullies a classmate online',
    situation: {
      actor: { role: 'pupil', age: 10 },
      act: 'post',
      content: { about: ['other_children'], labels: ['bullying'], tone: 'negative' },
      context: { outsideSchool: true, platform: 'tiktok' },
    },
    expect: {
      verdict: ['breach', 'advised_against'],
      topics: ['respectful-conduct', 'online-bullying', 'pupil-inappropriate-comments'],
      actions: ['apply_behaviour_policy', 'request_removal'],
      forbid: [...neverHere],
    },
    source:
      'Presence: no bullying posts; Incidents: pupil breaches go through the behaviour policy and the post is to be deleted. No anti-bullying policy is named.',
  },
  {
    name: 'member of the public posts abuse about the school',
    situation: {
      actor: { role: 'third_party' },
      act: 'post',
      content: { about: ['school'], labels: ['offensive'], tone: 'negative' },
      context: { platform: 'mumsnet', visibility: 'public' },
    },
    expect: {
      verdict: ['not_covered', 'breach', 'advised_against'],
      actions: ['report_to_platform', 'contact_posh'],
      forbid: [...neverHere, 'disciplinary_action', 'apply_behaviour_policy'],
    },
    source:
      "Incidents: for a third party's offending post the school may report it to the host platform and may contact the POSH helpline.",
  },
  {
    name: 'member of the public posts a threat of violence against staff',
    situation: {
      actor: { role: 'third_party' },
      act: 'post',
      content: { about: ['staff'], labels: ['threat_of_violence', 'illegal'], tone: 'negative' },
      context: { platform: 'facebook', visibility: 'public' },
    },
    expect: {
      verdict: ['not_covered', 'breach', 'advised_against'],
      actions: ['report_to_platform', 'contact_posh', 'contact_police'],
      forbid: [...neverHere],
    },
    source: 'Incidents: where a post may be illegal or dangerous, the police or other authorities can be brought in.',
  },
  {
    name: 'teacher posts holiday photos to friends only',
    situation: {
      actor: { role: 'staff' },
      act: 'post',
      content: { tone: 'positive', channel: 'personal' },
      context: { platform: 'instagram', visibility: 'private', outsideSchool: true },
    },
    expect: { verdict: ['not_covered', 'permitted'], forbid: ['disciplinary_action'] },
    source: 'Nothing in the policy restricts private posts unrelated to the school.',
  },
  {
    name: 'teacher checks personal social media in the staffroom at lunch (not addressed)',
    situation: {
      actor: { role: 'staff' },
      act: 'use_social_media',
      context: { onPremises: true, inLesson: false, workingHours: false, platform: 'facebook' },
    },
    expect: { verdict: ['not_covered', 'permitted'], forbid: ['disciplinary_action'] },
    source: 'This policy sets no time or place limits on staff personal use.',
  },
  // ---------------------------------------------------------------- further readings
  {
    name: 'volunteer posts an insulting comment about the school (no staff code, no behaviour policy)',
    situation: {
      actor: { role: 'volunteer' },
      act: 'post',
      content: { about: ['school'], labels: ['offensive'], tone: 'negative', channel: 'personal' },
      context: { platform: 'facebook', visibility: 'group' },
    },
    expect: {
      verdict: ['breach', 'advised_against'],
      topics: ['respectful-conduct'],
      actions: ['request_removal'],
      forbid: ['disciplinary_action', 'apply_behaviour_policy', ...neverHere],
    },
    source:
      'Presence: everybody is expected not to post insulting content; Incidents: the post is to be deleted, and only pupils (behaviour policy) and staff (Staff Code of Conduct) have a disciplinary route.',
  },
  {
    name: 'governor posts an insulting comment about parents (not staff: no Staff Code of Conduct)',
    situation: {
      actor: { role: 'governor' },
      act: 'post',
      content: { about: ['parents'], labels: ['offensive'], tone: 'negative', channel: 'personal' },
      context: { platform: 'x', visibility: 'public' },
    },
    expect: {
      verdict: ['breach', 'advised_against'],
      topics: ['respectful-conduct'],
      actions: ['request_removal'],
      forbid: ['disciplinary_action', 'apply_behaviour_policy', ...neverHere],
    },
    source:
      'Incidents: pupil breaches go to the behaviour policy, staff ones to the Staff Code of Conduct; governors are neither.',
  },
  {
    name: 'pupil aged 13 registers on Instagram (boundary)',
    situation: { actor: { role: 'pupil', age: 13 }, act: 'register_account', context: { platform: 'instagram' } },
    expect: { verdict: ['permitted', 'not_covered'], forbid: ['apply_behaviour_policy', 'notify_dsl'] },
    source: 'Presence: the age rating the school asks families to respect is 13.',
  },
];
