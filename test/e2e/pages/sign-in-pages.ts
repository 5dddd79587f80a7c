// The sign-in steps and the signed-in pages, as page objects.
import type { Locator, Page } from 'playwright-core';
import { FootprintPage, FormPage } from './footprint-page.ts';

export class SetPasswordPage extends FormPage {
  static async verifyOnPage(page: Page): Promise<SetPasswordPage> {
    await FootprintPage.check(page, 'set-password-page', 'Choose a password');
    return new SetPasswordPage(page);
  }
}

export class SecondFactorPage extends FormPage {
  readonly typedKey: Locator;
  readonly qrCode: Locator;
  constructor(page: Page) {
    super(page);
    this.typedKey = page.locator('[data-qa="typed-key"]');
    this.qrCode = page.locator('[data-qa="qr-code"] svg[role="img"]');
  }
  static async verifyOnPage(page: Page): Promise<SecondFactorPage> {
    await FootprintPage.check(page, 'second-factor-page', 'Set up your authenticator app');
    return new SecondFactorPage(page);
  }
  async key(): Promise<string> {
    return ((await this.typedKey.textContent()) ?? '').replace(/\s+/g, '');
  }
}

export class RecoveryCodesPage extends FootprintPage {
  readonly codes: Locator;
  readonly continueLink: Locator;
  constructor(page: Page) {
    super(page);
    this.codes = page.locator('[data-qa="recovery-codes"] li');
    this.continueLink = page.locator('[data-qa="continue"]');
  }
  static async verifyOnPage(page: Page): Promise<RecoveryCodesPage> {
    await FootprintPage.check(page, 'recovery-codes-page', 'Your authenticator app is set up');
    return new RecoveryCodesPage(page);
  }
}

export class HomePage extends FootprintPage {
  readonly roles: Locator;
  readonly signOutButton: Locator;
  constructor(page: Page) {
    super(page);
    this.roles = page.locator('[data-qa="roles"]');
    this.signOutButton = page.locator('[data-qa="sign-out"]');
  }
  static async verifyOnPage(page: Page, name: string): Promise<HomePage> {
    await FootprintPage.check(page, 'home-page', `Welcome, ${name}`);
    return new HomePage(page);
  }
  async signOut(): Promise<void> {
    await Promise.all([this.page.waitForEvent('load'), this.signOutButton.click()]);
  }
}

export class SignInPage extends FormPage {
  readonly notice: Locator;
  constructor(page: Page) {
    super(page);
    this.notice = page.locator('[data-qa="notice"]');
  }
  static async verifyOnPage(page: Page): Promise<SignInPage> {
    await FootprintPage.check(page, 'sign-in-page', 'Sign in to Footprint');
    return new SignInPage(page);
  }
}

export class CodePage extends FormPage {
  static async verifyOnPage(page: Page): Promise<CodePage> {
    await FootprintPage.check(page, 'sign-in-code-page', 'Enter the code from your authenticator app');
    return new CodePage(page);
  }
}
