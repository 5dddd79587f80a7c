// Consent for pupils' images and work, through the real pages: the school's default purposes, a
// parent giving and withdrawing consent for their own child only, a carer without parental
// responsibility refused, every answer kept, "Can we post this?" following a withdrawal at once,
// for a class or a whole year group, the figures per class and per year group, the renewal emails
// sent once by a job tick, and a pupil of 12 or over reading their own record by a one-time link.
import { beforeAll, describe, expect, it } from 'vitest';
import { browserFor } from '../../support/browser.ts';
import type { School } from '../../../src/domain/community/school.ts';
import type { ConsentPurpose } from '../../../src/domain/registers/consent.ts';
import type { SchoolStore } from '../../../src/services/ports.ts';
import { tick } from '../../../src/jobs/index.ts';
import { createServices, type SentMessage } from '../../../src/wiring.ts';
import { describeEachBackend } from '../../support/backends.ts';
import type { Browser } from '../../support/browser.ts';
import { aPersonWithAccount, aSchool, signIn, type TestAccount } from '../../support/community.ts';
import { useTestApp } from '../../support/fixtures.ts';

const titleOf = (body: string) => /<title>([^<]*)<\/title>/.exec(body)?.[1]?.trim() ?? '';
/** The names listed under a data-qa marker, one per list item. */
const listed = (body: string, marker: string) => {
  const list = new RegExp(`data-qa="${marker}"[^>]*>([\\s\\S]*?)</ul>`).exec(body)?.[1] ?? '';
  return [...list.matchAll(/<li>([^<]*)<\/li>/g)].map((m) => m[1]!.trim());
};

