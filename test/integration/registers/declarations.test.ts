// The declarations register through its pages: a teacher declares, sees only their own; the
// Headteacher approves with a review date or declines with a reason; the DSL reads only; every
// decision and every read of the register is audited; the review digest goes once; an approved
// family link changes the policy's answer at /check for the pupil it names and no other; and the
// Headteacher's own declarations go to the chair of governors, who sees those and no others.
import { beforeAll, describe, expect, it } from 'vitest';
import type { School } from '../../../src/domain/community/school.ts';
import { tick } from '../../../src/jobs/runner.ts';
import type { SchoolStore } from '../../../src/services/ports.ts';
import { createServices } from '../../../src/wiring.ts';
import { describeEachBackend } from '../../support/backends.ts';
import type { Browser } from '../../support/browser.ts';
import { aPersonWithAccount, aSchool, signIn, type TestAccount } from '../../support/community.ts';
import { useTestApp } from '../../support/fixtures.ts';
import { aPolicyTeam, publishDraft } from '../../support/policy.ts';

const heading = (body: string) => /data-qa="page-heading"[^>]*>([^<]+)</.exec(body)?.[1]?.trim();
const idOf = (body: string) => /href="\/declarations\/review\/([0-9a-f-]{36})"/.exec(body)?.[1];
const niece = '?role=staff&act=friend_request_accept&with=pupil&age=9&relationship=family';
/** The value of the radio whose label is the text. */
const choiceFor = (body: string, label: string) =>
  body
    .split('govuk-radios__item')
    .find((item) => new RegExp(`>\\s*${label}\\s*<`).test(item))
    ?.match(/value="([^"]+)"/)?.[1];

