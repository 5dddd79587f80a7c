// The consent register's pages, as page objects: the Headteacher's purposes and renewal, a
// parent's children and answers, the staff check with its printable version, and a pupil's own
// link to their record, from the page that makes it to the record it shows.
import type { Locator, Page } from 'playwright-core';
import { clickThrough, FootprintPage, FormPage } from './footprint-page.ts';

const namesIn = async (list: Locator): Promise<string[]> =>
  (await list.locator('li').allTextContents()).map((text) => text.trim());

export class ConsentPurposesPage extends FootprintPage {
  readonly purposes: Locator;
  constructor(page: Page) {
    super(page);
    this.purposes = page.locator('[data-qa="active-purposes"] dt');
  }
  static async verifyOnPage(page: Page): Promise<ConsentPurposesPage> {
    await FootprintPage.check(page, 'consent-purposes-page', 'What families are asked about');
    return new ConsentPurposesPage(page);
  }
  async titles(): Promise<string[]> {
    return (await this.purposes.allTextContents()).map((text) => text.trim());
  }
}

export class ConsentRenewalPage extends FootprintPage {
  readonly lastRenewal: Locator;
  constructor(page: Page) {
    super(page);
    this.lastRenewal = page.locator('[data-qa="last-renewal"]');
  }
  static async verifyOnPage(page: Page): Promise<ConsentRenewalPage> {
    await FootprintPage.check(page, 'consent-renewal-page', 'Renew consent for the year');
    return new ConsentRenewalPage(page);
  }
  async start(): Promise<void> {
    await clickThrough(this.page, this.page.locator('[data-qa="start-renewal"]'));
  }
}

export class ConsentFamilyPage extends FootprintPage {
  readonly saved: Locator;
  constructor(page: Page) {
    super(page);
    this.saved = page.locator('[data-qa="saved"]');
  }
  static async verifyOnPage(page: Page): Promise<ConsentFamilyPage> {
    await FootprintPage.check(page, 'consent-family-page', 'Photos and your child’s work');
    return new ConsentFamilyPage(page);
  }
  /** The answer shown for one purpose of one child. */
  async answer(child: string, purpose: string): Promise<string> {
    const section = this.page.locator('[data-qa="child"]', { hasText: child });
    const row = section.locator('.govuk-summary-list__row', { hasText: purpose });
    return ((await row.locator('dd').textContent()) ?? '').trim();
  }
  async openChild(child: string): Promise<void> {
    await clickThrough(
      this.page,
      this.page.locator('[data-qa="child"]', { hasText: child }).locator('[data-qa="change-answers"]'),
    );
  }
}

export class ConsentChildPage extends FormPage {
  static async verifyOnPage(page: Page, child: string): Promise<ConsentChildPage> {
    await FootprintPage.check(page, 'consent-child-page', `Photos and work: ${child}`);
    return new ConsentChildPage(page);
  }
  /** Chooses Yes or No for a purpose, by its title. */
  async choose(purpose: string, answer: 'Yes' | 'No'): Promise<void> {
    await this.page.getByRole('group', { name: purpose, exact: true }).getByLabel(answer, { exact: true }).check();
  }
}

export class ConsentCheckPage extends FormPage {
  readonly mayAppear: Locator;
  readonly mayNotAppear: Locator;
  readonly noAnswer: Locator;
  constructor(page: Page) {
    super(page);
    this.mayAppear = page.locator('[data-qa="may-appear"]');
    this.mayNotAppear = page.locator('[data-qa="may-not-appear"]');
    this.noAnswer = page.locator('[data-qa="no-answer"]');
  }
  static async verifyOnPage(page: Page): Promise<ConsentCheckPage> {
    await FootprintPage.check(page, 'consent-check-page', 'Can we post this?');
    return new ConsentCheckPage(page);
  }
  async check(yearGroup: string, purpose: string): Promise<void> {
    await this.page.getByLabel('Year group', { exact: true }).selectOption({ label: yearGroup });
    await this.page.getByLabel(purpose, { exact: true }).check();
    await this.continue();
  }
  /** Checks one class, chosen by the text of its option, such as "3 Birch (Year 3)". */
  async checkClass(option: string, purpose: string): Promise<void> {
    await this.page.getByLabel('Class', { exact: true }).selectOption({ label: option });
    await this.page.getByLabel(purpose, { exact: true }).check();
    await this.continue();
  }
  mayAppearNames(): Promise<string[]> {
    return namesIn(this.mayAppear);
  }
  mayNotAppearNames(): Promise<string[]> {
    return namesIn(this.mayNotAppear);
  }
  async openPrintVersion(): Promise<void> {
    await clickThrough(this.page, this.page.locator('[data-qa="print-link"]'));
  }
}

