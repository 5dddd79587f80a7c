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

/** Clicks something that loads a new page (with JavaScript off, every form post does). */
export async function clickThrough(page: Page, target: Locator): Promise<void> {
  await Promise.all([page.waitForEvent('load'), target.click()]);
}

/** A page with one form: fields found by their labels, sent with its Continue button. */
export class FormPage extends FootprintPage {
  readonly continueButton: Locator;
  readonly errorSummary: Locator;

  constructor(page: Page) {
    super(page);
    this.continueButton = page.locator('[data-qa="continue"]');
    this.errorSummary = page.locator('[data-qa="error-summary"]');
  }

  async fill(fields: Record<string, string>): Promise<void> {
    for (const [label, value] of Object.entries(fields)) await this.page.getByLabel(label, { exact: true }).fill(value);
  }

  async continue(): Promise<void> {
    await clickThrough(this.page, this.continueButton);
  }
}
