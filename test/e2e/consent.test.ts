// Consent for pupils' images, in a browser at phone width with JavaScript off, every page checked
// for accessibility: the Headteacher looks at the purposes and starts the yearly renewal; a parent
// follows the emailed link (through a real SMTP server), says yes to everything, then withdraws
// consent for photos on the website; a teacher's "Can we post this?" for the child's class, and
// for Year 3, at once shows the child as not to appear, on screen and in the version to print, and
// the figures by class and by year group agree. The Headteacher also makes a link for a pupil of
// 13, who opens it in a browser of their own, with no session, and sees their own record once.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../src/adapters/crypto/totp.ts';
import { body as bodyOf, type TestSmtpServer } from '../integration/mail/smtp-test-server.ts';
import { defaultPurposes, type DefaultPurposeKey } from '../../src/domain/registers/consent.ts';
import { aPersonWithAccount, aSchool, testPassword } from '../support/community.ts';
import { browserAvailable } from '../support/environment.ts';
import type { ServerProcess } from '../support/processes.ts';
import {
  ConsentCheckPage,
  ConsentCheckPrintPage,
  ConsentChildPage,
  ConsentCoveragePage,
  ConsentFamilyPage,
  ConsentPurposesPage,
  ConsentRenewalPage,
  OwnLinkConfirmPage,
  OwnLinkMadePage,
  OwnRecordPage,
  PupilConsentPage,
} from './pages/consent-pages.ts';
import { LinkUnusablePage } from './pages/link-pages.ts';
import { CodePage, HomePage, SignInPage } from './pages/sign-in-pages.ts';
import { expectAccessible } from './support/accessibility.ts';
import { launchBrowser } from './support/browser.ts';
import { onPhone, prepareData, startWithMail } from './support/journey.ts';

const website = 'Photos on the school website';
const purposes = [
  website,
  'Photos on the school’s social media',
  'Named alongside a photo',
  'Work displayed online',
  'Approved social sites in lessons',
];

