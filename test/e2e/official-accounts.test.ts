// A teacher asks for a class blog, the Headteacher approves it, the teacher deposits its login, the
// Headteacher reveals it with a fresh code (and the audit log records it), and the teacher deposits
// the new password after changing it: on a small phone with JavaScript off, every page accessible.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../src/adapters/crypto/totp.ts';
import { aPersonWithAccount, aSchool } from '../support/community.ts';
import { browserAvailable } from '../support/environment.ts';
import { startServerProcess, type ServerProcess } from '../support/processes.ts';
import { clickThrough } from './pages/footprint-page.ts';
import {
  DepositLoginPage,
  OfficialAccountPage,
  OfficialAccountsPage,
  RequestAccountPage,
} from './pages/official-account-pages.ts';
import { expectAccessible } from './support/accessibility.ts';
import { launchBrowser } from './support/browser.ts';
import { onPhone, prepareData, signInAs } from './support/journey.ts';

const blog = 'https://class3.rowan.example';

describe.runIf(browserAvailable())('An official class blog, from request to a changed password', () => {
  let dataDir: string;
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  let headKey = '';

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'footprint-e2e-official-accounts-'));
    await prepareData(dataDir, async (adapters) => {
      const school = await aSchool(adapters, 'rowan', '900001');
      const head = await aPersonWithAccount(
        adapters,
        school.id,
        {
          givenName: 'Hal',
          familyName: 'Head',
          email: 'head@rowan.example',
          roles: [{ role: 'staff', jobTitle: 'Headteacher', duties: ['headteacher'] }],
        },
        { authenticator: true },
      );
      headKey = head.key!;
      await aPersonWithAccount(adapters, school.id, {
        givenName: 'Tess',
        familyName: 'Teacher',
        email: 'tess@rowan.example',
        roles: [{ role: 'staff', jobTitle: 'Class 3 teacher', duties: ['teacher'] }],
      });
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

  async function signIn(page: Page, email: string, name: string, code?: string): Promise<void> {
    await signInAs(page, server!.url, { email, name, ...(code && { code }) });
    await clickThrough(page, page.locator('[data-qa="official-accounts-link"]'));
    await OfficialAccountsPage.verifyOnPage(page);
    await expectAccessible(page);
  }

  async function depositLogin(page: Page, password: string, heading?: string): Promise<OfficialAccountPage> {
    await (await OfficialAccountPage.verifyOnPage(page, blog)).depositLogin();
    const form = await DepositLoginPage.verifyOnPage(page, heading);
    await expectAccessible(page);
    await form.fill({ 'Username or sign-in email address': 'class3@rowan.example', Password: password });
    await form.deposit();
    const account = await OfficialAccountPage.verifyOnPage(page, blog);
    await expectAccessible(page);
    return account;
  }

  it('is requested, approved, given its login, revealed with a code, and given the new password', async () => {
    const { context: teacherContext, page } = await phone();
    await signIn(page, 'tess@rowan.example', 'Tess Teacher');
    await (await OfficialAccountsPage.verifyOnPage(page)).request();

    const form = await RequestAccountPage.verifyOnPage(page);
    await expectAccessible(page);
    await form.select('Platform or service', 'Class or school blog');
    await form.send();
    await RequestAccountPage.verifyOnPage(page);
    expect(await form.errorSummary.textContent()).toContain('Enter the handle, page name or web address');
    expect(await page.title()).toMatch(/^Error: /);
    await expectAccessible(page);
    await form.fill({ 'Handle, page name or web address': blog, 'What is it for?': 'Class 3’s work, for families' });
    await form.answer('Who is it for?', 'Parents and carers');
    await form.answer('Will comments be on or off?', 'Off');
    await form.answer('One-way or two-way?', 'One-way: the school posts, nobody replies or messages');
    await form.answer('Who can see what is posted?', 'Only people the school approves, such as signed-in parents');
    await form.answer(
      'Could pupils be identified from what is posted?',
      'Pupils may appear, but never with their names',
    );
    await form.answer(
      'Who moderates comments and messages?',
      'Nobody needs to: comments and messages are switched off',
    );
    await form.answer(
      'What if the account is hacked or the manager leaves?',
      'Two-step sign-in is on, and the login is kept with the school',
    );
    await form.answer(
      'Do pupils post or send messages themselves?',
      'Yes, but staff check everything before it is published',
    );
    await form.send();

    let account = await OfficialAccountPage.verifyOnPage(page, blog);
    await expectAccessible(page);
    expect(await account.notice.textContent()).toContain('sent to the Headteacher');
    expect(await account.risk.textContent()).toContain('Medium');

    const { context: headContext, page: headPage } = await phone();
    await signIn(headPage, 'head@rowan.example', 'Hal Head', totpCode(headKey, new Date()));
    await (await OfficialAccountsPage.verifyOnPage(headPage)).open(`Class or school blog: ${blog}`);
    const decision = await OfficialAccountPage.verifyOnPage(headPage, blog);
    await expectAccessible(headPage);
    await decision.approve();
    expect(await (await OfficialAccountPage.verifyOnPage(headPage, blog)).notice.textContent()).toContain('approved');
    await expectAccessible(headPage);

    await page.reload();
    account = await depositLogin(page, 'first-harbour-password');
    expect(await account.notice.textContent()).toContain('deposited in escrow');
    expect(await page.content()).not.toContain('first-harbour-password');

    await headPage.reload();
    const toReveal = await OfficialAccountPage.verifyOnPage(headPage, blog);
    await toReveal.reveal('000000');
    await OfficialAccountPage.verifyOnPage(headPage, blog);
    expect(await toReveal.errorSummary.textContent()).toContain('That code did not work');
    await expectAccessible(headPage);
    await toReveal.reveal(totpCode(headKey, new Date(Date.now() + 30_000)));
    await OfficialAccountPage.verifyOnPage(headPage, blog);
    expect(await toReveal.revealed.textContent()).toContain('first-harbour-password');
    await expectAccessible(headPage);

    await headPage.goto(`${server!.url}/audit`);
    expect(await headPage.locator('main').textContent()).toContain('Official account login revealed');
    await expectAccessible(headPage);
    await headContext.close();

    account = await depositLogin(page, 'second-lantern-password', 'Replace the login');
    expect(await account.notice.textContent()).toContain('in place of the old one');
    expect(await account.history.textContent()).toContain('Login details replaced');
    await page.goto(`${server!.url}/official-accounts`);
    const register = await OfficialAccountsPage.verifyOnPage(page);
    expect(await register.rows.first().locator('[data-qa="login-updated"]').textContent()).not.toContain(
      'Not deposited',
    );
    await expectAccessible(page);
    await teacherContext.close();
  });
});
