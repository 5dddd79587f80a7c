// The first-run set-up, walked as someone on a small phone with JavaScript turned off would.
import { describe, expect, it } from 'vitest';
import { totpCode } from '../../src/adapters/crypto/totp.ts';
import { browserAvailable } from '../support/environment.ts';
import {
  setUpButton,
  SetupAlreadyDonePage,
  SetupCheckPage,
  SetupConfirmationPage,
  SetupQuestionPage,
} from './pages/setup-pages.ts';
import {
  CodePage,
  HomePage,
  RecoveryCodesPage,
  SecondFactorPage,
  SetPasswordPage,
  SignInPage,
} from './pages/sign-in-pages.ts';
import { StartPage } from './pages/start-page.ts';
import { expectAccessible } from './support/accessibility.ts';
import { browserSession } from './support/session.ts';

describe.runIf(browserAvailable())('Setting up Footprint in a browser', () => {
  const session = browserSession();
  /** The Headteacher's recovery codes, as the set-up showed them, for signing in again later. */
  const recoveryCodes: string[] = [];

  it('walks from the start page to a school set up, at 320 pixels wide with JavaScript off', async () => {
    const { page } = await session.open('/', { width: 320, javaScriptEnabled: false });
    await StartPage.verifyOnPage(page);
    await expectAccessible(page);
    await Promise.all([page.waitForEvent('load'), setUpButton(page).click()]);

    let question = await SetupQuestionPage.verifyOnPage(page, 'organisationType');
    await expectAccessible(page);
    await question.choose('kind-trust');
    await question.continue();

    question = await SetupQuestionPage.verifyOnPage(page, 'organisationName');
    await expectAccessible(page);
    await question.fill({ 'What is the name of the trust?': 'Greenway Academies Trust' });
    await question.continue();

    question = await SetupQuestionPage.verifyOnPage(page, 'schoolName');
    await expectAccessible(page);
    await question.fill({ 'What is your school’s name?': 'Oakfield Primary School' });
    await question.continue();

    // The one deliberate mistake: a URN one digit short.
    question = await SetupQuestionPage.verifyOnPage(page, 'referenceNumberAndPhase');
    await expectAccessible(page);
    await question.fill({ 'Unique reference number (URN)': '12345' });
    await question.choose('phase-primary');
    await question.continue();

    question = await SetupQuestionPage.verifyOnPage(page, 'referenceNumberAndPhase');
    expect(await page.title()).toBe('Error: Your school’s reference number and phase – Footprint');
    const message = 'Enter the six-digit unique reference number (URN)';
    expect(await question.errorLinks.allTextContents()).toEqual([message]);
    expect(await question.field('Unique reference number (URN)').inputValue()).toBe('12345');
    expect(await page.locator('[data-qa="phase-primary"]').isChecked()).toBe(true);
    await expectAccessible(page);
    // Fixed using only what the message says: the field it links to needs six digits.
    const urn = await question.followError(message);
    await urn.fill('123456');
    await question.continue();

    question = await SetupQuestionPage.verifyOnPage(page, 'webAddress');
    await expectAccessible(page);
    expect(await question.field('Choose the web address for your school’s public pages').inputValue()).toBe(
      'oakfield-primary-school',
    );
    await question.fill({ 'Choose the web address for your school’s public pages': 'oakfield-primary' });
    await question.continue();

    question = await SetupQuestionPage.verifyOnPage(page, 'address');
    await expectAccessible(page);
    await question.fill({
      'Address line 1 of 2': '1 School Lane',
      'Town or city': 'Oakfield',
      Postcode: 'OX7 6XQ',
    });
    await question.continue();

    question = await SetupQuestionPage.verifyOnPage(page, 'contactAndSchoolDay');
    await expectAccessible(page);
    await question.fill({
      'Contact email address': 'office@oakfield.example.org',
      Starts: '08:45',
      Ends: '15:15',
    });
    await question.continue();

    question = await SetupQuestionPage.verifyOnPage(page, 'headteacher');
    await expectAccessible(page);
    await question.fill({ 'First name': 'Ada', 'Last name': 'Okafor', 'Email address': 'head@oakfield.example.org' });
    await question.continue();

    let check = await SetupCheckPage.verifyOnPage(page);
    await expectAccessible(page);
    expect(await check.answer('organisation', 'Name of the trust').textContent()).toContain('Greenway Academies Trust');
    expect(await check.answer('school', 'URN').textContent()).toContain('123456');
    expect(await check.answer('school', 'School day').textContent()).toContain('08:45 to 15:15');

    // A change goes back to its question, then straight back to the check.
    await check.change('school', 'Contact email');
    question = await SetupQuestionPage.verifyOnPage(page, 'contactAndSchoolDay');
    expect(await question.field('Contact email address').inputValue()).toBe('office@oakfield.example.org');
    await question.fill({ 'Contact email address': 'admin@oakfield.example.org' });
    await question.continue();
    check = await SetupCheckPage.verifyOnPage(page);
    expect(await check.answer('school', 'Contact email').textContent()).toContain('admin@oakfield.example.org');

    await check.setUp();
    const confirmation = await SetupConfirmationPage.verifyOnPage(page);
    await expectAccessible(page);
    expect(await confirmation.created.textContent()).toContain('Greenway Academies Trust');
    expect(await confirmation.headteacher.textContent()).toContain('Ada Okafor');

    // The Headteacher's account: a password, then an authenticator app, as their role requires.
    await Promise.all([page.waitForEvent('load'), confirmation.choosePassword.click()]);
    const choose = await SetPasswordPage.verifyOnPage(page);
    await expectAccessible(page);
    await choose.fill({ 'New password': 'password', 'Type the password again': 'password' });
    await choose.continue();
    await SetPasswordPage.verifyOnPage(page);
    expect(await choose.errorSummary.textContent()).toContain('too common');
    await choose.fill({
      'New password': 'harbour lantern meadow',
      'Type the password again': 'harbour lantern meadow',
    });
    await choose.continue();

    const app = await SecondFactorPage.verifyOnPage(page);
    await expectAccessible(page);
    expect(await app.qrCode.count()).toBe(1);
    const key = await app.key();
    await app.fill({ 'Code from the app': totpCode(key, new Date()) });
    await app.continue();
    const recovery = await RecoveryCodesPage.verifyOnPage(page);
    await expectAccessible(page);
    expect(await recovery.codes.count()).toBe(10);
    recoveryCodes.push(...(await recovery.codes.allTextContents()).map((code) => code.trim()));
    await Promise.all([page.waitForEvent('load'), recovery.continueLink.click()]);

    const home = await HomePage.verifyOnPage(page, 'Ada Okafor');
    await expectAccessible(page);
    expect(await home.roles.textContent()).toContain('Headteacher');
    await home.signOut();
    const signIn = await SignInPage.verifyOnPage(page);
    expect(await signIn.notice.textContent()).toContain('You have signed out');

    // Signing in again asks for the password, then a fresh code from the app.
    await signIn.fill({ 'Email address': 'head@oakfield.example.org', Password: 'harbour lantern meadow' });
    await signIn.continue();
    const code = await CodePage.verifyOnPage(page);
    await expectAccessible(page);
    await code.fill({ Code: totpCode(key, new Date(Date.now() + 30_000)) });
    await code.continue();
    await HomePage.verifyOnPage(page, 'Ada Okafor');

    const base = page.url().replace(/\/home$/, '');
    await page.goto(`${base}/`);
    await StartPage.verifyOnPage(page);
    expect(await setUpButton(page).count()).toBe(0);

    await page.goto(page.url().replace(/\/$/, '/setup'));
    await SetupAlreadyDonePage.verifyOnPage(page);
    await expectAccessible(page);
  });

  it('shows the Headteacher’s pages without an accessibility fault, signed in with a recovery code', async () => {
    const { page } = await session.open('/sign-in', { width: 320, javaScriptEnabled: false });
    const signIn = await SignInPage.verifyOnPage(page);
    await signIn.fill({ 'Email address': 'head@oakfield.example.org', Password: 'harbour lantern meadow' });
    await signIn.continue();
    const code = await CodePage.verifyOnPage(page);
    await code.fill({ Code: recoveryCodes[0] ?? '' });
    await code.continue();
    await HomePage.verifyOnPage(page, 'Ada Okafor');
    const base = page.url().replace(/\/home$/, '');

    // Each page the Headteacher can now reach, checked the same way.
    for (const [path, heading] of [
      ['/account', 'Your account'],
      ['/audit', 'Audit log'],
      ['/audit/check', 'Check the audit log'],
      ['/accounts', 'Who has access'],
      ['/settings/sign-on', 'Sign in with Google or Microsoft'],
    ] as const) {
      await page.goto(`${base}${path}`);
      expect((await page.locator('[data-qa="page-heading"]').textContent())?.trim(), path).toBe(heading);
      await expectAccessible(page);
    }
    await page.goto(`${base}/accounts`);
    await Promise.all([page.waitForEvent('load'), page.locator('[data-qa="accounts"] a').first().click()]);
    expect(await page.locator('[data-qa="refusal"]').textContent()).toContain('cannot change your own access');
    await expectAccessible(page);
    // A mistake on the sign-on settings is shown, and axe still finds nothing.
    await page.goto(`${base}/settings/sign-on`);
    await page.getByLabel('Your staff’s email domain').fill('not a domain');
    await Promise.all([page.waitForEvent('load'), page.locator('[data-qa="save"]').click()]);
    expect(await page.locator('[data-qa="error-summary"]').textContent()).toContain(
      'Choose Google Workspace or Microsoft',
    );
    await expectAccessible(page);
  });

  it('no longer offers the set-up once a school exists', async () => {
    const { page } = await session.open('/setup/organisation-type', { width: 320, javaScriptEnabled: false });
    await SetupAlreadyDonePage.verifyOnPage(page);
  });
});