export class ConsentCheckPrintPage extends FootprintPage {
  readonly mayNotAppear: Locator;
  constructor(page: Page) {
    super(page);
    this.mayNotAppear = page.locator('[data-qa="may-not-appear"]');
  }
  static async verifyOnPage(page: Page, heading: string): Promise<ConsentCheckPrintPage> {
    await FootprintPage.check(page, 'consent-check-print-page', heading);
    return new ConsentCheckPrintPage(page);
  }
  mayNotAppearNames(): Promise<string[]> {
    return namesIn(this.mayNotAppear);
  }
}

export class ConsentCoveragePage extends FootprintPage {
  static async verifyOnPage(page: Page, heading = 'Consent by year group'): Promise<ConsentCoveragePage> {
    await FootprintPage.check(page, 'consent-coverage-page', heading);
    return new ConsentCoveragePage(page);
  }
  /** Yes, no and no answer for a purpose in a class. */
  async classFigures(className: string, purpose: string): Promise<number[]> {
    const row = this.page
      .locator(`[data-qa="coverage"][data-class="${className}"]`)
      .locator('[data-qa="coverage-row"]', { hasText: purpose });
    return (await row.locator('td').allTextContents()).map((text) => Number(text.trim()));
  }
  async showByYearGroup(): Promise<void> {
    await clickThrough(this.page, this.page.locator('[data-qa="by-year-link"]'));
  }
  /** Yes, no and no answer for a purpose in a year group. */
  async figures(yearGroup: string, purpose: string): Promise<number[]> {
    const row = this.page
      .locator(`[data-qa="coverage"][data-year-group="${yearGroup}"]`)
      .locator('[data-qa="coverage-row"]', { hasText: purpose });
    return (await row.locator('td').allTextContents()).map((text) => Number(text.trim()));
  }
}

export class PupilConsentPage extends FootprintPage {
  readonly history: Locator;
  constructor(page: Page) {
    super(page);
    this.history = page.locator('[data-qa="history-row"]');
  }
  static async verifyOnPage(page: Page, name: string): Promise<PupilConsentPage> {
    await FootprintPage.check(page, 'consent-pupil-page', `What we have recorded for ${name}`);
    return new PupilConsentPage(page);
  }
  async makeOwnLink(): Promise<void> {
    await clickThrough(this.page, this.page.locator('[data-qa="make-own-link"]'));
  }
}

export class OwnLinkMadePage extends FootprintPage {
  readonly link: Locator;
  readonly expiry: Locator;
  constructor(page: Page) {
    super(page);
    this.link = page.locator('[data-qa="own-link"]');
    this.expiry = page.locator('[data-qa="own-link-expiry"]');
  }
  static async verifyOnPage(page: Page, name: string): Promise<OwnLinkMadePage> {
    await FootprintPage.check(page, 'own-link-made-page', `A link for ${name} to see their record`);
    return new OwnLinkMadePage(page);
  }
  async address(): Promise<string> {
    return ((await this.link.textContent()) ?? '').trim();
  }
}

export class OwnLinkConfirmPage extends FormPage {
  static async verifyOnPage(page: Page): Promise<OwnLinkConfirmPage> {
    await FootprintPage.check(page, 'own-link-confirm-page', 'See what your school has recorded for you');
    return new OwnLinkConfirmPage(page);
  }
}

export class OwnRecordPage extends FootprintPage {
  readonly rows: Locator;
  constructor(page: Page) {
    super(page);
    this.rows = page.locator('[data-qa="own-record-row"]');
  }
  static async verifyOnPage(page: Page): Promise<OwnRecordPage> {
    await FootprintPage.check(page, 'own-record-page', 'What your school has recorded for you');
    return new OwnRecordPage(page);
  }
  /** What is recorded for a purpose, by its title: "Yes", "No: withdrawn", "No" or "Nothing recorded". */
  async recorded(purpose: string): Promise<string> {
    const row = this.rows.filter({ has: this.page.locator('dt', { hasText: purpose }) });
    return ((await row.locator('[data-qa="recorded"]').textContent()) ?? '').trim();
  }
}
