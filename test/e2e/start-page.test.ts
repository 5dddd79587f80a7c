/// <reference lib="dom" />
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/environment.ts';
import { StartPage } from './pages/start-page.ts';
import { accessibilityViolations, sidewaysOverflow } from './support/accessibility.ts';
import { launchBrowser, startFootprint, type RunningFootprint } from './support/browser.ts';

describe.runIf(browserAvailable())('The start page in a browser', () => {
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

  async function open(options: { javaScriptEnabled?: boolean; width?: number } = {}) {
    if (!browser || !footprint) throw new Error('The browser or Footprint did not start');
    context = await browser.newContext({
      javaScriptEnabled: options.javaScriptEnabled ?? true,
      viewport: { width: options.width ?? 1024, height: 768 },
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    const response = await page.goto(footprint.baseUrl);
    return { page, response, problems };
  }

  it('loads with its header, heading and footer', async () => {
    const { page, response } = await open();
    expect(response?.status()).toBe(200);
    const startPage = await StartPage.verifyOnPage(page);
    expect((await startPage.header.textContent())?.trim()).toBe('Footprint');
    expect(await startPage.footer.isVisible()).toBe(true);
    expect(await page.title()).toBe('Your social media policy, working every day – Footprint');
  });

  it('has no WCAG 2.2 AA violations', async () => {
    const { page } = await open();
    await StartPage.verifyOnPage(page);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('fits a 320 pixel wide screen without sideways scrolling', async () => {
    const { page } = await open({ width: 320 });
    await StartPage.verifyOnPage(page);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('works with JavaScript turned off', async () => {
    const { page } = await open({ javaScriptEnabled: false });
    const startPage = await StartPage.verifyOnPage(page);
    expect(await startPage.heading.isVisible()).toBe(true);
    expect(await page.locator('.js-enabled').count()).toBe(0);
  });

  it('runs GOV.UK Frontend under its Content Security Policy, with no errors', async () => {
    const { page, problems } = await open();
    const startPage = await StartPage.verifyOnPage(page);
    await page.waitForFunction(() => document.body.classList.contains('govuk-frontend-supported'));
    expect(await startPage.bodyClasses()).toContain('js-enabled');
    expect(problems).toEqual([]);
  });

  it('lets keyboard users skip straight to the main content', async () => {
    const { page } = await open();
    const startPage = await StartPage.verifyOnPage(page);
    await page.keyboard.press('Tab');
    expect(await startPage.skipLink.evaluate((link) => link === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');
  });
});