describeEachBackend('The declarations register', (backend) => {
  const testApp = useTestApp(backend);
  const app = () => testApp().app;
  /** One unit of work in the school, as a service opens one. */
  const inSchool = <T>(schoolId: string, work: (store: SchoolStore) => Promise<T>) =>
    testApp().adapters.units.inSchool(schoolId, work);
  let school: School;
  let headAccount: TestAccount;
  let teacher: Browser;
  let colleague: Browser;
  let head: Browser;
  let dsl: Browser;
  let teacherAccount: TestAccount;
  let chairAccount: TestAccount;
  let dslAccount: TestAccount;
  let chair: Browser;
  let pupilId: string;
  let otherPupilId: string;

  beforeAll(async () => {
    const adapters = testApp().adapters;
    school = await aSchool(adapters, 'hazel', '700001');
    const team = await aPolicyTeam(adapters, school, { authenticator: true });
    headAccount = team.headAccount;
    chairAccount = team.governorAccount;
    const draft = await createServices(adapters).schoolPolicy.adopt(team.head, 'model');
    await publishDraft(adapters, team, draft);
    dslAccount = await aPersonWithAccount(
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
    const [pupil, other] = await inSchool(school.id, (store) =>
      store.pupils.add([
        { misId: 'P1', legalGivenName: 'Nia', legalFamilyName: 'Niece', dateOfBirth: '2017-03-04', yearGroup: '4' },
        { misId: 'P2', legalGivenName: 'Ben', legalFamilyName: 'Other', dateOfBirth: '2016-05-06', yearGroup: '5' },
      ]),
    );
    pupilId = pupil!.id;
    otherPupilId = other!.id;
    teacher = await signIn(app, teacherAccount);
    colleague = await signIn(app, colleagueAccount);
    head = await signIn(app, headAccount);
    dsl = await signIn(app, dslAccount);
    chair = await signIn(app, chairAccount);
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
    const reads = await inSchool(school.id, (store) =>
      store.audit.list({ action: 'record_read', limit: 50, offset: 0 }),
    );
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
    const log = await inSchool(school.id, (store) =>
      store.audit.list({
        action: 'declaration_approved',
        limit: 5,
        offset: 0,
      }),
    );
    expect(log.items.map((entry) => entry.subject)).toEqual([{ kind: 'declaration', id }]);
  });

  it('changes the answer to the niece’s friend request once the family link is approved', async () => {
    // The journey asks which pupil it is, offering those on the teacher's declarations.
    const skipped = await teacher.get(`/check/relationship-declared${niece}`);
    expect(skipped.statusCode).toBe(303);
    expect(skipped.headers.location).toBe(`/check/which-person${niece}`);
    const whom = await teacher.get(`/check/which-person${niece}`);
    expect(whom.statusCode).toBe(200);
    expect(heading(whom.body)).toBe('Which pupil is this about?');
    const declarationId = /name="whom" type="radio" value="([0-9a-f-]{36})"/.exec(whom.body)?.[1];
    expect(declarationId).toBeDefined();
    expect(whom.body).toContain('Nia Niece');
    expect(whom.body).toContain('Someone else, not on my declarations');
    // The answer keeps the earlier ones; the register's answer never travels in the address.
    const chosen = await teacher.get(`/check/which-person${niece}&asked=whom&whom=${declarationId}`);
    expect(chosen.statusCode).toBe(303);
    expect(chosen.headers.location).toContain(`${niece.slice(1)}&whom=${declarationId}`);
    expect(chosen.headers.location).not.toContain('declared=');
    const check = await teacher.get(`/check/check-your-answers${niece}&whom=${declarationId}`);
    expect(check.body).toContain('Yes, and the Headteacher has approved it (from your declarations)');
    expect(check.body).not.toContain('data-qa="change-declared"');
    // Whatever the address says, the register decides.
    const answer = await teacher.get(`/check/answer${niece}&whom=${declarationId}&declared=no`);
    expect(heading(answer.body)).toMatch(/^Yes — our policy allows/);
    // Without saying whom, there is no answer yet: the journey asks.
    const unsaid = await teacher.get(`/check/answer${niece}&declared=approved`);
    expect(unsaid.statusCode).toBe(303);
    expect(unsaid.headers.location).toBe(`/check/which-person${niece}`);
    // A colleague with no declaration still gets the breach, and is never asked which pupil.
    const theirs = await colleague.get(`/check/answer${niece}&declared=no`);
    expect(heading(theirs.body)).toMatch(/^No — our policy does not allow/);
    const notAsked = await colleague.get(`/check/which-person${niece}`);
    expect(notAsked.statusCode).toBe(303);
    expect(notAsked.headers.location).toBe(`/check/relationship-declared${niece}`);
  });

  it('does not let the approved link to one pupil cover another', async () => {
    const missing = await teacher.get(`/check/which-person${niece}&asked=whom`);
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Select who it is about, or that it is someone else');
    expect(missing.body).toContain(`name="relationship" value="family"`);
    const other = await teacher.get(`/check/which-person${niece}&asked=whom&whom=someone_else`);
    expect(other.statusCode).toBe(303);
    const check = await teacher.get(`/check/check-your-answers${niece}&whom=someone_else`);
    expect(check.body).toContain('Someone else, not on my declarations');
    expect(check.body).toContain('No (from your declarations)');
    // Even claiming in the address that it is approved.
    const answer = await teacher.get(`/check/answer${niece}&whom=someone_else&declared=approved`);
    expect(heading(answer.body)).toMatch(/^No — our policy does not allow/);
    expect(answer.body).toContain('href="/declarations/new"');
    // Another pupil's declaration, waiting, answers "declared, not approved" for that pupil only.
    await teacher.get('/declarations/new');
    await teacher.post('/declarations/new', {
      kind: 'family_link',
      pupilId: otherPupilId,
      relationship: 'cousin',
      explanation: 'Ben is my cousin’s son',
    });
    const whom = await teacher.get(`/check/which-person${niece}`);
    const benId = choiceFor(whom.body, 'Ben Other');
    expect(benId).toMatch(/^[0-9a-f-]{36}$/);
    expect(choiceFor(whom.body, 'Nia Niece')).not.toBe(benId);
    const waiting = await teacher.get(`/check/check-your-answers${niece}&whom=${benId}`);
    expect(waiting.body).toContain('Yes, but the Headteacher has not approved it yet (from your declarations)');
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
    const log = await inSchool(school.id, (store) =>
      store.audit.list({
        action: 'declaration_declined',
        limit: 5,
        offset: 0,
      }),
    );
    expect(log.items).toHaveLength(1);
    expect(JSON.stringify(log.items[0]!.details)).not.toContain('email');
    const made = await inSchool(school.id, (store) =>
      store.audit.list({
        action: 'declaration_made',
        limit: 5,
        offset: 0,
      }),
    );
    expect(made.items.map((entry) => entry.actorPersonId)).toEqual([
      teacherAccount.personId,
      teacherAccount.personId,
      teacherAccount.personId,
    ]);
  });
  describe('the Headteacher’s own declarations', () => {
    let headDeclarationId: string;
    let teacherDeclarationId: string;

    it('go to the chair of governors, which the Headteacher is told', async () => {
      const form = await head.get('/declarations/new');
      expect(form.body).toContain('Send to the chair of governors');
      const made = await head.post('/declarations/new', {
        kind: 'parent_friendship',
        parentDescription: 'Pat, parent in year 2',
        explanation: 'We were at university together',
      });
      expect(made.statusCode).toBe(303);
      const mine = await head.get('/declarations?declared=1');
      expect(mine.body).toContain('Your declaration has gone to the chair of governors');
      expect(mine.body).toContain('Waiting for the chair of governors');
      // The school has a chair, so nothing says the declaration waits for want of one.
      expect(mine.body).not.toContain('data-qa="no-chair"');
      const register = await head.get('/declarations/review');
      headDeclarationId = /data-qa="declaration-([0-9a-f-]{36})"/.exec(
        register.body.slice(register.body.indexOf('Hal Head')),
      )![1]!;
      teacherDeclarationId = /data-qa="declaration-([0-9a-f-]{36})"/.exec(
        register.body.slice(register.body.indexOf('Tess Teacher')),
      )![1]!;
    });

    it('cannot be approved or declined by the Headteacher, with a message saying why', async () => {
      const page = await head.get(`/declarations/review/${headDeclarationId}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain('data-qa="approve-form"');
      expect(page.body).toContain('You made this declaration, so you cannot approve or decline it yourself');
      const soon = new Date(Date.now() + 30 * 86_400_000);
      const approve = await head.post(`/declarations/review/${headDeclarationId}/approve`, {
        'reviewDue-day': String(soon.getUTCDate()),
        'reviewDue-month': String(soon.getUTCMonth() + 1),
        'reviewDue-year': String(soon.getUTCFullYear()),
      });
      expect(approve.statusCode).toBe(403);
      expect(approve.body).toMatch(/<title>Error: /);
      expect(approve.body).toContain('href="#decision"');
      expect(approve.body).toContain('the chair of governors decides on it');
      const decline = await head.post(`/declarations/review/${headDeclarationId}/decline`, { reason: 'Mine' });
      expect(decline.statusCode).toBe(403);
      const still = await inSchool(school.id, (store) => store.declarations.find(headDeclarationId));
      expect(still?.declaration.status).toBe('pending');
    });

    it('are all the chair sees of the register, and each read is audited', async () => {
      const register = await chair.get('/declarations/review');
      expect(register.statusCode).toBe(200);
      expect(register.body).toContain('Hal Head');
      expect(register.body).toContain('Pat, parent in year 2');
      expect(register.body).not.toContain('Tess Teacher');
      expect(register.body).toContain('data-qa="chair-intro"');
      // Anyone else's declaration is not found for the chair, to read or to decide.
      expect((await chair.get(`/declarations/review/${teacherDeclarationId}`)).statusCode).toBe(404);
      expect(
        (await chair.post(`/declarations/review/${teacherDeclarationId}/decline`, { reason: 'x' })).statusCode,
      ).toBe(404);
      const one = await chair.get(`/declarations/review/${headDeclarationId}`);
      expect(one.statusCode).toBe(200);
      expect(one.body).toContain('data-qa="approve-form"');
      const reads = await inSchool(school.id, (store) =>
        store.audit.list({
          action: 'record_read',
          limit: 200,
          offset: 0,
        }),
      );
      const byChair = reads.items.filter((entry) => entry.actorPersonId === chairAccount.personId);
      expect(byChair.map((entry) => entry.subject)).toEqual(
        expect.arrayContaining([
          { kind: 'declaration_register', id: school.id },
          { kind: 'declaration', id: headDeclarationId },
        ]),
      );
      expect(byChair.find((entry) => entry.subject?.kind === 'declaration_register')?.details).toEqual({ count: 1 });
      // The DSL reads the Headteacher's declaration, and still decides on nothing.
      expect((await dsl.get(`/declarations/review/${headDeclarationId}`)).statusCode).toBe(200);
      expect((await dsl.post(`/declarations/review/${headDeclarationId}/approve`, {})).statusCode).toBe(403);
    });

    it('are approved by the chair, whose reminders of their review go to the chair alone', async () => {
      const soon = new Date(Date.now() + 10 * 86_400_000);
      const approved = await chair.post(`/declarations/review/${headDeclarationId}/approve`, {
        'reviewDue-day': String(soon.getUTCDate()),
        'reviewDue-month': String(soon.getUTCMonth() + 1),
        'reviewDue-year': String(soon.getUTCFullYear()),
      });
      expect(approved.headers.location).toBe('/declarations/review?decided=approved');
      expect((await head.get('/declarations')).body).toContain('Approved');
      const log = await inSchool(school.id, (store) =>
        store.audit.list({
          action: 'declaration_approved',
          limit: 5,
          offset: 0,
        }),
      );
      expect(log.items[0]).toMatchObject({
        actorPersonId: chairAccount.personId,
        subject: { kind: 'declaration', id: headDeclarationId },
      });
      const outbox = () => testApp().adapters.outbox() ?? [];
      const before = outbox().length;
      const sent = await createServices(testApp().adapters).declarations.sendReviewReminders(new Date());
      expect(sent).toBe(1);
      const mails = outbox().slice(before);
      expect(mails.map((mail) => mail.to)).toEqual([chairAccount.email]);
      expect(mails[0]!.text).toContain('because you are the chair of governors');
      expect(mails[0]!.text).not.toContain('Hal');
    });

    it('wait, and say so, when the school has no chair of governors', async () => {
      const adapters = testApp().adapters;
      const birch = await aSchool(adapters, 'birch', '700002');
      const birchHead = await aPersonWithAccount(
        adapters,
        birch.id,
        {
          givenName: 'Bea',
          familyName: 'Head',
          email: 'head@birch.example',
          roles: [{ role: 'staff', jobTitle: 'Headteacher', duties: ['headteacher'] }],
        },
        { authenticator: true },
      );
      const birchBrowser = await signIn(app, birchHead);
      await birchBrowser.get('/declarations/new');
      await birchBrowser.post('/declarations/new', {
        kind: 'former_pupil',
        formerName: 'Lee Left',
        leftWhen: 'July 2019',
        explanation: 'He coaches my son’s football team',
      });
      const mine = await birchBrowser.get('/declarations');
      expect(mine.body).toContain('data-qa="no-chair"');
      expect(mine.body).toContain('There is no chair of governors in Footprint yet');
      const register = await birchBrowser.get('/declarations/review');
      expect(register.body).toContain('data-qa="no-chair"');
      const id = /data-qa="declaration-([0-9a-f-]{36})"/.exec(register.body)![1]!;
      const one = await birchBrowser.get(`/declarations/review/${id}`);
      expect(one.body).toContain('so it waits until the school records one');
      expect(one.body).not.toContain('data-qa="approve-form"');
    });
  });
});
