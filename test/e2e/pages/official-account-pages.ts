/// <reference lib="dom" />
// The register of official accounts: the list, the request form, one account (with its decision
// and reveal forms), and the form that deposits its login.
import type { Locator, Page } from 'playwright-core';
import { clickThrough, FootprintPage, FormPage } from './footprint-page.ts';

export class OfficialAccountsPage extends FootprintPage {
  readonly rows: Locator;

  constructor(page: Page) {
    super(page);
    this.rows = page.locator('[data-qa="register-row"]');
  }

  static async verifyOnPage(page: Page): Promise<OfficialAccountsPage> {
    await FootprintPage.check(page, 'official-accounts-page', 'Official social media accounts');
    return new OfficialAccountsPage(page);
  }

  async request(): Promise<void> {
    await clickThrough(this.page, this.page.locator('[data-qa="request-link"]'));
  }

  async open(name: string): Promise<void> {
    await clickThrough(this.page, this.page.getByRole('link', { name }));
  }
}

export class RequestAccountPage extends FormPage {
  static async verifyOnPage(page: Page): Promise<RequestAccountPage> {
    await FootprintPage.check(page, 'request-page', 'Request an official account');
    return new RequestAccountPage(page);
  }

  async select(label: string, option: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).selectOption({ label: option });
  }

  /** Ticks the answer `answer` to the question whose legend is `question`. */
  async answer(question: string, answer: string): Promise<void> {
    await this.page.getByRole('group', { name: question }).getByLabel(answer, { exact: true }).check();
  }

  async send(): Promise<void> {
    await clickThrough(this.page, this.page.locator('[data-qa="send-request"]'));
  }
}

export class OfficialAccountPage extends FootprintPage {
  readonly notice: Locator;
  readonly summary: Locator;
  readonly risk: Locator;
  readonly history: Locator;
  readonly revealed: Locator;
  readonly errorSummary: Locator;

  constructor(page: Page) {
    super(page);
    this.notice = page.locator('[data-qa="notice"]');
    this.summary = page.locator('[data-qa="summary"]');
    this.risk = page.locator('[data-qa="risk"]');
    this.history = page.locator('[data-qa="history"]');
    this.revealed = page.locator('[data-qa="revealed"]');
    this.errorSummary = page.locator('[data-qa="error-summary"]');
  }

  static async verifyOnPage(page: Page, address: string): Promise<OfficialAccountPage> {
    await FootprintPage.check(page, 'official-account-page', address);
    return new OfficialAccountPage(page);
  }

  async approve(): Promise<void> {
    await clickThrough(this.page, this.page.locator('[data-qa="approve"]'));
  }

  async depositLogin(): Promise<void> {
    await clickThrough(this.page, this.page.locator('[data-qa="deposit-link"]'));
  }

  async reveal(code: string): Promise<void> {
    await this.page.getByLabel('Your code from your authenticator app').fill(code);
    await clickThrough(this.page, this.page.locator('[data-qa="reveal"]'));
  }
}

export class DepositLoginPage extends FormPage {
  static async verifyOnPage(page: Page, heading = 'Deposit the login'): Promise<DepositLoginPage> {
    await FootprintPage.check(page, 'login-page', heading);
    return new DepositLoginPage(page);
  }

  async deposit(): Promise<void> {
    await clickThrough(this.page, this.page.locator('[data-qa="deposit"]'));
  }
}
