// Heathfields Infant & Wilnecote Junior Academy, Social Media Policy (Sept 2020) — read independently.
// A policy for parents only: a list of inappropriate uses, what parents are expected to do for
// their children, and the school's ladder (discuss and ask for removal; legal advice if the parent
// refuses; may block on its own site or forum; may complain to the host).
import type { Scenario } from './scenario.ts';

export const slug = 'heathfields-wilnecote';

/** Steps this document never mentions: no letter, no police, no helpline, no staff procedures. */
const neverHere = [
  'send_letter',
  'contact_police',
  'contact_posh',
  'refer_lado',
  'disciplinary_action',
  'notify_parents_of_pupil',
  'decline_request',
  'prevent_referral',
  'ask_to_leave_premises',
] as const;

export const scenarios: Scenario[] = [
  {
    name: 'parent names a child in a Facebook post',
    situation: {
      actor: { role: 'parent' },
      act: 'post',
      content: { about: ['other_children'], namesPupils: true, tone: 'neutral', channel: 'personal' },
      context: { platform: 'facebook', visibility: 'public' },
    },
    expect: {
      verdict: ['breach'],
      topics: ['parent-naming-children'],
      actions: ['request_removal', 'seek_legal_advice'],
      forbid: [...neverHere, 'block_access'],
    },
    source:
      "Inappropriate uses: naming children who attend; the school first discusses it and asks for removal, then considers legal advice if the parent refuses. Not on the school's own site, so no blocking.",
  },
  {
    name: "parent comments about other children in a parents' group",
    situation: {
      actor: { role: 'parent' },
      act: 'post',
      content: { about: ['other_children'], tone: 'negative', channel: 'personal' },
      context: { platform: 'whatsapp', visibility: 'group' },
    },
    expect: {
      verdict: ['breach'],
      topics: ['parent-naming-children', 'parent-contact-other-children'],
      actions: ['request_removal'],
      forbid: [...neverHere],
    },
    source: 'Inappropriate uses: posting any comments about children who attend the schools.',
  },
  {
    name: 'parent makes an allegation about a teacher',
    situation: {
      actor: { role: 'parent' },
      act: 'post',
      content: { about: ['staff'], labels: ['allegation'], tone: 'negative', channel: 'personal' },
      context: { platform: 'facebook', visibility: 'public' },
    },
    expect: {
      verdict: ['breach'],
      topics: ['parent-allegations'],
      actions: ['request_removal', 'seek_legal_advice', 'report_to_platform'],
      forbid: [...neverHere],
    },
    source:
      'Inappropriate uses: allegations about staff; ladder: removal request, legal advice on refusal, may complain to the host.',
  },
  {
    name: 'parent posts something that could be seen as cyber-bullying',
    situation: {
      actor: { role: 'parent' },
      act: 'post',
      content: { about: ['parents'], labels: ['bullying'], tone: 'negative', channel: 'personal' },
      context: { platform: 'facebook', visibility: 'group' },
    },
    expect: {
      verdict: ['breach'],
      topics: ['online-bullying', 'parent-malicious-comments'],
      actions: ['request_removal'],
      forbid: [...neverHere, 'apply_anti_bullying_policy'],
    },
    source:
      'Inappropriate uses: any post that could be deemed cyber-bullying. No anti-bullying policy is named for parents.',
  },
  {
    name: 'parent complains about the school on Facebook',
    situation: {
      actor: { role: 'parent' },
      act: 'post',
      content: { about: ['school'], labels: ['complaint'], tone: 'neutral', channel: 'personal' },
      context: { platform: 'facebook', visibility: 'public' },
    },
    expect: {
      verdict: ['breach'],
      topics: ['parent-complaints-via-official-channels'],
      actions: ['request_removal'],
      forbid: [...neverHere, 'block_access'],
    },
    source:
      'Inappropriate uses: making complaints about the school or its staff (the school points to a private talk with the Head of School/SLT/governors or the formal complaints process).',
  },
  {
    name: 'parent makes a defamatory statement about the school',
    situation: {
      actor: { role: 'parent' },
      act: 'post',
      content: { about: ['school'], labels: ['defamatory'], tone: 'negative', channel: 'personal' },
      context: { platform: 'x', visibility: 'public' },
    },
    expect: {
      verdict: ['breach'],
      topics: ['parent-malicious-comments', 'legal-compliance'],
      actions: ['request_removal'],
      forbid: [...neverHere],
    },
    source: 'Inappropriate uses: defamatory statements about the school or staff.',
  },
  {
    name: 'parent posts a negative comment about a teaching assistant',
    situation: {
      actor: { role: 'parent' },
      act: 'post',
      content: { about: ['staff'], tone: 'negative', channel: 'personal' },
      context: { platform: 'facebook', visibility: 'private' },
    },
    expect: {
      verdict: ['breach'],
      topics: ['parent-malicious-comments', 'respectful-conduct'],
      actions: ['request_removal'],
      forbid: [...neverHere],
    },
    source:
      'Inappropriate uses: negative or offensive comments about staff or anyone connected with the school (private posts included).',
  },
  {
    name: 'parent posts a racist comment (no police step in this policy)',
    situation: {
      actor: { role: 'parent' },
      act: 'post',
      content: { about: ['parents'], labels: ['racist'], tone: 'negative', channel: 'personal' },
      context: { platform: 'facebook', visibility: 'public' },
    },
    expect: {
      verdict: ['breach'],
      topics: ['racist-or-violent-content'],
      actions: ['request_removal'],
      forbid: [...neverHere],
    },
    source:
      "Inappropriate uses: racist comments. The school's ladder is discussion, legal advice, blocking and the host — the police are never mentioned.",
  },
  {
    name: "parent threatens violence in a comment on the school's own page",
    situation: {
      actor: { role: 'parent' },
      act: 'post',
      content: { about: ['staff'], labels: ['threat_of_violence'], tone: 'negative', channel: 'school_page_comment' },
      context: { platform: 'facebook', visibility: 'public' },
    },
    expect: {
      verdict: ['breach'],
      topics: ['racist-or-violent-content'],
      actions: ['request_removal', 'block_access'],
      forbid: [...neverHere],
    },
    source:
      'Inappropriate uses: comments threatening violence; where made on a school website or forum the school may block or restrict the person.',
  },
  {
    name: "parent messages another family's child online",
    situation: {
      actor: { role: 'parent' },
      act: 'message',
      counterpart: { role: 'pupil', age: 8, relationship: 'none' },
      context: { platform: 'instagram', visibility: 'private' },
    },
    expect: { verdict: ['breach'], topics: ['parent-contact-other-children'], forbid: [...neverHere] },
    source: 'Inappropriate uses: commenting to, or talking online with, children who are not their own.',
  },
  {
    name: 'parent messages their own child online',
    situation: {
      actor: { role: 'parent' },
      act: 'message',
      counterpart: { role: 'pupil', age: 9, relationship: 'family' },
      context: { platform: 'whatsapp', visibility: 'private' },
    },
    expect: { verdict: ['permitted', 'not_covered'], forbid: ['request_removal'] },
    source: 'Inappropriate uses: only children other than their own are listed.',
  },
  {
    name: "parent posts birthday-party photos of other children without their parents' permission",
    situation: {
      actor: { role: 'parent' },
      act: 'post',
      content: { images: [{ of: 'other_pupils', consent: false, schoolEvent: false }], channel: 'personal' },
      context: { platform: 'instagram', visibility: 'public', outsideSchool: true },
    },
    expect: {
      verdict: ['breach'],
      topics: ['parent-images-of-other-children'],
      actions: ['request_removal', 'report_to_platform'],
      forbid: [...neverHere, 'block_access'],
    },
    source:
      'Inappropriate uses: photos of children other than their own without permission — not limited to school events.',
  },
  {
    name: "parent posts photos of other children with their parents' permission",
    situation: {
      actor: { role: 'parent' },
      act: 'post',
      content: { images: [{ of: 'other_pupils', consent: true, schoolEvent: true }], channel: 'personal' },
      context: { platform: 'instagram', visibility: 'private' },
    },
    expect: { verdict: ['permitted', 'not_covered'], forbid: ['request_removal'] },
    source: 'Inappropriate uses: the photo item is qualified by "without permission".',
  },
  {
    name: 'parent posts a photo of their own child',
    situation: {
      actor: { role: 'parent' },
      act: 'post',
      content: { images: [{ of: 'own_child', schoolEvent: true }], tone: 'positive', channel: 'personal' },
      context: { platform: 'facebook', visibility: 'private' },
    },
    expect: { verdict: ['permitted', 'not_covered'], forbid: ['request_removal'] },
    source: 'Inappropriate uses: the photo item concerns children other than their own.',
  },
  {
    name: 'parent sends a friend request to a teacher',
    situation: {
      actor: { role: 'parent' },
      act: 'friend_request_send',
      counterpart: { role: 'staff', relationship: 'none' },
      context: { platform: 'facebook' },
    },
    expect: { verdict: ['breach'], topics: ['parent-contact-staff'], forbid: [...neverHere] },
    source: 'Inappropriate uses: "friending" members of staff.',
  },
  {
    name: "parent accepts a teacher's friend request",
    situation: {
      actor: { role: 'parent' },
      act: 'friend_request_accept',
      counterpart: { role: 'staff', relationship: 'none' },
      context: { platform: 'facebook' },
    },
    expect: { verdict: ['breach'], topics: ['parent-contact-staff'] },
    source: 'Inappropriate uses: "friending" members of staff covers becoming friends either way.',
  },
  {
    name: 'parent praises the school on Facebook',
    situation: {
      actor: { role: 'parent' },
      act: 'post',
      content: { about: ['school'], tone: 'positive', channel: 'personal' },
      context: { platform: 'facebook', visibility: 'public' },
    },
    expect: { verdict: ['permitted', 'not_covered'], forbid: ['request_removal', 'seek_legal_advice'] },
    source: 'Introduction: the school wants parents to use social networking in a beneficial and positive way.',
  },
  {
    name: 'parent uses a phone in the playground (not addressed)',
    situation: { actor: { role: 'parent' }, act: 'use_phone', context: { onPremises: true } },
    expect: { verdict: ['not_covered', 'permitted'] },
    source: 'This policy has no rule on phones on the premises.',
  },
  {
    name: "teacher accepts a pupil's friend request (policy is for parents only)",
    situation: {
      actor: { role: 'staff' },
      act: 'friend_request_accept',
      counterpart: { role: 'pupil', age: 9, relationship: 'none' },
      context: { platform: 'facebook' },
    },
    expect: { verdict: ['not_covered'], forbid: [...neverHere] },
    source: 'Heading: parental use of social media; nothing is said about staff.',
  },
  {
    name: 'teacher posts about the school on a personal account (policy is for parents only)',
    situation: {
      actor: { role: 'staff' },
      act: 'post',
      content: { about: ['school'], tone: 'negative', channel: 'personal' },
      context: { platform: 'facebook', visibility: 'public' },
    },
    expect: { verdict: ['not_covered'], forbid: ['disciplinary_action'] },
    source: 'Heading: parental use of social media; nothing is said about staff.',
  },
  {
    name: 'pupil bullies a classmate online (policy is for parents only)',
    situation: {
      actor: { role: 'pupil', age: 10 },
      act: 'post',
      content: { about: ['other_children'], labels: ['bullying'], tone: 'negative' },
      context: { outsideSchool: true, platform: 'tiktok' },
    },
    expect: { verdict: ['not_covered'] },
    source: "Heading: parental use; pupils' own conduct is left to other policies.",
  },
  {
    name: 'member of the public criticises the school online',
    situation: {
      actor: { role: 'third_party' },
      act: 'post',
      content: { about: ['school'], tone: 'negative', labels: ['complaint'] },
      context: { platform: 'x', visibility: 'public' },
    },
    expect: { verdict: ['not_covered'], forbid: [...neverHere] },
    source: 'Heading: parental use of social media only.',
  },
];
