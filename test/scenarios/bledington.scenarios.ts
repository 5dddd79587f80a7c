// Bledington Primary School, Social Media Policy (ratified 2019, 2022, 2025) — read independently.
// Sections: A staff (and governors) in a personal capacity, B pupils, C parents/carers/volunteers/
// visitors, D creation of school accounts, E incidents.
import type { Scenario } from './scenario.ts';

export const slug = 'bledington';

/** Steps Bledington's document never mentions for anyone. */
const neverAtBledington = [
  'send_letter',
  'notify_dsl',
  'refer_lado',
  'report_to_platform',
  'contact_posh',
  'block_access',
  'risk_assessment',
  'prevent_referral',
] as const;

export const scenarios: Scenario[] = [
  // ---------------------------------------------------------------- A. staff
  {
    name: 'teacher accepts a friend request from a pupil aged 10',
    situation: {
      actor: { role: 'staff' },
      act: 'friend_request_accept',
      counterpart: { role: 'pupil', age: 10, relationship: 'none' },
      context: { platform: 'instagram' },
    },
    expect: {
      verdict: ['breach'],
      topics: ['staff-pupil-contact'],
      actions: ['decline_request', 'notify_headteacher', 'notify_parents_of_pupil'],
      forbid: [...neverAtBledington],
    },
    source:
      "A. Staff must decline friend/follow requests from pupils and, on receiving one, tell the Headteacher and the pupil's parents.",
  },
  {
    name: 'teacher accepts a request from an ex-pupil aged 15',
    situation: {
      actor: { role: 'staff' },
      act: 'friend_request_accept',
      counterpart: { role: 'former_pupil', age: 15, relationship: 'none' },
      context: { platform: 'facebook' },
    },
    expect: {
      verdict: ['breach'],
      topics: ['staff-former-pupil-contact', 'staff-pupil-contact'],
      actions: ['decline_request', 'notify_headteacher', 'notify_parents_of_pupil'],
      forbid: [...neverAtBledington],
    },
    source: 'A. The duty to decline covers ex-pupils as well as pupils.',
  },
  {
    name: 'teacher accepts a request from an ex-pupil aged 19 (no age limit at this school)',
    situation: {
      actor: { role: 'staff' },
      act: 'friend_request_accept',
      counterpart: { role: 'former_pupil', age: 19, relationship: 'none' },
      context: { platform: 'facebook' },
    },
    expect: {
      verdict: ['breach'],
      topics: ['staff-former-pupil-contact', 'staff-pupil-contact'],
      actions: ['decline_request', 'notify_headteacher'],
    },
    source: 'A. Requests from ex-pupils must be declined; unlike other schools, no age threshold is given.',
  },
  {
    name: 'teacher sends a follow request to a pupil',
    situation: {
      actor: { role: 'staff' },
      act: 'friend_request_send',
      counterpart: { role: 'pupil', age: 9, relationship: 'none' },
      context: { platform: 'instagram' },
    },
    expect: { verdict: ['breach'], topics: ['staff-pupil-contact'], actions: ['notify_headteacher'] },
    source:
      "A. Staff may not even accept a pupil's request, so initiating the connection is forbidden a fortiori; inappropriate staff use is referred to the Headteacher.",
  },
  {
    name: 'governor accepts a friend request from a pupil',
    situation: {
      actor: { role: 'governor' },
      act: 'friend_request_accept',
      counterpart: { role: 'pupil', age: 8, relationship: 'none' },
      context: { platform: 'facebook' },
    },
    expect: { verdict: ['breach'], topics: ['staff-pupil-contact'], actions: ['decline_request'] },
    source: 'Section A sits under the heading "All Staff and Governors", so its rules bind governors too.',
  },
  {
    name: 'teacher accepts a friend request from a parent',
    situation: {
      actor: { role: 'staff' },
      act: 'friend_request_accept',
      counterpart: { role: 'parent', relationship: 'none' },
      context: { platform: 'facebook' },
    },
    expect: {
      verdict: ['breach'],
      topics: ['staff-parent-contact'],
      actions: ['notify_headteacher'],
      forbid: ['declare_relationship', ...neverAtBledington],
    },
    source:
      'A. No staff contact on social media with the parents/carers of any pupil (their requests are never accepted); misuse is passed to the Headteacher.',
  },
  {
    name: 'teacher connected to a parent who is their sister, declared to school (no family exception here)',
    situation: {
      actor: { role: 'staff' },
      act: 'friend_request_accept',
      counterpart: { role: 'parent', relationship: 'family', declared: true, approved: false },
      context: { platform: 'facebook' },
    },
    expect: { verdict: ['breach'], topics: ['staff-parent-contact'], forbid: [...neverAtBledington] },
    source:
      'A. The ban on contact with parents is stated without any exception; the document has no declaration or family-link route for staff.',
  },
  {
    name: 'teacher messages a parent about homework on WhatsApp',
    situation: {
      actor: { role: 'staff' },
      act: 'message',
      counterpart: { role: 'parent', relationship: 'none' },
      context: { platform: 'whatsapp' },
    },
    expect: { verdict: ['breach'], topics: ['staff-parent-contact'] },
    source: 'A. No social media contact with parents; work contact only through the school email or phone.',
  },
  {
    name: 'teacher gives a parent their personal mobile number',
    situation: {
      actor: { role: 'staff' },
      act: 'share_contact_details',
      counterpart: { role: 'parent', relationship: 'none' },
    },
    expect: { verdict: ['breach'], topics: ['staff-personal-contact-details'] },
    source: 'A. Staff keep their own email addresses and phone numbers private from parents/carers.',
  },
  {
    name: 'teacher names the school as employer on a Facebook profile',
    situation: { actor: { role: 'staff' }, act: 'identify_as_employee', context: { platform: 'facebook' } },
    expect: { verdict: ['breach'], topics: ['staff-identify-as-employee'] },
    source: 'A. On personal webspace, staff may not say that they work for the school.',
  },
  {
    name: 'teacher names the school as employer on LinkedIn',
    situation: { actor: { role: 'staff' }, act: 'identify_as_employee', context: { platform: 'linkedin' } },
    expect: {
      verdict: ['permitted'],
      topics: ['staff-identify-as-employee'],
      forbid: ['notify_headteacher', 'disciplinary_action'],
    },
    source: 'A. Professional websites such as LinkedIn are the stated exception.',
  },
  {
    name: 'teacher follows the school Twitter account from a personal account',
    situation: {
      actor: { role: 'staff' },
      act: 'follow',
      counterpart: { role: 'school', account: 'official' },
      context: { platform: 'twitter' },
    },
    expect: { verdict: ['breach'], topics: ['staff-personal-account-school-feed'] },
    source: "A. Staff must not use a personal Twitter account to follow the school's Twitter accounts.",
  },
  {
    name: 'teacher uploads class photos of pupils to a personal Instagram',
    situation: {
      actor: { role: 'staff' },
      act: 'post',
      content: { about: ['pupils'], images: [{ of: 'pupils', consent: true, schoolEvent: true }], channel: 'personal' },
      context: { platform: 'instagram', visibility: 'private' },
    },
    expect: {
      verdict: ['breach'],
      topics: ['staff-share-pupil-images', 'staff-post-about-school'],
      actions: ['notify_headteacher'],
    },
    source:
      "A. Under no circumstances may staff share pupil photos online other than through the school's own website or accounts.",
  },
  {
    name: "staff member posts pupil photos on the school's official account",
    situation: {
      actor: { role: 'staff' },
      act: 'post',
      content: { about: ['school'], images: [{ of: 'pupils', consent: true, schoolEvent: true }], channel: 'official' },
      context: { platform: 'twitter', visibility: 'public' },
    },
    expect: { verdict: ['permitted', 'not_covered'], forbid: ['disciplinary_action', 'notify_headteacher'] },
    source: 'A. The school website and school social media accounts are the permitted route for pupil photos.',
  },
  {
    name: 'teacher posts a positive comment about the school on a personal account',
    situation: {
      actor: { role: 'staff' },
      act: 'post',
      content: { about: ['school'], tone: 'positive', channel: 'personal' },
      context: { platform: 'facebook', visibility: 'private' },
    },
    expect: { verdict: ['breach'], topics: ['staff-post-about-school'], actions: ['notify_headteacher'] },
    source: 'A. Staff must not post comments or photos about the school, whatever the tone.',
  },
  {
    name: 'teacher posts a photo of colleagues at a staff training day',
    situation: {
      actor: { role: 'staff' },
      act: 'post',
      content: { about: ['colleagues'], images: [{ of: 'staff' }], tone: 'neutral', channel: 'personal' },
      context: { platform: 'facebook', visibility: 'private' },
    },
    expect: { verdict: ['breach'], topics: ['staff-post-about-school'] },
    source: 'A. No comments, photographs or videos about colleagues.',
  },
  {
    name: "teacher posts an insulting remark about a pupil's family",
    situation: {
      actor: { role: 'staff' },
      act: 'post',
      content: { about: ['parents'], labels: ['offensive', 'defamatory'], tone: 'negative', channel: 'personal' },
      context: { platform: 'facebook', visibility: 'public' },
    },
    expect: {
      verdict: ['breach'],
      topics: ['staff-defamation', 'staff-post-about-school'],
      actions: ['notify_headteacher', 'disciplinary_action'],
    },
    source:
      "A. Staff must not attack, insult, abuse or defame pupils' families; the Headteacher is told, and disciplinary action can follow.",
  },
  {
    name: 'teacher discloses confidential pupil information online',
    situation: {
      actor: { role: 'staff' },
      act: 'post',
      content: { about: ['pupils'], labels: ['confidential'], channel: 'personal' },
      context: { platform: 'facebook', visibility: 'private' },
    },
    expect: {
      verdict: ['breach'],
      topics: ['staff-confidentiality', 'staff-post-about-school'],
      actions: ['disciplinary_action'],
    },
    source:
      'A. Staff must keep confidentiality on social media; breaches of confidentiality may bring disciplinary action.',
  },
  {
    name: 'former member of staff discloses confidential school information',
    situation: {
      actor: { role: 'staff', formerEmployee: true },
      act: 'post',
      content: { about: ['school'], labels: ['confidential'], channel: 'personal' },
      context: { platform: 'facebook', visibility: 'public' },
    },
    expect: { verdict: ['breach'], topics: ['staff-confidentiality'] },
    source: "A. Confidentiality must be kept even after leaving the school's employment.",
  },
  {
    name: 'former member of staff posts a neutral, non-confidential comment about the school',
    situation: {
      actor: { role: 'staff', formerEmployee: true },
      act: 'post',
      content: { about: ['school'], tone: 'neutral', channel: 'personal' },
      context: { platform: 'facebook', visibility: 'private' },
    },
    expect: { verdict: ['permitted', 'not_covered'], forbid: ['disciplinary_action'] },
    source:
      'A. Only the confidentiality duty is said to continue after employment ends; the other staff rules bind current staff.',
  },
  {
    name: 'teacher browses personal social media during core contracted hours',
    situation: {
      actor: { role: 'staff' },
      act: 'use_social_media',
      context: { workingHours: true, onPremises: true, inLesson: false, platform: 'facebook' },
    },
    expect: { verdict: ['breach'], topics: ['staff-personal-use-working-hours'], actions: ['notify_headteacher'] },
    source: 'A. Staff may not use social media or the internet for themselves in their core contracted hours.',
  },
  {
    name: 'teacher browses personal social media on the premises after school hours',
    situation: {
      actor: { role: 'staff' },
      act: 'use_social_media',
      context: { workingHours: false, onPremises: true, platform: 'instagram' },
    },
    expect: { verdict: ['breach'], topics: ['staff-personal-use-working-hours'] },
    source: 'A. Personal access to social media is not allowed on school premises (at any time).',
  },
  {
    name: 'teacher uses social media at home in the evening',
    situation: {
      actor: { role: 'staff' },
      act: 'use_social_media',
      context: {
        workingHours: false,
        onPremises: false,
        outsideSchool: true,
        platform: 'instagram',
        visibility: 'private',
      },
    },
    expect: { verdict: ['permitted', 'not_covered'], forbid: ['notify_headteacher', 'disciplinary_action'] },
    source: 'A. The time and place restrictions are core hours and the premises only.',
  },
  {
    name: 'teacher invites a colleague to be a friend',
    situation: {
      actor: { role: 'staff' },
      act: 'friend_request_send',
      counterpart: { role: 'staff', relationship: 'none' },
      context: { platform: 'facebook' },
    },
    expect: { verdict: ['advised_against', 'permitted'], topics: ['staff-colleague-contact'] },
    source: 'A. Caution is advised when inviting colleagues to be friends (advice, not a ban).',
  },
  {
    name: 'teacher posts holiday photos publicly',
    situation: {
      actor: { role: 'staff' },
      act: 'post',
      content: { tone: 'positive', channel: 'personal' },
      context: { platform: 'instagram', visibility: 'public', outsideSchool: true },
    },
    expect: { verdict: ['advised_against'], topics: ['staff-privacy-settings'] },
    source: 'A. Staff are advised to set privacy levels as strictly as they can.',
  },
  {
    name: 'teacher posts holiday photos to friends only',
    situation: {
      actor: { role: 'staff' },
      act: 'post',
      content: { tone: 'positive', channel: 'personal' },
      context: { platform: 'facebook', visibility: 'private', outsideSchool: true },
    },
    expect: { verdict: ['permitted', 'not_covered'], forbid: ['notify_headteacher', 'disciplinary_action'] },
    source: 'A. Nothing restricts private posts that do not concern the school.',
  },
  // ---------------------------------------------------------------- D. school accounts
  {
    name: "teacher sets up a class social media account without the Headteacher's approval",
    situation: {
      actor: { role: 'staff', approved: false, credentialsShared: false },
      act: 'create_account',
      context: { platform: 'twitter' },
    },
    expect: {
      verdict: ['breach'],
      topics: ['official-account-approval'],
      actions: ['seek_headteacher_approval'],
      forbid: [...neverAtBledington],
    },
    source:
      'D. Every social media service must be approved by the Headteacher before educational work starts. No risk assessment is mentioned.',
  },
  {
    name: 'approved class account whose login details were not given to the Headteacher',
    situation: {
      actor: { role: 'staff', approved: true, credentialsShared: false },
      act: 'create_account',
      context: { platform: 'twitter' },
    },
    expect: {
      verdict: ['breach'],
      topics: ['official-account-credentials'],
      actions: ['share_credentials_with_headteacher'],
      forbid: ['seek_headteacher_approval', 'risk_assessment'],
    },
    source: "D. After approval, the Headteacher is given the account's login details, which are kept current.",
  },
  {
    name: 'approved class account with login details held by the Headteacher',
    situation: {
      actor: { role: 'staff', approved: true, credentialsShared: true },
      act: 'create_account',
      context: { platform: 'twitter' },
    },
    expect: {
      verdict: ['permitted'],
      topics: ['official-account-approval', 'official-account-credentials'],
      forbid: ['seek_headteacher_approval', 'share_credentials_with_headteacher', 'risk_assessment'],
    },
    source: 'D. Both conditions met.',
  },
  // ---------------------------------------------------------------- B. pupils
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
      actions: ['decline_request', 'notify_headteacher', 'notify_parents_of_pupil'],
      forbid: [...neverAtBledington],
    },
    source:
      "B. Pupils must not send friend/follow requests to staff; A. a member of staff who receives one must decline it and tell the Headteacher and the pupil's parents (not a DSL).",
  },
  {
    name: "pupil follows a teacher's account",
    situation: {
      actor: { role: 'pupil', age: 11 },
      act: 'follow',
      counterpart: { role: 'staff', account: 'personal' },
      context: { platform: 'instagram' },
    },
    expect: { verdict: ['breach'], topics: ['pupil-contact-staff', 'pupil-follow-staff'] },
    source: 'B. The ban is on "friend/follow" requests to staff, so following is covered.',
  },
  {
    name: 'pupil aged 11 registers on Facebook',
    situation: { actor: { role: 'pupil', age: 11 }, act: 'register_account', context: { platform: 'facebook' } },
    expect: { verdict: ['breach', 'advised_against'], topics: ['pupil-underage-registration'] },
    source:
      'B. Children under 13 are generally taken to be too young to sign up to Facebook, Instagram and similar sites.',
  },
  {
    name: 'pupil aged 13 registers on Facebook (boundary)',
    situation: { actor: { role: 'pupil', age: 13 }, act: 'register_account', context: { platform: 'facebook' } },
    expect: { verdict: ['permitted', 'not_covered'] },
    source: 'B. The age limit stated is under 13.',
  },
  {
    name: 'pupil uses social media on their own phone in the playground',
    situation: {
      actor: { role: 'pupil', age: 10 },
      act: 'use_social_media',
      context: { onPremises: true, onSchoolDevice: false, directedByTeacher: false, platform: 'tiktok' },
    },
    expect: { verdict: ['breach'], topics: ['pupil-use-in-school'], forbid: ['send_letter'] },
    source: 'B. Pupils must not access social media on their own devices on the school premises.',
  },
  {
    name: 'pupil uses social media on a school tablet',
    situation: {
      actor: { role: 'pupil', age: 9 },
      act: 'use_social_media',
      context: { onPremises: true, onSchoolDevice: true, directedByTeacher: false, platform: 'youtube' },
    },
    expect: { verdict: ['breach'], topics: ['pupil-use-in-school'] },
    source: 'B. No social media for pupils on school devices.',
  },
  {
    name: 'pupil uses social media on a school trip',
    situation: {
      actor: { role: 'pupil', age: 10 },
      act: 'use_social_media',
      context: { onSchoolTrip: true, onPremises: false, platform: 'snapchat' },
    },
    expect: { verdict: ['breach'], topics: ['pupil-use-in-school'] },
    source: 'B. The ban also covers own devices on a school trip.',
  },
  {
    name: 'pupil uses social media at home',
    situation: {
      actor: { role: 'pupil' },
      act: 'use_social_media',
      context: { outsideSchool: true, onPremises: false, onSchoolDevice: false, platform: 'youtube' },
    },
    expect: { verdict: ['permitted', 'not_covered'] },
    source: 'B. The pupil rules concern school devices, premises and trips.',
  },
  {
    name: 'pupil sends a rude private message about a teacher',
    situation: {
      actor: { role: 'pupil', age: 10 },
      act: 'message',
      counterpart: { role: 'pupil' },
      content: { about: ['staff'], labels: ['offensive'], tone: 'negative' },
      context: { outsideSchool: true, visibility: 'private', platform: 'whatsapp' },
    },
    expect: { verdict: ['breach'], topics: ['pupil-inappropriate-comments'] },
    source:
      'B. Pupils must not make inappropriate comments about the school, staff or other children, private messages included.',
  },
  {
    name: 'pupil bullies a classmate online',
    situation: {
      actor: { role: 'pupil', age: 10 },
      act: 'post',
      content: { about: ['other_children'], labels: ['bullying'], tone: 'negative' },
      context: { outsideSchool: true, platform: 'tiktok' },
    },
    expect: {
      verdict: ['breach'],
      topics: ['pupil-inappropriate-comments', 'online-bullying'],
      actions: ['apply_anti_bullying_policy'],
      forbid: [...neverAtBledington],
    },
    source:
      'B. No inappropriate comments about other children; E. online bullying by a pupil is dealt with under the Anti-Bullying and Hate Policy.',
  },
  // ---------------------------------------------------------------- C. parents
  {
    name: 'parent posts photos of other pupils from sports day',
    situation: {
      actor: { role: 'parent' },
      act: 'post',
      content: { images: [{ of: 'other_pupils', consent: false, schoolEvent: true }], channel: 'personal' },
      context: { platform: 'facebook', visibility: 'public', outsideSchool: true },
    },
    expect: {
      verdict: ['breach'],
      topics: ['parent-images-of-other-children'],
      actions: ['request_removal'],
      forbid: [...neverAtBledington, 'disciplinary_action'],
    },
    source:
      "C. Parents must not post pictures of other people's children taken at school events; E. the Governing Body asks them to remove it and points them to the proper channels. No letter.",
  },
  {
    name: 'parent posts sports day photos of their own child only',
    situation: {
      actor: { role: 'parent' },
      act: 'post',
      content: { images: [{ of: 'own_child', schoolEvent: true }], tone: 'positive', channel: 'personal' },
      context: { platform: 'facebook', visibility: 'private', outsideSchool: true },
    },
    expect: { verdict: ['permitted', 'not_covered'], forbid: ['request_removal'] },
    source: 'C. Own children are excepted.',
  },
  {
    name: 'parent scrolls social media on their own phone in the playground',
    situation: {
      actor: { role: 'parent' },
      act: 'use_social_media',
      context: { onPremises: true, emergency: false, platform: 'facebook' },
    },
    expect: {
      verdict: ['breach'],
      topics: ['parent-social-media-on-premises', 'parent-phones-on-premises'],
      forbid: [...neverAtBledington],
    },
    source: 'C. On school premises, parents may not use social media on their personal devices.',
  },
  {
    name: 'parent helping on a school visit checks social media',
    situation: {
      actor: { role: 'parent' },
      act: 'use_social_media',
      context: { onSchoolTrip: true, onPremises: false, emergency: false, platform: 'instagram' },
    },
    expect: { verdict: ['breach'], topics: ['parent-social-media-on-trips', 'parent-phones-on-premises'] },
    source: 'C. Parents helping out on a school trip may not go on social media.',
  },
  {
    name: 'parent has a phone out on the premises (no emergency)',
    situation: { actor: { role: 'parent' }, act: 'use_phone', context: { onPremises: true, emergency: false } },
    expect: { verdict: ['breach'], topics: ['parent-phones-on-premises'] },
    source:
      'C. Parents must not use or have a phone visible on the premises or on school visits, except in an emergency.',
  },
  {
    name: 'parent uses a phone on a school visit (no emergency)',
    situation: { actor: { role: 'parent' }, act: 'use_phone', context: { onSchoolTrip: true, emergency: false } },
    expect: { verdict: ['breach'], topics: ['parent-phones-on-premises', 'parent-social-media-on-trips'] },
    source: 'C. The phone rule covers school visits as well as the premises.',
  },
  {
    name: 'parent uses a phone on the premises in an emergency',
    situation: { actor: { role: 'parent' }, act: 'use_phone', context: { onPremises: true, emergency: true } },
    expect: { verdict: ['permitted'], topics: ['parent-phones-on-premises'], forbid: ['request_removal'] },
    source: 'C. An emergency is the stated exception to the phone rule.',
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
      forbid: [...neverAtBledington],
    },
    source:
      'C. Parents should (not must) raise concerns and complaints through official channels rather than on social media; E. redress is sought through the Complaints Policy.',
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
      verdict: ['breach'],
      topics: ['parent-malicious-comments', 'parent-allegations'],
      actions: ['request_removal'],
      forbid: [...neverAtBledington],
    },
    source:
      'C. Parents must not post malicious or fictitious comments about the school community; E. the Governing Body asks them to remove it.',
  },
  {
    name: 'parent posts a comment threatening violence against a teacher',
    situation: {
      actor: { role: 'parent' },
      act: 'post',
      content: { about: ['staff'], labels: ['threat_of_violence'], tone: 'negative', channel: 'personal' },
      context: { platform: 'facebook', visibility: 'public' },
    },
    expect: {
      verdict: ['breach'],
      topics: ['racist-or-violent-content', 'parent-malicious-comments'],
      actions: ['request_removal', 'contact_police'],
      forbid: [...neverAtBledington],
    },
    source: 'C. Malicious comments are forbidden; E. police involvement is appropriate where violence is threatened.',
  },
  // ---------------------------------------------------------------- outside the policy
  {
    name: 'member of the public criticises the school online',
    situation: {
      actor: { role: 'third_party' },
      act: 'post',
      content: { about: ['school'], tone: 'negative', labels: ['complaint'] },
      context: { platform: 'x', visibility: 'public' },
    },
    expect: { verdict: ['not_covered'], forbid: [...neverAtBledington] },
    source:
      'Title and scope: staff, governors, pupils, parents, volunteers and visitors; nothing on outsiders or platform reports.',
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
      "A. Staff are advised to set privacy as strictly as they can. A post is on the person's own account unless said otherwise (contract vocabulary: channel defaults to personal).",
  },
  {
    name: 'parent has a phone visible at pick-up: no complaints procedure involved',
    situation: { actor: { role: 'parent' }, act: 'use_phone', context: { onPremises: true, emergency: false } },
    expect: {
      verdict: ['breach'],
      topics: ['parent-phones-on-premises'],
      forbid: ['apply_complaints_policy', 'request_removal', ...neverAtBledington],
    },
    source:
      'C. Phones must not be used or visible on the premises. E. The complaints-policy redress is for inappropriate social networking comments, not for a phone in the playground.',
  },
  {
    name: 'pupil uses Facebook on a school laptop even though the teacher directed it',
    situation: {
      actor: { role: 'pupil', age: 10 },
      act: 'use_social_media',
      context: {
        onPremises: true,
        inLesson: true,
        onSchoolDevice: true,
        directedByTeacher: true,
        platform: 'facebook',
      },
    },
    expect: { verdict: ['breach'], topics: ['pupil-use-in-school'] },
    source:
      'B. No social media for pupils on school devices; the teacher-directed allowance is only for other networking sites aimed at children, not Facebook.',
  },
  {
    name: 'pupil sends a friend request to a governor: the governor must decline and report it',
    situation: {
      actor: { role: 'pupil', age: 10 },
      act: 'friend_request_send',
      counterpart: { role: 'governor', relationship: 'none' },
      context: { platform: 'facebook' },
    },
    expect: {
      verdict: ['not_covered', 'permitted', 'breach'],
      actions: ['decline_request', 'notify_headteacher'],
      forbid: [...neverAtBledington],
    },
    source:
      "B. The pupils' ban names members of staff only (so the pupil's verdict is open); A. sits under \"All Staff and Governors\": a governor who receives a pupil's request must decline it and tell the Headteacher and the parents.",
  },
];
