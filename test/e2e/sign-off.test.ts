// Sign-off in a browser at phone width with JavaScript off, every page checked for accessibility.
// Before Footprint starts, Hazel Primary's policy is published and the staff are asked; the job's
// run sends the emails through a real SMTP server. A teacher opens her emailed link, sends the form
// with no answer and is told what to fix, then declines with a reason; a colleague agrees; the
// Headteacher's dashboard counts both and shows the reason; the teacher, signed in, has nothing left.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../src/adapters/crypto/totp.ts';
import { loadConfig } from '../../src/config.ts';
import { tick } from '../../src/jobs/index.ts';
import { createLogger } from '../../src/log.ts';
import { createAdapters, createServices } from '../../src/wiring.ts';
import { body as bodyOf, startSmtpServer, type TestSmtpServer } from '../integration/mail/smtp-test-server.ts';
import { copyPgliteTemplate } from '../support/backends.ts';
import { aPersonWithAccount, aSchool } from '../support/community.ts';
import { browserAvailable } from '../support/environment.ts';
import { aPolicyTeam, publishDraft } from '../support/policy.ts';
import { startServerProcess, type ServerProcess } from '../support/processes.ts';
import {
  AcknowledgePage,
  AnsweredPage,
  AnswerForm,
  OutstandingPage,
  SignOffFigures,
  SignOffPage,
} from './pages/policy-pages.ts';
import { expectAccessible } from './support/accessibility.ts';
import { launchBrowser } from './support/browser.ts';
import { freePort, onPhone, signInAs } from './support/journey.ts';

const reason = 'The rule on photos of pupils at sports day is unclear to me.';

/** The acknowledgement link's path in the one email sent to `to`. */
function linkTo(smtp: TestSmtpServer, to: string): string {
  const messages = smtp.received.filter((message) => message.rcptTo.includes(to));
  expect(messages, `emails to ${to}`).toHaveLength(1);
  const text = bodyOf(messages[0]!.raw)
    .replace(/=\r?\n/g, '')
    .replace(/=3D/g, '=');
  const link = /https?:\/\/\S+?(\/acknowledge\/[A-Za-z0-9_-]{43})/.exec(text)?.[1];
  if (!link) throw new Error(`The email to ${to} has no acknowledgement link`);
  return link;
}

describe.runIf(browserAvailable())('Sign-off of the published policy, by emailed link', () => {
  let dataDir: string;
  let smtp: TestSmtpServer;
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  let headKey = '';

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'footprint-e2e-sign-off-'));
    smtp = await startSmtpServer();
    const port = await freePort();
    const env = {
      DATA_DIR: dataDir,
      BASE_URL: `http://127.0.0.1:${port}`,
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    };
    await copyPgliteTemplate(dataDir);
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env });
    const adapters = await createAdapters(config, createLogger(config));
    try {
      await adapters.migrate();
      const services = createServices(adapters);
      const school = await aSchool(adapters, 'hazel', '700002');
      const team = await aPolicyTeam(adapters, school, { authenticator: true });
      headKey = team.headAccount.key!;
      await publishDraft(adapters, team, await services.schoolPolicy.adopt(team.head, 'model'));
      for (const [given, email] of [
        ['Tia', 'tia@hazel.example'],
        ['Tom', 'tom@hazel.example'],
      ] as const) {
        await aPersonWithAccount(adapters, school.id, {
          givenName: given,
          familyName: 'Teacher',
          email,
          roles: [{ role: 'staff', jobTitle: 'Teacher', duties: ['teacher'] }],
        });
      }
      expect(await services.signOff.start(team.head, 'staff')).toMatchObject({ asked: 3 });
      // What the job does when it runs: here at once, before Footprint serves.
      expect((await tick(services, new Date()))['sign-off-emails']).toMatchObject({ invitations: 3, failed: 0 });
    } finally {
      await adapters.close();
    }
    server = await startServerProcess({ ...env, PORT: String(port) });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop('SIGTERM');
    await smtp?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const phone = () => onPhone(browser!);

  async function signIn(page: Page, email: string, name: string, code?: string): Promise<void> {
    await signInAs(page, server!.url, { email, name, ...(code && { code }) });
  }

  it('takes a decline with its reason and an agreement by link, and shows both to the Headteacher', async () => {
    // Tia opens her link, sends the form empty, is told what to fix, then declines with a reason.
    const { context: tiaContext, page: tia } = await phone();
    await tia.goto(`${server!.url}${linkTo(smtp, 'tia@hazel.example')}`);
    await AcknowledgePage.verifyOnPage(tia, 'Read the social media policy, version 1.0');
    await expectAccessible(tia);
    const form = new AnswerForm(tia);
    await form.sendWithoutAnswer();
    await AcknowledgePage.verifyOnPage(tia, 'Read the social media policy, version 1.0');
    expect(await tia.title()).toMatch(/^Error: /);
    expect(await form.errorSummary().textContent()).toContain('Choose whether you agree to follow the policy');
    await expectAccessible(tia);
    await form.decline(reason);
    const declined = await AnsweredPage.verifyOnPage(tia, 'Your answer is recorded');
    await expectAccessible(tia);
    expect(await declined.whatNext().textContent()).toContain('Hazel Primary has your reason');
    await tiaContext.close();

    // Tom agrees through his.
    const { context: tomContext, page: tom } = await phone();
    await tom.goto(`${server!.url}${linkTo(smtp, 'tom@hazel.example')}`);
    const acknowledge = await AcknowledgePage.verifyOnPage(tom, 'Read the social media policy, version 1.0');
    await expectAccessible(tom);
    await acknowledge.agree();
    await AnsweredPage.verifyOnPage(tom, 'Thank you: your answer is recorded');
    await expectAccessible(tom);
    await tomContext.close();

    // The Headteacher sees one of each, and why Tia declined.
    const { context: headContext, page: head } = await phone();
    await signIn(head, 'head@hazel.example', 'Hal Head', totpCode(headKey, new Date()));
    await head.goto(`${server!.url}/sign-off`);
    const signOff = await SignOffPage.verifyOnPage(head);
    await expectAccessible(head);
    expect(await signOff.completion.first().textContent()).toContain('1 of 3 acknowledged');
    const figures = new SignOffFigures(head);
    expect(await figures.sending().count()).toBe(0);
    expect(await figures.rows()).toEqual([
      ['Acknowledged', '1', '34%'],
      ['Declined', '1', '33%'],
      ['Outstanding', '1', '33%'],
    ]);
    expect(await figures.declined()).toEqual([['Tia Teacher', reason]]);
    expect(await signOff.outstanding.allTextContents()).toEqual(['Hal Head']);
    await headContext.close();
  });

  it('lists nothing outstanding for someone who has answered, when they sign in', async () => {
    const { context, page } = await phone();
    await signIn(page, 'tia@hazel.example', 'Tia Teacher');
    await page.goto(`${server!.url}/acknowledge`);
    const outstanding = await OutstandingPage.verifyOnPage(page);
    await expectAccessible(page);
    expect(await outstanding.nothingOutstanding().textContent()).toContain('Nothing is waiting for your answer.');
    expect(await outstanding.items().count()).toBe(0);
    await context.close();
  });
});