describe.runIf(browserAvailable())('Consent for a pupil’s photos, from a parent’s answer to a teacher’s check', () => {
  let dataDir: string;
  let smtp: TestSmtpServer;
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  let headKey = '';
  let adaId = '';
  let zoeId = '';

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'footprint-e2e-consent-'));
    await prepareData(dataDir, async (adapters) => {
      const school = await aSchool(adapters, 'birch', '720001');
      const head = await aPersonWithAccount(
        adapters,
        school.id,
        {
          givenName: 'Bea',
          familyName: 'Head',
          email: 'head@birch.example',
          roles: [{ role: 'staff', jobTitle: 'Headteacher', duties: ['headteacher'] }],
        },
        { authenticator: true },
      );
      headKey = head.key!;
      await aPersonWithAccount(adapters, school.id, {
        givenName: 'Theo',
        familyName: 'Teacher',
        email: 'theo@birch.example',
        roles: [{ role: 'staff', jobTitle: 'Teacher', duties: ['teacher'] }],
      });
      const pam = await aPersonWithAccount(adapters, school.id, {
        givenName: 'Pam',
        familyName: 'Parent',
        email: 'pam@birch.example',
        roles: [{ role: 'parent' }],
      });
      const thirteen = `${new Date().getUTCFullYear() - 13}-01-15`;
      await adapters.units.inSchool(school.id, async (store) => {
        const [ada, , zoe] = await store.pupils.add([
          {
            misId: 'A1',
            legalGivenName: 'Ada',
            legalFamilyName: 'Pupil',
            dateOfBirth: '2018-03-04',
            yearGroup: '3',
            className: '3 Birch',
          },
          {
            misId: 'B1',
            legalGivenName: 'Bo',
            legalFamilyName: 'Pupil',
            dateOfBirth: '2018-06-07',
            yearGroup: '3',
            className: '3 Birch',
          },
          { misId: 'Z1', legalGivenName: 'Zoe', legalFamilyName: 'Elder', dateOfBirth: thirteen, yearGroup: '8' },
        ]);
        adaId = ada!.id;
        zoeId = zoe!.id;
        // Zoe's family said yes to photos on the website, then took it back; yes to work online.
        const now = new Date();
        await store.consent.addPurposes(defaultPurposes, now);
        const ids = new Map((await store.consent.purposes()).map((purpose) => [purpose.key, purpose.id]));
        const answer = (key: DefaultPurposeKey, given: boolean, minutesAgo: number) => ({
          pupilId: zoeId,
          purposeId: ids.get(key)!,
          answer: given ? ('given' as const) : ('refused' as const),
          answeredBy: pam.personId,
          at: new Date(now.getTime() - minutesAgo * 60_000),
        });
        await store.consent.record([
          answer('website_photos', true, 60),
          answer('website_photos', false, 30),
          answer('work_online', true, 30),
        ]);
        await store.pupils.linkCarers([
          { pupilId: adaId, carerId: pam.personId, relationship: 'mother', parentalResponsibility: true },
        ]);
      });
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

  async function fillSignIn(page: Page, email: string, code?: string): Promise<void> {
    const form = await SignInPage.verifyOnPage(page);
    await expectAccessible(page);
    await form.fill({ 'Email address': email, Password: testPassword });
    await form.continue();
    if (code) {
      const codePage = await CodePage.verifyOnPage(page);
      await codePage.fill({ Code: code });
      await codePage.continue();
    }
  }

  it('shows a child as not to be posted as soon as their parent withdraws consent, and a pupil their own record', async () => {
    // The Headteacher finds the five default purposes and starts the renewal.
    const { context: headContext, page: headPage } = await phone();
    await headPage.goto(`${server!.url}/sign-in`);
    await fillSignIn(headPage, 'head@birch.example', totpCode(headKey, new Date()));
    await HomePage.verifyOnPage(headPage, 'Bea Head');
    await expectAccessible(headPage);
    await headPage.goto(`${server!.url}/consent/purposes`);
    const purposesPage = await ConsentPurposesPage.verifyOnPage(headPage);
    await expectAccessible(headPage);
    expect(await purposesPage.titles()).toEqual(purposes);
    await headPage.goto(`${server!.url}/consent/renewal`);
    let renewal = await ConsentRenewalPage.verifyOnPage(headPage);
    await expectAccessible(headPage);
    await renewal.start();
    renewal = await ConsentRenewalPage.verifyOnPage(headPage);
    await expectAccessible(headPage);
    expect(await renewal.lastRenewal.textContent()).toContain('1 parent or carer was emailed');

    // The Headteacher makes a link for Zoe, who is 13, to see her own record.
    await headPage.goto(`${server!.url}/pupils/${zoeId}/consent`);
    const zoeRecord = await PupilConsentPage.verifyOnPage(headPage, 'Zoe Elder');
    await expectAccessible(headPage);
    await zoeRecord.makeOwnLink();
    const made = await OwnLinkMadePage.verifyOnPage(headPage, 'Zoe Elder');
    await expectAccessible(headPage);
    expect(await made.expiry.textContent()).toMatch(/works once, until/);
    const ownLink = await made.address();
    expect(ownLink).toMatch(/\/links\/consent\/[A-Za-z0-9_-]{43}$/);
    await headContext.close();

    // Zoe opens it in a browser of her own, signed in to nothing, and presses the button.
    const { context: pupilContext, page: pupilPage } = await phone();
    await pupilPage.goto(`${server!.url}${new URL(ownLink).pathname}`);
    const confirm = await OwnLinkConfirmPage.verifyOnPage(pupilPage);
    await expectAccessible(pupilPage);
    await confirm.continue();
    const own = await OwnRecordPage.verifyOnPage(pupilPage);
    await expectAccessible(pupilPage);
    expect(await own.rows.count()).toBe(purposes.length);
    expect(await own.recorded(website)).toBe('No: withdrawn');
    expect(await own.recorded('Work displayed online')).toBe('Yes');
    expect(await own.recorded('Named alongside a photo')).toBe('Nothing recorded');
    expect(await pupilPage.locator('main').textContent()).not.toMatch(/Pam|Parent|Ada|Bo Pupil/);
    expect((await pupilContext.cookies()).map((cookie) => cookie.name)).not.toContain('footprint-session');
    // The link worked once: opening it again says so.
    await pupilPage.goto(`${server!.url}${new URL(ownLink).pathname}`);
    await LinkUnusablePage.verifyOnPage(pupilPage, 'This link has already been used');
    await expectAccessible(pupilPage);
    await pupilContext.close();

    // The parent follows the link in the email, signs in, and says yes to everything.
    const email = await smtp.messageTo('pam@birch.example');
    const link = /https?:\/\/\S+\/consent\b/.exec(
      bodyOf(email.raw)
        .replace(/=\r?\n/g, '')
        .replace(/=3D/g, '='),
    )?.[0];
    expect(link, 'the link in the email').toBeDefined();
    const { context: parentContext, page: parentPage } = await phone();
    await parentPage.goto(`${server!.url}${new URL(link!).pathname}`);
    await fillSignIn(parentPage, 'pam@birch.example');
    let family = await ConsentFamilyPage.verifyOnPage(parentPage);
    await expectAccessible(parentPage);
    expect(await family.answer('Ada Pupil', website)).toBe('No answer yet');
    await family.openChild('Ada Pupil');
    let answers = await ConsentChildPage.verifyOnPage(parentPage, 'Ada Pupil');
    await expectAccessible(parentPage);
    await answers.continue();
    answers = await ConsentChildPage.verifyOnPage(parentPage, 'Ada Pupil');
    await expectAccessible(parentPage);
    expect(await answers.errorSummary.textContent()).toContain(`Choose yes or no for “${website}”`);
    for (const purpose of purposes) await answers.choose(purpose, 'Yes');
    await answers.continue();
    family = await ConsentFamilyPage.verifyOnPage(parentPage);
    await expectAccessible(parentPage);
    expect(await family.answer('Ada Pupil', website)).toBe('Yes');

    // Then withdraws consent for photos on the website.
    await family.openChild('Ada Pupil');
    answers = await ConsentChildPage.verifyOnPage(parentPage, 'Ada Pupil');
    await answers.choose(website, 'No');
    await answers.continue();
    family = await ConsentFamilyPage.verifyOnPage(parentPage);
    expect(await family.saved.count()).toBe(1);
    expect(await family.answer('Ada Pupil', website)).toBe('No');
    await parentContext.close();

    // A teacher checks Ada's class, then the whole of Year 3, before posting on the website.
    const { context: teacherContext, page } = await phone();
    await page.goto(`${server!.url}/sign-in`);
    await fillSignIn(page, 'theo@birch.example');
    await HomePage.verifyOnPage(page, 'Theo Teacher');
    await page.goto(`${server!.url}/consent/check`);
    let check = await ConsentCheckPage.verifyOnPage(page);
    await expectAccessible(page);
    await check.checkClass('3 Birch (Year 3)', website);
    check = await ConsentCheckPage.verifyOnPage(page);
    await expectAccessible(page);
    expect(await check.mayNotAppearNames()).toEqual(['Ada Pupil']);
    expect(await check.noAnswer.locator('li').allTextContents()).toEqual(['Bo Pupil']);
    // Without JavaScript, the year group sits in a closed "details": open it to choose one.
    await check.page.getByLabel('Class', { exact: true }).selectOption({ label: 'Choose a class' });
    await page.locator('[data-qa="year-group-choice"] summary').click();
    await check.check('Year 3', website);
    check = await ConsentCheckPage.verifyOnPage(page);
    await expectAccessible(page);
    expect(await check.mayAppear.count()).toBe(0);
    expect(await check.mayNotAppearNames()).toEqual(['Ada Pupil']);
    expect(await check.noAnswer.locator('li').allTextContents()).toEqual(['Bo Pupil']);
    expect(await page.locator('main img').count()).toBe(0);

    await check.openPrintVersion();
    const printed = await ConsentCheckPrintPage.verifyOnPage(page, `Year 3: ${website}`);
    await expectAccessible(page);
    expect(await printed.mayNotAppearNames()).toEqual(['Ada Pupil']);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('[data-qa="header"]').isVisible()).toBe(false);
    expect(await page.locator('[data-qa="signed-in-bar"]').isVisible()).toBe(false);
    expect(await printed.mayNotAppear.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });

    await page.goto(`${server!.url}/consent/coverage`);
    let coverage = await ConsentCoveragePage.verifyOnPage(page, 'Consent by class');
    await expectAccessible(page);
    expect(await coverage.classFigures('3 Birch', website)).toEqual([0, 1, 1]);
    await coverage.showByYearGroup();
    coverage = await ConsentCoveragePage.verifyOnPage(page);
    await expectAccessible(page);
    expect(await coverage.figures('Year 3', website)).toEqual([0, 1, 1]);

    await page.goto(`${server!.url}/pupils/${adaId}/consent`);
    const record = await PupilConsentPage.verifyOnPage(page, 'Ada Pupil');
    await expectAccessible(page);
    expect(await record.history.count()).toBe(6);
    await teacherContext.close();
  }, 180_000);
});
