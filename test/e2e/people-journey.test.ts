// A Headteacher brings their school's people in from three CSV files and finds them, walked as on
// a small phone with JavaScript off: staff, pupils, then parents and carers, each previewed then
// imported; a pupil with their carers; a file with a mistake, corrected; someone added by hand.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../src/adapters/crypto/totp.ts';
import { everyone, generateTrust, type DemoSchool } from '../../src/domain/demo/index.ts';
import { formatCsv } from '../../src/domain/roster/index.ts';
import { createLogger } from '../../src/log.ts';
import { createAdapters, createServices } from '../../src/wiring.ts';
import { testConfig } from '../support/backends.ts';
import { browserAvailable } from '../support/environment.ts';
import { startServerProcess, type ServerProcess } from '../support/processes.ts';
import {
  ImportCheckPage,
  ImportPage,
  ImportResultPage,
  PeopleListPage,
  PersonFormPage,
  PersonPage,
  PupilPage,
} from './pages/people-pages.ts';
import { CodePage, HomePage, SignInPage } from './pages/sign-in-pages.ts';
import { expectAccessible } from './support/accessibility.ts';
import { launchBrowser } from './support/browser.ts';

const today = new Date().toISOString().slice(0, 10);
const headEmail = 'head@oakfield.example.org';
const password = 'harbour lantern meadow';

/** The three files a school's MIS would export, made from a small demo school. */
function rosterFiles(demo: DemoSchool) {
  const onRoll = demo.pupils.filter((pupil) => pupil.leftOn === undefined);
  const onRollIds = new Set(onRoll.map((pupil) => pupil.misId));
  const words = (code: string) => code.replaceAll('_', ' ');
  const staff = formatCsv([
    ['Staff ID', 'Forename', 'Surname', 'Email', 'Job Title', 'Duties'],
    ...demo.staff.map(({ person, roles }) => {
      const held = roles.find((role) => role.role === 'staff');
      return [
        person.misId ?? '',
        person.givenName,
        person.familyName,
        person.email ?? '',
        held?.role === 'staff' ? held.jobTitle : '',
        held?.role === 'staff' ? held.duties.map(words).join('; ') : '',
      ];
    }),
  ]);
  const pupils = formatCsv([
    ['UPN', 'Legal Forename', 'Legal Surname', 'Preferred Forename', 'DOB', 'NC Year', 'Reg Group'],
    ...onRoll.map((pupil) => [
      pupil.misId,
      pupil.legalGivenName,
      pupil.legalFamilyName,
      pupil.preferredName ?? '',
      pupil.dateOfBirth.split('-').reverse().join('/'),
      pupil.yearGroup === 'R'
        ? 'Reception'
        : pupil.yearGroup.startsWith('N')
          ? pupil.yearGroup
          : `Year ${pupil.yearGroup}`,
      pupil.className ?? '',
    ]),
  ]);
  const contacts = formatCsv([
    [
      'Contact ID',
      'Contact Forename',
      'Contact Surname',
      'Email',
      'Mobile',
      'Pupil ID',
      'Relationship',
      'PR',
      'Priority',
    ],
    ...everyone(demo).flatMap(({ person, links }) =>
      links
        .filter((link) => onRollIds.has(link.pupilMisId))
        .map((link) => [
          person.misId ?? '',
          person.givenName,
          person.familyName,
          person.email ?? '',
          person.phone ?? '',
          link.pupilMisId,
          words(link.relationship),
          link.parentalResponsibility ? 'Yes' : 'No',
          String(link.contactPriority),
        ]),
    ),
  ]);
  // Staff who are also parents are already in Footprint by the time the contacts file comes.
  const staffIds = new Set(demo.staff.map(({ person }) => person.misId));
  const newCarers = everyone(demo).filter(
    ({ person, links }) => links.some((link) => onRollIds.has(link.pupilMisId)) && !staffIds.has(person.misId),
  );
  return {
    staff,
    pupils,
    contacts,
    counts: { staff: demo.staff.length, pupils: onRoll.length, carers: newCarers.length },
  };
}

