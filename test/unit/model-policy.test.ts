// Footprint's model policy (policies/model.yaml): it must read cleanly, cover every topic the encoded
// published policies cover, speak to every member of the school community, and take the safeguarding
// stance it promises when situations are put to it.
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicy, policiesDir } from '../../src/adapters/policy-files/index.ts';
import { evaluate, situationSchema, type Policy, type Situation, type Verdict } from '../../src/domain/policy/index.ts';
import type { Action, Role, Topic } from '../../src/domain/policy/vocabulary.ts';

function load(reference: string): Policy {
  const result = loadPolicy(reference);
  if (!result.ok) {
    const problems =
      'problems' in result
        ? result.problems.map((p) => `${p.line}:${p.column} ${p.path} ${p.message}`)
        : [result.notFound];
    throw new Error(`${reference} does not load:\n${problems.join('\n')}`);
  }
  return result.policy;
}

const model = load('model');

const publishedDir = join(policiesDir, 'published');
const published = readdirSync(publishedDir)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => ({ slug: basename(f, '.yaml'), policy: load(join(publishedDir, f)) }));

describe('the model policy file', () => {
  it('parses and validates', () => {
    const result = loadPolicy('model');
    expect(result.ok ? [] : 'problems' in result ? result.problems : [result.notFound]).toEqual([]);
    expect(result.file).toMatch(/policies[/\\]model\.yaml$/);
  });

  it('has the document control of a model for schools to adopt', () => {
    expect(model.slug).toBe('model');
    expect(model.status).toBe('draft');
    expect(model.version).toBe('1.0');
    expect(model.author).toBe('Footprint');
    expect(model.issuedTo.join(' ')).toMatch(/\[.+\]/);
    expect(model.introduction).toBeTruthy();
    const linked = model.linkedPolicies.join(' | ').toLowerCase();
    for (const word of [
      'safeguarding',
      'code of conduct',
      'behaviour',
      'anti-bullying',
      'complaints',
      'acceptable use',
      'online safety',
      'data protection',
      'whistleblowing',
      'mobile phone',
      'images',
    ]) {
      expect(linked, word).toContain(word);
    }
  });

  it('covers every topic used by the encoded published policies', () => {
    expect(published.length).toBeGreaterThanOrEqual(5);
    const wanted = new Set<Topic>(published.flatMap(({ policy }) => policy.rules.map((r) => r.topic)));
    const covered = new Set<Topic>(model.rules.map((r) => r.topic));
    expect([...wanted].filter((t) => !covered.has(t)).sort()).toEqual([]);
  });

  it('has at least one rule for every member of the school community, and third parties', () => {
    const audiences: Role[] = [
      'staff',
      'headteacher',
      'dsl',
      'governor',
      'pupil',
      'parent',
      'volunteer',
      'pta_member',
      'visitor',
      'contractor',
      'third_party',
    ];
    const missing = audiences.filter((role) => !model.rules.some((r) => r.audience.includes(role)));
    expect(missing).toEqual([]);
    // Former pupils are never bound by the policy, but staff contact with them is governed.
    const aboutFormerPupils = model.rules.filter((r) => JSON.stringify(r.when ?? {}).includes('former_pupil'));
    expect(aboutFormerPupils.map((r) => r.topic)).toContain('staff-former-pupil-contact');
  });

  it('keeps every summary short enough to read at a glance', () => {
    const long = model.rules.filter((r) => r.summary.length > 420).map((r) => r.id);
    expect(long).toEqual([]);
  });

  it('puts same-day deadlines on telling the DSL and on consulting the LADO', () => {
    const steps = model.procedures.flatMap((p) => p.steps.map((s) => ({ procedure: p.id, ...s })));
    const undated = steps.filter((s) => ['notify_dsl', 'refer_lado'].includes(s.action) && s.deadline !== 'P1D');
    expect(undated).toEqual([]);
  });

  it('has procedures offering every step the brief asks for', () => {
    const actions = new Set(model.procedures.flatMap((p) => p.steps.map((s) => s.action)));
    const wanted: Action[] = [
      'decline_request',
      'notify_dsl',
      'notify_headteacher',
      'notify_chair_of_governors',
      'refer_lado',
      'governing_body_contact',
      'request_removal',
      'send_letter',
      'apply_complaints_policy',
      'seek_legal_advice',
      'block_access',
      'report_to_platform',
      'contact_posh',
      'contact_police',
      'apply_anti_bullying_policy',
      'notify_parents_of_pupil',
      'prevent_referral',
      'delete_material',
      'ask_to_leave_premises',
      'disciplinary_action',
    ];
    expect(wanted.filter((a) => !actions.has(a))).toEqual([]);
  });
});

