/// <reference lib="dom" />
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export const wcag22aa = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The WCAG 2.2 AA violations axe finds on the page, as readable lines. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(wcag22aa).analyze();
  return results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  );
}

/** How far the page scrolls sideways; 0 when it fits the screen. */
export function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/**
 * Axe runs as a script in the page, so with JavaScript off it never finishes there. The page as
 * the browser shows it (its DOM, without the scripts that never ran) is served to a twin tab with
 * scripts on, at the same address and width, and axe checks that, once its stylesheet applies
 * (unstyled, every target would look too small).
 */
export async function violationsWithJavaScriptOff(page: Page): Promise<string[]> {
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, '');
  const browser = page.context().browser();
  if (!browser) throw new Error('The page has no browser');
  const twin = await browser.newContext({ viewport: page.viewportSize() });
  try {
    const tab = await twin.newPage();
    const address = page.url().split('#')[0] ?? '';
    await tab.route(
      (url) => url.href === address,
      (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }),
    );
    await tab.goto(address);
    expect(await tab.title()).toBe(await page.title());
    await tab.waitForFunction(() =>
      [...document.styleSheets].some((sheet) => sheet.href?.includes('/assets/') && sheet.cssRules.length > 0),
    );
    return await accessibilityViolations(tab);
  } finally {
    await twin.close();
  }
}

/** JavaScript stayed off, there is no WCAG 2.2 AA violation, and nothing is wider than the screen. */
export async function expectAccessible(page: Page): Promise<void> {
  expect(await page.locator('body.js-enabled').count(), page.url()).toBe(0);
  expect(await violationsWithJavaScriptOff(page), page.url()).toEqual([]);
  expect(await sidewaysOverflow(page), page.url()).toBeLessThanOrEqual(0);
}
