// A teacher declares that a pupil is her niece, the Headteacher approves it, and the policy's
// answer to "can I accept my niece's friend request?" changes for her niece, and for nobody else.
// The Headteacher's own declaration goes to the chair of governors, who approves it. On a small
// phone with JavaScript off, every page accessible.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../src/adapters/crypto/totp.ts';
import { createServices } from '../../src/wiring.ts';
import { aPersonWithAccount, aSchool } from '../support/community.ts';
import { browserAvailable } from '../support/environment.ts';
import { aPolicyTeam, publishDraft } from '../support/policy.ts';
import { startServerProcess, type ServerProcess } from '../support/processes.ts';
import { CheckQuestionPage, CheckYourAnswersPage } from './pages/check-pages.ts';
import {
  answerHeading,
  DeclarationFormPage,
  DeclarationPage,
  DeclarationRegisterPage,
  DeclarationsPage,
} from './pages/declaration-pages.ts';
import type { HomePage } from './pages/sign-in-pages.ts';
import { clickThrough } from './pages/footprint-page.ts';
import { expectAccessible } from './support/accessibility.ts';
import { launchBrowser } from './support/browser.ts';
import { onPhone, prepareData, signInAs } from './support/journey.ts';

const niece = '?role=staff&act=friend_request_accept&with=pupil&age=9&relationship=family';

