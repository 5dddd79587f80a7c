// The school's published policy as anyone reads it, and the page a school shows before it has one.
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { clickThrough, FootprintPage } from './footprint-page.ts';

export class PublicPolicyPage extends FootprintPage {
  readonly schoolName: Locator;
  readonly versionSummary: Locator;
  readonly pdfLink: Locator;
  readonly supersededNotice: Locator;
  readonly currentVersionLink: Locator;
  readonly versions: Locator;
  readonly documentControl: Locator;

  constructor(page: Page) {
    super(page);
    this.schoolName = page.locator('[data-qa="school-name"]');
    this.versionSummary = page.locator('[data-qa="version-summary"]');
    this.pdfLink = page.locator('[data-qa="pdf-link"]');
    this.supersededNotice = page.locator('[data-qa="superseded-notice"]');
    this.currentVersionLink = page.locator('[data-qa="current-version-link"]');
    this.versions = page.locator('[data-qa="versions"]');
    this.documentControl = page.locator('[data-qa="document-control"]');
  }

  static async verifyOnPage(page: Page, title: string): Promise<PublicPolicyPage> {
    await FootprintPage.check(page, 'public-policy-page', title);
    return new PublicPolicyPage(page);
  }

  /** The rule a "Check the policy" answer links to, by its id ("B3"). */
  rule(id: string): Locator {
    return this.page.locator(`[id="rule-${id}"]`);
  }

  /** The value the document control table gives for a label ("Status"). */
  control(label: string): Locator {
    return this.documentControl.locator('tr', { has: this.page.locator('th', { hasText: label }) }).locator('td');
  }

  /** Follows the download link; the file's suggested name and its bytes. */
  async downloadPdf(): Promise<{ name: string; bytes: Buffer }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.pdfLink.click()]);
    const path = await download.path();
    return { name: download.suggestedFilename(), bytes: await readFile(path) };
  }

  async openVersion(label: string): Promise<void> {
    await clickThrough(this.page, this.versions.getByRole('link', { name: `Version ${label}`, exact: true }));
  }

  async openCurrentVersion(): Promise<void> {
    await clickThrough(this.page, this.currentVersionLink);
  }
}