describe.runIf(browserAvailable())('Bringing a school’s people into Footprint in a browser', () => {
  let dataDir: string;
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  let key = '';
  const demo = generateTrust({ seed: 11, today, schools: 1, pupilsPerSchool: 24 }).schools[0]!;
  const files = rosterFiles(demo);

  beforeAll(async () => {
    // A school with its Headteacher's account, written before Footprint starts on the same data.
    dataDir = await mkdtemp(join(tmpdir(), 'footprint-e2e-people-'));
    const config = testConfig({ DATA_DIR: dataDir });
    const adapters = await createAdapters(config, createLogger(config));
    try {
      await adapters.migrate();
      const services = createServices(adapters);
      const school = await services.community.setUp(
        { name: 'Oakfield Primary School', kind: 'standalone' },
        {
          name: 'Oakfield Primary School',
          slug: 'oakfield-primary',
          urn: '912345',
          phase: 'primary',
          address: { line1: '1 School Lane', town: 'Oakfield', postcode: 'OX7 6XQ' },
          contactEmail: 'office@oakfield.example.org',
          day: { starts: '08:45', ends: '15:15' },
        },
        { givenName: 'Ada', familyName: 'Okafor', email: headEmail },
      );
      const { account } = (await adapters.store.accounts.findByEmail(headEmail))!;
      expect(await services.access.setPassword(school.id, account.id, password)).toEqual([]);
      key = adapters.crypto.totp.newSecret();
      const sealed = adapters.crypto.secrets.seal(key, account.id);
      await adapters.store.accounts.change(school.id, account.id, { totpSecret: sealed }, new Date());
    } finally {
      await adapters.close();
    }
    server = await startServerProcess({ DATA_DIR: dataDir });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop('SIGTERM');
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('imports staff, pupils and carers, finds a pupil’s carers, and corrects a file with a mistake', async () => {
    const context = await browser!.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    await page.goto(`${server!.url}/sign-in`);

    const signIn = await SignInPage.verifyOnPage(page);
    await signIn.fill({ 'Email address': headEmail, Password: password });
    await signIn.continue();
    const code = await CodePage.verifyOnPage(page);
    await code.fill({ Code: totpCode(key, new Date()) });
    await code.continue();
    await HomePage.verifyOnPage(page, 'Ada Okafor');
    await Promise.all([page.waitForEvent('load'), page.locator('[data-qa="import-link"]').click()]);

    let importPage = await ImportPage.verifyOnPage(page);
    await expectAccessible(page);
    expect(await importPage.templates.count()).toBe(3);

    const steps = [
      { kind: 'staff', title: 'Staff', added: `${files.counts.staff} new members of staff` },
      { kind: 'pupils', title: 'Pupils', added: `${files.counts.pupils} new pupils` },
      { kind: 'contacts', title: 'Parents and carers', added: `${files.counts.carers} new parents and carers` },
    ] as const;
    for (const step of steps) {
      await importPage.upload(step.kind, `${step.kind}.csv`, files[step.kind]);
      const check = await ImportCheckPage.verifyOnPage(
        page,
        `Check the ${step.title.toLowerCase()} file before importing`,
      );
      await expectAccessible(page);
      expect(await check.figure('added').textContent()).toBe(step.added);
      await check.confirm();
      const result = await ImportResultPage.verifyOnPage(page, `${step.title} imported`);
      await expectAccessible(page);
      expect(await result.figure('added').textContent()).toBe(step.added);
      await result.importAnother();
      importPage = await ImportPage.verifyOnPage(page);
    }

    // A pupil with carers, found by name, and back from a carer to the child.
    const linked = demo.carers.flatMap((carer) => carer.links).find((link) => link.parentalResponsibility)!;
    const child = demo.pupils.find((pupil) => pupil.misId === linked.pupilMisId)!;
    const childName = `${child.preferredName ?? child.legalGivenName} ${child.legalFamilyName}`;
    await page.goto(`${server!.url}/people`);
    const list = await PeopleListPage.verifyOnPage(page);
    await expectAccessible(page);
    await list.search(child.legalFamilyName, 'Pupils');
    await PeopleListPage.verifyOnPage(page);
    await expectAccessible(page);
    await list.open(childName);
    const pupilPage = await PupilPage.verifyOnPage(page, childName);
    await expectAccessible(page);
    expect(await pupilPage.carers.count()).toBeGreaterThan(0);
    expect(await pupilPage.carers.allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/has parental responsibility/)]),
    );
    const carerName = (await pupilPage.carers.first().locator('a').textContent())!.trim();
    await pupilPage.openCarer(0);
    const carerPage = await PersonPage.verifyOnPage(page, carerName);
    await expectAccessible(page);
    expect(await carerPage.children.allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining(childName)]),
    );

    // A pupils file with a date that does not exist on row 3.
    await page.goto(`${server!.url}/people/import`);
    importPage = await ImportPage.verifyOnPage(page);
    const lines = files.pupils.split('\n');
    const badLine = lines[2]!.split(',');
    const goodDate = badLine[4]!;
    badLine[4] = '31/02/2017';
    const bad = [lines[0], lines[1], badLine.join(','), ...lines.slice(3)].join('\n');
    await importPage.upload('pupils', 'pupils-autumn.csv', bad);
    const refused = await ImportCheckPage.verifyOnPage(page, 'The file needs correcting');
    await expectAccessible(page);
    expect(await refused.problemList()).toEqual([
      ['3', 'DOB', 'Date of birth "31/02/2017" is not a real date: use DD/MM/YYYY, such as 27/09/2016'],
    ]);
    // Corrected, and uploaded again from the same page.
    await refused.upload('pupils', 'pupils-autumn.csv', bad.replace('31/02/2017', goodDate));
    const corrected = await ImportCheckPage.verifyOnPage(page, 'Check the pupils file before importing');
    await expectAccessible(page);
    expect(await corrected.figure('added').textContent()).toBe('0 new pupils');
    expect(await corrected.figure('updated').textContent()).toBe(`${files.counts.pupils} pupils`);
    expect(await corrected.figure('marked-left').textContent()).toBe('0 pupils');
    await corrected.confirm();
    const result = await ImportResultPage.verifyOnPage(page, 'Pupils imported');
    expect(await result.figure('updated').textContent()).toBe(`${files.counts.pupils} pupils`);

    // Someone the MIS does not know: a volunteer, added by hand after one slip.
    await page.goto(`${server!.url}/people`);
    await (await PeopleListPage.verifyOnPage(page)).addPerson();
    const form = await PersonFormPage.verifyOnPage(page, 'Add a person');
    await expectAccessible(page);
    await form.fill({ 'First name': 'Vera', 'Last name': 'Helper', 'Email address (optional)': 'vera@' });
    await form.tick('role-volunteer');
    await form.save();
    await PersonFormPage.verifyOnPage(page, 'Add a person');
    await expectAccessible(page);
    expect(await form.errorLinks().allTextContents()).toEqual([
      'Enter an email address in the right format, such as name@example.com',
    ]);
    expect(await form.field('First name').inputValue()).toBe('Vera');
    expect(await page.locator('[data-qa="role-volunteer"]').isChecked()).toBe(true);
    await form.fill({ 'Email address (optional)': 'vera.helper@example.org' });
    await form.save();
    const added = await PersonPage.verifyOnPage(page, 'Vera Helper');
    await expectAccessible(page);
    expect(await added.notice.textContent()).toContain('Person added');
    expect(await added.roles.textContent()).toContain('Volunteer');
    await context.close();
  });
});
