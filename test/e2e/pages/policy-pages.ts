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

/** The sign-off dashboard's figures and lists, read as the Headteacher sees them. */
export class SignOffFigures {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }
  /** Each row of the first request's table: answer, people, share. */
  async rows(): Promise<string[][]> {
    const rows = this.page.locator('[data-qa="campaign"]').first().locator('[data-qa="figures"] tbody tr');
    const found: string[][] = [];
    for (const row of await rows.all()) {
      found.push((await row.locator('th, td').allTextContents()).map((text) => text.trim()));
    }
    return found;
  }
  /** Who declined, and the reason each gave. */
  async declined(): Promise<[name: string, reason: string][]> {
    const found: [string, string][] = [];
    for (const row of await this.page.locator('[data-qa="declined"] .govuk-summary-list__row').all()) {
      const name = (await row.locator('dt').textContent())?.trim() ?? '';
      found.push([name, (await row.locator('dd').textContent())?.trim() ?? '']);
    }
    return found;
  }
  sending(): Locator {
    return this.page.locator('[data-qa="sending"]');
  }
}

/** Answering through an emailed link or signed in: sending with no answer, and declining. */
export class AnswerForm {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }
  async sendWithoutAnswer(): Promise<void> {
    await clickThrough(this.page, this.page.locator('[data-qa="send-answer"]'));
  }
  async decline(reason: string): Promise<void> {
    await this.page.getByLabel('I do not agree').check();
    await this.page.getByLabel('Why do you not agree?').fill(reason);
    await clickThrough(this.page, this.page.locator('[data-qa="send-answer"]'));
  }
  errorSummary(): Locator {
    return this.page.locator('[data-qa="error-summary"]');
  }
}

/** The page a person's answer leads to. */
export class AnsweredPage extends FootprintPage {
  /** The heading is a panel's title, above the version it names. */
  static async verifyOnPage(page: Page, heading: string): Promise<AnsweredPage> {
    const title = (await page.locator('[data-qa="answered-page"] .govuk-panel__title').textContent())?.trim();
    if (title !== heading)
      throw new Error(`Expected the answer "${heading}" but found "${title ?? 'none'}" at ${page.url()}`);
    return new AnsweredPage(page);
  }
  whatNext(): Locator {
    return this.page.locator('[data-qa="what-next"]');
  }
}

/** What a signed-in person still has to answer (/acknowledge). */
export class OutstandingPage extends FootprintPage {
  static async verifyOnPage(page: Page): Promise<OutstandingPage> {
    await FootprintPage.check(page, 'outstanding-page', 'Policies waiting for your answer');
    return new OutstandingPage(page);
  }
  nothingOutstanding(): Locator {
    return this.page.locator('[data-qa="nothing-outstanding"]');
  }
  items(): Locator {
    return this.page.locator('[data-qa="outstanding"] li');
  }
}
