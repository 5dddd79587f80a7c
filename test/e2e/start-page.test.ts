/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/environment.ts';
import { StartPage } from './pages/start-page.ts';
import { accessibilityViolations, sidewaysOverflow } from './support/accessibility.ts';
import { browserSession } from './support/session.ts';

describe.runIf(browserAvailable())('The start page in a browser', () => {
  const session = browserSession();

  it('loads with its header, heading and footer', async () => {
    const { page, response } = await session.open('/');
    expect(response?.status()).toBe(200);
    const startPage = await StartPage.verifyOnPage(page);
    expect((await startPage.header.textContent())?.trim()).toBe('Footprint');
    expect(await startPage.footer.isVisible()).toBe(true);
    expect(await page.title()).toBe('Your social media policy, working every day – Footprint');
  });

  it('has no WCAG 2.2 AA violations', async () => {
    const { page } = await session.open('/');
    await StartPage.verifyOnPage(page);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('fits a 320 pixel wide screen without sideways scrolling', async () => {
    const { page } = await session.open('/', { width: 320 });
    await StartPage.verifyOnPage(page);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('works with JavaScript turned off', async () => {
    const { page } = await session.open('/', { javaScriptEnabled: false });
    const startPage = await StartPage.verifyOnPage(page);
    expect(await startPage.heading.isVisible()).toBe(true);
    expect(await page.locator('.js-enabled').count()).toBe(0);
  });

  it('runs GOV.UK Frontend under its Content Security Policy, with no errors', async () => {
    const { page, problems } = await session.open('/');
    const startPage = await StartPage.verifyOnPage(page);
    await page.waitForFunction(() => document.body.classList.contains('govuk-frontend-supported'));
    expect(await startPage.bodyClasses()).toContain('js-enabled');
    expect(problems).toEqual([]);
  });

  it('lets keyboard users skip straight to the main content', async () => {
    const { page } = await session.open('/');
    const startPage = await StartPage.verifyOnPage(page);
    await page.keyboard.press('Tab');
    expect(await startPage.skipLink.evaluate((link) => link === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');
  });
});
