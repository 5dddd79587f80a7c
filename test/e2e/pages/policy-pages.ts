// The school's policy pages for those who look after it, and the sign-off pages, as a person
// uses them: by labels and buttons, checked by their data-qa markers.
import type { Locator, Page } from 'playwright-core';
import { clickThrough, FootprintPage, FormPage } from './footprint-page.ts';

export class PolicyPage extends FormPage {
  readonly status: Locator;
  readonly published: Locator;
  constructor(page: Page) {
    super(page);
    this.status = page.locator('[data-qa="in-hand-status"]');
    this.published = page.locator('[data-qa="published"]');
  }
  static async verifyOnPage(page: Page): Promise<PolicyPage> {
    await FootprintPage.check(page, 'policy-page', 'Your school’s policy');
    return new PolicyPage(page);
  }
  async adopt(source: string): Promise<void> {
    await this.page.getByLabel(source).check();
    await clickThrough(this.page, this.page.locator('[data-qa="adopt"]'));
  }
  async changeDraft(): Promise<void> {
    await clickThrough(this.page, this.page.locator('[data-qa="edit-link"]'));
  }
  async sendToGovernors(summary: string): Promise<void> {
    await this.fill({ 'What changed in this version, and why': summary });
    await clickThrough(this.page, this.page.locator('[data-qa="send"]'));
  }
  async ratify(day: string, month: string, year: string, meeting: string): Promise<void> {
    const form = this.page.locator('[data-qa="ratify-form"]');
    await form.locator('#ratifiedOn-day').fill(day);
    await form.locator('[name="ratifiedOn-month"]').fill(month);
    await form.locator('[name="ratifiedOn-year"]').fill(year);
    await this.fill({ 'The meeting, as the minutes name it': meeting });
    await clickThrough(this.page, this.page.locator('[data-qa="ratify"]'));
  }
  async publish(): Promise<void> {
    await clickThrough(this.page, this.page.locator('[data-qa="publish"]'));
  }
  async openPublic(): Promise<void> {
    await clickThrough(this.page, this.page.locator('[data-qa="public-link"]'));
  }
}

export class SignOffPage extends FootprintPage {
  readonly completion: Locator;
  readonly outstanding: Locator;
  constructor(page: Page) {
    super(page);
    this.completion = page.locator('[data-qa="completion"]');
    this.outstanding = page.locator('[data-qa="outstanding-names"] li');
  }
  static async verifyOnPage(page: Page): Promise<SignOffPage> {
    await FootprintPage.check(page, 'sign-off-page', 'Sign-off of the policy');
    return new SignOffPage(page);
  }
  async ask(audience: string): Promise<void> {
    await this.page.locator('[data-qa="start-form"]').getByLabel(audience, { exact: true }).check();
    await clickThrough(this.page, this.page.locator('[data-qa="start-campaign"]'));
  }
}

export class AcknowledgePage extends FormPage {
  static async verifyOnPage(page: Page, heading: string): Promise<AcknowledgePage> {
    await FootprintPage.check(page, 'acknowledge-page', heading);
    return new AcknowledgePage(page);
  }
  async agree(): Promise<void> {
    await this.page.getByLabel('I have read it and I agree to follow it').check();
    await clickThrough(this.page, this.page.locator('[data-qa="send-answer"]'));
  }
}
