// The first-run set-up walked briskly, as a new school would on a fresh install, through to the
// Headteacher signed in: for journeys that start there. The set-up journey's own test checks each
// of these pages in detail.
import type { Page } from 'playwright-core';
import { totpCode } from '../../../src/adapters/crypto/totp.ts';
import {
  SetupCheckPage,
  SetupConfirmationPage,
  SetupQuestionPage,
  setUpButton,
  type SetupQuestion,
} from './setup-pages.ts';
import { HomePage, RecoveryCodesPage, SecondFactorPage, SetPasswordPage } from './sign-in-pages.ts';

export interface SetUpSchool {
  headEmail: string;
  password: string;
}

/** From the start page to the Headteacher's home page; returns their authenticator key. */
export async function setUpOakfield(page: Page, baseUrl: string, school: SetUpSchool): Promise<string> {
  await page.goto(`${baseUrl}/`);
  await Promise.all([page.waitForEvent('load'), setUpButton(page).click()]);
  const answer = async (name: SetupQuestion, fill: Record<string, string>, choose?: string) => {
    const question = await SetupQuestionPage.verifyOnPage(page, name);
    if (choose) await question.choose(choose);
    await question.fill(fill);
    await question.continue();
  };
  await answer('organisationType', {}, 'kind-standalone');
  await answer('schoolName', { 'What is your school’s name?': 'Oakfield Primary School' });
  await answer('referenceNumberAndPhase', { 'Unique reference number (URN)': '912345' }, 'phase-primary');
  await answer('webAddress', { 'Choose the web address for your school’s public pages': 'oakfield-primary' });
  await answer('address', { 'Address line 1 of 2': '1 School Lane', 'Town or city': 'Oakfield', Postcode: 'OX7 6XQ' });
  await answer('contactAndSchoolDay', {
    'Contact email address': 'office@oakfield.example.org',
    Starts: '08:45',
    Ends: '15:15',
  });
  await answer('headteacher', { 'First name': 'Ada', 'Last name': 'Okafor', 'Email address': school.headEmail });
  await (await SetupCheckPage.verifyOnPage(page)).setUp();
  const confirmation = await SetupConfirmationPage.verifyOnPage(page);
  await Promise.all([page.waitForEvent('load'), confirmation.choosePassword.click()]);
  const choose = await SetPasswordPage.verifyOnPage(page);
  await choose.fill({ 'New password': school.password, 'Type the password again': school.password });
  await choose.continue();
  const app = await SecondFactorPage.verifyOnPage(page);
  const key = await app.key();
  await app.fill({ 'Code from the app': totpCode(key, new Date()) });
  await app.continue();
  const recovery = await RecoveryCodesPage.verifyOnPage(page);
  await Promise.all([page.waitForEvent('load'), recovery.continueLink.click()]);
  await HomePage.verifyOnPage(page, 'Ada Okafor');
  return key;
}
