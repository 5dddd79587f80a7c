// The pages of emailed links: asking for one, being told to check your email, choosing a new
// password, confirming a sign-in, and a link that no longer works. Fields are found by their
// labels, everything else by data-qa ids.
import type { Locator, Page } from 'playwright-core';
import { clickThrough, FootprintPage, FormPage } from './footprint-page.ts';

export class ForgotPasswordPage extends FormPage {
  static async verifyOnPage(page: Page): Promise<ForgotPasswordPage> {
    await FootprintPage.check(page, 'forgot-password-page', 'Reset your password');
    return new ForgotPasswordPage(page);
  }
}

export class AskForSignInLinkPage extends FormPage {
  static async verifyOnPage(page: Page): Promise<AskForSignInLinkPage> {
    await FootprintPage.check(page, 'email-link-page', 'Get a sign-in link by email');
    return new AskForSignInLinkPage(page);
  }
}

export class CheckYourEmailPage extends FootprintPage {
  readonly sentTo: Locator;
  constructor(page: Page) {
    super(page);
    this.sentTo = page.locator('[data-qa="sent-to"]');
  }
  static async verifyOnPage(page: Page): Promise<CheckYourEmailPage> {
    await FootprintPage.check(page, 'check-your-email-page', 'Check your email');
    return new CheckYourEmailPage(page);
  }
}

export class ResetPasswordPage extends FormPage {
  static async verifyOnPage(page: Page): Promise<ResetPasswordPage> {
    await FootprintPage.check(page, 'reset-password-page', 'Choose a new password');
    return new ResetPasswordPage(page);
  }
}

export class PasswordChangedPage extends FootprintPage {
  readonly signInButton: Locator;
  constructor(page: Page) {
    super(page);
    this.signInButton = page.locator('[data-qa="sign-in"]');
  }
  static async verifyOnPage(page: Page): Promise<PasswordChangedPage> {
    await FootprintPage.check(page, 'password-changed-page', 'Your password has been changed');
    return new PasswordChangedPage(page);
  }
  async signIn(): Promise<void> {
    await clickThrough(this.page, this.signInButton);
  }
}

export class ConfirmSignInPage extends FormPage {
  static async verifyOnPage(page: Page): Promise<ConfirmSignInPage> {
    await FootprintPage.check(page, 'confirm-sign-in-page', 'Sign in to Footprint');
    return new ConfirmSignInPage(page);
  }
}

export class ConfirmInvitationPage extends FormPage {
  static async verifyOnPage(page: Page): Promise<ConfirmInvitationPage> {
    await FootprintPage.check(page, 'confirm-invitation-page', 'Accept your invitation to Footprint');
    return new ConfirmInvitationPage(page);
  }
}

export class LinkUnusablePage extends FootprintPage {
  readonly whatToDo: Locator;
  constructor(page: Page) {
    super(page);
    this.whatToDo = page.locator('[data-qa="what-to-do"]');
  }
  static async verifyOnPage(
    page: Page,
    heading: 'This link has expired' | 'This link has already been used' | 'This link does not work',
  ): Promise<LinkUnusablePage> {
    await FootprintPage.check(page, 'link-unusable-page', heading);
    return new LinkUnusablePage(page);
  }
}

/** The links under the sign-in form. */
export const signInPageLinks = (page: Page) => ({
  forgotPassword: page.locator('[data-qa="forgot-password"]'),
  emailLink: page.locator('[data-qa="email-link"]'),
});