// ---------------------------------------------------------------- the model's stance

interface Case {
  name: string;
  situation: Situation;
  verdict: Verdict;
  topics?: Topic[];
  actions?: Action[];
  forbid?: Action[];
  /** Extra checks on the outcome. */
  check?: (outcome: ReturnType<typeof evaluate>) => void;
}

const action = (outcome: ReturnType<typeof evaluate>, name: Action) => outcome.actions.find((a) => a.action === name);

const cases: Case[] = [
  {
    name: 'a teacher accepts a pupil’s friend request',
    situation: {
      actor: { role: 'staff' },
      act: 'friend_request_accept',
      counterpart: { role: 'pupil', age: 9 },
      context: { platform: 'instagram' },
    },
    verdict: 'breach',
    topics: ['staff-pupil-contact'],
    actions: ['decline_request', 'notify_dsl', 'notify_headteacher', 'refer_lado'],
    forbid: ['notify_chair_of_governors'],
    check: (o) => {
      expect(action(o, 'notify_dsl')?.deadline).toBe('P1D');
      expect(action(o, 'refer_lado')).toMatchObject({ owner: 'headteacher', deadline: 'P1D' });
      expect(action(o, 'refer_lado')?.optional).toBeUndefined();
    },
  },
  {
    name: 'a teacher messages their own child, a pupil, with the family link declared and approved',
    situation: {
      actor: { role: 'staff' },
      act: 'message',
      counterpart: { role: 'pupil', age: 8, relationship: 'family', declared: true, approved: true },
    },
    verdict: 'permitted',
    forbid: ['notify_dsl', 'refer_lado', 'decline_request', 'notify_headteacher'],
  },
  {
    name: 'a teacher messages a pupil who is a relative, without declaring the link',
    situation: {
      actor: { role: 'staff' },
      act: 'message',
      counterpart: { role: 'pupil', age: 8, relationship: 'family' },
    },
    verdict: 'breach',
    topics: ['family-links-exception', 'staff-pupil-contact'],
    actions: ['declare_relationship', 'seek_headteacher_approval'],
    forbid: ['refer_lado', 'decline_request', 'disciplinary_action'],
  },
  {
    name: 'a teacher messages a pupil through the school’s own learning platform',
    situation: {
      actor: { role: 'staff' },
      act: 'message',
      counterpart: { role: 'pupil', age: 10 },
      content: { channel: 'official' },
    },
    verdict: 'permitted',
    forbid: ['notify_dsl', 'refer_lado'],
  },
  {
    name: 'the Headteacher accepts a pupil’s friend request',
    situation: {
      actor: { role: 'headteacher' },
      act: 'friend_request_accept',
      counterpart: { role: 'pupil', age: 10 },
    },
    verdict: 'breach',
    topics: ['staff-pupil-contact'],
    actions: ['notify_chair_of_governors', 'refer_lado', 'decline_request'],
    forbid: ['notify_headteacher'],
    check: (o) => {
      expect(action(o, 'refer_lado')).toMatchObject({ owner: 'chair_of_governors', deadline: 'P1D' });
      expect(action(o, 'notify_chair_of_governors')?.deadline).toBe('P1D');
    },
  },
  {
    name: 'a governor accepts a pupil’s friend request',
    situation: { actor: { role: 'governor' }, act: 'friend_request_accept', counterpart: { role: 'pupil', age: 10 } },
    verdict: 'breach',
    actions: ['notify_headteacher', 'notify_chair_of_governors', 'refer_lado', 'decline_request'],
  },
  {
    name: 'a teacher accepts a friend request from a former pupil aged 17',
    situation: {
      actor: { role: 'staff' },
      act: 'friend_request_accept',
      counterpart: { role: 'former_pupil', age: 17 },
    },
    verdict: 'breach',
    topics: ['staff-former-pupil-contact'],
    actions: ['decline_request', 'notify_dsl', 'refer_lado'],
  },
  {
    name: 'a teacher accepts a friend request from a former pupil aged 19',
    situation: {
      actor: { role: 'staff' },
      act: 'friend_request_accept',
      counterpart: { role: 'former_pupil', age: 19 },
    },
    verdict: 'advised_against',
    topics: ['staff-former-pupil-contact'],
    forbid: ['refer_lado', 'disciplinary_action'],
  },
  {
    name: 'a teacher and a former pupil aged 20, a declared family friend',
    situation: {
      actor: { role: 'staff' },
      act: 'friend_request_accept',
      counterpart: { role: 'former_pupil', age: 20, relationship: 'friend', declared: true },
    },
    verdict: 'permitted',
  },
  {
    name: 'a teacher accepts a friend request from a parent who is a declared, approved friend',
    situation: {
      actor: { role: 'staff' },
      act: 'friend_request_accept',
      counterpart: { role: 'parent', relationship: 'friend', declared: true, approved: true },
    },
    verdict: 'permitted',
  },
  {
    name: 'a teacher accepts a friend request from a parent they know but have not declared',
    situation: {
      actor: { role: 'staff' },
      act: 'friend_request_accept',
      counterpart: { role: 'parent', relationship: 'friend' },
    },
    verdict: 'breach',
    topics: ['staff-parent-contact'],
    actions: ['declare_relationship', 'seek_headteacher_approval'],
    forbid: ['decline_request', 'disciplinary_action', 'refer_lado'],
  },
  {
    name: 'a teacher accepts a friend request from a parent they do not know',
    situation: { actor: { role: 'staff' }, act: 'friend_request_accept', counterpart: { role: 'parent' } },
    verdict: 'breach',
    actions: ['decline_request', 'notify_headteacher'],
    forbid: ['refer_lado'],
  },
  {
    name: 'a teacher names the school as employer on LinkedIn',
    situation: { actor: { role: 'staff' }, act: 'identify_as_employee', context: { platform: 'LinkedIn' } },
    verdict: 'permitted',
    topics: ['staff-identify-as-employee'],
  },
  {
    name: 'a teacher names the school as employer on Facebook',
    situation: { actor: { role: 'staff' }, act: 'identify_as_employee', context: { platform: 'facebook' } },
    verdict: 'breach',
    topics: ['staff-identify-as-employee'],
  },
  {
    name: 'a teaching assistant posts photos of pupils on a personal Instagram account',
    situation: {
      actor: { role: 'staff' },
      act: 'post',
      content: { images: [{ of: 'other_pupils', consent: true, schoolEvent: true }] },
      context: { platform: 'instagram' },
    },
    verdict: 'breach',
    topics: ['staff-share-pupil-images'],
    actions: ['notify_headteacher', 'notify_dsl', 'delete_material'],
  },
  {
    name: 'a parent posts sports day photos showing other pupils without their parents’ consent',
    situation: {
      actor: { role: 'parent' },
      act: 'post',
      content: { images: [{ of: 'own_child' }, { of: 'other_pupils', consent: false, schoolEvent: true }] },
      context: { platform: 'facebook' },
    },
    verdict: 'breach',
    topics: ['parent-images-of-other-children'],
    actions: ['request_removal', 'notify_dsl', 'governing_body_contact', 'send_letter'],
  },
  {
    name: 'a parent posts a photo of their own child only',
    situation: {
      actor: { role: 'parent' },
      act: 'post',
      content: { images: [{ of: 'own_child', schoolEvent: true }] },
    },
    verdict: 'permitted',
    forbid: ['request_removal'],
  },
  {
    name: 'a parent posts untrue claims about a teacher',
    situation: {
      actor: { role: 'parent' },
      act: 'post',
      content: { about: ['staff'], labels: ['defamatory'], tone: 'negative' },
      context: { platform: 'facebook', visibility: 'public' },
    },
    verdict: 'breach',
    topics: ['parent-malicious-comments'],
    actions: [
      'governing_body_contact',
      'request_removal',
      'send_letter',
      'apply_complaints_policy',
      'seek_legal_advice',
      'report_to_platform',
      'contact_posh',
    ],
    check: (o) => {
      // The ladder runs in order: talk, ask for removal, letter, complaints, then legal advice if refused.
      const order = [
        'governing_body_contact',
        'request_removal',
        'send_letter',
        'apply_complaints_policy',
        'seek_legal_advice',
      ];
      const positions = order.map((a) => o.actions.findIndex((x) => x.action === a));
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      expect(action(o, 'seek_legal_advice')?.if).toMatch(/refuses/);
    },
  },
  {
    name: 'a parent leaves an offensive comment on the school’s Facebook page',
    situation: {
      actor: { role: 'parent' },
      act: 'post',
      content: { labels: ['offensive'], channel: 'school_page_comment', about: ['staff'] },
    },
    verdict: 'breach',
    actions: ['block_access', 'request_removal'],
  },
  {
    name: 'a parent airs a complaint about the school in a public post',
    situation: {
      actor: { role: 'parent' },
      act: 'post',
      content: { labels: ['complaint'], about: ['school'], tone: 'negative' },
    },
    verdict: 'advised_against',
    topics: ['parent-complaints-via-official-channels'],
    actions: ['governing_body_contact', 'apply_complaints_policy'],
    forbid: ['seek_legal_advice', 'send_letter', 'contact_police'],
  },
  {
    name: 'a parent posts a racist comment about a member of staff',
    situation: { actor: { role: 'parent' }, act: 'post', content: { labels: ['racist'], about: ['staff'] } },
    verdict: 'breach',
    topics: ['racist-or-violent-content'],
    actions: ['contact_police', 'request_removal'],
  },
  {
    name: 'a parent makes an accusation against a teacher on Facebook',
    situation: { actor: { role: 'parent' }, act: 'post', content: { labels: ['allegation'], about: ['staff'] } },
    verdict: 'breach',
    topics: ['parent-allegations'],
    actions: ['notify_headteacher', 'refer_lado', 'notify_chair_of_governors'],
    check: (o) => {
      expect(action(o, 'refer_lado')?.if).toMatch(/harmed a child/);
      expect(action(o, 'notify_chair_of_governors')?.if).toMatch(/Headteacher/);
    },
  },
  {
    name: 'a parent uses their phone on the school site in an emergency',
    situation: { actor: { role: 'parent' }, act: 'use_phone', context: { onPremises: true, emergency: true } },
    verdict: 'permitted',
  },
  {
    name: 'a parent uses their phone on the school site',
    situation: { actor: { role: 'parent' }, act: 'use_phone', context: { onPremises: true } },
    verdict: 'breach',
    topics: ['parent-phones-on-premises'],
  },
  {
    name: 'a pupil sends a friend request to their teacher',
    situation: { actor: { role: 'pupil', age: 10 }, act: 'friend_request_send', counterpart: { role: 'staff' } },
    verdict: 'breach',
    topics: ['pupil-contact-staff'],
    actions: ['notify_dsl', 'decline_request', 'record_safeguarding_concern'],
    check: (o) => expect(action(o, 'notify_dsl')?.deadline).toBe('P1D'),
  },
  {
    name: 'a pupil bullies another pupil in a group chat',
    situation: {
      actor: { role: 'pupil', age: 10 },
      act: 'message',
      content: { labels: ['bullying'], about: ['other_children'] },
      context: { outsideSchool: true },
    },
    verdict: 'breach',
    topics: ['online-bullying'],
    actions: ['apply_anti_bullying_policy', 'notify_parents_of_pupil'],
    // A primary pupil is not reported to the police as a matter of course: only if the DSL finds a
    // threat of serious harm or a sexual image.
    check: (o) => expect(action(o, 'contact_police')?.if ?? 'no police step').toMatch(/serious harm|no police step/),
  },
  {
    name: 'a pupil aged 10 signs up to a social media site',
    situation: { actor: { role: 'pupil', age: 10 }, act: 'register_account', context: { platform: 'tiktok' } },
    verdict: 'breach',
    topics: ['pupil-underage-registration'],
    actions: ['notify_parents_of_pupil'],
  },
  {
    name: 'pupils use a site in a lesson their teacher has set up',
    situation: {
      actor: { role: 'pupil', age: 9 },
      act: 'use_social_media',
      context: { inLesson: true, onSchoolDevice: true, directedByTeacher: true },
    },
    verdict: 'permitted',
  },
  {
    name: 'a member of staff shares extremist material',
    situation: { actor: { role: 'staff' }, act: 'support_extremism' },
    verdict: 'breach',
    topics: ['extremism'],
    actions: ['notify_dsl', 'prevent_referral', 'notify_headteacher'],
  },
  {
    name: 'a visitor posts a photo of pupils taken during their visit',
    situation: {
      actor: { role: 'visitor' },
      act: 'post',
      content: { images: [{ of: 'pupils' }] },
      context: { onPremises: true },
    },
    verdict: 'breach',
    topics: ['visitor-breach'],
    actions: ['delete_material', 'ask_to_leave_premises', 'notify_dsl'],
  },
  {
    name: 'a teacher sets up a class account with nothing in place',
    situation: { actor: { role: 'staff' }, act: 'create_account', context: { platform: 'x' } },
    verdict: 'breach',
    topics: ['official-account-approval', 'official-account-credentials', 'tool-risk-assessment'],
    actions: ['seek_headteacher_approval', 'share_credentials_with_headteacher', 'risk_assessment'],
    forbid: ['disciplinary_action'],
  },
  {
    name: 'a teacher sets up a class account approved, risk-assessed and with the login given to the Headteacher',
    situation: {
      actor: { role: 'staff', approved: true, credentialsShared: true, riskAssessed: true },
      act: 'create_account',
    },
    verdict: 'permitted',
  },
  {
    name: 'someone outside the school threatens a teacher online',
    situation: {
      actor: { role: 'third_party' },
      act: 'post',
      content: { labels: ['threat_of_violence'], about: ['staff'] },
      context: { platform: 'x', visibility: 'public' },
    },
    verdict: 'breach',
    actions: ['contact_police', 'report_to_platform', 'contact_posh'],
  },
  {
    name: 'someone outside the school posts photos of pupils',
    situation: {
      actor: { role: 'third_party' },
      act: 'post',
      content: { images: [{ of: 'pupils' }] },
    },
    verdict: 'breach',
    actions: ['report_to_platform', 'notify_dsl', 'request_removal'],
  },
  {
    name: 'someone outside the school gives an honest, critical review of the school',
    situation: { actor: { role: 'third_party' }, act: 'post', content: { about: ['school'], tone: 'negative' } },
    verdict: 'permitted',
    forbid: ['contact_police', 'report_to_platform'],
  },
  {
    name: 'a teacher accepts a colleague’s friend request',
    situation: { actor: { role: 'staff' }, act: 'friend_request_accept', counterpart: { role: 'staff' } },
    verdict: 'permitted',
    topics: ['staff-colleague-contact'],
  },
  {
    name: 'a teacher who is also a parent arranges a playdate with an approved friend',
    situation: {
      actor: { role: 'staff' },
      act: 'message',
      counterpart: { role: 'parent', relationship: 'friend', declared: true, approved: true },
      content: { namesPupils: true, tone: 'positive' },
    },
    verdict: 'permitted',
  },
  {
    name: 'a teacher discusses a pupil with a parent who is an approved friend',
    situation: {
      actor: { role: 'staff' },
      act: 'message',
      counterpart: { role: 'parent', relationship: 'friend', declared: true, approved: true },
      content: { about: ['pupils'] },
    },
    verdict: 'breach',
    topics: ['staff-parent-contact'],
    actions: ['notify_headteacher'],
  },
  {
    name: 'a parent names a child in a class chat to arrange a party',
    situation: {
      actor: { role: 'parent' },
      act: 'message',
      content: { namesPupils: true, tone: 'positive' },
      context: { visibility: 'group', platform: 'whatsapp' },
    },
    verdict: 'not_covered',
  },
  {
    name: 'a parent runs down another child in a class chat',
    situation: {
      actor: { role: 'parent' },
      act: 'message',
      content: { about: ['other_children'], tone: 'negative' },
      context: { visibility: 'group' },
    },
    verdict: 'breach',
    topics: ['parent-naming-children'],
    actions: ['notify_dsl', 'governing_body_contact'],
  },
  {
    name: 'a parent helper messages a pupil who is not their child',
    situation: { actor: { role: 'volunteer' }, act: 'message', counterpart: { role: 'pupil', age: 8 } },
    verdict: 'breach',
    topics: ['staff-pupil-contact'],
    actions: ['notify_headteacher', 'notify_dsl', 'refer_lado'],
  },
  {
    name: 'a parent helper messages their own child',
    situation: {
      actor: { role: 'volunteer' },
      act: 'message',
      counterpart: { role: 'pupil', age: 8, relationship: 'family' },
    },
    verdict: 'permitted',
  },
  {
    name: 'a PTA member sets up a PTA page without the Headteacher’s approval',
    situation: { actor: { role: 'pta_member' }, act: 'create_account', context: { platform: 'facebook' } },
    verdict: 'breach',
    topics: ['official-account-approval'],
    actions: ['seek_headteacher_approval'],
  },
  {
    name: 'a contractor posts about their work at the school without agreement',
    situation: { actor: { role: 'contractor' }, act: 'post', content: { about: ['school'] } },
    verdict: 'breach',
    topics: ['staff-references-need-permission'],
    actions: ['seek_headteacher_approval'],
  },
  {
    name: 'the DSL, as a member of staff, is bound by the staff rules',
    situation: { actor: { role: 'dsl' }, act: 'follow', counterpart: { role: 'pupil', age: 10 } },
    verdict: 'breach',
    topics: ['staff-follow-pupil-accounts'],
    actions: ['notify_headteacher', 'refer_lado'],
  },
  {
    name: 'a local newspaper names a pupil who won an award',
    situation: {
      actor: { role: 'third_party' },
      act: 'post',
      content: { about: ['school'], namesPupils: true, tone: 'positive' },
    },
    verdict: 'permitted',
    forbid: ['report_to_platform', 'contact_police'],
  },
  {
    name: 'a teacher names a pupil in a staff WhatsApp group',
    situation: {
      actor: { role: 'staff' },
      act: 'message',
      counterpart: { role: 'staff' },
      content: { namesPupils: true },
      context: { platform: 'whatsapp', visibility: 'group' },
    },
    verdict: 'breach',
    topics: ['staff-confidentiality'],
  },
  {
    name: 'a former member of staff shares confidential school information',
    situation: { actor: { role: 'staff', formerEmployee: true }, act: 'post', content: { labels: ['confidential'] } },
    verdict: 'breach',
    topics: ['staff-confidentiality'],
  },
  {
    name: 'a former member of staff is no longer bound by the rule on naming the employer',
    situation: {
      actor: { role: 'staff', formerEmployee: true },
      act: 'identify_as_employee',
      context: { platform: 'facebook' },
    },
    verdict: 'not_covered',
  },
];

describe('the model policy’s stance', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const situation = situationSchema.parse(c.situation);
    const outcome = evaluate(model, situation);
    const topics = outcome.findings.map((f) => f.topic);
    const actions = outcome.actions.map((a) => a.action);
    expect(outcome.verdict).toBe(c.verdict);
    if (c.topics)
      expect(
        c.topics.some((t) => topics.includes(t)),
        `one of ${c.topics.join(', ')} in ${topics.join(', ')}`,
      ).toBe(true);
    for (const a of c.actions ?? []) expect(actions, a).toContain(a);
    for (const a of c.forbid ?? []) expect(actions, a).not.toContain(a);
    c.check?.(outcome);
  });
});
