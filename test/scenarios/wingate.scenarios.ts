// Wingate Infant School, Social Media Policy 2019/20 — read independently of the encoding.
// Four areas: (1) pupils' use in school, (2) staff, personally and professionally,
// (3) what parents/carers post, (4) handling online bullying / inappropriate use.
import type { Scenario } from './scenario.ts';

export const slug = 'wingate';

/** Steps Wingate's document never mentions for anyone. */
const neverAtWingate = [
  'report_to_platform',
  'contact_posh',
  'block_access',
  'refer_lado',
  'prevent_referral',
] as const;

export const scenarios: Scenario[] = [
  // ---------------------------------------------------------------- 2. staff
  {
    name: 'teacher accepts a friend request from a current pupil',
    situation: {
      actor: { role: 'staff' },
      act: 'friend_request_accept',
      counterpart: { role: 'pupil', age: 6, relationship: 'none' },
      context: { platform: 'facebook' },
    },
    expect: {
      verdict: ['breach'],
      topics: ['staff-pupil-contact'],
      actions: ['notify_headteacher', 'disciplinary_action'],
      forbid: ['notify_parents_of_pupil', 'send_letter', ...neverAtWingate],
    },
    source:
      "2. Staff guidelines: staff must never add pupils as friends on personal accounts; inappropriate use is referred to the Head Teacher first and may lead to disciplinary action. No step tells the pupil's parents.",
  },
  {
    name: 'teacher sends a friend request to a current pupil',
    situation: {
      actor: { role: 'staff' },
      act: 'friend_request_send',
      counterpart: { role: 'pupil', age: 7, relationship: 'none' },
      context: { platform: 'instagram' },
    },
    expect: { verdict: ['breach'], topics: ['staff-pupil-contact'], actions: ['notify_headteacher'] },
    source: '2. Staff guidelines: staff must never add pupils as friends (adding covers sending the request).',
  },
  {
    name: 'teacher accepts a former pupil aged 15',
    situation: {
      actor: { role: 'staff' },
      act: 'friend_request_accept',
      counterpart: { role: 'former_pupil', age: 15, relationship: 'none' },
      context: { platform: 'facebook' },
    },
    expect: {
      verdict: ['breach'],
      topics: ['staff-former-pupil-contact', 'staff-pupil-contact'],
      actions: ['notify_headteacher'],
    },
    source: '2. Staff guidelines: the ban on adding pupils includes past pupils under 16.',
  },
  {
    name: 'teacher accepts a former pupil aged 16 (boundary: the ban stops below 16)',
    situation: {
      actor: { role: 'staff' },
      act: 'friend_request_accept',
      counterpart: { role: 'former_pupil', age: 16, relationship: 'none' },
      context: { platform: 'facebook' },
    },
    expect: {
      verdict: ['permitted', 'not_covered'],
      forbid: ['notify_headteacher', 'disciplinary_action', 'decline_request'],
    },
    source:
      '2. Staff guidelines: past pupils are only covered under the age of 16; nothing else in the document forbids this.',
  },
  {
    name: 'teacher accepts a parent with no outside friendship',
    situation: {
      actor: { role: 'staff' },
      act: 'friend_request_accept',
      counterpart: { role: 'parent', relationship: 'none' },
      context: { platform: 'facebook' },
    },
    expect: { verdict: ['advised_against'], topics: ['staff-parent-contact'] },
    source: '2. Staff guidelines: staff are strongly advised (not required) not to have parents/carers as friends.',
  },
  {
    name: 'teacher is friends online with a parent they know outside school, not declared',
    situation: {
      actor: { role: 'staff' },
      act: 'friend_request_accept',
      counterpart: { role: 'parent', relationship: 'friend', declared: false },
      context: { platform: 'facebook' },
    },
    expect: {
      verdict: ['breach'],
      topics: ['staff-parent-contact', 'family-links-exception'],
      actions: ['declare_relationship'],
    },
    source: "2. Staff guidelines: a friendship with a parent outside school must be declared on the school's form.",
  },
  {
    name: 'teacher is friends online with a parent they know outside school, declared on the form',
    situation: {
      actor: { role: 'staff' },
      act: 'friend_request_accept',
      counterpart: { role: 'parent', relationship: 'friend', declared: true },
      context: { platform: 'facebook' },
    },
    expect: {
      verdict: ['permitted', 'advised_against'],
      topics: ['staff-parent-contact', 'family-links-exception'],
      forbid: ['declare_relationship', 'disciplinary_action'],
    },
    source:
      '2. Staff guidelines: the declaration is the only requirement for an outside friendship; the general advice against parent friends may or may not still be read as applying.',
  },
  {
    name: 'teacher connected to a parent who is a relative, not declared',
    situation: {
      actor: { role: 'staff' },
      act: 'friend_request_accept',
      counterpart: { role: 'parent', relationship: 'family', declared: false },
      context: { platform: 'facebook' },
    },
    expect: {
      verdict: ['breach'],
      topics: ['staff-parent-contact', 'family-links-exception'],
      actions: ['declare_relationship'],
    },
    source: '2. Staff guidelines: a friendship or relationship with a parent outside school must be declared.',
  },
  {
    name: 'teacher posts a positive comment about the school on a personal account',
    situation: {
      actor: { role: 'staff' },
      act: 'post',
      content: { about: ['school'], tone: 'positive', channel: 'personal' },
      context: { platform: 'facebook', visibility: 'private', outsideSchool: true },
    },
    expect: {
      verdict: ['breach'],
      topics: ['staff-post-about-school'],
      actions: ['notify_headteacher'],
      forbid: ['send_letter', ...neverAtWingate],
    },
    source:
      '2. Staff guidelines: staff must not post comments about the school at all (tone is irrelevant), including using its name.',
  },
  {
    name: 'teacher criticises a governor on a personal account',
    situation: {
      actor: { role: 'staff' },
      act: 'post',
      content: { about: ['governors'], tone: 'negative', channel: 'personal' },
      context: { platform: 'x', visibility: 'public' },
    },
    expect: { verdict: ['breach'], topics: ['staff-post-about-school'], actions: ['notify_headteacher'] },
    source: '2. Staff guidelines: no comments about colleagues, Governors included.',
  },
  {
    name: 'teacher posts about a named pupil on a personal account',
    situation: {
      actor: { role: 'staff' },
      act: 'post',
      content: { about: ['pupils'], namesPupils: true, tone: 'positive', channel: 'personal' },
      context: { platform: 'facebook', visibility: 'private' },
    },
    expect: { verdict: ['breach'], topics: ['staff-post-about-school'], actions: ['notify_headteacher'] },
    source: '2. Staff guidelines: staff must not post comments about pupils.',
  },
  {
    name: 'staff member posts a school event on the official school Facebook page',
    situation: {
      actor: { role: 'staff' },
      act: 'post',
      content: { about: ['school'], tone: 'positive', channel: 'official' },
      context: { platform: 'facebook', visibility: 'public' },
    },
    expect: { verdict: ['permitted', 'not_covered'], forbid: ['disciplinary_action', 'notify_headteacher'] },
    source:
      "3. The school Facebook page is the school's own tool for telling parents what happens in school; the ban is on personal comments.",
  },
  {
    name: 'teacher scrolls personal social media during a lesson',
    situation: {
      actor: { role: 'staff' },
      act: 'use_social_media',
      context: { inLesson: true, workingHours: true, onPremises: true, platform: 'facebook' },
    },
    expect: {
      verdict: ['breach'],
      topics: ['staff-personal-use-working-hours'],
      actions: ['notify_headteacher'],
    },
    source: '2. Staff guidelines: staff must not use social media for personal use in lesson time.',
  },
  {
    name: 'teacher checks personal social media in the staffroom at lunch, outside lessons',
    situation: {
      actor: { role: 'staff' },
      act: 'use_social_media',
      context: { inLesson: false, workingHours: false, onPremises: true, platform: 'facebook' },
    },
    expect: { verdict: ['permitted', 'not_covered'], forbid: ['notify_headteacher', 'disciplinary_action'] },
    source: '2. Staff guidelines: only lesson time is ruled out; nothing forbids use on the premises outside lessons.',
  },
  {
    name: 'teacher posts holiday photos publicly (privacy not set to friends only)',
    situation: {
      actor: { role: 'staff' },
      act: 'post',
      content: { tone: 'positive', channel: 'personal' },
      context: { platform: 'instagram', visibility: 'public', outsideSchool: true },
    },
    expect: { verdict: ['advised_against'], topics: ['staff-privacy-settings'] },
    source:
      '2. Staff guidelines: staff should adjust privacy settings, e.g. to friends only, including for photographs.',
  },
  {
    name: 'teacher posts holiday photos to friends only, outside school',
    situation: {
      actor: { role: 'staff' },
      act: 'post',
      content: { tone: 'positive', channel: 'personal' },
      context: { platform: 'facebook', visibility: 'private', outsideSchool: true },
    },
    expect: { verdict: ['permitted', 'not_covered'], forbid: ['notify_headteacher', 'disciplinary_action'] },
    source: '2. Staff guidelines: nothing restricts private, non-school posts with friends-only settings.',
  },
  {
    name: 'teacher posts offensive content unrelated to school on a private account',
    situation: {
      actor: { role: 'staff' },
      act: 'post',
      content: { labels: ['offensive', 'sexual'], tone: 'negative', channel: 'personal' },
      context: { platform: 'facebook', visibility: 'private', outsideSchool: true },
    },
    expect: {
      verdict: ['advised_against', 'breach'],
      topics: ['staff-professional-standards', 'staff-disrepute'],
      actions: ['notify_headteacher'],
    },
    source:
      "2. Staff guidelines: staff should only use social media in ways consistent with the Teachers' Standards and the AUP; inappropriate use goes to the Head Teacher first.",
  },
  {
    name: 'teacher sets up a class blog account without a risk assessment',
    situation: {
      actor: { role: 'staff', riskAssessed: false },
      act: 'create_account',
      context: { platform: 'blog', onSchoolDevice: true },
    },
    expect: {
      verdict: ['advised_against'],
      topics: ['tool-risk-assessment'],
      actions: ['risk_assessment'],
      forbid: ['share_credentials_with_headteacher', 'seek_headteacher_approval'],
    },
    source:
      '1. Pupils in school: if social media is used, staff should risk-assess which tools are appropriate. No Headteacher approval or handing over of logins is mentioned.',
  },
  {
    name: 'teacher sets up a class blog account after a risk assessment',
    situation: {
      actor: { role: 'staff', riskAssessed: true },
      act: 'create_account',
      context: { platform: 'blog', onSchoolDevice: true },
    },
    expect: {
      verdict: ['permitted'],
      topics: ['tool-risk-assessment'],
      forbid: ['risk_assessment', 'share_credentials_with_headteacher', 'seek_headteacher_approval'],
    },
    source: '1. Pupils in school: a risk-assessed tool meets the only condition the document sets.',
  },
  // ---------------------------------------------------------------- 1. pupils
  {
    name: 'pupil uses social media in school on their own initiative',
    situation: {
      actor: { role: 'pupil', age: 6 },
      act: 'use_social_media',
      context: { onPremises: true, directedByTeacher: false, platform: 'youtube' },
    },
    expect: { verdict: ['advised_against'], topics: ['pupil-use-in-school'], forbid: ['send_letter'] },
    source:
      '1. Pupils in school: sites should not be used in school unless a teacher directs it for a learning objective; no child should be allowed personal social media in school (both "should").',
  },
  {
    name: 'pupil uses a social media site in a lesson as directed by the teacher',
    situation: {
      actor: { role: 'pupil', age: 7 },
      act: 'use_social_media',
      context: { onPremises: true, inLesson: true, directedByTeacher: true, onSchoolDevice: true, platform: 'blog' },
    },
    expect: { verdict: ['permitted'], topics: ['pupil-use-in-school'] },
    source: "1. Pupils in school: use under a teacher's direction for the learning objective is the stated exception.",
  },
  {
    name: 'pupil aged 9 registers on Instagram',
    situation: { actor: { role: 'pupil', age: 9 }, act: 'register_account', context: { platform: 'instagram' } },
    expect: { verdict: ['breach', 'advised_against'], topics: ['pupil-underage-registration'] },
    source:
      '1. Pupils in school: under-13s are generally understood not to be permitted to register (hedged as general understanding, so either strength is defensible).',
  },
  {
    name: 'pupil aged 13 registers on Instagram (boundary)',
    situation: { actor: { role: 'pupil', age: 13 }, act: 'register_account', context: { platform: 'instagram' } },
    expect: { verdict: ['permitted', 'not_covered'] },
    source: '1. Pupils in school: the age limit is under 13 only.',
  },
  // ---------------------------------------------------------------- 3. parents
  {
    name: 'parent posts photos of other pupils taken at the school nativity',
    situation: {
      actor: { role: 'parent' },
      act: 'post',
      content: { images: [{ of: 'other_pupils', consent: false, schoolEvent: true }], channel: 'personal' },
      context: { platform: 'facebook', visibility: 'public', outsideSchool: true },
    },
    expect: {
      verdict: ['breach'],
      topics: ['parent-images-of-other-children'],
      actions: ['request_removal', 'send_letter'],
      forbid: ['disciplinary_action', ...neverAtWingate],
    },
    source:
      '3. Parents must not post photos taken at a school event that show pupils who are not their own; 4. the HT/Governing Body contacts the parent to remove it, points to the proper channels and sends a letter.',
  },
  {
    name: "parent posts other pupils' school-event photos even with those families' consent",
    situation: {
      actor: { role: 'parent' },
      act: 'post',
      content: { images: [{ of: 'other_pupils', consent: true, schoolEvent: true }], channel: 'personal' },
      context: { platform: 'facebook', visibility: 'private' },
    },
    expect: { verdict: ['breach'], topics: ['parent-images-of-other-children'], actions: ['request_removal'] },
    source: '3. The school-event photo rule has no consent exception (unlike some other schools).',
  },
  {
    name: 'parent posts a school-event photo of their own child only',
    situation: {
      actor: { role: 'parent' },
      act: 'post',
      content: { images: [{ of: 'own_child', schoolEvent: true }], tone: 'positive', channel: 'personal' },
      context: { platform: 'facebook', visibility: 'private', outsideSchool: true },
    },
    expect: { verdict: ['permitted', 'not_covered'], forbid: ['request_removal', 'send_letter'] },
    source: '3. Own children are excepted from the school-event photo rule.',
  },
  {
    name: 'parent posts photos of classmates taken at a private birthday party',
    situation: {
      actor: { role: 'parent' },
      act: 'post',
      content: { images: [{ of: 'other_pupils', schoolEvent: false }], channel: 'personal' },
      context: { platform: 'facebook', visibility: 'private', outsideSchool: true },
    },
    expect: { verdict: ['permitted', 'not_covered'], forbid: ['send_letter'] },
    source: '3. The photo rule only covers photographs taken at a school event.',
  },
  {
    name: 'parent uses a phone camera in the playground',
    situation: { actor: { role: 'parent' }, act: 'use_phone', context: { onPremises: true, emergency: false } },
    expect: { verdict: ['breach'], topics: ['parent-phones-on-premises'] },
    source: '3. Parents may not use their own phones and cameras on school premises.',
  },
  {
    name: 'parent uses a phone on the premises in an emergency (no emergency exception here)',
    situation: { actor: { role: 'parent' }, act: 'use_phone', context: { onPremises: true, emergency: true } },
    expect: { verdict: ['breach'], topics: ['parent-phones-on-premises'] },
    source: '3. The phone rule for parents on premises states no exception, emergency or otherwise.',
  },
  {
    name: 'parent helper checks social media on a phone during a trip away from the premises',
    situation: {
      actor: { role: 'parent' },
      act: 'use_social_media',
      context: { onSchoolTrip: true, onPremises: false, platform: 'facebook' },
    },
    expect: { verdict: ['permitted', 'not_covered'] },
    source: '3. The phone rule is limited to school premises; no rule covers school trips.',
  },
  {
    name: 'parent asks a question in a comment on the school Facebook page',
    situation: {
      actor: { role: 'parent' },
      act: 'post',
      content: { labels: ['question'], channel: 'school_page_comment', tone: 'neutral' },
      context: { platform: 'facebook' },
    },
    expect: { verdict: ['advised_against'], topics: ['parent-questions-on-school-page'] },
    source:
      '3. The school Facebook page is one-way; parents should be encouraged not to ask questions there or by messenger.',
  },
  {
    name: 'parent posts a complaint about the school on their own Facebook',
    situation: {
      actor: { role: 'parent' },
      act: 'post',
      content: { about: ['school'], labels: ['complaint'], tone: 'negative', channel: 'personal' },
      context: { platform: 'facebook', visibility: 'public' },
    },
    expect: {
      verdict: ['breach'],
      topics: ['parent-complaints-via-official-channels'],
      actions: ['request_removal', 'apply_complaints_policy', 'send_letter'],
      forbid: [...neverAtWingate],
    },
    source:
      '3. All communication, complaints included, must go through official school channels; 4. the HT/Governing Body asks for removal, redress via the Complaints Policy, and sends a letter.',
  },
  {
    name: 'parent posts a fictitious allegation about a teacher',
    situation: {
      actor: { role: 'parent' },
      act: 'post',
      content: { about: ['staff'], labels: ['allegation', 'defamatory'], tone: 'negative', channel: 'personal' },
      context: { platform: 'facebook', visibility: 'public' },
    },
    expect: {
      verdict: ['advised_against', 'breach'],
      topics: ['parent-malicious-comments', 'parent-allegations', 'legal-compliance'],
      actions: ['request_removal', 'send_letter', 'seek_legal_advice', 'contact_police'],
      forbid: [...neverAtWingate],
    },
    source:
      '3. Parents should not post malicious or fictitious comments about the school community; the police and/or the LA Legal Team get involved; 4. removal request and letter. (Defamation is unlawful per 4, so breach is also defensible.)',
  },
  {
    name: 'parent posts a racist comment about a member of staff',
    situation: {
      actor: { role: 'parent' },
      act: 'post',
      content: { about: ['staff'], labels: ['racist', 'offensive'], tone: 'negative', channel: 'personal' },
      context: { platform: 'facebook', visibility: 'public' },
    },
    expect: {
      verdict: ['breach', 'advised_against'],
      topics: ['racist-or-violent-content', 'parent-malicious-comments'],
      actions: ['request_removal', 'contact_police'],
    },
    source:
      '4. Police involvement is appropriate where postings have a racist element; the parent is asked to remove it.',
  },
  // ---------------------------------------------------------------- 4. incidents
  {
    name: 'pupil bullies a classmate online',
    situation: {
      actor: { role: 'pupil', age: 7 },
      act: 'post',
      content: { about: ['other_children'], labels: ['bullying'], tone: 'negative' },
      context: { outsideSchool: true, platform: 'roblox' },
    },
    expect: {
      verdict: ['breach', 'advised_against'],
      topics: ['online-bullying', 'pupil-inappropriate-comments'],
      actions: ['apply_anti_bullying_policy'],
      forbid: ['apply_behaviour_policy', 'send_letter', ...neverAtWingate],
    },
    source:
      '4. Bullying by a child on the roll is handled under the Anti-bullying Policy (its processes and sanctions); no behaviour policy or letter is mentioned.',
  },
  {
    name: 'member of the public criticises the school online',
    situation: {
      actor: { role: 'third_party' },
      act: 'post',
      content: { about: ['school'], tone: 'negative', labels: ['complaint'] },
      context: { platform: 'x', visibility: 'public' },
    },
    expect: { verdict: ['not_covered'], forbid: [...neverAtWingate] },
    source:
      'Scope: the policy addresses pupils, staff, governors, visitors, parent helpers and parents; it says nothing on outsiders or reputation monitoring.',
  },
  // ---------------------------------------------------------------- further readings
  {
    name: 'teacher posts publicly without saying which account (a personal account by default)',
    situation: {
      actor: { role: 'staff' },
      act: 'post',
      content: { tone: 'positive' },
      context: { platform: 'instagram', visibility: 'public', outsideSchool: true },
    },
    expect: { verdict: ['advised_against'], topics: ['staff-privacy-settings'] },
    source:
      "2. Staff guidelines: privacy settings should be e.g. friends only. A post is on the person's own account unless said otherwise (contract vocabulary: channel defaults to personal).",
  },
  {
    name: 'teacher shares a photo of their own child on a friends-only personal account',
    situation: {
      actor: { role: 'staff' },
      act: 'post',
      content: { images: [{ of: 'own_child' }], tone: 'positive', channel: 'personal' },
      context: { platform: 'facebook', visibility: 'private', outsideSchool: true },
    },
    expect: { verdict: ['permitted', 'not_covered'], forbid: ['notify_headteacher', 'disciplinary_action'] },
    source:
      "1. Parents' permission is about images of their child on the sites used in school; nothing governs a staff member's own family photos on a private account.",
  },
  {
    name: "staff member posts pupils' photos on the school page with parents' permission",
    situation: {
      actor: { role: 'staff' },
      act: 'post',
      content: { images: [{ of: 'pupils', consent: true, schoolEvent: true }], channel: 'official' },
      context: { platform: 'facebook', visibility: 'public' },
    },
    expect: { verdict: ['permitted', 'not_covered'], forbid: ['notify_headteacher', 'disciplinary_action'] },
    source:
      "1. Parents give permission for images of their child to go on the school's site; with it, nothing is broken.",
  },
  {
    name: 'parent scrolls social media on their own phone in the playground',
    situation: {
      actor: { role: 'parent' },
      act: 'use_social_media',
      context: { onPremises: true, onSchoolDevice: false, platform: 'facebook' },
    },
    expect: { verdict: ['breach'], topics: ['parent-phones-on-premises', 'parent-social-media-on-premises'] },
    source: '3. Parents may not use personal phones on the school premises — browsing social media on one is using it.',
  },
  {
    name: "staff member posts pupils' photos on the school page without parents' permission",
    situation: {
      actor: { role: 'staff' },
      act: 'post',
      content: { images: [{ of: 'pupils', consent: false, schoolEvent: true }], channel: 'official' },
      context: { platform: 'facebook', visibility: 'public' },
    },
    expect: {
      verdict: ['breach', 'advised_against'],
      topics: ['staff-share-pupil-images'],
      actions: ['notify_headteacher'],
      forbid: ['send_letter', ...neverAtWingate],
    },
    source:
      "1. Images of a child go on the school's site with the parents' permission; without it, the use is inappropriate and goes to the Head Teacher.",
  },
  {
    name: "parent asks a question through the school page's Messenger",
    situation: {
      actor: { role: 'parent' },
      act: 'message',
      counterpart: { role: 'school', account: 'official' },
      content: { labels: ['question'], tone: 'neutral' },
      context: { platform: 'facebook', visibility: 'private' },
    },
    expect: { verdict: ['advised_against'], topics: ['parent-questions-on-school-page'], forbid: ['send_letter'] },
    source:
      '3. Parents should be encouraged not to ask questions on the Facebook page or through its Messenger option.',
  },
  {
    name: "teacher posts a class photo of pupils on a personal Instagram without parents' permission",
    situation: {
      actor: { role: 'staff' },
      act: 'post',
      content: { images: [{ of: 'pupils', consent: false, schoolEvent: true }], channel: 'personal' },
      context: { platform: 'instagram', visibility: 'private' },
    },
    expect: {
      verdict: ['breach', 'advised_against'],
      topics: ['staff-post-about-school', 'staff-share-pupil-images', 'staff-professional-standards'],
      actions: ['notify_headteacher'],
      forbid: ['send_letter', ...neverAtWingate],
    },
    source:
      "2. Staff must not post about pupils on personal accounts; 1. parents' permission covers images on the school's own site only, so a personal post of pupils' photos has no permission behind it.",
  },
];
