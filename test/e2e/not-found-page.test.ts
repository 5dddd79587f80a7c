import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/environment.ts';
import { NotFoundPage } from './pages/not-found-page.ts';
import { StartPage } from './pages/start-page.ts';
import { accessibilityViolations, sidewaysOverflow } from './support/accessibility.ts';
import { launchBrowser, startFootprint, type RunningFootprint } from './support/browser.ts';

describe.runIf(browserAvailable())('The page-not-found page in a browser', () => {
  let footprint: RunningFootprint | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    footprint = await startFootprint();
    browser = await launchBrowser();
  });

  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  afterAll(async () => {
    await browser?.close();
    await footprint?.stop();
  });

  async function openMissingPage(width = 1024) {
    if (!browser || !footprint) throw new Error('The browser or Footprint did not start');
    context = await browser.newContext({ viewport: { width, height: 768 } });
    const page = await context.newPage();
    const response = await page.goto(`${footprint.baseUrl}/policies/no-such-policy`);
    return { page, response };
  }

  it('says the page was not found, with status 404 and a way back to the start', async () => {
    const { page, response } = await openMissingPage();
    expect(response?.status()).toBe(404);
    const notFound = await NotFoundPage.verifyOnPage(page);
    await notFound.startLink.click();
    await StartPage.verifyOnPage(page);
  });

  it('has no WCAG 2.2 AA violations, and fits a 320 pixel wide screen', async () => {
    const { page } = await openMissingPage(320);
    await NotFoundPage.verifyOnPage(page);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  });
});
