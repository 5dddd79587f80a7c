/// <reference lib="dom" />
// The declarations register: one's own declarations, the form to declare, the Headteacher's
// register, and one declaration with its decision.
import type { Locator, Page } from 'playwright-core';
import { clickThrough, FootprintPage, FormPage } from './footprint-page.ts';

export class DeclarationsPage extends FootprintPage {
  readonly banner: Locator;

  constructor(page: Page) {
    super(page);
    this.banner = page.locator('[data-qa="declared-banner"]');
  }

  static async verifyOnPage(page: Page): Promise<DeclarationsPage> {
    await FootprintPage.check(page, 'declarations-page', 'Your declarations');
    return new DeclarationsPage(page);
  }

  async declare(): Promise<void> {
    await clickThrough(this.page, this.page.locator('[data-qa="declare"]'));
  }
}

export class DeclarationFormPage extends FormPage {
  static async verifyOnPage(page: Page): Promise<DeclarationFormPage> {
    await FootprintPage.check(page, 'declaration-form-page', 'Declare a relationship');
    return new DeclarationFormPage(page);
  }

  async choose(label: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).check();
  }

  async select(label: string, option: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).selectOption({ label: option });
  }

  async send(): Promise<void> {
    await clickThrough(this.page, this.page.locator('[data-qa="send"]'));
  }
}

export class DeclarationRegisterPage extends FootprintPage {
  readonly banner: Locator;

  constructor(page: Page) {
    super(page);
    this.banner = page.locator('[data-qa="decided-banner"]');
  }

  static async verifyOnPage(page: Page): Promise<DeclarationRegisterPage> {
    await FootprintPage.check(page, 'declarations-review-page', 'Declarations to review');
    return new DeclarationRegisterPage(page);
  }

  /** Opens the first declaration listed, the oldest waiting. */
  async open(): Promise<void> {
    await clickThrough(this.page, this.page.getByRole('link', { name: /^Open/ }).first());
  }
}

export class DeclarationPage extends FootprintPage {
  readonly details: Locator;
  /** Why the person reading it may not decide on it: their own. */
  readonly refusal: Locator;

  constructor(page: Page) {
    super(page);
    this.details = page.locator('[data-qa="declaration"]');
    this.refusal = page.locator('[data-qa="refusal"]');
  }

  static async verifyOnPage(page: Page, declarer: string): Promise<DeclarationPage> {
    await FootprintPage.check(page, 'declaration-page', `Declaration by ${declarer}`);
    return new DeclarationPage(page);
  }

  async approve(): Promise<void> {
    await clickThrough(this.page, this.page.locator('[data-qa="approve"]'));
  }
}

/** The check's answer, found by how its heading starts: the rest names the act in the policy's words. */
export async function answerHeading(page: Page): Promise<string> {
  if ((await page.locator('[data-qa="check-answer-page"]').count()) !== 1) {
    throw new Error(`Expected the check's answer at ${page.url()}`);
  }
  return ((await page.locator('[data-qa="page-heading"]').textContent()) ?? '').trim();
}