describe.runIf(browserAvailable())('Declaring a family link, and what it changes', () => {
  let dataDir: string;
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  let headKey = '';

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'footprint-e2e-declarations-'));
    await prepareData(dataDir, async (adapters) => {
      const school = await aSchool(adapters, 'elm', '800001');
      const team = await aPolicyTeam(adapters, school, { authenticator: true });
      headKey = team.headAccount.key!;
      await publishDraft(adapters, team, await createServices(adapters).schoolPolicy.adopt(team.head, 'model'));
      await aPersonWithAccount(adapters, school.id, {
        givenName: 'Tess',
        familyName: 'Teacher',
        email: 'tess@elm.example',
        roles: [{ role: 'staff', jobTitle: 'Teacher', duties: ['teacher'] }],
      });
      await adapters.units.inSchool(school.id, (store) =>
        store.pupils.add([
          { misId: 'P1', legalGivenName: 'Nia', legalFamilyName: 'Niece', dateOfBirth: '2017-03-04', yearGroup: '4' },
          { misId: 'P2', legalGivenName: 'Ben', legalFamilyName: 'Other', dateOfBirth: '2016-05-06', yearGroup: '5' },
        ]),
      );
    });
    server = await startServerProcess({ DATA_DIR: dataDir });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop('SIGTERM');
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const phone = () => onPhone(browser!);

  async function signIn(page: Page, email: string, name: string, code?: string): Promise<HomePage> {
    return signInAs(page, server!.url, { email, name, ...(code && { code }) });
  }

  async function askAboutNiece(page: Page, extra = ''): Promise<string> {
    await page.goto(`${server!.url}/check/check-your-answers${niece}${extra}`);
    const check = await CheckYourAnswersPage.verifyOnPage(page);
    await expectAccessible(page);
    await check.getAnswer();
    await expectAccessible(page);
    return answerHeading(page);
  }

  /** Signed in with declarations: the journey asks which pupil it is before checking the answers. */
  async function askAboutPupil(page: Page, pupil: string): Promise<string> {
    await page.goto(`${server!.url}/check/check-your-answers${niece}`);
    let whom = await CheckQuestionPage.verifyOnPage(page, 'whom', 'Which pupil is this about?');
    await expectAccessible(page);
    // Nothing chosen: the error says what to choose, and the earlier answers are kept.
    await whom.continue();
    whom = await CheckQuestionPage.verifyOnPage(page, 'whom', 'Which pupil is this about?');
    expect(await whom.errorSummary.textContent()).toContain('Select who it is about');
    await expectAccessible(page);
    await whom.answer(pupil);
    const check = await CheckYourAnswersPage.verifyOnPage(page);
    await expectAccessible(page);
    expect(await check.answers.textContent()).toContain('(from your declarations)');
    await check.getAnswer();
    await expectAccessible(page);
    return answerHeading(page);
  }

  it('turns a breach into the exception once the Headteacher approves the family link', async () => {
    const { context: teacherContext, page } = await phone();
    await signIn(page, 'tess@elm.example', 'Tess Teacher');
    expect(await askAboutNiece(page, '&declared=no')).toMatch(/^No — our policy does not allow/);

    await page.goto(`${server!.url}/home`);
    await clickThrough(page, page.locator('[data-qa="declarations-link"]'));
    let mine = await DeclarationsPage.verifyOnPage(page);
    await expectAccessible(page);
    await mine.declare();

    const form = await DeclarationFormPage.verifyOnPage(page);
    await expectAccessible(page);
    await form.choose('Family link to a pupil');
    await form.send();
    await DeclarationFormPage.verifyOnPage(page);
    expect(await form.errorSummary.textContent()).toContain('Choose the pupil');
    await expectAccessible(page);
    await form.select('The pupil', 'Nia Niece, year 4');
    await form.choose('I am their aunt or uncle');
    await form.fill({ 'Explain the relationship': 'Nia is my sister’s daughter.' });
    await form.send();

    mine = await DeclarationsPage.verifyOnPage(page);
    await expectAccessible(page);
    expect(await mine.banner.textContent()).toContain('gone to the Headteacher');

    const { context: headContext, page: headPage } = await phone();
    await signIn(headPage, 'head@elm.example', 'Hal Head', totpCode(headKey, new Date()));
    await clickThrough(headPage, headPage.locator('[data-qa="declarations-review-link"]'));
    let register = await DeclarationRegisterPage.verifyOnPage(headPage);
    await expectAccessible(headPage);
    await register.open();
    const declaration = await DeclarationPage.verifyOnPage(headPage, 'Tess Teacher');
    await expectAccessible(headPage);
    expect(await declaration.details.textContent()).toContain('Nia Niece');
    await declaration.approve();
    register = await DeclarationRegisterPage.verifyOnPage(headPage);
    await expectAccessible(headPage);
    expect(await register.banner.textContent()).toContain('approved');

    await page.goto(`${server!.url}/declarations`);
    await DeclarationsPage.verifyOnPage(page);
    expect(await page.locator('main').textContent()).toContain('Approved');
    expect(await askAboutPupil(page, 'Nia Niece')).toMatch(/^Yes — our policy allows/);

    // Another pupil: the approved link to Nia does not cover them, and the answer says to declare.
    expect(await askAboutPupil(page, 'Someone else, not on my declarations')).toMatch(
      /^No — our policy does not allow/,
    );
    await expect(page.locator('[data-qa="declare-link"]').count()).resolves.toBe(1);
    await teacherContext.close();

    // The Headteacher's own declaration goes to the chair of governors, never to the Headteacher.
    await headPage.goto(`${server!.url}/declarations`);
    mine = await DeclarationsPage.verifyOnPage(headPage);
    await mine.declare();
    const headForm = await DeclarationFormPage.verifyOnPage(headPage);
    await headForm.choose('Online friendship with a parent or carer');
    await headForm.fill({
      'If they are not listed, describe them': 'Pat, parent in year 2',
      'Explain the relationship': 'We were at university together.',
    });
    await headForm.send();
    mine = await DeclarationsPage.verifyOnPage(headPage);
    await expectAccessible(headPage);
    expect(await mine.banner.textContent()).toContain('gone to the chair of governors');
    await headPage.goto(`${server!.url}/declarations/review`);
    register = await DeclarationRegisterPage.verifyOnPage(headPage);
    await register.open();
    const own = await DeclarationPage.verifyOnPage(headPage, 'Hal Head');
    await expectAccessible(headPage);
    expect(await own.refusal.textContent()).toContain('you cannot approve or decline it yourself');
    await expect(headPage.locator('[data-qa="approve-form"]').count()).resolves.toBe(0);
    await headContext.close();

    const { context: chairContext, page: chairPage } = await phone();
    await signIn(chairPage, 'chair@elm.example', 'Gus Gov');
    await clickThrough(chairPage, chairPage.locator('[data-qa="declarations-review-link"]'));
    register = await DeclarationRegisterPage.verifyOnPage(chairPage);
    await expectAccessible(chairPage);
    expect(await chairPage.locator('main').textContent()).not.toContain('Tess Teacher');
    await register.open();
    const headDeclaration = await DeclarationPage.verifyOnPage(chairPage, 'Hal Head');
    await expectAccessible(chairPage);
    expect(await headDeclaration.details.textContent()).toContain('Pat, parent in year 2');
    await headDeclaration.approve();
    register = await DeclarationRegisterPage.verifyOnPage(chairPage);
    await expectAccessible(chairPage);
    expect(await register.banner.textContent()).toContain('approved');
    await chairContext.close();
  });
});
