/// <reference lib="dom" />
// Incidents: the report form (public and staff), its confirmation, the list of cases, and a case
// with its assessment, tasks, letters and closing.
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { clickThrough, FootprintPage, FormPage } from './footprint-page.ts';

export class ReportPage extends FormPage {
  static async verifyOnPage(page: Page): Promise<ReportPage> {
    await FootprintPage.check(page, 'report-page', 'Report a concern');
    return new ReportPage(page);
  }

  async choose(label: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).check();
  }

  async select(label: string, option: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).selectOption({ label: option });
  }

  async attach(path: string): Promise<void> {
    await this.page.getByLabel('Screenshots or PDFs (optional)').setInputFiles(path);
  }

  async send(): Promise<void> {
    await clickThrough(this.page, this.page.locator('[data-qa="send-report"]'));
  }
}

export class ReportedPage extends FootprintPage {
  readonly reference: Locator;

  constructor(page: Page) {
    super(page);
    this.reference = page.locator('[data-qa="reference"]');
  }

  static async verifyOnPage(page: Page): Promise<ReportedPage> {
    const found = await page.locator('[data-qa="reported-page"]').count();
    if (found !== 1) throw new Error(`Expected the confirmation of a report at ${page.url()}`);
    return new ReportedPage(page);
  }
}

export class IncidentsPage extends FootprintPage {
  readonly openCases: Locator;
  readonly myTasks: Locator;

  constructor(page: Page) {
    super(page);
    this.openCases = page.locator('[data-qa="open-cases"]');
    this.myTasks = page.locator('[data-qa="my-tasks"]');
  }

  static async verifyOnPage(page: Page): Promise<IncidentsPage> {
    await FootprintPage.check(page, 'incidents-page', 'Incidents');
    return new IncidentsPage(page);
  }

  async open(reference: string): Promise<void> {
    await clickThrough(this.page, this.openCases.getByRole('link', { name: reference }));
  }
}

export class CasePage extends FormPage {
  readonly summary: Locator;
  readonly tasks: Locator;
  readonly chronology: Locator;
  readonly evidence: Locator;

  constructor(page: Page) {
    super(page);
    this.summary = page.locator('[data-qa="case-summary"]');
    this.tasks = page.locator('[data-qa="task"]');
    this.chronology = page.locator('[data-qa="chronology"]');
    this.evidence = page.locator('[data-qa="evidence"]');
  }

  static async verifyOnPage(page: Page, reference?: string): Promise<CasePage> {
    const heading = (await page.locator('[data-qa="page-heading"]').textContent())?.trim() ?? '';
    if (reference) await FootprintPage.check(page, 'case-page', `Case ${reference}`);
    else if (!heading.startsWith('Case R-')) throw new Error(`Expected a case at ${page.url()} but found "${heading}"`);
    return new CasePage(page);
  }

  async openAssessment(): Promise<void> {
    const details = this.page.locator('[data-qa="assessment-details"]');
    if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
  }

  async select(label: string, option: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).selectOption({ label: option });
  }

  async tick(label: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).check();
  }

  async assess(): Promise<void> {
    await clickThrough(this.page, this.page.locator('[data-qa="assess"]'));
  }

  async taskTitles(): Promise<string[]> {
    return (await this.tasks.locator('h3').allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim());
  }

  /** Marks the first open task done, with a note of what was done. */
  async doFirstOpenTask(note: string): Promise<void> {
    const form = this.page.locator('[data-qa="task-form"]').first();
    await form.getByLabel('What was done, or why it is not needed', { exact: true }).fill(note);
    await clickThrough(this.page, form.locator('[data-qa="task-done"]'));
  }

  async openTasks(): Promise<number> {
    return this.page.locator('[data-qa="task-form"]').count();
  }

  async produceLetter(kind: string, recipient: string): Promise<void> {
    const form = this.page.locator('[data-qa="letter-form"]');
    await form.getByLabel(kind, { exact: true }).check();
    await form.getByLabel('Who it is to, as you would greet them', { exact: true }).fill(recipient);
    await clickThrough(this.page, form.locator('[data-qa="produce-letter"]'));
  }

  async download(name: RegExp): Promise<{ name: string; bytes: Buffer }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.evidence.getByRole('link', { name }).click(),
    ]);
    return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
  }

  async close(outcome: string, why: string): Promise<void> {
    const form = this.page.locator('[data-qa="close-form"]');
    await form.getByLabel(outcome, { exact: true }).check();
    await form.getByLabel('Why the case can close', { exact: true }).fill(why);
    await clickThrough(this.page, form.locator('[data-qa="close"]'));
  }
}
