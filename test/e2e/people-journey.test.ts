// On a fresh install, a school is set up and its Headteacher brings its people in from three CSV
// files and finds them, walked as on a small phone with JavaScript off: staff, pupils, then
// parents and carers, each previewed then imported; a pupil with their carers; a file with a
// mistake, corrected; someone added by hand.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../src/adapters/crypto/totp.ts';
import { generateTrust, rosterFiles } from '../../src/domain/demo/index.ts';
import { copyPgliteTemplate } from '../support/backends.ts';
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
import { setUpOakfield } from './pages/set-up-walk.ts';
import { expectAccessible } from './support/accessibility.ts';
import { launchBrowser } from './support/browser.ts';

const today = new Date().toISOString().slice(0, 10);
const headEmail = 'head@oakfield.example.org';
const password = 'harbour lantern meadow';

describe.runIf(browserAvailable())('Bringing a school’s people into Footprint in a browser', () => {
  let dataDir: string;
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  const demo = generateTrust({ seed: 11, today, schools: 1, pupilsPerSchool: 24 }).schools[0]!;
  const files = rosterFiles(demo);

  beforeAll(async () => {
    // A school with its Headteacher's account, written before Footprint starts on the same data.
    dataDir = await mkdtemp(join(tmpdir(), 'footprint-e2e-people-'));
    await copyPgliteTemplate(dataDir);
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
    // A fresh install: the school is set up in the browser, as a new school would.
    const key = await setUpOakfield(page, server!.url, { headEmail, password });
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

    // The Headteacher gives herself an MIS ID, then imports a staff file that also makes her the
    // DSL: the check names the change of access and asks for her code before importing it.
    await page.goto(`${server!.url}/people?q=${encodeURIComponent(headEmail)}`);
    await (await PeopleListPage.verifyOnPage(page)).open('Ada Okafor');
    await PersonPage.verifyOnPage(page, 'Ada Okafor');
    await Promise.all([page.waitForEvent('load'), page.locator('[data-qa="change-link"]').click()]);
    const own = await PersonFormPage.verifyOnPage(page, 'Change Ada Okafor’s details');
    await own.fill({ 'MIS ID (optional)': 'HT001' });
    await own.save();
    await PersonPage.verifyOnPage(page, 'Ada Okafor');
    await page.goto(`${server!.url}/people/import`);
    const staffFile = ['Staff ID,Forename,Surname,Job Title,Duties', 'HT001,Ada,Okafor,Headteacher,Headteacher; DSL'];
    await (await ImportPage.verifyOnPage(page)).upload('staff', 'staff-dsl.csv', staffFile.join('\n'));
    const access = await ImportCheckPage.verifyOnPage(page, 'Check the staff file before importing');
    await expectAccessible(page);
    expect(await page.locator('[data-qa="access-change"]').allTextContents()).toEqual([
      'Gains Designated safeguarding lead access',
    ]);
    await access.confirm();
    await ImportCheckPage.verifyOnPage(page, 'Check the staff file before importing');
    await expectAccessible(page);
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.locator('[data-qa="error-summary"] a').allTextContents()).toEqual([
      'This file changes what people can do in Footprint: enter the code from your authenticator app to confirm',
    ]);
    await page.getByLabel('Your code from your authenticator app').fill(totpCode(key, new Date(Date.now() + 30_000)));
    await access.confirm();
    await ImportResultPage.verifyOnPage(page, 'Staff imported');
    await context.close();
  });
});
