// The school's people through the real pages: the list with its search, filter and pages, each
// profile and its links, adding and changing people, and the roster upload from preview to
// import. Only the viewer's school is ever reached, and only by those whose roles allow it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyRequest } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../../src/adapters/crypto/totp.ts';
import type { RoleHeld } from '../../../src/domain/community/people.ts';
import type { NewPupil } from '../../../src/domain/community/pupils.ts';
import type { School } from '../../../src/domain/community/school.ts';
import { keepUpload, pendingUpload } from '../../../src/web/routes/people/pending-upload.ts';
import { createServices } from '../../../src/wiring.ts';
import { describeEachBackend } from '../../support/backends.ts';
import { browserFor, type Browser } from '../../support/browser.ts';
import { useTestApp } from '../../support/fixtures.ts';
import { fileField, withFormsOfEveryKind } from '../../support/forms.ts';

const password = 'harbour lantern meadow';
const templates = join(import.meta.dirname, '..', '..', '..', 'docs', 'roster-templates');

const pupil = (misId: string, given: string, family: string, yearGroup: NewPupil['yearGroup']): NewPupil => ({
  misId,
  legalGivenName: given,
  legalFamilyName: family,
  dateOfBirth: '2018-03-04',
  yearGroup,
});

/** The names in the list's rows, in order. */
const listedNames = (body: string) =>
  [...body.matchAll(/data-qa="person-link">([^<]+)</g)].map((match) => match[1]!.trim());
const listedLinks = (body: string) =>
  [...body.matchAll(/href="(\/(?:people|pupils)\/[^"]+)" data-qa="person-link"/g)].map((m) => m[1]!);
const heading = (body: string) => /data-qa="page-heading">([^<]+)</.exec(body)?.[1]?.trim();

