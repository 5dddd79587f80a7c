// Concerns about something online, from report to closure. A parent reports a Facebook post
// naming a child, with a screenshot, on the school's public page; the DSL is emailed, assesses
// it, and the tasks the school's own procedure names are raised; the letter asking for the post
// to come down is produced as a PDF; the tasks are done and the case closed. A teacher logs a
// pupil's friend request and the DSL sees that school's tasks. A report about the Headteacher
// goes to the chair of governors, and the Headteacher cannot find it. On a small phone with
// JavaScript off, every page accessible.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../src/adapters/crypto/totp.ts';
import { body as bodyOf, type TestSmtpServer } from '../integration/mail/smtp-test-server.ts';
import { browserAvailable } from '../support/environment.ts';
import { aSchoolUnderPolicy } from '../support/policy.ts';
import type { ServerProcess } from '../support/processes.ts';
import { asOneLine, pagesOf } from '../unit/pdf/pdf-text.ts';
import { CasePage, IncidentsPage, ReportedPage, ReportPage } from './pages/incident-pages.ts';
import { clickThrough } from './pages/footprint-page.ts';
import { expectAccessible } from './support/accessibility.ts';
import { launchBrowser } from './support/browser.ts';
import { onPhone, prepareData, signInAs, startWithMail } from './support/journey.ts';

