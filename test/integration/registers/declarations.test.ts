// The declarations register through its pages: a teacher declares, sees only their own; the
// Headteacher approves with a review date or declines with a reason; the DSL reads only; every
// decision and every read of the register is audited; the review digest goes once; and an
// approved family link changes the policy's answer at /check.
import { beforeAll, expect, it } from 'vitest';
import type { School } from '../../../src/domain/community/school.ts';
import { tick } from '../../../src/jobs/runner.ts';
import { createServices } from '../../../src/wiring.ts';
import { describeEachBackend } from '../../support/backends.ts';
import type { Browser } from '../../support/browser.ts';
import { aPersonWithAccount, aSchool, signIn, type TestAccount } from '../../support/community.ts';
import { useTestApp } from '../../support/fixtures.ts';
import { aPolicyTeam, publishDraft } from '../../support/policy.ts';

const heading = (body: string) => /data-qa="page-heading"[^>]*>([^<]+)</.exec(body)?.[1]?.trim();
const idOf = (body: string) => /href="\/declarations\/review\/([0-9a-f-]{36})"/.exec(body)?.[1];
const niece = '?role=staff&act=friend_request_accept&with=pupil&age=9&relationship=family';

describeEachBackend('The declarations register', (backend) => {
  const testApp = useTestApp(backend);
  const app = () => testApp().app;
  let school: School;
  let headAccount: TestAccount;
  let teacher: Browser;
  let colleague: Browser;
  let head: Browser;
  let dsl: Browser;
  let teacherAccount: TestAccount;
  let pupilId: string;

  beforeAll(async () => {
    const adapters = testApp().adapters;
    school = await aSchool(adapters, 'hazel', '700001');
    const team = await aPolicyTeam(adapters, school, { authenticator: true });
    headAccount = team.headAccount;
    const draft = await createServices(adapters).schoolPolicy.adopt(team.head, 'model');
    await publishDraft(adapters, team, draft);
    const dslAccount = await aPersonWithAccount(
      adapters,
      school.id,
      {
        givenName: 'Dee',
        familyName: 'Safe',
        email: 'dsl@hazel.example',
        roles: [{ role: 'staff', jobTitle: 'Deputy head', duties: ['dsl'] }],
      },
      { authenticator: true },
    );
    teacherAccount = await aPersonWithAccount(adapters, school.id, {
      givenName: 'Tess',
      familyName: 'Teacher',
      email: 'tess@hazel.example',
      roles: [{ role: 'staff', jobTitle: 'Teacher', duties: ['teacher'] }],
    });
    const colleagueAccount = await aPersonWithAccount(adapters, school.id, {
      givenName: 'Colin',
      familyName: 'Colleague',
      email: 'colin@hazel.example',
      roles: [{ role: 'staff', jobTitle: 'Teacher', duties: ['teacher'] }],
    });
    const [pupil] = await adapters.store.pupils.add(school.id, [
      { misId: 'P1', legalGivenName: 'Nia', legalFamilyName: 'Niece', dateOfBirth: '2017-03-04', yearGroup: '4' },
    ]);
    pupilId = pupil!.id;
    teacher = await signIn(app, teacherAccount);
    colleague = await signIn(app, colleagueAccount);
    head = await signIn(app, headAccount);
    dsl = await signIn(app, dslAccount);
  });

  it('gives a teacher without a declaration a breach for their niece’s friend request', async () => {
    const answer = await teacher.get(`/check/answer${niece}&declared=no`);
    expect(answer.statusCode).toBe(200);
    expect(heading(answer.body)).toMatch(/^No — our policy does not allow/);
    // Without a declaration the journey asks, as it asks anyone.
    const asked = await teacher.get(`/check/relationship-declared${niece}`);
    expect(asked.statusCode).toBe(200);
    expect(heading(asked.body)).toBe('Have you told the school about this relationship?');
  });

  it('refuses an incomplete declaration, keeping what was typed, with errors at the top and beside the field', async () => {
    const form = await teacher.get('/declarations/new');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Nia Niece, year 4');
    const refused = await teacher.post('/declarations/new', { kind: 'family_link', explanation: 'She is my niece' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toMatch(/<title>Error: /);
    expect(refused.body).toContain('href="#pupilId"');
    expect(refused.body).toContain('id="pupilId-error"');
    expect(refused.body).toContain('She is my niece</textarea>');
  });

  it('records a family link, which only its declarer sees', async () => {
    await teacher.get('/declarations/new');
    const made = await teacher.post('/declarations/new', {
      kind: 'family_link',
      pupilId,
      relationship: 'aunt_uncle',
      explanation: 'Nia is my sister’s daughter',
    });
    expect(made.statusCode).toBe(303);
    expect(made.headers.location).toBe('/declarations?declared=1');
    const mine = await teacher.get('/declarations');
    expect(mine.body).toContain('Nia is my sister’s daughter');
    expect(mine.body).toContain('Waiting for the Headteacher');
    const theirs = await colleague.get('/declarations');
    expect(theirs.body).not.toContain('Nia is my sister’s daughter');
    expect(theirs.body).toContain('You have not declared anything yet');
    // The register is not theirs to read, nor any declaration in it.
    expect((await colleague.get('/declarations/review')).statusCode).toBe(403);
    const id = idOf((await head.get('/declarations/review')).body)!;
    expect((await colleague.get(`/declarations/review/${id}`)).statusCode).toBe(403);
  });

  it('lets the DSL read the register but not decide, and audits each read', async () => {
    const register = await dsl.get('/declarations/review');
    expect(register.statusCode).toBe(200);
    expect(register.body).toContain('Tess Teacher');
    const id = idOf(register.body)!;
    const one = await dsl.get(`/declarations/review/${id}`);
    expect(one.statusCode).toBe(200);
    expect(one.body).not.toContain('data-qa="approve-form"');
    expect((await dsl.post(`/declarations/review/${id}/approve`, {})).statusCode).toBe(403);
    const reads = await testApp().adapters.store.audit.list(school.id, { action: 'record_read', limit: 50, offset: 0 });
    const subjects = reads.items.map((entry) => entry.subject?.kind);
    expect(subjects).toContain('declaration_register');
    expect(reads.items.some((entry) => entry.subject?.kind === 'declaration' && entry.subject.id === id)).toBe(true);
  });

  it('has the Headteacher approve with a review date, a year on unless changed', async () => {
    const id = idOf((await head.get('/declarations/review')).body)!;
    const page = await head.get(`/declarations/review/${id}`);
    const nextYear = String(new Date().getUTCFullYear() + 1);
    expect(page.body).toContain(`name="reviewDue-year" type="text" value="${nextYear}"`);
    const refused = await head.post(`/declarations/review/${id}/approve`, {
      'reviewDue-day': '31',
      'reviewDue-month': '2',
      'reviewDue-year': nextYear,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('The review date must be a real date');
    const soon = new Date(Date.now() + 10 * 86_400_000);
    const approved = await head.post(`/declarations/review/${id}/approve`, {
      'reviewDue-day': String(soon.getUTCDate()),
      'reviewDue-month': String(soon.getUTCMonth() + 1),
      'reviewDue-year': String(soon.getUTCFullYear()),
    });
    expect(approved.headers.location).toBe('/declarations/review?decided=approved');
    expect((await teacher.get('/declarations')).body).toContain('Approved');
    const log = await testApp().adapters.store.audit.list(school.id, {
      action: 'declaration_approved',
      limit: 5,
      offset: 0,
    });
    expect(log.items.map((entry) => entry.subject)).toEqual([{ kind: 'declaration', id }]);
  });

  it('changes the answer to the niece’s friend request once the family link is approved', async () => {
    // The journey no longer asks: the register answers, and the address never carries it.
    const skipped = await teacher.get(`/check/relationship-declared${niece}`);
    expect(skipped.statusCode).toBe(303);
    expect(skipped.headers.location).not.toContain('declared=');
    const check = await teacher.get(`/check/check-your-answers${niece}`);
    expect(check.body).toContain('Yes, and the Headteacher has approved it (from your declarations)');
    expect(check.body).not.toContain('data-qa="change-declared"');
    // Whatever the address says, the register decides.
    const answer = await teacher.get(`/check/answer${niece}&declared=no`);
    expect(heading(answer.body)).toMatch(/^Yes — our policy allows/);
    // A colleague with no declaration still gets the breach.
    const theirs = await colleague.get(`/check/answer${niece}&declared=no`);
    expect(heading(theirs.body)).toMatch(/^No — our policy does not allow/);
  });

  it('emails the Headteacher a digest of reviews due in 14 days, once', async () => {
    const services = createServices(testApp().adapters);
    const outbox = () =>
      (testApp().adapters.outbox() ?? []).filter(
        (mail) => mail.to === headAccount.email && mail.subject.includes('due for review'),
      );
    const before = outbox().length;
    const first = await tick(services, new Date());
    expect(first['declaration-review-reminders']).toEqual({ sent: 1 });
    expect(outbox()).toHaveLength(before + 1);
    expect(outbox().at(-1)!.text).not.toContain('Tess');
    expect(outbox().at(-1)!.text).not.toContain('Nia');
    const again = await tick(services, new Date(Date.now() + 86_400_000));
    expect(again['declaration-review-reminders']).toEqual({ sent: 0 });
    expect(outbox()).toHaveLength(before + 1);
  });

  it('has the Headteacher decline only with a reason, which the declarer reads', async () => {
    await teacher.get('/declarations/new');
    await teacher.post('/declarations/new', {
      kind: 'former_pupil',
      formerName: 'Ava Old',
      leftWhen: 'July 2022',
      explanation: 'She babysits my children',
    });
    const register = await head.get('/declarations/review');
    const id = /data-qa="declaration-([0-9a-f-]{36})"/.exec(register.body.slice(register.body.indexOf('Waiting')))?.[1];
    expect(id).toBeDefined();
    await head.get(`/declarations/review/${id}`);
    const refused = await head.post(`/declarations/review/${id}/decline`, { reason: '  ' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toMatch(/<title>Error: /);
    expect(refused.body).toContain('Give the reason you are declining it');
    const declined = await head.post(`/declarations/review/${id}/decline`, { reason: 'Please keep in touch by email' });
    expect(declined.headers.location).toBe('/declarations/review?decided=declined');
    const mine = await teacher.get('/declarations');
    expect(mine.body).toContain('Please keep in touch by email');
    const log = await testApp().adapters.store.audit.list(school.id, {
      action: 'declaration_declined',
      limit: 5,
      offset: 0,
    });
    expect(log.items).toHaveLength(1);
    expect(JSON.stringify(log.items[0]!.details)).not.toContain('email');
    const made = await testApp().adapters.store.audit.list(school.id, {
      action: 'declaration_made',
      limit: 5,
      offset: 0,
    });
    expect(made.items.map((entry) => entry.actorPersonId)).toEqual([teacherAccount.personId, teacherAccount.personId]);
  });
});
