// Incidents through their pages: a parent reports on the public form with a screenshot, the DSL
// is told by email (saying nothing of the case) and assesses it, the tasks the school's own
// procedures name are raised, done and the case closed; a teacher's report of a pupil's friend
// request raises different tasks at two schools whose policies differ; a report about the
// Headteacher goes to the chair and the Headteacher cannot open it; every read is audited.
import { beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import type { School } from '../../../src/domain/community/school.ts';
import type { SchoolStore } from '../../../src/services/ports.ts';
import { createServices } from '../../../src/wiring.ts';
import { describeEachBackend } from '../../support/backends.ts';
import { browserFor, type Browser } from '../../support/browser.ts';
import { aPersonWithAccount, signIn, type TestAccount } from '../../support/community.ts';
import { useTestApp } from '../../support/fixtures.ts';
import { aSchoolUnderPolicy } from '../../support/policy.ts';

const heading = (body: string) => /data-qa="page-heading"[^>]*>([^<]+)</.exec(body)?.[1]?.trim();
const caseIdIn = (body: string) => /href="\/incidents\/([0-9a-f-]{36})"/.exec(body)?.[1];
const taskIds = (body: string) => [...body.matchAll(/id="task-([0-9a-f-]{36})"/g)].map((m) => m[1]!);
const taskTitles = (body: string) =>
  [...body.matchAll(/data-qa="task">\s*<h3 class="govuk-heading-s">([^<]+)/g)].map((m) => m[1]!.trim());

/** A phone screenshot carrying a GPS position in its EXIF. */
const screenshot = () =>
  sharp({ create: { width: 30, height: 20, channels: 3, background: '#1d70b8' } })
    .withExif({ IFD0: { Make: 'ParentPhone' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1' } })
    .png()
    .toBuffer();

interface Staff {
  head: TestAccount;
  dsl: TestAccount;
  chair: TestAccount;
  teacher: TestAccount;
}

describeEachBackend('Incidents', (backend) => {
  const testApp = useTestApp(backend);
  const app = () => testApp().app;
  const schools: Record<'rowan' | 'alder', { school: School; staff: Staff; pupilId: string }> = {} as never;

  async function aSchoolWithPolicy(slug: 'rowan' | 'alder', urn: string, policySlug: string) {
    const adapters = testApp().adapters;
    const { school, team, dsl, teacher } = await aSchoolUnderPolicy(adapters, slug, urn, policySlug);
    const [pupil] = await adapters.units.inSchool(school.id, (store) =>
      store.pupils.add([
        { misId: 'P1', legalGivenName: 'Pip', legalFamilyName: 'Pupil', dateOfBirth: '2015-02-03', yearGroup: '6' },
      ]),
    );
    schools[slug] = {
      school,
      staff: { head: team.headAccount, dsl, chair: team.governorAccount, teacher },
      pupilId: pupil!.id,
    };
  }

  beforeAll(async () => {
    await aSchoolWithPolicy('rowan', '710001', 'bledington');
    await aSchoolWithPolicy('alder', '710002', 'wimbledon-chase');
  });

  // One session each: an authenticator code is taken once, so a second sign-in in the same
  // half-minute would be refused.
  const sessions = new Map<string, Browser>();
  async function as(account: TestAccount): Promise<Browser> {
    let browser = sessions.get(account.email);
    if (!browser) {
      browser = await signIn(app, account);
      sessions.set(account.email, browser);
    }
    return browser;
  }

  const outbox = (to: string) => (testApp().adapters.outbox() ?? []).filter((mail) => mail.to === to);

  describe('a parent’s report on the public form', () => {
    let caseId: string;
    let dsl: Browser;

    it('refuses an SVG screenshot, says why, keeps what was typed and stores nothing', async () => {
      const parent = browserFor(app);
      await parent.get('/s/rowan/report');
      const refused = await parent.upload(
        '/s/rowan/report',
        {
          reporterRole: 'parent',
          kind: 'images',
          what: 'Photos of the class assembly on a parent’s public page',
          aboutRole: 'parent',
          childInvolved: 'yes',
        },
        [
          {
            field: 'evidence',
            fileName: 'shot.png',
            type: 'image/png',
            bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>'),
          },
        ],
      );
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain('id="evidence-error"');
      expect(refused.body).toContain('Photos of the class assembly on a parent’s public page</textarea>');
      const cases = await testApp().adapters.units.inSchool(schools.rowan.school.id, (store) =>
        store.incidents.list(new Date()),
      );
      expect(cases).toHaveLength(0);
    });

    it('takes the report with a screenshot, shows only a reference, and tells the DSL by email', async () => {
      const parent = browserFor(app);
      const form = await parent.get('/s/rowan/report');
      expect(form.statusCode).toBe(200);
      expect(heading(form.body)).toBe('Report a concern');
      const sent = await parent.upload(
        '/s/rowan/report',
        {
          reporterRole: 'parent',
          reporterName: 'Petra Parent',
          kind: 'images',
          what: 'Another parent posted photos of the class assembly on Facebook, naming the children.',
          aboutRole: 'parent',
          aboutName: 'A parent in year 6',
          childInvolved: 'yes',
          platform: 'Facebook',
          links: 'https://www.facebook.com/some.parent/posts/123',
        },
        [{ field: 'evidence', fileName: 'assembly.png', type: 'image/png', bytes: await screenshot() }],
      );
      expect(sent.statusCode).toBe(303);
      const confirmation = await parent.get(sent.headers.location!);
      const reference = /data-qa="reference">([^<]+)</.exec(confirmation.body)?.[1];
      expect(reference).toMatch(/^R-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      expect(confirmation.body).not.toContain('Another parent posted');

      const mail = outbox(schools.rowan.staff.dsl.email).at(-1);
      expect(mail?.subject).toContain('a concern needs you');
      expect(mail?.text).not.toContain('Facebook');
      expect(mail?.text).not.toContain('assembly');
      caseId = /\/incidents\/([0-9a-f-]{36})/.exec(mail?.text ?? '')?.[1] ?? '';
      expect(caseId).not.toBe('');
      // The case is the DSL's: it involves a child. The teacher cannot open it.
      const teacher = await as(schools.rowan.staff.teacher);
      expect((await teacher.get(`/incidents/${caseId}`)).statusCode).toBe(403);
    });

    it('keeps the screenshot without its EXIF, for the DSL only, with the read audited', async () => {
      dsl = await as(schools.rowan.staff.dsl);
      const page = await dsl.get(`/incidents/${caseId}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('A parent in year 6');
      const evidenceHref = /href="(\/incidents\/[0-9a-f-]{36}\/evidence\/[0-9a-f-]{36})"/.exec(page.body)?.[1];
      expect(evidenceHref).toBeDefined();
      const file = await dsl.get(evidenceHref!);
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-type']).toBe('image/png');
      expect(file.headers['content-disposition']).toMatch(/^attachment;/);
      expect(file.headers['x-content-type-options']).toBe('nosniff');
      const metadata = await sharp(file.rawPayload).metadata();
      expect(metadata.exif).toBeUndefined();
      expect(file.rawPayload.includes(Buffer.from('ParentPhone'))).toBe(false);

      const audit = await testApp().adapters.units.inSchool(schools.rowan.school.id, (store) =>
        store.audit.list({ limit: 200, offset: 0 }),
      );
      const reads = audit.items.filter(
        (entry) => entry.action === 'record_read' && entry.subject?.kind.startsWith('incident'),
      );
      expect(reads.map((entry) => entry.subject?.kind)).toEqual(
        expect.arrayContaining(['incident', 'incident_evidence']),
      );
    });

    it('raises the tasks the school’s procedure names when assessed, and closes once they are done', async () => {
      const assessed = await dsl.post(`/incidents/${caseId}/assess`, {
        actorRole: 'parent',
        act: 'post',
        counterpartRole: '',
        about: 'pupils',
        images: 'other_pupils',
        imagesConsented: 'no',
        namesPupils: 'yes',
        channel: 'personal',
        platform: 'facebook',
        visibility: 'public',
        rationale: 'The screenshot shows pupils’ faces and names on a public page.',
      });
      expect(assessed.statusCode).toBe(303);
      const page = await dsl.get(`/incidents/${caseId}`);
      expect(page.body).toContain('data-qa="breaches"');
      const titles = taskTitles(page.body);
      expect(titles.length).toBeGreaterThan(0);
      expect(titles).toContain('Ask the author to remove the post');

      const letter = await dsl.post(`/incidents/${caseId}/letters`, {
        letterKind: 'request_removal',
        recipientName: '',
      });
      expect(letter.statusCode).toBe(400);
      expect(letter.body).toContain('id="recipientName-error"');
      const produced = await dsl.post(`/incidents/${caseId}/letters`, {
        letterKind: 'request_removal',
        recipientName: 'Mrs Kim',
      });
      expect(produced.statusCode).toBe(303);
      const withLetter = await dsl.get(`/incidents/${caseId}`);
      const letterHref = /href="(\/incidents\/[0-9a-f-]{36}\/evidence\/[0-9a-f-]{36})"[^>]*>Letter/.exec(
        withLetter.body,
      )?.[1];
      expect(letterHref).toBeDefined();
      const pdf = await dsl.get(letterHref!);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

      const closedEarly = await dsl.post(`/incidents/${caseId}/close`, {
        outcome: 'content_removed',
        closeRationale: 'Taken down',
      });
      expect(closedEarly.statusCode).toBe(400);
      expect(closedEarly.body).toMatch(/Finish the (open task|\d+ open tasks)/);

      const notNeededWithoutReason = await dsl.post(`/incidents/${caseId}/tasks/${taskIds(page.body)[0]}`, {
        state: 'not_needed',
        note: '',
      });
      expect(notNeededWithoutReason.statusCode).toBe(400);
      expect(notNeededWithoutReason.body).toContain('Write why it is not needed');

      for (const taskId of taskIds(page.body)) {
        await dsl.get(`/incidents/${caseId}`);
        const done = await dsl.post(`/incidents/${caseId}/tasks/${taskId}`, {
          state: 'done',
          note: 'Phoned the parent.',
        });
        expect(done.statusCode).toBe(303);
      }
      await dsl.get(`/incidents/${caseId}`);
      const closed = await dsl.post(`/incidents/${caseId}/close`, {
        outcome: 'content_removed',
        closeRationale: 'The parent took the photos down the same day.',
      });
      expect(closed.statusCode).toBe(303);
      const after = await dsl.get(`/incidents/${caseId}`);
      expect(after.body).toContain('The content was taken down');
      expect(after.body).toContain('data-qa="reopen-form"');
    });
  });

  describe('a pupil’s friend request, logged by the teacher', () => {
    async function tasksRaisedAt(slug: 'rowan' | 'alder'): Promise<string[]> {
      const { staff, pupilId } = schools[slug];
      const teacher = await as(staff.teacher);
      await teacher.get('/report');
      const sent = await teacher.upload(
        '/report',
        {
          kind: 'friend_request',
          what: 'Pip sent me a friend request on Instagram last night.',
          aboutRole: 'pupil',
          childPupilId: pupilId,
          childInvolved: 'yes',
          platform: 'Instagram',
        },
        [],
      );
      expect(sent.statusCode).toBe(303);
      const dsl = await as(staff.dsl);
      const list = await dsl.get('/incidents');
      const id = caseIdIn(list.body)!;
      const page = await dsl.get(`/incidents/${id}`);
      // The form proposes what the report suggests: the pupil sent a request to a member of staff.
      expect(page.body).toMatch(/<option value="pupil" selected>/);
      expect(page.body).toMatch(/<option value="friend_request_send" selected>/);
      expect(page.body).toMatch(/id="counterpartRole"[\s\S]*?<option value="staff" selected>/);
      const assessed = await dsl.post(`/incidents/${id}/assess`, {
        actorRole: 'pupil',
        act: 'friend_request_send',
        counterpartRole: 'staff',
        platform: 'instagram',
        rationale: '',
      });
      expect(assessed.statusCode).toBe(303);
      return taskTitles((await dsl.get(`/incidents/${id}`)).body);
    }

    it('raises each school’s own tasks', async () => {
      const rowan = await tasksRaisedAt('rowan');
      const alder = await tasksRaisedAt('alder');
      expect(rowan).toContain('Tell the parents or carers of the pupil concerned');
      expect(rowan).not.toContain('Deal with it under the behaviour policy');
      expect(alder).toContain('Deal with it under the behaviour policy');
      expect(alder).not.toContain('Tell the parents or carers of the pupil concerned');
    });
  });

  describe('a report about the Headteacher', () => {
    it('goes to the chair, whom it emails, and the Headteacher cannot see or open it', async () => {
      const { staff } = schools.alder;
      const before = outbox(staff.head.email).length;
      const parent = browserFor(app);
      await parent.get('/s/alder/report');
      const sent = await parent.upload(
        '/s/alder/report',
        {
          reporterRole: 'parent',
          kind: 'post',
          what: 'The Headteacher posted about a family on their own account.',
          aboutRole: 'headteacher',
          childInvolved: 'no',
        },
        [],
      );
      expect(sent.statusCode).toBe(303);
      const mail = outbox(staff.chair.email).at(-1);
      expect(mail?.subject).toContain('a concern needs you');
      const caseId = /\/incidents\/([0-9a-f-]{36})/.exec(mail?.text ?? '')?.[1] ?? '';
      expect(outbox(staff.head.email)).toHaveLength(before);

      const chair = await as(staff.chair);
      const chairList = await chair.get('/incidents');
      expect(chairList.body).toContain(`/incidents/${caseId}`);
      expect((await chair.get(`/incidents/${caseId}`)).statusCode).toBe(200);

      const head = await as(staff.head);
      const headList = await head.get('/incidents');
      expect(headList.statusCode).toBe(200);
      expect(headList.body).not.toContain(caseId);
      expect((await head.get(`/incidents/${caseId}`)).statusCode).toBe(404);
      const dsl = await as(staff.dsl);
      expect((await dsl.get(`/incidents/${caseId}`)).statusCode).toBe(404);
    });
  });

  describe('keeping closed cases', () => {
    async function aClosedCase(slug: 'rowan' | 'alder', what: string): Promise<string> {
      const { staff, pupilId } = schools[slug];
      const teacher = await as(staff.teacher);
      await teacher.get('/report');
      const sent = await teacher.upload(
        '/report',
        { kind: 'message', what, aboutRole: 'pupil', childPupilId: pupilId, childInvolved: 'yes' },
        [],
      );
      expect(sent.statusCode).toBe(303);
      const dsl = await as(staff.dsl);
      const id = caseIdIn((await dsl.get('/incidents')).body)!;
      await dsl.get(`/incidents/${id}`);
      const closed = await dsl.post(`/incidents/${id}/close`, {
        outcome: 'no_further_action',
        closeRationale: 'Spoke to the pupil; no further messages.',
      });
      expect(closed.statusCode).toBe(303);
      return id;
    }

    it('keeps a case about a pupil until 25 years after their birth, then destroys it only with a second person’s approval', async () => {
      const adapters = testApp().adapters;
      const schoolId = schools.rowan.school.id;
      const inRowan = <T>(work: (store: SchoolStore) => Promise<T>) => adapters.units.inSchool(schoolId, work);
      const caseId = await aClosedCase('rowan', 'Pip messaged a teacher late at night.');
      const kept = await inRowan((store) => store.incidents.find(caseId));
      // Pip was born on 3 February 2015.
      expect(kept?.reviewDue).toBe('2040-02-03');

      const dsl = await as(schools.rowan.staff.dsl);
      const head = await as(schools.rowan.staff.head);
      expect((await dsl.get('/incidents/retention')).body).toContain('No closed case has reached its review date');
      // Twenty-five years on, as far as the record is concerned.
      await inRowan((store) => store.incidents.change(caseId, { reviewDue: '2020-01-01' }));
      const listed = await head.get('/incidents/retention');
      expect(listed.body).toContain(kept!.reference);

      const noReason = await head.post(`/incidents/retention/${caseId}/propose`, { reason: '' });
      expect(noReason.statusCode).toBe(400);
      expect(noReason.body).toContain('Write why the record is no longer needed');
      expect(
        (await head.post(`/incidents/retention/${caseId}/propose`, { reason: 'Past the retention period.' }))
          .statusCode,
      ).toBe(303);
      const pending = await head.get('/incidents/retention');
      const destructionId = /destructions\/([0-9a-f-]{36})\/approve/.exec(pending.body)?.[1];
      // The Headteacher proposed it, so the Headteacher cannot approve it: no button, and refused if tried.
      expect(destructionId).toBeUndefined();
      const proposals = await inRowan((store) => store.incidents.destructions());
      const refused = await head.post(`/incidents/retention/destructions/${proposals[0]!.id}/approve`, {});
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain('Someone else must approve');
      expect(await inRowan((store) => store.incidents.find(caseId))).toBeDefined();
      // The DSL may propose but not approve.
      expect((await dsl.post(`/incidents/retention/destructions/${proposals[0]!.id}/approve`, {})).statusCode).toBe(
        403,
      );
    });

    it('destroys the case, its tasks and its chronology once someone else approves, and keeps the record of it', async () => {
      const adapters = testApp().adapters;
      const schoolId = schools.alder.school.id;
      const inAlder = <T>(work: (store: SchoolStore) => Promise<T>) => adapters.units.inSchool(schoolId, work);
      const caseId = await aClosedCase('alder', 'A pupil messaged a volunteer.');
      await inAlder((store) => store.incidents.change(caseId, { reviewDue: '2020-01-01' }));
      const dsl = await as(schools.alder.staff.dsl);
      await dsl.get('/incidents/retention');
      expect(
        (await dsl.post(`/incidents/retention/${caseId}/propose`, { reason: 'Kept long enough.' })).statusCode,
      ).toBe(303);
      const head = await as(schools.alder.staff.head);
      const page = await head.get('/incidents/retention');
      const destructionId = /destructions\/([0-9a-f-]{36})\/approve/.exec(page.body)?.[1];
      expect(destructionId).toBeDefined();
      expect((await head.post(`/incidents/retention/destructions/${destructionId}/approve`, {})).statusCode).toBe(303);
      expect(await inAlder((store) => store.incidents.find(caseId))).toBeUndefined();
      expect((await inAlder((store) => store.incidents.chronology(caseId))).events).toHaveLength(0);
      expect((await head.get(`/incidents/${caseId}`)).statusCode).toBe(404);
      const after = await head.get('/incidents/retention');
      expect(after.body).toContain('data-qa="destroyed"');
      expect(after.body).toContain('Kept long enough.');
      const audit = await inAlder((store) => store.audit.list({ limit: 50, offset: 0 }));
      expect(audit.items.map((entry) => entry.action)).toContain('incident_destroyed');
    });
  });

  describe('chasing and figures', () => {
    it('reminds a task’s owner once it is past due, and the Headteacher two days later, each once', async () => {
      const adapters = testApp().adapters;
      const services = createServices(adapters);
      const { school, staff } = schools.rowan;
      const inSchool = <T>(work: (store: SchoolStore) => Promise<T>) => adapters.units.inSchool(school.id, work);
      const open = (await inSchool((store) => store.incidents.list(new Date()))).filter((c) => c.openTasks > 0);
      expect(open.length).toBeGreaterThan(0);
      const tasks = await inSchool((store) => store.incidents.tasks(open[0]!.case.id));
      const latestDue = Math.max(...tasks.filter((t) => t.state === 'open').map((t) => t.dueAt.getTime()));
      const owners = new Set(tasks.filter((t) => t.state === 'open').map((t) => t.ownerPersonId));
      const headMails = () => outbox(staff.head.email).filter((m) => m.subject.includes('a concern needs you')).length;

      const past = new Date(latestDue + 60 * 60 * 1000);
      const headBefore = headMails();
      const reminded = await services.incidents.chaseOverdueTasks(past);
      expect(reminded).toBeGreaterThanOrEqual(owners.size > 0 ? 1 : 0);
      expect(await services.incidents.chaseOverdueTasks(past)).toBe(0);
      const remindedTasks = await inSchool((store) => store.incidents.tasks(open[0]!.case.id));
      expect(remindedTasks.filter((t) => t.state === 'open').every((t) => t.remindedAt)).toBe(true);

      const later = new Date(latestDue + 3 * 24 * 60 * 60 * 1000);
      expect(await services.incidents.chaseOverdueTasks(later)).toBeGreaterThan(0);
      expect(headMails()).toBeGreaterThan(headBefore);
      expect(await services.incidents.chaseOverdueTasks(later)).toBe(0);
      const mail = outbox(staff.head.email).at(-1);
      expect(mail?.text).not.toContain('Pip');
    });

    it('gives governors the term’s figures without names, and the per-case rows only to those who handle cases', async () => {
      const adapters = testApp().adapters;
      const { school } = schools.rowan;
      const governor = await aPersonWithAccount(adapters, school.id, {
        givenName: 'Gwen',
        familyName: 'Gov',
        email: 'gwen@rowan.example',
        roles: [{ role: 'governor', duties: ['member'] }],
      });
      const browser = await as(governor);
      const page = await browser.get('/incidents/figures');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<svg');
      expect(page.body).toContain('data-qa="by-kind"');
      const reported = (await adapters.units.inSchool(school.id, (store) => store.incidents.list(new Date()))).length;
      expect(reported).toBeGreaterThan(1);
      expect(page.body).toMatch(new RegExp(`Concerns reported\\s*</dt>\\s*<dd[^>]*>\\s*${reported}\\s*</dd>`));
      expect(page.body).not.toContain('Pip');
      expect(page.body).not.toContain('cases-csv-link');
      const csv = await browser.get('/incidents/figures.csv');
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      expect(csv.body).toMatch(/Photos or videos of pupils shared online/);
      expect((await browser.get('/incidents/figures.csv?rows=cases')).statusCode).toBe(403);
      expect((await browser.get('/incidents/figures?term=not-a-term')).statusCode).toBe(404);
      const dsl = await as(schools.rowan.staff.dsl);
      const rows = await dsl.get('/incidents/figures.csv?rows=cases');
      expect(rows.statusCode).toBe(200);
      expect(rows.body).not.toContain('Pip');
    });
  });

  describe('what the registers say', () => {
    it('fills in from the declarations register whether the teacher’s family link was declared and approved', async () => {
      const adapters = testApp().adapters;
      const { school, staff, pupilId } = schools.alder;
      const dsl = await as(staff.dsl);
      await dsl.get('/report');
      const sent = await dsl.upload(
        '/report',
        {
          kind: 'friend_request',
          what: 'Theo is friends with Pip on Facebook.',
          aboutRole: 'staff',
          aboutPersonId: staff.teacher.personId,
          childInvolved: 'yes',
          childPupilId: pupilId,
        },
        [],
      );
      expect(sent.statusCode).toBe(303);
      const head = await as(staff.head);
      const id = caseIdIn((await head.get('/incidents')).body)!;
      const described = {
        actorRole: 'staff',
        act: 'friend_request_accept',
        counterpartRole: 'pupil',
        counterpartAge: '11',
        relationship: 'family',
        rationale: 'Pip is Theo’s niece.',
      };
      await head.get(`/incidents/${id}`);
      expect((await head.post(`/incidents/${id}/assess`, described)).statusCode).toBe(303);
      let page = await head.get(`/incidents/${id}`);
      expect(page.body).toContain('The policy was broken.');
      expect(page.body).toContain('holds no declaration of this relationship in force');

      await adapters.units.inSchool(school.id, async (store) => {
        const declaration = await store.declarations.add(
          staff.teacher.personId,
          { kind: 'family_link', pupilId, relationship: 'aunt_uncle', explanation: 'My niece' },
          new Date(),
        );
        await store.declarations.decide(declaration.id, {
          status: 'approved',
          byPersonId: staff.head.personId,
          at: new Date(),
          reviewDue: '2099-01-01',
        });
      });
      expect((await head.post(`/incidents/${id}/assess`, described)).statusCode).toBe(303);
      page = await head.get(`/incidents/${id}`);
      expect(page.body).toContain('The policy allows this.');
      expect(page.body).toContain('holds an approved declaration of this relationship');
    });
  });
});