describe.runIf(browserAvailable())('Concerns, from report to closure', () => {
  let dataDir: string;
  let server: ServerProcess | undefined;
  let smtp: TestSmtpServer | undefined;
  let browser: Browser | undefined;
  const keys: Record<string, string> = {};
  let screenshotPath = '';

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'footprint-e2e-incidents-'));
    screenshotPath = join(dataDir, 'facebook-post.png');
    await writeFile(
      screenshotPath,
      await sharp({ create: { width: 60, height: 40, channels: 3, background: '#4267b2' } })
        .withExif({ IFD0: { Make: 'ParentPhone' } })
        .png()
        .toBuffer(),
    );
    await prepareData(dataDir, async (adapters) => {
      for (const [slug, urn, encoded] of [
        ['birch', '820001', 'wingate'],
        ['cedar', '820002', 'wimbledon-chase'],
      ] as const) {
        const { school, team, dsl } = await aSchoolUnderPolicy(adapters, slug, urn, encoded);
        keys[`head@${slug}.example`] = team.headAccount.key!;
        keys[dsl.email] = dsl.key!;
        await adapters.units.inSchool(school.id, (store) =>
          store.pupils.add([
            { misId: 'P1', legalGivenName: 'Pip', legalFamilyName: 'Pupil', dateOfBirth: '2015-02-03', yearGroup: '6' },
          ]),
        );
      }
    });
    ({ server, smtp } = await startWithMail(dataDir));
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop('SIGTERM');
    await smtp?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const phone = () => onPhone(browser!);
  const signIn = (page: Page, email: string, name: string) =>
    signInAs(page, server!.url, { email, name, ...(keys[email] && { code: totpCode(keys[email], new Date()) }) });

  /** The case link in the newest email to this address; the email says nothing else of the case. */
  async function caseLinkFor(address: string, count: number): Promise<string> {
    await smtp!.messageTo(address);
    for (let i = 0; i < 50 && smtp!.received.filter((m) => m.rcptTo.includes(address)).length < count; i += 1)
      await new Promise((resolve) => setTimeout(resolve, 100));
    const mails = smtp!.received.filter((m) => m.rcptTo.includes(address));
    const text = bodyOf(mails.at(-1)!.raw)
      .replace(/=\r?\n/g, '')
      .replace(/=3D/g, '=');
    expect(text).toContain('does not say what it is about');
    const link = /https?:\/\/\S+\/incidents\/[0-9a-f-]{36}/.exec(text)?.[0];
    expect(link, 'the link in the email').toBeDefined();
    return link!;
  }

  it('takes a parent’s report to the DSL, through the school’s procedure and its letter, to closure', async () => {
    const { context: parentContext, page } = await phone();
    await page.goto(`${server!.url}/s/birch`);
    await expectAccessible(page);
    await clickThrough(page, page.locator('[data-qa="report-link"]'));
    let form = await ReportPage.verifyOnPage(page);
    await expectAccessible(page);

    // Sent empty: each question says what it needs.
    await form.send();
    form = await ReportPage.verifyOnPage(page);
    expect(await form.errorSummary.textContent()).toContain('Describe what happened');
    await expectAccessible(page);

    await page.getByRole('group', { name: 'Who are you?' }).getByLabel('A parent or carer').check();
    await form.choose('Photos or videos of pupils shared online');
    await form.fill({
      'What happened?': 'A parent posted a photo of the year 6 class on Facebook and named Pip in the comments.',
      'Or give their name or account name, if you know it': 'Kim, a year 6 parent',
      'Where was it? (optional)': 'Facebook',
    });
    await page.getByRole('group', { name: 'Who is the concern about?' }).getByLabel('A parent or carer').check();
    await page
      .getByRole('group', { name: /Is a pupil involved/ })
      .getByLabel('Yes', { exact: true })
      .check();
    await form.attach(screenshotPath);
    await form.send();
    const reported = await ReportedPage.verifyOnPage(page);
    await expectAccessible(page);
    const reference = (await reported.reference.textContent())!.trim();
    expect(reference).toMatch(/^R-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(await page.content()).not.toContain('named Pip');
    await parentContext.close();

    // The DSL is told by email, and signs in to read it.
    const link = await caseLinkFor('dsl@birch.example', 1);
    const { context: dslContext, page: dslPage } = await phone();
    await signIn(dslPage, 'dsl@birch.example', 'Dana Lead');
    await dslPage.goto(link);
    let casePage = await CasePage.verifyOnPage(dslPage, reference);
    await expectAccessible(dslPage);
    expect(await casePage.evidence.textContent()).toContain('facebook-post.png');

    // The form starts from what the report suggests; the DSL adds what the screenshot shows.
    await casePage.openAssessment();
    await casePage.tick('It names a pupil');
    await casePage.tick('Pupils of the school');
    await casePage.assess();
    casePage = await CasePage.verifyOnPage(dslPage, reference);
    await expectAccessible(dslPage);
    const titles = await casePage.taskTitles();
    expect(titles).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Ask the author to remove the post'),
        expect.stringContaining('Send the author a letter'),
      ]),
    );
    expect(await dslPage.locator('[data-qa="breaches"]').textContent()).toContain('Rule 3.1');

    // The letter asking for the post to come down, from the school's wording, as a PDF.
    await casePage.produceLetter('Asking for a post to be taken down', 'Mrs Kim');
    casePage = await CasePage.verifyOnPage(dslPage, reference);
    await expectAccessible(dslPage);
    const letter = await casePage.download(/^Letter/);
    expect(letter.name).toMatch(/\.pdf$/);
    const text = asOneLine(await pagesOf(letter.bytes));
    expect(text).toContain('Mrs Kim');
    expect(text).toContain(reference);
    expect(text).toMatch(/Birch/i);
    expect(await casePage.chronology.textContent()).toContain('Letter');

    // Every task done, with a note each; then the case closes.
    while ((await casePage.openTasks()) > 0) {
      await casePage.doFirstOpenTask('Done by phone and by letter.');
      casePage = await CasePage.verifyOnPage(dslPage, reference);
    }
    await expectAccessible(dslPage);
    await casePage.close('The content was taken down', 'Mrs Kim took the photo down the next morning.');
    casePage = await CasePage.verifyOnPage(dslPage, reference);
    await expectAccessible(dslPage);
    expect(await casePage.summary.textContent()).toContain('Closed');
    expect(await casePage.chronology.textContent()).toContain('Mrs Kim took the photo down the next morning.');
    await dslContext.close();
  });

  it('raises the tasks the school’s own policy names for a pupil’s friend request logged by a teacher', async () => {
    const { context, page } = await phone();
    await signIn(page, 'theo@cedar.example', 'Theo Teach');
    await clickThrough(page, page.locator('[data-qa="report-link"]'));
    const form = await ReportPage.verifyOnPage(page);
    await expectAccessible(page);
    await form.choose('A friend request or follow between a pupil and an adult at school');
    await form.fill({
      'What happened?': 'Pip sent me a friend request on Instagram last night. I have not accepted it.',
    });
    await page.getByRole('group', { name: 'Who is the concern about?' }).getByLabel('A pupil').check();
    await form.select('Which pupil?', 'Pip Pupil, year 6');
    await page
      .getByRole('group', { name: /Is a pupil involved/ })
      .getByLabel('Yes', { exact: true })
      .check();
    await form.send();
    await ReportedPage.verifyOnPage(page);
    await expectAccessible(page);
    await context.close();

    const link = await caseLinkFor('dsl@cedar.example', 1);
    const { context: dslContext, page: dslPage } = await phone();
    await signIn(dslPage, 'dsl@cedar.example', 'Dana Lead');
    await dslPage.goto(link);
    let casePage = await CasePage.verifyOnPage(dslPage);
    await casePage.openAssessment();
    await casePage.assess();
    casePage = await CasePage.verifyOnPage(dslPage);
    await expectAccessible(dslPage);
    const titles = await casePage.taskTitles();
    expect(titles).toEqual(
      expect.arrayContaining([expect.stringContaining('Deal with it under the behaviour policy')]),
    );
    expect(titles.join(' ')).not.toContain('Tell the parents or carers of the pupil concerned');
    await clickThrough(dslPage, dslPage.locator('[data-qa="back-link"]'));
    await IncidentsPage.verifyOnPage(dslPage);
    await expectAccessible(dslPage);
    await dslContext.close();
  });

  it('sends a report about the Headteacher to the chair, and the Headteacher cannot find it', async () => {
    const { context, page } = await phone();
    await page.goto(`${server!.url}/s/birch/report`);
    const form = await ReportPage.verifyOnPage(page);
    await page.getByRole('group', { name: 'Who are you?' }).getByLabel('A parent or carer').check();
    await form.choose('A post, comment or review about the school or someone in it');
    await form.fill({ 'What happened?': 'The Headteacher posted about my family on their own Facebook page.' });
    await page.getByRole('group', { name: 'Who is the concern about?' }).getByLabel('The Headteacher').check();
    await page
      .getByRole('group', { name: /Is a pupil involved/ })
      .getByLabel('No', { exact: true })
      .check();
    await form.send();
    const reported = await ReportedPage.verifyOnPage(page);
    const reference = (await reported.reference.textContent())!.trim();
    await context.close();

    const link = await caseLinkFor('chair@birch.example', 1);
    const { context: chairContext, page: chairPage } = await phone();
    await signIn(chairPage, 'chair@birch.example', 'Gus Gov');
    await chairPage.goto(link);
    await CasePage.verifyOnPage(chairPage, reference);
    await expectAccessible(chairPage);
    await chairContext.close();

    const { context: headContext, page: headPage } = await phone();
    await signIn(headPage, 'head@birch.example', 'Hal Head');
    await clickThrough(headPage, headPage.locator('[data-qa="incidents-link"]'));
    const incidents = await IncidentsPage.verifyOnPage(headPage);
    await expectAccessible(headPage);
    expect(await headPage.content()).not.toContain(reference);
    expect(
      (await incidents.openCases.count()) === 0 || !(await incidents.openCases.textContent())?.includes(reference),
    ).toBe(true);
    const response = await headPage.goto(link);
    expect(response?.status()).toBe(404);
    await expectAccessible(headPage);

    // The Headteacher's other incident pages: figures for governors, keeping records, letters.
    await headPage.goto(`${server!.url}/incidents`);
    await clickThrough(headPage, headPage.locator('[data-qa="figures-link"]'));
    expect(await headPage.locator('[data-qa="page-heading"]').textContent()).toMatch(/^Incident figures, /);
    expect(await headPage.locator('[data-qa="chart-by-kind"] svg[role="img"]').count()).toBe(1);
    expect(await headPage.locator('[data-qa="by-kind"]').textContent()).toContain(
      'Photos or videos of pupils shared online',
    );
    await expectAccessible(headPage);
    await headPage.goto(`${server!.url}/incidents/retention`);
    expect(await headPage.locator('[data-qa="page-heading"]').textContent()).toBe('Keeping closed cases');
    await expectAccessible(headPage);
    await headPage.goto(`${server!.url}/incidents/letters`);
    await expectAccessible(headPage);
    await headContext.close();
  });
});