describeEachBackend('The school’s people pages', (backend) => {
  const testApp = useTestApp(backend);
  const app = () => testApp().app;
  const formsApp = withFormsOfEveryKind(app);
  let school: School;
  let otherSchool: School;
  const ids = {} as Record<
    'head' | 'amara' | 'tom' | 'grace' | 'declan' | 'governor' | 'stranger' | 'strangerChild',
    string
  >;
  const keys = new Map<string, { schoolId: string; accountId: string; key?: string }>();
  const browsers = new Map<string, Browser>();

  async function addSchool(slug: string, urn: string) {
    return testApp().adapters.units.acrossSchools(async (store) => {
      const organisation = await store.schools.addOrganisation({ name: `${slug} trust`, kind: 'standalone' });
      return store.schools.addSchool(organisation.id, {
        name: `${slug[0]!.toUpperCase()}${slug.slice(1)} Primary`,
        slug,
        urn,
        phase: 'primary',
        address: { line1: '1 School Lane', town: 'Exampleton', postcode: 'EX1 1AA' },
        contactEmail: `office@${slug}.example`,
        day: { starts: '08:45', ends: '15:15' },
      });
    });
  }

  /** Someone with an account; those whose roles need it get an authenticator key. */
  async function withAccount(
    schoolId: string,
    email: string,
    given: string,
    family: string,
    roles: RoleHeld[],
    admin = false,
    misId?: string,
  ) {
    const { units, crypto } = testApp().adapters;
    const services = createServices(testApp().adapters);
    const [person] = await units.inSchool(schoolId, (store) =>
      store.people.add([{ person: { givenName: given, familyName: family, email, ...(misId && { misId }) }, roles }]),
    );
    const account = await services.access.addAccount(schoolId, person!.id, email, { schoolAdmin: admin });
    expect(await services.access.setPassword(schoolId, account.id, password)).toEqual([]);
    const entry: { schoolId: string; accountId: string; key?: string } = { schoolId, accountId: account.id };
    if (await services.access.needsSecondFactorSetUp(schoolId, account.id)) {
      const key = crypto.totp.newSecret();
      entry.key = key;
      await units.inSchool(schoolId, (store) =>
        store.accounts.change(account.id, { totpSecret: crypto.secrets.seal(key, account.id) }, new Date()),
      );
    }
    keys.set(email, entry);
    return person!;
  }

  /** A browser signed in as this person: signed in once for the file, as sign-in is rate-limited. */
  async function signIn(email: string): Promise<Browser> {
    const open = browsers.get(email);
    if (open) return open;
    const browser = browserFor(formsApp);
    await browser.get('/sign-in');
    const first = await browser.post('/sign-in', { email, password });
    const entry = keys.get(email)!;
    if (entry.key) {
      expect(first.headers.location).toBe('/sign-in/code');
      // Several people sign in within the same 30 seconds: let the current code work again.
      await testApp().adapters.units.inSchool(entry.schoolId, (store) =>
        store.accounts.change(entry.accountId, { totpLastStep: null }, new Date()),
      );
      await browser.get('/sign-in/code');
      expect((await browser.post('/sign-in/code', { code: totpCode(entry.key, new Date()) })).statusCode).toBe(303);
    } else {
      expect(first.headers.location).toBe('/home');
    }
    browsers.set(email, browser);
    return browser;
  }

  beforeAll(async () => {
    const { units } = testApp().adapters;
    school = await addSchool('ashgrove', '300001');
    otherSchool = await addSchool('birchwood', '300002');

    ids.head = (
      await withAccount(school.id, 'head@ashgrove.example', 'Helen', 'Marsh', [
        { role: 'staff', jobTitle: 'Headteacher', duties: ['headteacher'] },
      ])
    ).id;
    await withAccount(school.id, 'dsl@ashgrove.example', 'Dev', 'Lal', [
      { role: 'staff', jobTitle: 'Deputy head', duties: ['dsl'] },
    ]);
    await withAccount(school.id, 'teacher@ashgrove.example', 'Tara', 'Teach', [
      { role: 'staff', jobTitle: 'Year 3 teacher', duties: ['teacher'] },
    ]);

    const [amara, tom] = await units.inSchool(school.id, (store) =>
      store.pupils.add([
        pupil('1001', 'Amara', 'Okafor', '3'),
        pupil('1002', 'Thomas', 'Brennan', 'R'),
        // Enough pupils for two pages of 50, all sorting after the adults and the pupils above.
        ...Array.from({ length: 55 }, (_, i) =>
          pupil(String(2000 + i), `Child${String(i).padStart(2, '0')}`, 'Zephyr', '5'),
        ),
      ]),
    );
    ids.amara = amara!.id;
    ids.tom = tom!.id;
    const [grace, declan, governor] = await units.inSchool(school.id, (store) =>
      store.people.add([
        {
          person: { givenName: 'Grace', familyName: 'Okafor', email: 'grace.okafor@example.com', misId: 'C501' },
          roles: [{ role: 'parent' }],
        },
        { person: { givenName: 'Declan', familyName: 'Brennan', misId: 'C502' }, roles: [{ role: 'parent' }] },
        { person: { givenName: 'Gwen', familyName: 'Chair' }, roles: [{ role: 'governor', duties: ['chair'] }] },
      ]),
    );
    ids.grace = grace!.id;
    ids.declan = declan!.id;
    ids.governor = governor!.id;
    await units.inSchool(school.id, (store) =>
      store.pupils.linkCarers([
        {
          pupilId: ids.amara,
          carerId: ids.grace,
          relationship: 'mother',
          parentalResponsibility: true,
          contactPriority: 1,
        },
        { pupilId: ids.tom, carerId: ids.declan, relationship: 'step_parent', parentalResponsibility: false },
      ]),
    );

    const [stranger] = await units.inSchool(otherSchool.id, (store) =>
      store.people.add([{ person: { givenName: 'Stella', familyName: 'Stranger' }, roles: [{ role: 'parent' }] }]),
    );
    const [strangerChild] = await units.inSchool(otherSchool.id, (store) =>
      store.pupils.add([pupil('1001', 'Sid', 'Stranger', '2')]),
    );
    ids.stranger = stranger!.id;
    ids.strangerChild = strangerChild!.id;
  });

  describe('the list', () => {
    it('lists adults and pupils together, 50 a page, with GOV.UK pagination that keeps the filters', async () => {
      const head = await signIn('head@ashgrove.example');
      const first = await head.get('/people');
      expect(first.statusCode).toBe(200);
      const firstNames = listedNames(first.body);
      expect(firstNames).toHaveLength(50);
      expect(firstNames).toEqual(expect.arrayContaining(['Amara Okafor', 'Grace Okafor', 'Helen Marsh']));
      expect(first.body).toContain('class="govuk-pagination"');
      expect(first.body).toContain('href="/people?page=2"');
      // 6 adults and 57 pupils.
      expect(first.body).toMatch(/1 to 50 of 63 results/);

      const second = await head.get('/people?page=2');
      const secondNames = listedNames(second.body);
      expect(secondNames).toHaveLength(13);
      expect(secondNames.filter((name) => firstNames.includes(name))).toEqual([]);
      expect(second.body).toContain('href="/people"');

      const pupilsOnly = await head.get('/people?role=pupil&page=2');
      expect(listedNames(pupilsOnly.body)).toHaveLength(7);
      expect(pupilsOnly.body).toContain('href="/people?role=pupil"');
    });

    it('finds people by part of a name or an email address, and pupils by name', async () => {
      const head = await signIn('head@ashgrove.example');
      const byName = await head.get('/people?q=okaf');
      expect(listedNames(byName.body).sort()).toEqual(['Amara Okafor', 'Grace Okafor']);
      const byEmail = await head.get('/people?q=grace.okafor%40example');
      expect(listedNames(byEmail.body)).toEqual(['Grace Okafor']);
      expect(byEmail.body).toContain('value="grace.okafor@example"');
      const nobody = await head.get('/people?q=Stranger');
      expect(listedNames(nobody.body)).toEqual([]);
      expect(nobody.body).toContain('Nobody matches');
    });

    it('filters by role', async () => {
      const head = await signIn('head@ashgrove.example');
      const parents = await head.get('/people?role=parent');
      expect(listedNames(parents.body).sort()).toEqual(['Declan Brennan', 'Grace Okafor']);
      const governors = await head.get('/people?role=governor');
      expect(listedNames(governors.body)).toEqual(['Gwen Chair']);
      expect(governors.body).toContain('Governor: Chair');
      const pupils = await head.get('/people?role=pupil&q=o');
      expect(listedLinks(pupils.body).every((link) => link.startsWith('/pupils/'))).toBe(true);
      expect(listedNames(pupils.body)).toContain('Thomas Brennan');
      const wrong = await head.get('/people?role=wizard');
      expect(wrong.statusCode).toBe(400);
      expect(wrong.body).toContain('Choose who to show from the list');
    });

    it('leaves pupils who have left out, unless asked for', async () => {
      const { units } = testApp().adapters;
      const [leaver] = await units.inSchool(school.id, (store) =>
        store.pupils.add([{ ...pupil('1999', 'Lena', 'Leaver', '6'), leftOn: '2024-07-19' }]),
      );
      const head = await signIn('head@ashgrove.example');
      expect(listedNames((await head.get('/people?q=Leaver')).body)).toEqual([]);
      const withLeavers = await head.get('/people?q=Leaver&leavers=yes');
      expect(listedNames(withLeavers.body)).toEqual(['Lena Leaver']);
      expect(withLeavers.body).toContain('Left on 19 July 2024');
      const profile = await head.get(`/pupils/${leaver!.id}`);
      expect(profile.body).toContain('19 July 2024');
    });
  });

  describe('profiles', () => {
    it('shows a carer with links to their children, and a pupil with links to their carers', async () => {
      const dsl = await signIn('dsl@ashgrove.example');
      const grace = await dsl.get(`/people/${ids.grace}`);
      expect(grace.statusCode).toBe(200);
      expect(heading(grace.body)).toBe('Grace Okafor');
      expect(grace.body).toContain(`href="/pupils/${ids.amara}"`);
      expect(grace.body).toMatch(/Amara Okafor<\/a>, Year 3<br>\s*Mother, has parental responsibility/);

      const amara = await dsl.get(`/pupils/${ids.amara}`);
      expect(amara.statusCode).toBe(200);
      expect(heading(amara.body)).toBe('Amara Okafor');
      expect(amara.body).toContain('4 March 2018');
      expect(amara.body).toContain('Year 3');
      expect(amara.body).toContain(`href="/people/${ids.grace}"`);
      expect(amara.body).toMatch(/Grace Okafor<\/a><br>\s*Mother, has parental responsibility[\s\S]*Contact order: 1/);

      const tom = await dsl.get(`/pupils/${ids.tom}`);
      expect(tom.body).toMatch(/Declan Brennan<\/a><br>\s*Step-parent, does not have parental responsibility/);
      // The DSL may look, not change.
      expect(grace.body).not.toContain('data-qa="change-link"');
    });

    it('answers another school’s person or pupil exactly as an id that does not exist', async () => {
      const head = await signIn('head@ashgrove.example');
      const unknown = await head.get('/people/00000000-0000-4000-8000-000000000000');
      const malformed = await head.get('/pupils/not-an-id');
      expect(unknown.statusCode).toBe(404);
      expect(malformed.statusCode).toBe(404);
      for (const url of [`/people/${ids.stranger}`, `/pupils/${ids.strangerChild}`, `/people/${ids.stranger}/edit`]) {
        const response = await head.get(url);
        expect(response.statusCode, url).toBe(404);
        expect(heading(response.body), url).toBe(heading(unknown.body));
        expect(response.body, url).not.toContain('Stranger');
      }
      const post = await head.post(`/people/${ids.stranger}/edit`, {
        givenName: 'Hijacked',
        familyName: 'Stranger',
        roles: 'parent',
      });
      expect(post.statusCode).toBe(404);
      expect(
        (await testApp().adapters.units.inSchool(otherSchool.id, (store) => store.people.find(ids.stranger)))
          ?.givenName,
      ).toBe('Stella');
    });

    it('refuses staff without the right, and never shows them a name', async () => {
      const teacher = await signIn('teacher@ashgrove.example');
      for (const url of [
        '/people',
        '/people?q=Okafor',
        `/people/${ids.grace}`,
        `/pupils/${ids.amara}`,
        '/people/import',
      ]) {
        const response = await teacher.get(url);
        expect(response.statusCode, url).toBe(403);
        expect(response.body, url).toContain('You cannot use this page');
        expect(response.body, url).not.toMatch(/Okafor|Amara|Zephyr/);
      }
      const home = await teacher.get('/home');
      expect(home.body).not.toContain('href="/people"');
    });
  });

  describe('adding and changing people', () => {
    it('keeps everything typed when a value is wrong, then adds the person', async () => {
      const head = await signIn('head@ashgrove.example');
      await head.get('/people/new');
      const typed = {
        givenName: 'Priya',
        familyName: 'Shah',
        email: 'priya.shah@',
        phone: '01632 960 555',
        misId: 'S0200',
        roles: 'staff',
        jobTitle: 'Year 5 teacher',
        staffDuties: 'teacher',
      };
      const refused = await head.post('/people/new', typed);
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain('<title>Error: Add a person');
      expect(refused.body).toContain('data-qa="error-summary"');
      expect(refused.body).toContain('href="#email"');
      expect(refused.body).toMatch(/govuk-error-message[\s\S]*Enter an email address in the right format/);
      for (const value of ['Priya', 'Shah', 'priya.shah@', '01632 960 555', 'S0200', 'Year 5 teacher']) {
        expect(refused.body).toContain(`value="${value}"`);
      }
      expect(refused.body).toMatch(/value="staff" checked/);
      expect(refused.body).toMatch(/value="teacher" checked/);

      const added = await head.post('/people/new', { ...typed, email: 'priya.shah@ashgrove.example' });
      expect(added.statusCode).toBe(303);
      const profile = await head.get(added.headers.location!);
      expect(profile.body).toContain('Person added');
      expect(heading(profile.body)).toBe('Priya Shah');
      expect(profile.body).toContain('Staff: Year 5 teacher, Teacher');
    });

    it('asks for a role, a job title for staff, and an MIS ID nobody else has', async () => {
      const head = await signIn('head@ashgrove.example');
      await head.get('/people/new');
      const noRole = await head.post('/people/new', { givenName: 'Ola', familyName: 'Nord' });
      expect(noRole.statusCode).toBe(400);
      expect(noRole.body).toContain('Select at least one role');
      expect(noRole.body).toContain('href="#roles"');
      const noTitle = await head.post('/people/new', { givenName: 'Ola', familyName: 'Nord', roles: 'staff' });
      expect(noTitle.body).toContain('Enter their job title');
      const taken = await head.post('/people/new', {
        givenName: 'Ola',
        familyName: 'Nord',
        roles: 'volunteer',
        misId: 'C501',
      });
      expect(taken.statusCode).toBe(400);
      expect(taken.body).toContain('MIS ID C501 is already Grace Okafor’s');
      expect(taken.body).toContain('value="Ola"');
    });

    it('changes someone’s details and roles, keeping what was typed on an error, and logs the change of role', async () => {
      const head = await signIn('head@ashgrove.example');
      const form = await head.get(`/people/${ids.declan}/edit`);
      expect(form.statusCode).toBe(200);
      expect(form.body).toContain('value="Declan"');
      expect(form.body).toMatch(/value="parent" checked/);

      const refused = await head.post(`/people/${ids.declan}/edit`, {
        givenName: 'Declan',
        familyName: 'Brennan-Hart',
        phone: 'call me',
        misId: 'C502',
        roles: 'parent',
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain('value="Brennan-Hart"');
      expect(refused.body).toContain('value="call me"');
      expect(refused.body).toContain('Enter a phone number');
      expect(
        (await testApp().adapters.units.inSchool(school.id, (store) => store.people.find(ids.declan)))?.familyName,
      ).toBe('Brennan');

      const change = {
        givenName: 'Declan',
        familyName: 'Brennan-Hart',
        phone: '07700 900 456',
        misId: 'C502',
        'roles[]': 'parent,governor',
        governorDuties: 'member',
      };
      // Making him a governor changes what he can do in Footprint: the Headteacher's code again.
      const unconfirmed = await head.post(`/people/${ids.declan}/edit`, change);
      expect(unconfirmed.statusCode).toBe(400);
      expect(unconfirmed.body).toContain('enter the code from your authenticator app to confirm');
      expect(unconfirmed.body).toContain('value="Brennan-Hart"');
      expect(
        (await testApp().adapters.units.inSchool(school.id, (store) => store.people.find(ids.declan)))?.familyName,
      ).toBe('Brennan');
      const headKey = keys.get('head@ashgrove.example')!.key!;
      const saved = await head.post(`/people/${ids.declan}/edit`, {
        ...change,
        code: totpCode(headKey, new Date(Date.now() + 30_000)),
      });
      expect(saved.statusCode).toBe(303);
      expect(saved.headers.location).toBe(`/people/${ids.declan}?saved=changed`);
      const profile = await head.get(saved.headers.location!);
      expect(profile.body).toContain('Changes saved');
      expect(profile.body).toContain('Governor: Member');
      expect(profile.body).toContain(`href="/pupils/${ids.tom}"`);
      const log = await testApp().adapters.units.inSchool(school.id, (store) =>
        store.audit.list({
          action: 'role_changed',
          limit: 10,
          offset: 0,
        }),
      );
      expect(log.items.map((entry) => [entry.subject?.id, entry.details])).toContainEqual([
        ids.declan,
        { before: ['parent'], after: ['governor:member', 'parent'] },
      ]);
    });

    it('will not let the Headteacher take away their own access', async () => {
      const head = await signIn('head@ashgrove.example');
      await head.get(`/people/${ids.head}/edit`);
      const refused = await head.post(`/people/${ids.head}/edit`, {
        givenName: 'Helen',
        familyName: 'Marsh',
        roles: 'staff',
        jobTitle: 'Headteacher',
        staffDuties: 'teacher',
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain('You cannot take away your own access');
      const held = (await testApp().adapters.units.inSchool(school.id, (store) => store.people.find(ids.head)))?.roles;
      expect(held).toEqual([{ role: 'staff', jobTitle: 'Headteacher', duties: ['headteacher'] }]);
    });

    it('lets the DSL look but not add or change', async () => {
      const dsl = await signIn('dsl@ashgrove.example');
      expect((await dsl.get('/people')).statusCode).toBe(200);
      expect((await dsl.get('/people/new')).statusCode).toBe(403);
      expect((await dsl.get(`/people/${ids.grace}/edit`)).statusCode).toBe(403);
      const post = await dsl.post(`/people/${ids.grace}/edit`, { givenName: 'G', familyName: 'O', roles: 'parent' });
      expect(post.statusCode).toBe(403);
    });
  });

  describe('the roster upload', () => {
    const upload = (browser: Browser, kind: string, csv: string, fileName = `${kind}.csv`) =>
      browser.post('/people/import', { kind, [fileField]: csv, fileName });

    it('offers each template as a download, the same file as the guide’s', async () => {
      const head = await signIn('head@ashgrove.example');
      const page = await head.get('/people/import');
      expect(page.body).toContain('smaller than 5 MB');
      for (const kind of ['staff', 'pupils', 'contacts']) {
        expect(page.body).toContain(`href="/people/import/templates/${kind}.csv"`);
        const file = await head.get(`/people/import/templates/${kind}.csv`);
        expect(file.statusCode).toBe(200);
        expect(file.headers['content-disposition']).toMatch(/^attachment; filename="footprint-\w+-template\.csv"$/);
        expect(file.headers['content-type']).toMatch(/^text\/csv/);
        expect(file.body).toBe(readFileSync(join(templates, `${kind}.csv`), 'utf8'));
      }
      expect((await head.get('/people/import/templates/secrets.csv')).statusCode).toBe(404);
    });

    it('asks for a kind and a file, and refuses a workbook', async () => {
      const head = await signIn('head@ashgrove.example');
      await head.get('/people/import');
      const nothing = await head.post('/people/import', {});
      expect(nothing.statusCode).toBe(400);
      expect(nothing.body).toContain('Choose which kind of file you are uploading');
      expect(nothing.body).toContain('Choose a CSV file to upload');
      const empty = await upload(head, 'pupils', '');
      expect(empty.body).toContain('Choose a CSV file to upload');
      expect(empty.body).toMatch(/value="pupils" checked/);
      const huge = await upload(head, 'pupils', 'MIS ID\n'.padEnd(5 * 1024 * 1024 + 1, '1'));
      expect(huge.statusCode).toBe(400);
      expect(huge.body).toContain('The file must be smaller than 5 MB');
      const workbook = await upload(head, 'staff', 'PK\u0003\u0004 not really a sheet', 'staff.xlsx');
      expect(workbook.statusCode).toBe(400);
      expect(workbook.body).toContain('The file is an Excel workbook');
    });

    it('shows every error by row and column, imports nothing, and takes the corrected file', async () => {
      const head = await signIn('head@ashgrove.example');
      await head.get('/people/import');
      const bad = [
        'MIS ID,Legal first name,Legal last name,Date of birth,Year group,Class',
        '3001,Nia,Jones,31/02/2017,Year 3,Oak',
        '3002,Ravi,Kumar,04/05/2016,Year 14,Ash',
      ].join('\n');
      const uploaded = await upload(head, 'pupils', bad);
      expect(uploaded.statusCode).toBe(303);
      expect(uploaded.headers.location).toBe('/people/import/check');
      const check = await head.get('/people/import/check');
      expect(check.statusCode).toBe(200);
      expect(heading(check.body)).toBe('The file needs correcting');
      expect(check.body).toContain('Nothing has been imported');
      const problems = [
        ...check.body.matchAll(
          /data-qa="problem-row">(\d+)<[\s\S]*?data-qa="problem-column">([^<]+)<[\s\S]*?data-qa="problem-message">([^<]+)</g,
        ),
      ].map((match) => [match[1], match[2], match[3]]);
      expect(problems).toEqual([
        ['2', 'Date of birth', expect.stringContaining('is not a real date')],
        ['3', 'Year group', expect.stringContaining('is not one Footprint knows')],
      ]);
      expect(check.body).not.toContain('data-qa="confirm"');
      // The page offers the upload again, the kind already chosen.
      expect(check.body).toMatch(/data-qa="upload-form"[\s\S]*value="pupils" checked/);
      await upload(head, 'pupils', bad.replace('31/02/2017', '28/02/2017').replace('Year 14', 'Year 4'));
      const corrected = await head.get('/people/import/check');
      expect(heading(corrected.body)).toBe('Check the pupils file before importing');
      expect(corrected.body).toMatch(/data-qa="added">2 new pupils</);
      expect(
        (
          await testApp().adapters.units.inSchool(school.id, (store) =>
            store.pupils.list({ search: 'Nia', limit: 5, offset: 0 }),
          )
        ).total,
      ).toBe(0);
    });

    it('previews a clean file with its figures and first rows, then imports it on confirming', async () => {
      const head = await signIn('head@ashgrove.example');
      await head.get('/people/import');
      const staff = [
        'Staff ID,Forename,Surname,Email,Job Title,Duties',
        'S0300,Omar,Farouk,o.farouk@ashgrove.example,Office manager,Office',
        'S0301,Lucy,Gray,,Teaching assistant,TA',
      ].join('\r\n');
      await upload(head, 'staff', staff, 'staff-export.csv');
      const check = await head.get('/people/import/check');
      expect(heading(check.body)).toBe('Check the staff file before importing');
      expect(check.body).toContain('staff-export.csv');
      expect(check.body).toMatch(/data-qa="added">2 new members of staff</);
      expect(check.body).toMatch(/data-qa="updated">0 members of staff</);
      expect(check.body).toMatch(/<td class="govuk-table__cell">Omar Farouk<\/td>/);
      // The preview changed nothing.
      expect(
        await testApp().adapters.units.inSchool(school.id, (store) => store.people.findByMisId('S0300')),
      ).toBeUndefined();

      const done = await head.post('/people/import/confirm', {
        upload: /name="upload" value="([^"]+)"/.exec(check.body)![1]!,
      });
      expect(done.statusCode).toBe(303);
      expect(done.headers.location).toBe('/people/import/result');
      const result = await head.get('/people/import/result');
      expect(heading(result.body)).toBe('Staff imported');
      expect(result.body).toMatch(/data-qa="added">2 new members of staff</);
      const list = await head.get('/people?q=Farouk');
      expect(listedNames(list.body)).toEqual(['Omar Farouk']);
      expect(list.body).toContain('Staff: Office manager, Office');

      // The file is gone once imported: confirming again imports nothing more.
      const again = await head.post('/people/import/confirm', { upload: 'anything' });
      expect(again.headers.location).toBe('/people/import?notice=gone');
      expect((await head.get('/people/import/check')).headers.location).toBe('/people/import');
    });

    it('asks for the importer’s code when a staff file changes anyone’s access, and ends the sessions of those who lose it', async () => {
      const { units } = testApp().adapters;
      const elm = await addSchool('elm', '300004');
      const staff = (duties: string) => ({
        role: 'staff' as const,
        jobTitle: 'Teacher',
        duties: [duties as 'teacher'],
      });
      await withAccount(
        elm.id,
        'head@elm.example',
        'Hana',
        'Elm',
        [{ ...staff('headteacher'), jobTitle: 'Headteacher' }],
        false,
        'E1',
      );
      const rising = await withAccount(elm.id, 'rising@elm.example', 'Rhys', 'Rising', [staff('teacher')], false, 'E2');
      const leaving = await withAccount(elm.id, 'leaving@elm.example', 'Lena', 'Leaving', [staff('dsl')], false, 'E3');
      const head = await signIn('head@elm.example');
      const dslBrowser = await signIn('leaving@elm.example');
      expect((await dslBrowser.get('/home')).statusCode).toBe(200);

      const file = [
        'Staff ID,Forename,Surname,Email,Job Title,Duties',
        'E1,Hana,Elm,head@elm.example,Headteacher,Headteacher',
        'E2,Rhys,Rising,rising@elm.example,Teacher,Teacher; DSL',
        'E3,Lena,Leaving,leaving@elm.example,Teacher,Teacher',
      ].join('\r\n');
      await head.get('/people/import');
      await upload(head, 'staff', file);
      const check = await head.get('/people/import/check');
      const changes = [...check.body.matchAll(/data-qa="access-change">([^<]+)</g)].map((m) => m[1]);
      expect(changes).toEqual([
        'Gains Designated safeguarding lead access',
        'Loses Designated safeguarding lead access',
      ]);
      expect(check.body).toContain('Rhys Rising');
      expect(check.body).toContain('name="code"');
      const uploadId = /name="upload" value="([^"]+)"/.exec(check.body)![1]!;
      const duties = async (id: string) => (await units.inSchool(elm.id, (store) => store.people.find(id)))?.roles;

      // Without a code, and with a wrong one, nothing is imported and the check page says why.
      for (const [code, message] of [
        ['', 'enter the code from your authenticator app to confirm'],
        ['000000', 'That code did not work'],
      ] as const) {
        const refused = await head.post('/people/import/confirm', { upload: uploadId, code });
        expect(refused.headers.location).toBe('/people/import/check');
        const shown = await head.get('/people/import/check');
        expect(shown.body).toContain(message);
        expect(shown.body).toContain('data-qa="error-summary"');
        expect(await duties(rising.id)).toEqual([staff('teacher')]);
      }
      const failures = await units.inSchool(elm.id, (store) =>
        store.audit.list({ action: 'sign_in_failed', limit: 10, offset: 0 }),
      );
      expect(failures.items.map((entry) => entry.details)).toContainEqual({ step: 'step_up' });

      const headKey = keys.get('head@elm.example')!.key!;
      const done = await head.post('/people/import/confirm', {
        upload: uploadId,
        code: totpCode(headKey, new Date(Date.now() + 30_000)),
      });
      expect(done.headers.location).toBe('/people/import/result');
      expect(await duties(rising.id)).toEqual([{ role: 'staff', jobTitle: 'Teacher', duties: ['teacher', 'dsl'] }]);
      expect(await duties(leaving.id)).toEqual([staff('teacher')]);
      // Lena lost access to restricted records: her session ended at once.
      expect((await dslBrowser.get('/home')).headers.location).toMatch(/^\/sign-in/);
      browsers.delete('leaving@elm.example');
      const log = await units.inSchool(elm.id, (store) =>
        store.audit.list({ action: 'role_changed', limit: 10, offset: 0 }),
      );
      expect(log.items.map((entry) => [entry.subject?.id, entry.details]).sort()).toEqual(
        [
          [rising.id, { gained: ['dsl'], lost: [], by: 'roster_import' }],
          [leaving.id, { gained: [], lost: ['dsl'], by: 'roster_import' }],
        ].sort(),
      );
    });

    it('will not import a file that takes away the importer’s own access', async () => {
      const head = await signIn('head@elm.example');
      const school = (await testApp().adapters.units.acrossSchools((store) => store.schools.findBySlug('elm')))!;
      await head.get('/people/import');
      await upload(
        head,
        'staff',
        ['Staff ID,Forename,Surname,Job Title,Duties', 'E1,Hana,Elm,Teacher,Teacher'].join('\r\n'),
      );
      const check = await head.get('/people/import/check');
      expect(check.body).toContain('This file takes away some of your own access');
      expect(check.body).not.toContain('data-qa="confirm-form"');
      // Asked for anyway, with a good code, the import is refused and changes nothing.
      const entry = keys.get('head@elm.example')!;
      await testApp().adapters.units.inSchool(entry.schoolId, (store) =>
        store.accounts.change(entry.accountId, { totpLastStep: null }, new Date()),
      );
      const services = createServices(testApp().adapters);
      const viewer = (await services.access.viewer(entry.schoolId, entry.accountId))!;
      const file = ['Staff ID,Forename,Surname,Job Title,Duties', 'E1,Hana,Elm,Teacher,Teacher'].join('\r\n');
      const refused = await services.community.importRoster(
        viewer,
        'staff',
        file,
        '2026-11-22',
        totpCode(entry.key!, new Date()),
      );
      expect(refused).toEqual({ ok: false, refused: expect.stringContaining('takes away some of your own access') });
      const held = await testApp().adapters.units.inSchool(school.id, (store) => store.people.findByMisId('E1'));
      expect(held?.roles).toEqual([{ role: 'staff', jobTitle: 'Headteacher', duties: ['headteacher'] }]);
    });

    it('marks pupils missing from a new pupils file as left, saying so before, and links contacts to pupils', async () => {
      const { units } = testApp().adapters;
      const fresh = await addSchool('cedar', '300003');
      await units.inSchool(fresh.id, (store) => store.pupils.add([pupil('9001', 'Old', 'Timer', '6')]));
      await withAccount(
        fresh.id,
        'office@cedar.example',
        'Orla',
        'Office',
        [{ role: 'staff', jobTitle: 'Office manager', duties: ['office'] }],
        true,
      );
      const browser = await signIn('office@cedar.example');

      await browser.get('/people/import');
      await upload(browser, 'pupils', readFileSync(join(templates, 'pupils.csv'), 'utf8'));
      const check = await browser.get('/people/import/check');
      expect(check.body).toMatch(/data-qa="added">2 new pupils</);
      expect(check.body).toMatch(/data-qa="marked-left">1 pupil</);
      expect(check.body).toContain('will be marked as having left today');
      await browser.post('/people/import/confirm', { upload: /name="upload" value="([^"]+)"/.exec(check.body)![1]! });
      expect((await browser.get('/people/import/result')).body).toMatch(/data-qa="marked-left">1 pupil</);

      await browser.get('/people/import');
      await upload(browser, 'contacts', readFileSync(join(templates, 'contacts.csv'), 'utf8'));
      const contacts = await browser.get('/people/import/check');
      expect(contacts.body).toMatch(/data-qa="links">2 links</);
      await browser.post('/people/import/confirm', {
        upload: /name="upload" value="([^"]+)"/.exec(contacts.body)![1]!,
      });

      const amara = (
        await units.inSchool(fresh.id, (store) => store.pupils.list({ search: 'Amara', limit: 1, offset: 0 }))
      ).items[0]!;
      const profile = await browser.get(`/pupils/${amara.id}`);
      expect(profile.body).toMatch(/Grace Okafor<\/a><br>\s*Mother, has parental responsibility/);
    });
  });
});

