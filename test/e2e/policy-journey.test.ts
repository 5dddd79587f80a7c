// A school's policy from adoption to the parent's question, in a browser at phone width with
// JavaScript off, every page checked for accessibility: the Headteacher adopts the model, changes a
// rule and sends it to the governors; the chair ratifies it; the Headteacher publishes it and its
// PDF carries the changed rule; staff are emailed (through a real SMTP server) and one
// acknowledges; the sign-off page counts it; a parent asks about nativity photos and is told no.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../src/adapters/crypto/totp.ts';
import { body as bodyOf, type TestSmtpServer } from '../integration/mail/smtp-test-server.ts';
import { aPersonWithAccount, aSchool } from '../support/community.ts';
import { browserAvailable } from '../support/environment.ts';
import type { ServerProcess } from '../support/processes.ts';
import { asOneLine, pagesOf } from '../unit/pdf/pdf-text.ts';
import { CheckAnswerPage, CheckQuestionPage, CheckStartPage, CheckYourAnswersPage } from './pages/check-pages.ts';
import { DraftContentsPage, RulePage } from './pages/policy-draft-pages.ts';
import { AcknowledgePage, PolicyPage, SignOffPage } from './pages/policy-pages.ts';
import { PublicPolicyPage } from './pages/public-policy-pages.ts';
import { expectAccessible } from './support/accessibility.ts';
import { launchBrowser } from './support/browser.ts';
import { onPhone, prepareData, signInAs, startWithMail } from './support/journey.ts';

const newWording = 'At Larch we never post anything unkind about anyone, even in a private group.';