describeEachBackend('Consent for pupils’ images and work', (backend) => {
  const testApp = useTestApp(backend);
  const app = () => testApp().app;
  const services = () => createServices(testApp().adapters);
  const outbox = (): readonly SentMessage[] => testApp().adapters.outbox() ?? [];
  /** One unit of work in the school, as a service opens one. */
  const inSchool = <T>(schoolId: string, work: (store: SchoolStore) => Promise<T>) =>
    testApp().adapters.units.inSchool(schoolId, work);

  let school: School;
  let head: Browser;
  let teacher: TestAccount;
  let pam: TestAccount;
  let gran: TestAccount;
  let pete: TestAccount;
  const pupils = { ada: '', bo: '', cy: '', eve: '' };
  let purposes: ConsentPurpose[];
  const purposeId = (key: string) => purposes.find((p) => p.key === key)!.id;
  const allYes = () =>
    Object.fromEntries(purposes.filter((p) => !p.retiredAt).map((p) => [`purpose-${p.id}`, 'given']));

  beforeAll(async () => {
    const adapters = testApp().adapters;
    school = await aSchool(adapters, 'oak', '510001');
    const elsewhere = await aSchool(adapters, 'elm', '510002');
    const headAccount = await aPersonWithAccount(
      adapters,
      school.id,
      {
        givenName: 'Hattie',
        familyName: 'Oak',
        email: 'head@oak.example',
        roles: [{ role: 'staff', jobTitle: 'Headteacher', duties: ['headteacher'] }],
      },
      { authenticator: true },
    );
    head = await signIn(app, headAccount);
    teacher = await aPersonWithAccount(adapters, school.id, {
      givenName: 'Tess',
      familyName: 'Teach',
      email: 'tess@oak.example',
      roles: [{ role: 'staff', jobTitle: 'Teacher', duties: ['teacher'] }],
    });
    const parent = (givenName: string, email: string) =>
      aPersonWithAccount(adapters, school.id, { givenName, familyName: 'Family', email, roles: [{ role: 'parent' }] });
    pam = await parent('Pam', 'pam@oak.example');
    gran = await parent('Gran', 'gran@oak.example');
    pete = await parent('Pete', 'pete@oak.example');
    const [ned] = await inSchool(school.id, (store) =>
      store.people.add([{ person: { givenName: 'Ned', familyName: 'Noemail' }, roles: [{ role: 'parent' }] }]),
    );
    const pupil = (misId: string, name: string, yearGroup: '3' | '5', className?: string) => ({
      misId,
      legalGivenName: name,
      legalFamilyName: 'Pupil',
      dateOfBirth: yearGroup === '3' ? '2018-03-04' : '2013-05-06',
      yearGroup,
      ...(className && { className }),
    });
    // Two classes in Year 3; Cy's class is not known.
    const [ada, bo, cy] = await inSchool(school.id, (store) =>
      store.pupils.add([pupil('A1', 'Ada', '3', '3 Oak'), pupil('B1', 'Bo', '3', '3 Ash'), pupil('C1', 'Cy', '5')]),
    );
    const [eve] = await inSchool(elsewhere.id, (store) => store.pupils.add([pupil('E1', 'Eve', '3', '3 Oak')]));
    Object.assign(pupils, { ada: ada!.id, bo: bo!.id, cy: cy!.id, eve: eve!.id });
    await inSchool(school.id, (store) =>
      store.pupils.linkCarers([
        { pupilId: ada!.id, carerId: pam.personId, relationship: 'mother', parentalResponsibility: true },
        { pupilId: ada!.id, carerId: gran.personId, relationship: 'grandparent', parentalResponsibility: false },
        { pupilId: bo!.id, carerId: pete.personId, relationship: 'father', parentalResponsibility: true },
        { pupilId: cy!.id, carerId: ned!.id, relationship: 'father', parentalResponsibility: true },
      ]),
    );
  });

  it('starts each school with the five default purposes, which the Headteacher can add to, reword and retire', async () => {
    const list = await head.get('/consent/purposes');
    expect(list.statusCode).toBe(200);
    for (const title of [
      'Photos on the school website',
      'Photos on the school’s social media',
      'Named alongside a photo',
      'Work displayed online',
      'Approved social sites in lessons',
    ]) {
      expect(list.body).toContain(title);
    }
    purposes = await inSchool(school.id, (store) => store.consent.purposes());
    expect(purposes).toHaveLength(5);

    const refused = await head.post('/consent/purposes', { title: 'Newsletter', explanation: '' });
    expect(refused.statusCode).toBe(400);
    expect(titleOf(refused.body)).toMatch(/^Error: /);
    expect(refused.body).toContain('Enter a short explanation for parents and carers');
    expect(refused.body).toContain('value="Newsletter"');

    expect(
      (
        await head.post('/consent/purposes', {
          title: 'Photos in the printed newsletter',
          explanation: 'Sent home on paper.',
        })
      ).statusCode,
    ).toBe(303);
    const newsletter = (await services().consent.consentFor(school.id, [], 'website_photos'))!;
    expect(newsletter.purpose.title).toBe('Photos on the school website');
    const all = await inSchool(school.id, (store) => store.consent.purposes());
    const added = all.find((p) => p.title === 'Photos in the printed newsletter')!;

    const reworded = await head.post(`/consent/purposes/${added.id}`, {
      title: 'Photos in the newsletter',
      explanation: 'Sent home on paper each half term.',
    });
    expect(reworded.statusCode).toBe(303);
    expect((await head.get('/consent/purposes')).body).toContain('Photos in the newsletter');
    expect((await head.post(`/consent/purposes/${added.id}/retire`, { retire: 'yes' })).statusCode).toBe(303);
    const retiredList = await head.get('/consent/purposes');
    expect(retiredList.body).toContain('data-qa="retired-purposes"');
    purposes = await inSchool(school.id, (store) => store.consent.purposes());
    // Another school's purpose is not found, and the parents' form no longer asks about a retired one.
    const elsewhereOnes = await services().consent.consentFor(
      (await testApp().adapters.units.acrossSchools((store) => store.schools.findBySlug('elm')))!.id,
      [],
      'website_photos',
    );
    expect((await head.get(`/consent/purposes/${elsewhereOnes!.purpose.id}`)).statusCode).toBe(404);
    const parent = await signIn(app, pam);
    expect((await parent.get(`/consent/children/${pupils.ada}`)).body).not.toContain('Photos in the newsletter');
  });

  it('lets a parent answer for their own child only, keeps every answer, and a withdrawal shows at once', async () => {
    const parent = await signIn(app, pam);
    const overview = await parent.get('/consent');
    expect(overview.statusCode).toBe(200);
    expect(overview.body).toContain('Ada Pupil');
    expect(overview.body).not.toContain('Bo Pupil');
    // Another family's child, and another school's, are not found.
    expect((await parent.get(`/consent/children/${pupils.bo}`)).statusCode).toBe(404);
    expect((await parent.get(`/consent/children/${pupils.eve}`)).statusCode).toBe(404);
    await parent.get(`/consent/children/${pupils.ada}`);
    expect((await parent.post(`/consent/children/${pupils.bo}`, allYes())).statusCode).toBe(404);
    expect((await parent.post(`/consent/children/${pupils.eve}`, allYes())).statusCode).toBe(404);

    const incomplete = await parent.post(`/consent/children/${pupils.ada}`, {
      [`purpose-${purposeId('website_photos')}`]: 'given',
    });
    expect(incomplete.statusCode).toBe(400);
    expect(titleOf(incomplete.body)).toMatch(/^Error: /);
    expect(incomplete.body).toContain('Choose yes or no for “Named alongside a photo”');
    // What was chosen is kept.
    expect(incomplete.body).toMatch(
      new RegExp(`name="purpose-${purposeId('website_photos')}" type="radio" value="given" checked`),
    );

    expect((await parent.post(`/consent/children/${pupils.ada}`, allYes())).statusCode).toBe(303);
    const staff = await signIn(app, teacher);
    const web = purposeId('website_photos');
    const before = await staff.get(`/consent/check?yearGroup=3&purpose=${web}`);
    expect(before.statusCode).toBe(200);
    expect(listed(before.body, 'may-appear')).toEqual(['Ada Pupil']);
    expect(listed(before.body, 'no-answer')).toEqual(['Bo Pupil']);

    await parent.get(`/consent/children/${pupils.ada}`);
    const withdrawn = await parent.post(`/consent/children/${pupils.ada}`, {
      ...allYes(),
      [`purpose-${web}`]: 'refused',
    });
    expect(withdrawn.statusCode).toBe(303);
    const after = await staff.get(`/consent/check?yearGroup=3&purpose=${web}`);
    expect(listed(after.body, 'may-appear')).toEqual([]);
    expect(listed(after.body, 'may-not-appear')).toEqual(['Ada Pupil']);
    const printed = await staff.get(`/consent/check/print?yearGroup=3&purpose=${web}`);
    expect(printed.statusCode).toBe(200);
    expect(listed(printed.body, 'may-not-appear')).toEqual(['Ada Pupil']);
    expect(printed.body).not.toContain('<img');

    // Nothing was overwritten: five yeses, then one no.
    const history = await inSchool(school.id, (store) => store.consent.history([pupils.ada]));
    expect(history.map((r) => r.answer)).toEqual(['given', 'given', 'given', 'given', 'given', 'refused']);
    expect(history.every((r) => r.answeredBy === pam.personId)).toBe(true);
    const record = await staff.get(`/pupils/${pupils.ada}/consent`);
    expect(record.statusCode).toBe(200);
    expect(record.body.match(/data-qa="history-row"/g)).toHaveLength(6);
    expect((await staff.get(`/pupils/${pupils.eve}/consent`)).statusCode).toBe(404);

    const actions = (await inSchool(school.id, (store) => store.audit.list({ limit: 100, offset: 0 }))).items.map(
      (e) => e.action,
    );
    expect(actions.filter((a) => a === 'consent_given')).toHaveLength(5);
    expect(actions.filter((a) => a === 'consent_withdrawn')).toHaveLength(1);

    // For the engine: an image of Ada and Bo on the website has no consent; on social media, neither (Bo has no answer).
    const forImage = await services().consent.consentFor(school.id, [pupils.ada], 'social_media_photos');
    expect(forImage?.consent).toBe(true);
    expect(
      (await services().consent.consentFor(school.id, [pupils.ada, pupils.bo], 'social_media_photos'))?.consent,
    ).toBe(false);
    expect((await services().consent.consentFor(school.id, [pupils.ada], web))?.consent).toBe(false);
  });

  it('refuses a carer without parental responsibility, who can still read the answers', async () => {
    const carer = await signIn(app, gran);
    const overview = await carer.get('/consent');
    expect(overview.body).toContain('data-qa="cannot-answer"');
    const form = await carer.get(`/consent/children/${pupils.ada}`);
    expect(form.statusCode).toBe(200);
    expect(form.body).not.toContain('data-qa="answers-form"');
    const before = (await inSchool(school.id, (store) => store.consent.history([pupils.ada]))).length;
    const refused = await carer.post(`/consent/children/${pupils.ada}`, allYes());
    expect(refused.statusCode).toBe(403);
    expect((await inSchool(school.id, (store) => store.consent.history([pupils.ada]))).length).toBe(before);
  });

  it('counts consent, refusal and no answer for each class, and for each year group', async () => {
    const staff = await signIn(app, teacher);
    const figures = (body: string) => (attribute: string, title: string) => {
      const table = new RegExp(`${attribute}[\\s\\S]*?</table>`).exec(body)?.[0] ?? '';
      const found = new RegExp(
        `${title}</th>\\s*<td[^>]*data-qa="given">(\\d+)</td>\\s*<td[^>]*data-qa="refused">(\\d+)</td>\\s*<td[^>]*data-qa="no-answer">(\\d+)</td>`,
      ).exec(table);
      return found ? found.slice(1).map(Number) : undefined;
    };
    const byClass = await staff.get('/consent/coverage');
    expect(byClass.statusCode).toBe(200);
    expect(titleOf(byClass.body)).toContain('Consent by class');
    const classRow = figures(byClass.body);
    expect(classRow('data-class="3 Oak"', 'Photos on the school website')).toEqual([0, 1, 0]);
    expect(classRow('data-class="3 Ash"', 'Photos on the school website')).toEqual([0, 0, 1]);
    expect(classRow('data-class="3 Oak"', 'Work displayed online')).toEqual([1, 0, 0]);
    // Cy has no class: counted apart, not dropped.
    expect(byClass.body).toContain('No class recorded (Year 5): 1 pupil');
    expect(classRow('data-class=""', 'Work displayed online')).toEqual([0, 0, 1]);
    // Classes in order: both Year 3 classes by name, before the pupils with none.
    const order = [...byClass.body.matchAll(/data-class="([^"]*)"/g)].map((m) => m[1]);
    expect(order).toEqual(['3 Ash', '3 Oak', '']);

    const byYear = await staff.get('/consent/coverage?by=year');
    expect(titleOf(byYear.body)).toContain('Consent by year group');
    const row = figures(byYear.body);
    expect(row('data-year-group="Year 3"', 'Photos on the school website')).toEqual([0, 1, 1]);
    expect(row('data-year-group="Year 3"', 'Work displayed online')).toEqual([1, 0, 1]);
    expect(row('data-year-group="Year 5"', 'Work displayed online')).toEqual([0, 0, 1]);
  });

  it('checks one class, or a whole year group, and says what to fix without losing what was chosen', async () => {
    const staff = await signIn(app, teacher);
    const web = purposeId('website_photos');
    const form = await staff.get('/consent/check');
    expect(form.body).toContain('<option value="3 Ash">3 Ash (Year 3)</option>');
    expect(form.body.indexOf('name="className"')).toBeLessThan(form.body.indexOf('name="yearGroup"'));

    const oak = await staff.get(`/consent/check?className=${encodeURIComponent('3 Oak')}&purpose=${web}`);
    expect(oak.statusCode).toBe(200);
    expect(oak.body).toContain('Class 3 Oak: Photos on the school website');
    expect(listed(oak.body, 'may-not-appear')).toEqual(['Ada Pupil']);
    expect(oak.body).not.toContain('Bo Pupil');
    // Another school's pupil in a class of the same name is not in it.
    expect(oak.body).not.toContain('Eve Pupil');
    const ash = await staff.get(`/consent/check?className=${encodeURIComponent('3 Ash')}&purpose=${web}`);
    expect(listed(ash.body, 'no-answer')).toEqual(['Bo Pupil']);
    expect(ash.body).toContain('data-qa="may-appear-none">Nobody in this class.');

    const printHref = /href="([^"]*)" data-qa="print-link"/.exec(oak.body)?.[1] ?? '';
    expect(printHref).toContain('className=3+Oak');
    const printed = await staff.get(printHref.replaceAll('&amp;', '&'));
    expect(printed.statusCode).toBe(200);
    expect(listed(printed.body, 'may-not-appear')).toEqual(['Ada Pupil']);
    expect(printed.body).not.toContain('Bo Pupil');

    const both = await staff.get(`/consent/check?className=${encodeURIComponent('3 Oak')}&yearGroup=3&purpose=${web}`);
    expect(both.statusCode).toBe(400);
    expect(titleOf(both.body)).toMatch(/^Error: /);
    expect(both.body).toContain('Choose a class or a whole year group, not both');
    expect(both.body).toContain('<option value="3 Oak" selected>');
    expect(both.body).toContain('<option value="3" selected>');
    expect(both.body).toMatch(/<details[^>]*open/);

    const unknown = await staff.get(`/consent/check?className=${encodeURIComponent('9 Nowhere')}&purpose=${web}`);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('Choose a class from the list');
    expect(unknown.body).toMatch(new RegExp(`value="${web}" checked`));
    const nothing = await staff.get(`/consent/check?purpose=${web}`);
    expect(nothing.statusCode).toBe(400);
    expect(nothing.body).toContain('Choose a class, or a whole year group');
  });

  it('emails every parent with parental responsibility and an email once, from the job, and marks older answers to be confirmed', async () => {
    await new Promise((resolve) => setTimeout(resolve, 5));
    const startedAt = new Date();
    await head.get('/consent/renewal');
    const started = await head.post('/consent/renewal', {});
    expect(started.statusCode).toBe(303);
    const waiting = await head.get('/consent/renewal');
    expect(waiting.body).toContain('Sending: 0 of 2 emails sent');
    expect(waiting.body).toMatch(/1 with parental responsibility has no email address/);
    const sentBefore = outbox().length;

    expect((await tick(services(), startedAt))['consent-renewal-emails']).toEqual({ sent: 2, failed: 0 });
    expect((await tick(services(), startedAt))['consent-renewal-emails']).toEqual({ sent: 0, failed: 0 });
    const sent = outbox()
      .slice(sentBefore)
      .filter((m) => m.subject.includes('photos'));
    expect(sent.map((m) => m.to).sort()).toEqual(['pam@oak.example', 'pete@oak.example']);
    expect(sent[0]!.text).toMatch(/\/consent$/m);
    expect(sent[0]!.text).not.toContain('Ada');
    expect((await head.get('/consent/renewal')).body).not.toContain('data-qa="sending"');

    const parent = await signIn(app, pam);
    const overview = await parent.get('/consent');
    expect(overview.body).toContain('Yes (to be confirmed)');
    expect(overview.body).toContain('No (to be confirmed)');
    const staff = await signIn(app, teacher);
    const work = purposeId('work_online');
    expect(listed((await staff.get(`/consent/check?yearGroup=3&purpose=${work}`)).body, 'may-appear')).toEqual([
      'Ada Pupil (to be confirmed)',
    ]);

    await parent.get(`/consent/children/${pupils.ada}`);
    const confirmed = await parent.post(`/consent/children/${pupils.ada}`, {
      ...allYes(),
      [`purpose-${purposeId('website_photos')}`]: 'refused',
    });
    expect(confirmed.statusCode).toBe(303);
    expect((await parent.get('/consent')).body).not.toContain('(to be confirmed)');
    expect(listed((await staff.get(`/consent/check?yearGroup=3&purpose=${work}`)).body, 'may-appear')).toEqual([
      'Ada Pupil',
    ]);
  });

  describe('a pupil of 12 or over reading their own record by a link', () => {
    let zed = '';
    const tokenIn = (body: string) => /\/links\/consent\/([A-Za-z0-9_-]{43})/.exec(body)?.[1];
    const linksOf = async (pupilId: string) =>
      (await inSchool(school.id, (store) => store.audit.list({ limit: 500, offset: 0 }))).items.filter(
        (e) => e.subject?.id === pupilId,
      );

    beforeAll(async () => {
      const now = new Date();
      // Thirteen today, so old enough whatever the date the test runs.
      const born = `${now.getUTCFullYear() - 13}-01-01`;
      const [pupil] = await inSchool(school.id, (store) =>
        store.pupils.add([
          { misId: 'Z1', legalGivenName: 'Zed', legalFamilyName: 'Older', dateOfBirth: born, yearGroup: '8' },
        ]),
      );
      zed = pupil!.id;
      const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000);
      await inSchool(school.id, (store) =>
        store.consent.record([
          {
            pupilId: zed,
            purposeId: purposeId('website_photos'),
            answer: 'given',
            answeredBy: pete.personId,
            at: at(30),
          },
          {
            pupilId: zed,
            purposeId: purposeId('website_photos'),
            answer: 'refused',
            answeredBy: pete.personId,
            at: at(20),
          },
          {
            pupilId: zed,
            purposeId: purposeId('named_with_photo'),
            answer: 'refused',
            answeredBy: pete.personId,
            at: at(20),
          },
          { pupilId: zed, purposeId: purposeId('work_online'), answer: 'given', answeredBy: pete.personId, at: at(10) },
        ]),
      );
    });

    it('is offered only to those who manage consent, and refused, with the reason, for a pupil under 12', async () => {
      const staff = await signIn(app, teacher);
      const seen = await staff.get(`/pupils/${zed}/consent`);
      expect(seen.statusCode).toBe(200);
      expect(seen.body).not.toContain('data-qa="make-own-link"');
      expect((await staff.post(`/pupils/${zed}/consent/link`, {})).statusCode).toBe(403);

      const young = await head.get(`/pupils/${pupils.ada}/consent`);
      expect(young.body).toContain('data-qa="own-link-refused"');
      expect(young.body).not.toContain('data-qa="make-own-link"');
      const refused = await head.post(`/pupils/${pupils.ada}/consent/link`, {});
      expect(refused.statusCode).toBe(409);
      expect(refused.body).toMatch(/Ada Pupil is \d+\. Only pupils of 12 and over can be given a link/);
      expect(tokenIn(refused.body)).toBeUndefined();
      expect((await linksOf(pupils.ada)).some((e) => e.action === 'consent_link_issued')).toBe(false);
      // Another school's pupil is not found.
      expect((await head.post(`/pupils/${pupils.eve}/consent/link`, {})).statusCode).toBe(404);
    });

    it('shows the pupil their own record once, after a button press, with no session, and audits the reading', async () => {
      expect((await head.get(`/pupils/${zed}/consent`)).body).toContain('data-qa="make-own-link"');
      const made = await head.post(`/pupils/${zed}/consent/link`, {});
      expect(made.statusCode).toBe(200);
      expect(made.headers['cache-control']).toBe('no-store');
      expect(made.body).toMatch(/works once, until \d+:\d\d[ap]m on \w+day/);
      const token = tokenIn(made.body)!;
      expect(token).toBeDefined();
      expect((await linksOf(zed)).filter((e) => e.action === 'consent_link_issued')).toHaveLength(1);

      const pupil = browserFor(app);
      // Opening the link (as a mail scanner would) uses nothing up.
      for (let i = 0; i < 2; i++) {
        const opened = await pupil.get(`/links/consent/${token}`);
        expect(opened.statusCode).toBe(200);
        expect(opened.body).toContain('Oak');
        expect(opened.body).not.toContain('Zed');
      }
      const readsBefore = (await linksOf(zed)).filter((e) => e.action === 'record_read').length;
      const shown = await pupil.post(`/links/consent/${token}`, {});
      expect(shown.statusCode).toBe(200);
      expect(shown.headers['cache-control']).toBe('no-store');
      expect(pupil.cookieNames().some((name) => name.includes('session'))).toBe(false);
      const stateOf = (title: string) =>
        new RegExp(`${title}</dt>\\s*<dd[^>]*>\\s*<strong[^>]*data-qa="recorded">([^<]*)</strong>`).exec(
          shown.body,
        )?.[1];
      expect(stateOf('Photos on the school website')).toBe('No: withdrawn');
      expect(stateOf('Named alongside a photo')).toBe('No');
      expect(stateOf('Work displayed online')).toBe('Yes');
      expect(stateOf('Approved social sites in lessons')).toBe('Nothing recorded');
      expect(shown.body).toContain('Hello Zed.');
      expect(shown.body.match(/data-qa="own-record-row"/g)).toHaveLength(5);
      // Nobody else: not the parent who answered, nor any other pupil, nor a retired purpose.
      for (const other of ['Pete', 'Family', 'Ada', 'Bo Pupil', 'Photos in the newsletter']) {
        expect(shown.body).not.toContain(other);
      }
      const reads = (await linksOf(zed)).filter((e) => e.action === 'record_read');
      expect(reads).toHaveLength(readsBefore + 1);
      expect(reads.at(-1)).toMatchObject({ actorPersonId: null, subject: { kind: 'consent_record', id: zed } });

      // Once only.
      const again = await pupil.post(`/links/consent/${token}`, {});
      expect(again.statusCode).toBe(410);
      expect(again.body).toContain('This link has already been used');
      expect(again.body).toContain('Ask your teacher or the school office for a new link');
      expect((await pupil.get(`/links/consent/${token}`)).statusCode).toBe(410);
      expect((await linksOf(zed)).filter((e) => e.action === 'record_read')).toHaveLength(readsBefore + 1);
    });

    it('refuses a link that is replaced, expired, mistyped, or pressed without the form’s token', async () => {
      const first = tokenIn((await head.post(`/pupils/${zed}/consent/link`, {})).body)!;
      await head.get(`/pupils/${zed}/consent`);
      const second = tokenIn((await head.post(`/pupils/${zed}/consent/link`, {})).body)!;
      const pupil = browserFor(app);
      const replaced = await pupil.get(`/links/consent/${first}`);
      expect(replaced.statusCode).toBe(410);
      expect(replaced.body).toContain('This link has expired');

      // Pressed from another site (no CSRF token): refused, and the link still works.
      const forged = await app().inject({
        method: 'POST',
        url: `/links/consent/${second}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: '',
      });
      expect(forged.statusCode).toBe(403);
      expect((await pupil.get(`/links/consent/${second}`)).statusCode).toBe(200);

      // A week and a minute later, it has expired.
      const later = createServices({
        ...testApp().adapters,
        clock: { now: () => new Date(Date.now() + (7 * 24 * 60 + 1) * 60_000) },
      });
      expect(await later.consent.checkPupilLink(second)).toEqual({ usable: false, reason: 'expired' });
      expect(await later.consent.openPupilLink(second)).toEqual({ outcome: 'unusable', reason: 'expired' });
      expect((await services().consent.checkPupilLink(second)).usable).toBe(true);

      const mistyped = await pupil.get(`/links/consent/${second.slice(0, -1)}x`);
      expect(mistyped.statusCode).toBe(404);
      expect(mistyped.body).toContain('This link does not work');
      // A pupil's token is no other kind of link.
      expect((await pupil.get(`/invitation/${second}`)).statusCode).toBe(404);
      expect((await pupil.get(`/sign-in/link/${second}`)).statusCode).toBe(404);
    });
  });
});
