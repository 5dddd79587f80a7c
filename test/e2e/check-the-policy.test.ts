// A parent asks their school's published policy whether they may post nativity photos that show
// other children, on a small phone with JavaScript off, and every page is accessible.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aSchool } from '../support/community.ts';
import { aPublishedPolicy } from '../support/policy.ts';
import { browserAvailable } from '../support/environment.ts';
import { startServerProcess, type ServerProcess } from '../support/processes.ts';
import { CheckAnswerPage, CheckQuestionPage, CheckStartPage, CheckYourAnswersPage } from './pages/check-pages.ts';
import { expectAccessible } from './support/accessibility.ts';
import { launchBrowser } from './support/browser.ts';
import { prepareData } from './support/journey.ts';

/** Oak Primary with the model policy published, written before Footprint starts on the same data. */
function publishOak(dataDir: string): Promise<void> {
  return prepareData(dataDir, async (adapters) => {
    await aPublishedPolicy(adapters, await aSchool(adapters, 'oak', '600001'));
  });
}

describe.runIf(browserAvailable())('Checking a school’s policy in a browser', () => {
  let dataDir: string;
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'footprint-e2e-check-'));
    await publishOak(dataDir);
    server = await startServerProcess({ DATA_DIR: dataDir });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop('SIGTERM');
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('tells a parent they may not post nativity photos that show other children', async () => {
    const context = await browser!.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    await page.goto(`${server!.url}/s/oak/check`);
    const start = await CheckStartPage.verifyOnPage(page, 'Oak Primary');
    await expectAccessible(page);
    await start.start();

    let question = await CheckQuestionPage.verifyOnPage(page, 'role', 'Who are you?');
    await expectAccessible(page);
    // Nothing chosen: the error says what to choose.
    await question.continue();
    question = await CheckQuestionPage.verifyOnPage(page, 'role', 'Who are you?');
    expect(await question.errorSummary.textContent()).toContain('Select who you are');
    await expectAccessible(page);
    await question.answer('A parent');

    const steps: [key: string, heading: string, labels: string[]][] = [
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
      question = await CheckQuestionPage.verifyOnPage(page, key, heading);
      await expectAccessible(page);
      await question.answer(...labels);
    }

    const check = await CheckYourAnswersPage.verifyOnPage(page);
    await expectAccessible(page);
    expect(await check.answers.textContent()).toContain('Your own child, Other people’s children');
    await check.getAnswer();

    const answer = await CheckAnswerPage.verifyOnPage(page, 'No — our policy does not allow posting this');
    await expectAccessible(page);
    expect(await answer.rule('F1').textContent()).toContain('unless their parents have agreed');
    expect(await answer.ruleLink('F1').getAttribute('href')).toBe('/s/oak/policy#rule-F1');
    expect((await context.cookies()).length).toBe(0);
    await context.close();
  });
});