describe('A roster file waiting between its check and its import', () => {
  const requestOf = (schoolId: string, accountId: string, session: Record<string, unknown> = {}) =>
    ({ session, viewer: { school: { id: schoolId }, account: { id: accountId } } }) as unknown as FastifyRequest;
  const text = 'MIS ID,Legal first name\n1001,Zoë\n';
  const at = new Date('2026-11-22T09:00:00Z');
  const minutesLater = (minutes: number) => new Date(at.getTime() + minutes * 60_000);

  it('is kept compressed in the session for its owner, for an hour', () => {
    const request = requestOf('school-1', 'account-1');
    const id = keepUpload(request, { kind: 'pupils', fileName: 'pupils.csv', text }, at);
    expect(JSON.stringify(request.session)).not.toContain('Zoë');
    expect(pendingUpload(request, minutesLater(59))).toEqual({
      found: { id, kind: 'pupils', fileName: 'pupils.csv', text },
    });
    expect(pendingUpload(request, minutesLater(60))).toEqual({ found: undefined, expired: true });
    expect(request.session.rosterUpload).toBeUndefined();
  });

  it('is not given to another account, and is removed if one asks', () => {
    const request = requestOf('school-1', 'account-1');
    keepUpload(request, { kind: 'staff', fileName: 'staff.csv', text }, at);
    const other = requestOf('school-1', 'account-2', request.session as unknown as Record<string, unknown>);
    expect(pendingUpload(other, at)).toEqual({ found: undefined, expired: false });
    expect(pendingUpload(request, at).found).toBeUndefined();
  });
});
