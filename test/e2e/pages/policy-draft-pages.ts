// The draft policy editor's pages, as page objects.
import type { Locator, Page } from 'playwright-core';
import { clickThrough, FootprintPage, FormPage } from './footprint-page.ts';

export class DraftContentsPage extends FootprintPage {
  readonly saved: Locator;
  readonly problems: Locator;
  constructor(page: Page) {
    super(page);
    this.saved = page.locator('[data-qa="saved"]');
    this.problems = page.locator('[data-qa="problems"]');
  }
  static async verifyOnPage(page: Page): Promise<DraftContentsPage> {
    await FootprintPage.check(page, 'draft-contents-page', 'Change the draft policy');
    return new DraftContentsPage(page);
  }
  ruleSummary(id: string): Locator {
    return this.page.locator(`[data-qa="rule-${id}"] [data-qa="rule-summary"]`);
  }
  async addProcedure(): Promise<void> {
    await clickThrough(this.page, this.page.locator('[data-qa="add-procedure"]'));
  }
  async openRule(id: string): Promise<void> {
    await clickThrough(this.page, this.page.locator(`[data-qa="rule-${id}"] a`));
  }
  async preview(): Promise<void> {
    await clickThrough(this.page, this.page.locator('[data-qa="preview-link"]'));
  }
}

export class RulePage extends FormPage {
  static async verifyOnPage(page: Page, id: string): Promise<RulePage> {
    await FootprintPage.check(page, 'draft-rule-page', `Change rule ${id}`);
    return new RulePage(page);
  }
  async chooseModality(modality: string): Promise<void> {
    await this.page.locator(`[data-qa="modality-${modality}"]`).check();
  }
  modality(modality: string): Locator {
    return this.page.locator(`[data-qa="modality-${modality}"]`);
  }
  fieldError(id: string): Locator {
    return this.page.locator(`#${id}-error`);
  }
  readonly exceptions = this.page.locator('[data-qa="exceptions"]');
  async addException(): Promise<void> {
    await clickThrough(this.page, this.page.locator('[data-qa="add-exception"]'));
  }
}

export class PreviewPage extends FootprintPage {
  readonly document: Locator;
  readonly verdict: Locator;
  constructor(page: Page) {
    super(page);
    this.document = page.locator('[data-qa="document"]');
    this.verdict = page.locator('[data-qa="verdict"]');
  }
  static async verifyOnPage(page: Page): Promise<PreviewPage> {
    await FootprintPage.check(page, 'draft-preview-page', 'Preview the draft policy');
    return new PreviewPage(page);
  }
  rule(id: string): Locator {
    return this.page.locator(`[data-qa="document-rule-${id}"]`);
  }
  /** A rule among those that decided the answer to the question. */
  finding(id: string): Locator {
    return this.page.locator(`[data-qa="finding-${id}"]`);
  }
  async ask(question: { who: string; does: string; content?: string }): Promise<void> {
    await this.page.getByLabel('Who', { exact: true }).selectOption({ label: question.who });
    await this.page.getByLabel('What they do', { exact: true }).selectOption({ label: question.does });
    if (question.content) await this.page.getByLabel(question.content, { exact: true }).check();
    await clickThrough(this.page, this.page.locator('[data-qa="ask"]'));
  }
}

/** The editor's other forms: the details, a section, an exception, a procedure and its removal, the import. */
export class DraftFormPage extends FormPage {
  static async verifyOnPage(
    page: Page,
    marker: 'details' | 'section' | 'exception' | 'procedure' | 'procedure-remove' | 'import',
    heading: string,
  ): Promise<DraftFormPage> {
    await FootprintPage.check(page, `draft-${marker}-page`, heading);
    return new DraftFormPage(page);
  }
  /** Ticks a box by its label, within the group of boxes with this legend. */
  async tick(legend: string, label: string): Promise<void> {
    await this.page.getByRole('group', { name: legend }).getByLabel(label, { exact: true }).check();
  }
  /** Ticks the box that sends this value, for labels too long to type in a test. */
  async tickValue(name: string, value: string): Promise<void> {
    await this.page.locator(`input[name="${name}"][value="${value}"]`).check();
  }
  async choose(label: string, option: string, nth = 0): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).nth(nth).selectOption({ label: option });
  }
  async upload(fileName: string, text: string): Promise<void> {
    await this.page
      .getByLabel('Upload a policy file', { exact: true })
      .setInputFiles({ name: fileName, mimeType: 'application/yaml', buffer: Buffer.from(text) });
    await this.continue();
  }
}
