// Sign-off of the published policy through the real pages: the Headteacher asks the staff, the
// emails go from a job tick at a given moment (first emails in batches, then reminders), each
// answers through the link in their email, and a new version asks only about what changed.
// Emails are read from the development outbox.
import { beforeAll, expect, it } from 'vitest';
import type { School } from '../../../src/domain/community/school.ts';
import type { PolicyVersion } from '../../../src/domain/school-policy/versions.ts';
import { tick } from '../../../src/jobs/index.ts';
import type { Viewer } from '../../../src/services/access.ts';
import { createServices, type SentMessage } from '../../../src/wiring.ts';
import { describeEachBackend } from '../../support/backends.ts';
import { browserFor } from '../../support/browser.ts';
import { aPersonWithAccount, aSchool, signIn, type TestAccount } from '../../support/community.ts';
import { useTestApp } from '../../support/fixtures.ts';
import { aPublishedPolicy } from '../../support/policy.ts';

const dayMs = 24 * 60 * 60 * 1000;
const headingOf = (body: string) => /data-qa="page-heading"[^>]*>([^<]+)</.exec(body)?.[1]?.trim();

describeEachBackend('Sign-off of the published policy', (backend) => {
  const testApp = useTestApp(backend);
  const app = () => testApp().app;
  const services = () => createServices(testApp().adapters);

  const outbox = (): readonly SentMessage[] => testApp().adapters.outbox() ?? [];
  const messagesTo = (email: string) => outbox().filter((message) => message.to === email);
  const linkIn = (message: SentMessage) => {
    const found = /^https?:\/\/[^/\s]+(\/acknowledge\/[A-Za-z0-9_-]{43})$/m.exec(message.text);
    if (!found) throw new Error('The email has no acknowledgement link');
    return found[1]!;
  };
  const lastLinkTo = (email: string) => linkIn(messagesTo(email).at(-1)!);

  let school: School;
  let head: TestAccount;
  /** The Headteacher's browser, signed in once: an authenticator code works only once. */
  let headBrowser: Awaited<ReturnType<typeof signIn>>;
  let headViewer: Viewer;
  let governor: Viewer;
  let teacher: TestAccount;
  let startedAt: Date;
  let first: PolicyVersion;

  const staff = {
    tess: 'tess@oak.example',
    tom: 'tom@oak.example',
    head: 'head@oak.example',
  };

  async function publish(viewer: Viewer, governorViewer: Viewer, changeRules?: (v: PolicyVersion) => unknown) {
    const policy = services().schoolPolicy;
    const yesterday = new Date(Date.now() - dayMs).toISOString().slice(0, 10);
    let version = changeRules ? await policy.startRevision(viewer) : await policy.adopt(viewer, 'model');
    if (changeRules) {
      const saved = await policy.saveDraft(viewer, version.id, changeRules(version));
      if (!saved.ok) throw new Error(JSON.stringify(saved.problems));
      version = saved.version;
    }
    await policy.sendForRatification(viewer, version.id, 'For the staff to follow');
    await policy.ratify(governorViewer, version.id, { ratifiedOn: yesterday, meeting: 'Full governing body' });
    return policy.publish(viewer, version.id);
  }

  beforeAll(async () => {
    const adapters = testApp().adapters;
    school = await aSchool(adapters, 'oak', '500001');
    const viewerOf = async (made: TestAccount) => (await services().access.viewer(made.schoolId, made.accountId))!;
    head = await aPersonWithAccount(
      adapters,
      school.id,
      {
        givenName: 'Hattie',
        familyName: 'Oak',
        email: staff.head,
        roles: [{ role: 'staff', jobTitle: 'Headteacher', duties: ['headteacher'] }],
      },
      { authenticator: true },
    );
    headViewer = await viewerOf(head);
    governor = await viewerOf(
      await aPersonWithAccount(adapters, school.id, {
        givenName: 'Gwen',
        familyName: 'Gov',
        email: 'gwen@oak.example',
        roles: [{ role: 'governor', duties: ['chair'] }],
      }),
    );
    teacher = await aPersonWithAccount(adapters, school.id, {
      givenName: 'Tess',
      familyName: 'Teach',
      email: staff.tess,
      roles: [{ role: 'staff', jobTitle: 'Teacher', duties: ['teacher'] }],
    });
    await adapters.units.inSchool(school.id, (store) =>
      store.people.add([
        {
          person: { givenName: 'Tom', familyName: 'Assist', email: staff.tom },
          roles: [{ role: 'staff', jobTitle: 'Teaching assistant', duties: ['teaching_assistant'] }],
        },
        {
          person: { givenName: 'Nina', familyName: 'Noemail' },
          roles: [{ role: 'staff', jobTitle: 'Site manager', duties: ['site'] }],
        },
        {
          person: { givenName: 'Paula', familyName: 'Parent', email: 'paula@oak.example' },
          roles: [{ role: 'parent' }],
        },
      ]),
    );
    first = await publish(headViewer, governor);
  });

  it('emails every member of staff with an address, and nobody else, from the job after the Headteacher asks', async () => {
    headBrowser = await signIn(app, head);
    const browser = headBrowser;
    const dashboard = await browser.get('/sign-off');
    expect(dashboard.statusCode).toBe(200);
    expect(dashboard.body).toContain('data-qa="no-campaigns"');

    const refused = await browser.post('/sign-off/campaigns', {});
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Choose who to ask');

    startedAt = new Date();
    const started = await browser.post('/sign-off/campaigns', { audience: 'staff' });
    expect(started.statusCode).toBe(303);
    expect(started.headers.location).toBe('/sign-off');
    // The request records who is asked and returns; nothing has been sent yet.
    for (const email of Object.values(staff)) expect(messagesTo(email), email).toHaveLength(0);
    const waiting = await browser.get('/sign-off');
    expect(/data-qa="sending"[^>]*>([^<]*)</.exec(waiting.body)?.[1]).toContain('Sending: 0 of 3 emails sent');

    expect((await tick(services(), startedAt))['sign-off-emails']).toEqual({
      invitations: 3,
      reminders: 0,
      failed: 0,
    });
    expect((await tick(services(), startedAt))['sign-off-emails']).toMatchObject({ invitations: 0 });
    expect((await browser.get('/sign-off')).body).not.toContain('data-qa="sending"');

    for (const email of Object.values(staff)) {
      const mail = messagesTo(email);
      expect(mail, email).toHaveLength(1);
      expect(mail[0]!.subject).toContain('Oak Primary');
      expect(mail[0]!.text).toContain('version 1.0');
      // No policy text in the email: only what is asked and the link.
      expect(mail[0]!.text).not.toContain(first.document.rules[0]!.summary);
    }
    expect(messagesTo('paula@oak.example')).toHaveLength(0);
    expect(messagesTo('gwen@oak.example')).toHaveLength(0);
  });

  it('records an acknowledgement through the emailed link, with the version and its content hash', async () => {
    const link = lastLinkTo(staff.tess);
    const browser = browserFor(app);
    const shown = await browser.get(link);
    expect(shown.statusCode).toBe(200);
    expect(headingOf(shown.body)).toBe('Read the social media policy, version 1.0');
    expect(shown.body).toContain(`data-rule-id="${first.document.rules[0]!.id}"`);

    const answered = await browser.post(link, { answer: 'acknowledged' });
    expect(answered.statusCode).toBe(200);
    expect(answered.body).toContain('Thank you: your answer is recorded');

    const answers = await services().signOff.answersOf(school.id, teacher.personId);
    expect(answers).toEqual([
      expect.objectContaining({
        versionId: first.id,
        contentHash: first.contentHash,
        answer: 'acknowledged',
        answeredAt: expect.any(Date),
      }),
    ]);
    expect(answers[0]!.reason).toBeUndefined();

    const again = await browserFor(app).get(link);
    expect(again.statusCode).toBe(410);
    expect(headingOf(again.body)).toBe('You have already answered');
    const postedAgain = await browser.post(link, { answer: 'declined', reason: 'Changed my mind' });
    expect(postedAgain.statusCode).toBe(410);
    expect(await services().signOff.answersOf(school.id, teacher.personId)).toHaveLength(1);
  });

  it('asks for a reason to decline, keeps what was chosen, then records the decline with it', async () => {
    const link = lastLinkTo(staff.tom);
    const browser = browserFor(app);
    await browser.get(link);
    const nothing = await browser.post(link, {});
    expect(nothing.statusCode).toBe(400);
    expect(nothing.body).toContain('Choose whether you agree to follow the policy');

    const noReason = await browser.post(link, { answer: 'declined', reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Say why you do not agree');
    expect(noReason.body).toMatch(/value="declined" checked/);

    const declined = await browser.post(link, { answer: 'declined', reason: 'Rule on personal phones is unclear' });
    expect(declined.statusCode).toBe(200);
    const tom = (
      await testApp().adapters.units.inSchool(school.id, (store) =>
        store.people.list({ search: 'tom@', limit: 1, offset: 0 }),
      )
    ).items[0]!;
    expect(await services().signOff.answersOf(school.id, tom.id)).toEqual([
      expect.objectContaining({
        answer: 'declined',
        reason: 'Rule on personal phones is unclear',
        contentHash: first.contentHash,
      }),
    ]);
  });

  it('shows the Headteacher the figures and who is outstanding; a teacher may not see it', async () => {
    const dashboard = await headBrowser.get('/sign-off');
    expect(dashboard.statusCode).toBe(200);
    expect(dashboard.body).toContain('1 of 3 acknowledged');
    const figures = /data-qa="figures"[\s\S]*?<\/table>/.exec(dashboard.body)?.[0] ?? '';
    const cells = [...figures.matchAll(/<td[^>]*>\s*([^<]*?)\s*<\/td>/g)].map((m) => m[1]);
    // Three equal thirds still add up to 100%.
    expect(cells).toEqual(['1', '34%', '1', '33%', '1', '33%']);
    const outstanding = /data-qa="outstanding-names"[\s\S]*?<\/ul>/.exec(dashboard.body)?.[0] ?? '';
    expect(outstanding).toContain('Hattie Oak');
    expect(outstanding).not.toContain('Tess Teach');
    expect(dashboard.body).toContain('Rule on personal phones is unclear');
    expect(dashboard.body).toContain('1 in this group have no email address');

    const asTeacher = await signIn(app, teacher);
    const forbidden = await asTeacher.get('/sign-off');
    expect(forbidden.statusCode).toBe(403);
  });

  it('sends one reminder at day 7 and one at day 14 to those outstanding, and never again', async () => {
    const before = messagesTo(staff.head).length;
    const reminders = () => outbox().filter((m) => m.subject.startsWith('Reminder'));

    expect((await tick(services(), new Date(startedAt.getTime() + 6 * dayMs)))['sign-off-emails']).toEqual({
      invitations: 0,
      reminders: 0,
      failed: 0,
    });
    const day7 = new Date(startedAt.getTime() + 7 * dayMs + 60_000);
    expect((await tick(services(), day7))['sign-off-emails']).toMatchObject({ reminders: 1 });
    expect((await tick(services(), day7))['sign-off-emails']).toMatchObject({ reminders: 0 });
    expect(reminders().map((m) => m.to)).toEqual([staff.head]);

    const day14 = new Date(startedAt.getTime() + 14 * dayMs + 60_000);
    expect((await tick(services(), day14))['sign-off-emails']).toMatchObject({ reminders: 1 });
    expect((await tick(services(), new Date(day14.getTime() + 3 * dayMs)))['sign-off-emails']).toMatchObject({
      reminders: 0,
    });
    expect(reminders().map((m) => m.to)).toEqual([staff.head, staff.head]);
    expect(messagesTo(staff.head)).toHaveLength(before + 2);
    // Any of the links works: the first email's, or a reminder's.
    expect((await browserFor(app).get(linkIn(messagesTo(staff.head)[0]!))).statusCode).toBe(200);
  });

  it('asks someone who agreed to version 1 only about the rule that changed in version 2', async () => {
    const changedRule = first.document.rules[0]!;
    const second = await publish(headViewer, governor, (version) => ({
      ...version.document,
      rules: version.document.rules.map((rule, i) =>
        i === 0 ? { ...rule, summary: `${rule.summary} This includes messaging apps.` } : rule,
      ),
    }));
    expect(second.number).toBe(2);
    const oldLink = lastLinkTo(staff.head);
    await services().signOff.start(headViewer, 'staff');
    await tick(services(), new Date());

    const shown = await browserFor(app).get(lastLinkTo(staff.tess));
    expect(shown.statusCode).toBe(200);
    expect(headingOf(shown.body)).toBe(`What changed in version ${second.label} of the social media policy`);
    expect(shown.body).toContain('the rest of the policy is as you agreed to it before');
    const changed = [...shown.body.matchAll(/data-qa="changed-rule" data-rule-id="([^"]+)"/g)].map((m) => m[1]);
    expect(changed).toEqual([changedRule.id]);
    expect(shown.body).toContain('This includes messaging apps.');
    expect(shown.body).not.toContain(`data-rule-id="${first.document.rules[1]!.id}"`);
    expect(messagesTo(staff.tess).at(-1)!.text).toContain('only the rules that changed');

    // Someone who never agreed reads the whole of it.
    const whole = await browserFor(app).get(lastLinkTo(staff.tom));
    expect(headingOf(whole.body)).toBe(`Read the social media policy, version ${second.label}`);

    // The first request closed when the second began: its links say so.
    const closed = await browserFor(app).get(oldLink);
    expect(closed.statusCode).toBe(410);
    expect(headingOf(closed.body)).toBe('This request has closed');

    const tess = browserFor(app);
    await tess.get(lastLinkTo(staff.tess));
    expect((await tess.post(lastLinkTo(staff.tess), { answer: 'acknowledged' })).statusCode).toBe(200);
    const answers = await services().signOff.answersOf(school.id, teacher.personId);
    expect(answers.map((a) => [a.versionId, a.contentHash])).toEqual([
      [second.id, second.contentHash],
      [first.id, first.contentHash],
    ]);
  });

  it('refuses a link that is not one of ours, and keeps each school’s answers to itself', async () => {
    const made = await browserFor(app).get(`/acknowledge/${'A'.repeat(43)}`);
    expect(made.statusCode).toBe(404);
    expect(headingOf(made.body)).toBe('This link does not work');
    expect((await browserFor(app).get('/acknowledge/short')).statusCode).toBe(404);

    const adapters = testApp().adapters;
    const other = await aSchool(adapters, 'elm', '500002');
    const elmHead = await aPersonWithAccount(adapters, other.id, {
      givenName: 'Eli',
      familyName: 'Elm',
      email: 'head@elm.example',
      roles: [{ role: 'staff', jobTitle: 'Headteacher', duties: ['headteacher'] }],
    });
    const elmGovernor = await aPersonWithAccount(adapters, other.id, {
      givenName: 'Greta',
      familyName: 'Elm',
      email: 'gov@elm.example',
      roles: [{ role: 'governor', duties: ['chair'] }],
    });
    const viewerOf = async (made: TestAccount) => (await services().access.viewer(made.schoolId, made.accountId))!;
    const elmHeadViewer = await viewerOf(elmHead);
    await publish(elmHeadViewer, await viewerOf(elmGovernor));
    await services().signOff.start(elmHeadViewer, 'staff');
    await tick(services(), new Date());

    const link = lastLinkTo('head@elm.example');
    const shown = await browserFor(app).get(link);
    expect(shown.body).toContain('Elm Primary');
    expect(shown.body).not.toContain('Oak Primary');
    const elmBrowser = browserFor(app);
    await elmBrowser.get(link);
    expect((await elmBrowser.post(link, { answer: 'acknowledged' })).statusCode).toBe(200);
    expect(await services().signOff.answersOf(other.id, elmHead.personId)).toHaveLength(1);
    expect(await services().signOff.answersOf(school.id, elmHead.personId)).toEqual([]);
    const oakView = await services().signOff.overview(headViewer);
    expect(oakView.campaigns.every((c) => c.campaign.schoolId === school.id)).toBe(true);
  });

  it('sends a volunteer who signs in by email link to acknowledge the policy first, then lists nothing', async () => {
    const volunteer = await aPersonWithAccount(testApp().adapters, school.id, {
      givenName: 'Vic',
      familyName: 'Volunteer',
      email: 'vic@oak.example',
      roles: [{ role: 'volunteer' }],
    });
    const asked = await services().links.requestSignInLink(volunteer.email);
    expect(await asked.delivery).toBeUndefined();
    const signInLink = /(\/sign-in\/link\/[A-Za-z0-9_-]{43})$/m.exec(messagesTo(volunteer.email).at(-1)!.text)![1]!;
    const browser = browserFor(app);
    await browser.get(signInLink);
    const signedIn = await browser.post(signInLink, {});
    expect(signedIn.statusCode).toBe(303);
    expect(signedIn.headers.location).toBe('/acknowledge/policy/2');

    const listed = await browser.get('/acknowledge');
    expect(listed.body).toContain('/acknowledge/policy/2');
    const page = await browser.get('/acknowledge/policy/2');
    expect(headingOf(page.body)).toBe('Read the social media policy, version 2.0');
    const answered = await browser.post('/acknowledge/policy/2', { answer: 'acknowledged' });
    expect(answered.statusCode).toBe(200);
    expect(await services().signOff.answersOf(school.id, volunteer.personId)).toEqual([
      expect.objectContaining({ answer: 'acknowledged', answeredAt: expect.any(Date) }),
    ]);
    expect((await browser.get('/acknowledge')).body).toContain('data-qa="nothing-outstanding"');
    expect(await services().signOff.inductionPath(school.id, volunteer.accountId)).toBeUndefined();
  });

  it('sends a parents’ request in batches from the job, each email once even when two runs overlap', async () => {
    const adapters = testApp().adapters;
    const birch = await aSchool(adapters, 'birch', '500003');
    const { team } = await aPublishedPolicy(adapters, birch);
    const parents = Array.from({ length: 8 }, (_, n) => `parent${n}@birch.example`);
    await adapters.units.inSchool(birch.id, (store) =>
      store.people.add([
        ...parents.map((email, n) => ({
          person: { givenName: `Pat${n}`, familyName: 'Parent', email },
          roles: [{ role: 'parent' as const }],
        })),
        { person: { givenName: 'Noel', familyName: 'Noemail' }, roles: [{ role: 'parent' as const }] },
      ]),
    );

    const started = await services().signOff.start(team.head, 'parent');
    expect(started).toMatchObject({ asked: 8, withoutEmail: 1 });
    for (const email of parents) expect(messagesTo(email)).toHaveLength(0);
    const sending = async () => (await services().signOff.overview(team.head)).campaigns[0]!.sending;
    expect(await sending()).toEqual({ sent: 0, total: 8 });

    // Batches of three: each run claims three at a time until none are left.
    const now = new Date();
    const runs = await Promise.all([
      services().signOff.sendDue(now, { batchSize: 3 }),
      services().signOff.sendDue(now, { batchSize: 3 }),
    ]);
    expect(runs.reduce((sum, run) => sum + run.invitations, 0)).toBe(8);
    expect(runs.every((run) => run.failed === 0)).toBe(true);
    for (const email of parents) expect(messagesTo(email), email).toHaveLength(1);
    expect(await sending()).toBeUndefined();
    expect((await services().signOff.sendDue(now, { batchSize: 3 })).invitations).toBe(0);

    // The link in each works as it did when the request sent them itself.
    const link = lastLinkTo(parents[5]!);
    const shown = await browserFor(app).get(link);
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toContain('Birch Primary');
  });
});
