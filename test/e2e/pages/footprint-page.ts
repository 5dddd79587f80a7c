/// <reference lib="dom" />
// What every Footprint page has: the header, a main heading, the footer. Page objects find
// elements by their data-qa ids, never by styling classes.
import type { Locator, Page } from 'playwright-core';

export class FootprintPage {
  readonly page: Page;
  readonly heading: Locator;
  readonly header: Locator;
  readonly footer: Locator;
  readonly skipLink: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.locator('[data-qa="page-heading"]');
    this.header = page.locator('[data-qa="header"]');
    this.footer = page.locator('[data-qa="footer"]');
    this.skipLink = page.locator('.govuk-skip-link');
  }

  /** Throws unless the page shows the expected marker and heading. */
  protected static async check(page: Page, marker: string, heading: string): Promise<void> {
    const found = await page.locator(`[data-qa="${marker}"]`).count();
    const text = (await page.locator('[data-qa="page-heading"]').textContent())?.trim();
    if (found !== 1 || text !== heading) {
      throw new Error(
        `Expected the page "${heading}" (${marker}) but found "${text ?? 'no heading'}" at ${page.url()}`,
      );
    }
  }

  bodyClasses(): Promise<string> {
    return this.page.evaluate(() => document.body.className);
  }
}
