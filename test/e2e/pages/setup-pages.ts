// The pages of the first-run set-up. Form fields are found by their labels, as people find
// them (which also proves every field is labelled); everything else by its data-qa id.
import type { Locator, Page } from 'playwright-core';
import { clickThrough, FootprintPage } from './footprint-page.ts';

/** Each question page: its data-qa marker and its heading. */
export const setupQuestions = {
  organisationType: {
    marker: 'setup-organisation-type-page',
    heading: 'Is your school part of a multi-academy trust or a local authority, or does it stand alone?',
  },
  organisationName: { marker: 'setup-organisation-name-page', heading: 'What is the name of the trust?' },
  schoolName: { marker: 'setup-school-name-page', heading: 'What is your school’s name?' },
  referenceNumberAndPhase: {
    marker: 'setup-reference-number-and-phase-page',
    heading: 'Your school’s reference number and phase',
  },
  webAddress: {
    marker: 'setup-web-address-page',
    heading: 'Choose the web address for your school’s public pages',
  },
  address: { marker: 'setup-address-page', heading: 'What is your school’s address?' },
  contactAndSchoolDay: { marker: 'setup-contact-and-school-day-page', heading: 'Contact email and school day' },
  headteacher: { marker: 'setup-headteacher-page', heading: 'Who is the Headteacher?' },
} as const;

export type SetupQuestion = keyof typeof setupQuestions;

class SetupPage extends FootprintPage {
  readonly backLink: Locator;

  constructor(page: Page) {
    super(page);
    this.backLink = page.locator('[data-qa="back-link"]');
  }

  /** Waits for the page a link or button leads to, then checks it is the one expected. */
  protected static async arrive(page: Page, marker: string, heading: string): Promise<void> {
    await page.locator(`[data-qa="${marker}"]`).waitFor({ timeout: 10_000 });
    await FootprintPage.check(page, marker, heading);
  }
}

/** The "Set up Footprint for your school" start button, on the start page of a fresh install. */
export const setUpButton = (page: Page) => page.locator('[data-qa="set-up-button"]');

export class SetupQuestionPage extends SetupPage {
  readonly errorSummary: Locator;
  readonly errorLinks: Locator;
  readonly continueButton: Locator;

  constructor(page: Page) {
    super(page);
    this.errorSummary = page.locator('[data-qa="error-summary"]');
    this.errorLinks = this.errorSummary.locator('a');
    this.continueButton = page.locator('[data-qa="continue"]');
  }

  static async verifyOnPage(page: Page, question: SetupQuestion): Promise<SetupQuestionPage> {
    const { marker, heading } = setupQuestions[question];
    await SetupPage.arrive(page, marker, heading);
    return new SetupQuestionPage(page);
  }

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  /** Picks a radio by its data-qa id, such as "kind-trust" or "phase-primary". */
  async choose(option: string): Promise<void> {
    await this.page.locator(`[data-qa="${option}"]`).check();
  }

  async fill(values: Record<string, string>): Promise<void> {
    for (const [label, value] of Object.entries(values)) await this.field(label).fill(value);
  }

  async continue(): Promise<void> {
    await clickThrough(this.page, this.continueButton);
  }

  /** Follows a link of the error summary, which leads to the field it is about. */
  async followError(message: string): Promise<Locator> {
    const link = this.errorLinks.filter({ hasText: message });
    const target = (await link.getAttribute('href')) ?? '';
    await link.click();
    await this.page.waitForURL((url) => url.hash === target);
    return this.page.locator(target);
  }
}

export class SetupCheckPage extends SetupPage {
  static readonly heading = 'Check your answers before setting up Footprint';
  readonly setUpButton: Locator;

  constructor(page: Page) {
    super(page);
    this.setUpButton = page.locator('[data-qa="set-up"]');
  }

  static async verifyOnPage(page: Page): Promise<SetupCheckPage> {
    await SetupPage.arrive(page, 'setup-check-your-answers-page', SetupCheckPage.heading);
    return new SetupCheckPage(page);
  }

  /** The answer shown beside a key, in one of the lists: organisation, school or headteacher. */
  answer(list: 'organisation' | 'school' | 'headteacher', key: string): Locator {
    return this.row(list, key).locator('.govuk-summary-list__value');
  }

  async change(list: 'organisation' | 'school' | 'headteacher', key: string): Promise<void> {
    await clickThrough(this.page, this.row(list, key).getByRole('link', { name: /^Change/ }));
  }

  async setUp(): Promise<void> {
    await clickThrough(this.page, this.setUpButton);
  }

  private row(list: string, key: string): Locator {
    return this.page
      .locator(`[data-qa="${list}-answers"] .govuk-summary-list__row`)
      .filter({ has: this.page.locator('.govuk-summary-list__key', { hasText: new RegExp(`^\\s*${key}\\s*$`) }) });
  }
}

export class SetupConfirmationPage extends SetupPage {
  readonly created: Locator;
  readonly headteacher: Locator;
  readonly choosePassword: Locator;

  constructor(page: Page) {
    super(page);
    this.created = page.locator('[data-qa="created"]');
    this.headteacher = page.locator('[data-qa="headteacher"]');
    this.choosePassword = page.locator('[data-qa="choose-password"]');
  }

  static async verifyOnPage(page: Page): Promise<SetupConfirmationPage> {
    await SetupPage.arrive(page, 'setup-confirmation-page', 'Footprint is set up');
    return new SetupConfirmationPage(page);
  }
}

export class SetupAlreadyDonePage extends SetupPage {
  static async verifyOnPage(page: Page): Promise<SetupAlreadyDonePage> {
    await SetupPage.arrive(page, 'setup-already-set-up-page', 'Footprint is already set up');
    return new SetupAlreadyDonePage(page);
  }
}