describe.runIf(browserAvailable())('A school’s policy from adoption to a parent’s question', () => {
  let dataDir: string;
  let smtp: TestSmtpServer;
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  let headKey = '';

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'footprint-e2e-policy-'));
    // Larch Primary's Headteacher, chair of governors and two teachers, before Footprint starts.
    await prepareData(dataDir, async (adapters) => {
      const school = await aSchool(adapters, 'larch', '700001');
      const staff = (duty: 'headteacher' | 'teacher') => [
        { role: 'staff' as const, jobTitle: duty === 'headteacher' ? 'Headteacher' : 'Teacher', duties: [duty] },
      ];
      const head = await aPersonWithAccount(
        adapters,
        school.id,
        { givenName: 'Lara', familyName: 'Head', email: 'head@larch.example', roles: staff('headteacher') },
        { authenticator: true },
      );
      headKey = head.key!;
      await aPersonWithAccount(adapters, school.id, {
        givenName: 'Colin',
        familyName: 'Chair',
        email: 'chair@larch.example',
        roles: [{ role: 'governor', duties: ['chair'] }],
      });
      for (const [given, email] of [
        ['Tia', 'tia@larch.example'],
        ['Tom', 'tom@larch.example'],
      ] as const) {
        await aPersonWithAccount(adapters, school.id, {
          givenName: given,
          familyName: 'Teacher',
          email,
          roles: staff('teacher'),
        });
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

  async function signIn(page: Page, email: string, name: string, code?: string): Promise<void> {
    await signInAs(page, server!.url, { email, name, ...(code && { code }) });
  }

  it('goes from the model policy to a ratified, published, acknowledged policy that answers a parent', async () => {
    // The Headteacher adopts the model and rewords rule A3.
    const { context: headContext, page } = await phone();
    await signIn(page, 'head@larch.example', 'Lara Head', totpCode(headKey, new Date()));
    await page.goto(`${server!.url}/policy`);
    let policy = await PolicyPage.verifyOnPage(page);
    await expectAccessible(page);
    await policy.adopt('Footprint’s model policy');
    policy = await PolicyPage.verifyOnPage(page);
    expect(await policy.status.textContent()).toContain('Draft');
    await policy.changeDraft();
    const contents = await DraftContentsPage.verifyOnPage(page);
    await expectAccessible(page);
    await contents.openRule('A3');
    const rule = await RulePage.verifyOnPage(page, 'A3');
    await rule.fill({ 'The rule in your school’s words': newWording });
    await rule.continue();
    await DraftContentsPage.verifyOnPage(page);
    await page.goto(`${server!.url}/policy`);
    policy = await PolicyPage.verifyOnPage(page);
    await policy.sendToGovernors('Adopted the model, with our own words for rule A3');
    policy = await PolicyPage.verifyOnPage(page);
    await expectAccessible(page);
    expect(await policy.status.textContent()).toContain('Awaiting ratification');

    // The chair of governors reads it and records the meeting that ratified it.
    const { context: chairContext, page: chairPage } = await phone();
    await signIn(chairPage, 'chair@larch.example', 'Colin Chair');
    await chairPage.goto(`${server!.url}/policy`);
    const forChair = await PolicyPage.verifyOnPage(chairPage);
    await expectAccessible(chairPage);
    await chairPage.goto(`${server!.url}/policy/versions/1/document`);
    await expectAccessible(chairPage);
    expect(await chairPage.locator('#rule-A3').textContent()).toContain(newWording);
    await chairPage.goto(`${server!.url}/policy`);
    await forChair.ratify('18', '11', '2026', 'Full governing body, 18 November 2026');
    expect(await new PolicyPage(chairPage).status.textContent()).toContain('Ratified');
    await chairContext.close();

    // The Headteacher publishes it; the public page and its PDF carry the new wording.
    await page.goto(`${server!.url}/policy`);
    policy = await PolicyPage.verifyOnPage(page);
    await expectAccessible(page);
    await policy.publish();
    policy = await PolicyPage.verifyOnPage(page);
    expect(await policy.published.textContent()).toContain('Version 1.0, published');
    await policy.openPublic();
    const published = await PublicPolicyPage.verifyOnPage(page, 'Social Media Policy (Footprint model)');
    await expectAccessible(page);
    const pdf = await published.downloadPdf();
    expect(pdf.name).toBe('larch-social-media-policy-v1.0.pdf');
    const pages = await pagesOf(pdf.bytes);
    expect(asOneLine(pages)).toContain(newWording);
    for (const text of pages) expect(text).toContain('Larch Primary');

    // Staff are asked to acknowledge it; the email arrives through the SMTP server.
    await page.goto(`${server!.url}/sign-off`);
    let signOff = await SignOffPage.verifyOnPage(page);
    await expectAccessible(page);
    await signOff.ask('Staff');
    await SignOffPage.verifyOnPage(page);
    await expectAccessible(page);
    // The emails go from a background job, a moment after the request.
    const toTia = await smtp.messageTo('tia@larch.example');
    const link = /https?:\/\/\S+\/acknowledge\/[A-Za-z0-9_-]+/.exec(
      bodyOf(toTia.raw)
        .replace(/=\r?\n/g, '')
        .replace(/=3D/g, '='),
    )?.[0];
    expect(link, 'the link in the email').toBeDefined();

    const { context: staffContext, page: staffPage } = await phone();
    await staffPage.goto(`${server!.url}${new URL(link!).pathname}`);
    const acknowledge = await AcknowledgePage.verifyOnPage(staffPage, 'Read the social media policy, version 1.0');
    await expectAccessible(staffPage);
    await acknowledge.agree();
    await expectAccessible(staffPage);
    expect(await staffPage.locator('[data-qa="what-next"]').textContent()).toContain(
      'Larch Primary has a record that you agreed to follow its social media policy.',
    );
    await staffContext.close();

    await page.goto(`${server!.url}/sign-off`);
    signOff = await SignOffPage.verifyOnPage(page);
    expect(await signOff.completion.textContent()).toContain('1 of 3 acknowledged');
    expect(await signOff.outstanding.allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('Tom Teacher')]),
    );
    await headContext.close();

    // A parent, not signed in, asks about nativity photos and gets the school's answer.
    const { context: parentContext, page: parentPage } = await phone();
    await parentPage.goto(`${server!.url}/s/larch/check`);
    await (await CheckStartPage.verifyOnPage(parentPage, 'Larch Primary')).start();
    const steps: [key: string, heading: string, labels: string[]][] = [
      ['role', 'Who are you?', ['A parent']],
      ['act', 'What do you want to do, or what has happened?', ['Posting']],
      [
        'images',
        'Does it include photos or videos of any of these people?',
        ['Your own child', 'Other people’s children'],
      ],
      ['consent', 'Has everyone in them agreed to them being posted?', ['No']],
      ['event', 'Were they taken at a school event?', ['Yes']],
      ['about', 'Who or what is it about?', ['None of these']],
      ['content', 'Is it any of these?', ['None of these']],
      ['channel', 'Where does it go?', ['On a personal account']],
      ['visibility', 'Who can see it?', ['Anyone (public)']],
      ['where', 'Do any of these apply?', ['None of these']],
    ];
    for (const [key, heading, labels] of steps) {
      const question = await CheckQuestionPage.verifyOnPage(parentPage, key, heading);
      await expectAccessible(parentPage);
      await question.answer(...labels);
    }
    await (await CheckYourAnswersPage.verifyOnPage(parentPage)).getAnswer();
    const answer = await CheckAnswerPage.verifyOnPage(parentPage, 'No — our policy does not allow posting this');
    await expectAccessible(parentPage);
    expect(await answer.ruleLink('F1').getAttribute('href')).toBe('/s/larch/policy#rule-F1');
    await parentContext.close();
  });
});
