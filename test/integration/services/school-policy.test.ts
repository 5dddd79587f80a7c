// A school's own policy through its life: adopted, edited as a draft, sent to the governors,
// ratified, published, answered from, and superseded by the next version; never changed once
// ratified, and never shown to the public before it is published.
import { beforeAll, expect, it } from 'vitest';
import type { School } from '../../../src/domain/community/school.ts';
import type { Situation } from '../../../src/domain/policy/index.ts';
import type { Viewer } from '../../../src/services/access.ts';
import { tick } from '../../../src/jobs/runner.ts';
import { createServices } from '../../../src/wiring.ts';
import { describeEachBackend } from '../../support/backends.ts';
import { aPersonWithAccount, aSchool } from '../../support/community.ts';
import { useAdapters } from '../../support/fixtures.ts';

const nativityPhotos: Situation = {
  actor: { role: 'parent' },
  act: 'post',
  content: { images: [{ of: 'other_pupils', consent: false, schoolEvent: true }], channel: 'personal' },
  context: { platform: 'facebook', visibility: 'public', outsideSchool: true },
};

describeEachBackend('A school’s own policy', (backend) => {
  const adapters = useAdapters(backend);
  const services = () => createServices(adapters());
  let school: School;
  let head: Viewer;
  let governor: Viewer;
  let teacher: Viewer;

  beforeAll(async () => {
    school = await aSchool(adapters(), 'rowan', '400001');
    const viewerOf = async (made: { schoolId: string; accountId: string }) =>
      (await services().access.viewer(made.schoolId, made.accountId))!;
    head = await viewerOf(
      await aPersonWithAccount(adapters(), school.id, {
        givenName: 'Hattie',
        familyName: 'Rowan',
        email: 'head@rowan.example',
        roles: [{ role: 'staff', jobTitle: 'Headteacher', duties: ['headteacher'] }],
      }),
    );
    governor = await viewerOf(
      await aPersonWithAccount(adapters(), school.id, {
        givenName: 'Gareth',
        familyName: 'Gov',
        email: 'chair@rowan.example',
        roles: [{ role: 'governor', duties: ['chair'] }],
      }),
    );
    teacher = await viewerOf(
      await aPersonWithAccount(adapters(), school.id, {
        givenName: 'Tess',
        familyName: 'Teach',
        email: 'teacher@rowan.example',
        roles: [{ role: 'staff', jobTitle: 'Teacher', duties: ['teacher'] }],
      }),
    );
  });

  it('adopts the model once, named for the school, as a draft nobody outside can read', async () => {
    const policy = services().schoolPolicy;
    expect((await policy.adoptionSources(head)).map((source) => source.id)).toEqual(['model']);
    const draft = await policy.adopt(head, 'model');
    expect(draft).toMatchObject({ number: 1, label: '1.0', status: 'draft', createdByName: 'Hattie Rowan' });
    expect(draft.document.issuedTo).toEqual(['Rowan Primary']);
    expect(JSON.stringify(draft.document)).not.toContain('[Your school]');
    expect(draft.contentHash).toMatch(/^[0-9a-f]{64}$/);
    await expect(policy.adopt(head, 'model')).rejects.toMatchObject({ code: 'policy_exists' });
    await expect(policy.adopt(teacher, 'model')).rejects.toMatchObject({ code: 'forbidden' });
    expect(await policy.published('rowan')).toBeUndefined();
    expect(await policy.check('rowan', nativityPhotos)).toBeUndefined();
  });

  it('saves a valid edit of the draft, and refuses an invalid one with every problem and nothing saved', async () => {
    const policy = services().schoolPolicy;
    const { inHand } = await policy.overview(head);
    const changed = { ...inHand!.document, title: 'Rowan Primary Social Media Policy' };
    const saved = await policy.saveDraft(head, inHand!.id, changed);
    expect(saved.ok).toBe(true);
    if (saved.ok) expect(saved.version.contentHash).not.toBe(inHand!.contentHash);

    const broken = {
      ...changed,
      title: '',
      rules: [{ ...changed.rules[0], section: 'ZZ' }, ...changed.rules.slice(1)],
    };
    const refused = await policy.saveDraft(head, inHand!.id, broken);
    expect(refused).toEqual({
      ok: false,
      problems: expect.arrayContaining([
        { path: 'title', message: 'must not be empty' },
        { path: 'rules.0.section', message: 'there is no section ZZ' },
      ]),
    });
    expect((await policy.version(head, 1))?.version.document.title).toBe('Rowan Primary Social Media Policy');
  });

  it('goes to the governors with a reason, is ratified at a minuted meeting, then published and answered from', async () => {
    const policy = services().schoolPolicy;
    const { inHand } = await policy.overview(head);
    await expect(policy.sendForRatification(head, inHand!.id, '  ')).rejects.toMatchObject({
      code: 'validation_failed',
    });
    await expect(policy.publish(head, inHand!.id)).rejects.toMatchObject({ code: 'policy_not_ready' });
    const sent = await policy.sendForRatification(head, inHand!.id, 'Adopted for our school, with our name');
    expect(sent.status).toBe('awaiting_ratification');
    // Sent to the governors, its text is fixed until it is taken back.
    expect(await policy.saveDraft(head, inHand!.id, sent.document).catch((e: unknown) => e)).toMatchObject({
      code: 'policy_not_ready',
    });
    await expect(
      policy.ratify(head, inHand!.id, { ratifiedOn: '2026-11-18', meeting: 'Full governing body' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const ratified = await policy.ratify(governor, inHand!.id, {
      ratifiedOn: '2026-11-18',
      meeting: 'Full governing body, 18 November 2026',
    });
    expect(ratified).toMatchObject({ status: 'ratified', reviewDue: '2028-11-18' });
    const published = await policy.publish(head, inHand!.id);
    expect(published.status).toBe('published');

    const shown = await policy.published('rowan');
    expect(shown?.document).toMatchObject({
      title: 'Rowan Primary Social Media Policy',
      status: 'published',
      version: '1.0',
      dates: { ratified: ['2026-11-18'], reviewDue: '2028-11-18' },
      history: [{ version: '1.0', amendedBy: 'Headteacher', comments: 'Adopted for our school, with our name' }],
    });
    expect(shown?.ratifications).toEqual([
      { ratifiedOn: '2026-11-18', meeting: 'Full governing body, 18 November 2026' },
    ]);
    // The public view names nobody: not the Headteacher who edited it, nor the governor who recorded it.
    expect(JSON.stringify(shown)).not.toMatch(/Hattie|Gareth|Rowan \w+@/);
    const inside = await policy.version(head, 1);
    expect(inside?.document.history[0]?.amendedBy).toBe('Hattie Rowan');
    expect(inside?.ratifications.map((r) => r.recordedByName)).toEqual(['Gareth Gov']);
    const answer = await policy.check('rowan', nativityPhotos);
    expect(answer?.outcome.verdict).toBe('breach');
  });

  it('keeps the published text for good: a published version is neither rewritten nor removed', async () => {
    const published = (await services().schoolPolicy.published('rowan'))!;
    const { units } = adapters();
    await expect(
      units.inSchool(school.id, (store) =>
        store.policyVersions.saveDraft(published.version.id, {
          document: { ...published.document, title: 'Rewritten' },
          contentHash: 'x',
          at: new Date(),
        }),
      ),
    ).resolves.toBe(false);
    expect(await units.inSchool(school.id, (store) => store.policyVersions.discard(published.version.id))).toBe(false);
    expect((await services().schoolPolicy.published('rowan'))?.document.title).toBe(
      'Rowan Primary Social Media Policy',
    );
  });

  it('starts version 2.0 from the published one, which stays public until 2.0 is published and supersedes it', async () => {
    const policy = services().schoolPolicy;
    const next = await policy.startRevision(head);
    expect(next).toMatchObject({ number: 2, label: '2.0', status: 'draft' });
    await expect(policy.startRevision(head)).rejects.toMatchObject({ code: 'policy_not_ready' });
    expect((await policy.published('rowan'))?.version.number).toBe(1);
    await policy.sendForRatification(head, next.id, 'Reviewed: no changes');
    await policy.ratify(governor, next.id, {
      ratifiedOn: '2026-11-20',
      meeting: 'Curriculum committee',
      reviewDue: '2027-11-20',
    });
    await policy.publish(head, next.id);
    const current = await policy.published('rowan');
    expect(current?.version).toMatchObject({ number: 2, status: 'published', reviewDue: '2027-11-20' });
    expect(current?.document.history.map((line) => line.version)).toEqual(['1.0', '2.0']);
    // Its document control lists every ratification over the years, its own last.
    expect(current?.document.dates.ratified).toEqual(['2026-11-18', '2026-11-20']);
    expect(current?.ratifications.map((r) => r.meeting)).toEqual(['Curriculum committee']);
    expect(current?.versions.map((v) => [v.number, v.status])).toEqual([
      [2, 'published'],
      [1, 'superseded'],
    ]);
    expect((await policy.published('rowan', 1))?.version.status).toBe('superseded');
    expect(await policy.published('rowan', 3)).toBeUndefined();
    const log = await adapters().units.inSchool(school.id, (store) => store.audit.list({ limit: 50, offset: 0 }));
    expect(log.items.map((entry) => entry.action).filter((action) => action.startsWith('policy_'))).toEqual(
      expect.arrayContaining(['policy_adopted', 'policy_ratified', 'policy_published', 'policy_revision_started']),
    );
  });

  it('reminds the Headteacher by email 60 and 14 days before the review, each reminder once', async () => {
    const at = (day: string) => {
      const now = new Date(`${day}T06:00:00Z`);
      // As the daily job runs it: every scheduled job, at that moment.
      return {
        schoolPolicy: {
          sendReviewReminders: async () => (await tick(services(), now))['policy-review-reminders']!.sent,
        },
      };
    };
    const remindersTo = () =>
      (adapters().outbox() ?? []).filter((m) => m.to === 'head@rowan.example' && m.subject.includes('due for review'));
    const before = remindersTo().length;
    expect(await at('2027-09-20').schoolPolicy.sendReviewReminders()).toBe(0);
    expect(await at('2027-09-21').schoolPolicy.sendReviewReminders()).toBe(1);
    expect(await at('2027-09-22').schoolPolicy.sendReviewReminders()).toBe(0);
    expect(await at('2027-11-06').schoolPolicy.sendReviewReminders()).toBe(1);
    expect(await at('2027-11-20').schoolPolicy.sendReviewReminders()).toBe(0);
    const sent = remindersTo().slice(before);
    expect(sent.map((m) => m.subject)).toEqual([
      'Rowan Primary: the social media policy is due for review on 20 November 2027',
      'Rowan Primary: the social media policy is due for review on 20 November 2027',
    ]);
    expect(sent[0]!.text).toContain('in 60 days');
    expect(sent[1]!.text).toContain('in 14 days');
    // Nobody else is told: not the governor, not the teacher.
    expect((adapters().outbox() ?? []).filter((m) => m.subject.includes('due for review')).map((m) => m.to)).toEqual([
      'head@rowan.example',
      'head@rowan.example',
    ]);
  });

  it('offers a trust school’s published policy to adopt, and adopts it as the school’s own', async () => {
    const sibling = await adapters().units.acrossSchools((store) =>
      store.schools.addSchool(school.organisationId, {
        name: 'Hazel Primary',
        slug: 'hazel',
        urn: '400002',
        phase: 'primary',
        address: { line1: '2 School Lane', town: 'Exampleton', postcode: 'EX1 1AB' },
        contactEmail: 'office@hazel.example',
        day: { starts: '08:45', ends: '15:15' },
      }),
    );
    const hazelHead = (await services().access.viewer(
      sibling.id,
      (
        await aPersonWithAccount(adapters(), sibling.id, {
          givenName: 'Hal',
          familyName: 'Hazel',
          email: 'head@hazel.example',
          roles: [{ role: 'staff', jobTitle: 'Headteacher', duties: ['headteacher'] }],
        })
      ).accountId,
    ))!;
    const sources = await services().schoolPolicy.adoptionSources(hazelHead);
    expect(sources.map((source) => source.id)).toEqual(['model', `school:${school.id}`]);
    const adopted = await services().schoolPolicy.adopt(hazelHead, `school:${school.id}`);
    expect(adopted.document.issuedTo).toEqual(['Hazel Primary']);
    expect(adopted.adoptedFrom).toEqual({
      kind: 'school',
      schoolId: school.id,
      schoolName: 'Rowan Primary',
      label: '2.0',
    });
    await expect(services().schoolPolicy.adopt(hazelHead, 'school:not-a-school')).rejects.toMatchObject({
      code: 'validation_failed',
    });
  });
});
