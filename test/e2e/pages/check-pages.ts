/// <reference lib="dom" />
// "Check the policy": its start page, one question a page, the check of every answer, and the answer.
import type { Locator, Page } from 'playwright-core';
import { clickThrough, FootprintPage, FormPage } from './footprint-page.ts';

export class CheckStartPage extends FootprintPage {
  static async verifyOnPage(page: Page, school: string): Promise<CheckStartPage> {
    await FootprintPage.check(page, 'check-start-page', `Check ${school}’s social media policy`);
    return new CheckStartPage(page);
  }

  async start(): Promise<void> {
    await clickThrough(this.page, this.page.locator('[data-qa="start"]'));
  }
}

export class CheckQuestionPage extends FormPage {
  readonly backLink: Locator;

  constructor(page: Page) {
    super(page);
    this.backLink = page.locator('[data-qa="back-link"]');
  }

  static async verifyOnPage(page: Page, key: string, heading: string): Promise<CheckQuestionPage> {
    await FootprintPage.check(page, `check-${key}-page`, heading);
    return new CheckQuestionPage(page);
  }

  /** Ticks or selects each choice by its label. */
  async choose(...labels: string[]): Promise<void> {
    for (const label of labels) await this.page.getByLabel(label, { exact: true }).check();
  }

  async answer(...labels: string[]): Promise<void> {
    await this.choose(...labels);
    await this.continue();
  }
}

export class CheckYourAnswersPage extends FootprintPage {
  readonly answers: Locator;

  constructor(page: Page) {
    super(page);
    this.answers = page.locator('[data-qa="answers"]');
  }

  static async verifyOnPage(page: Page): Promise<CheckYourAnswersPage> {
    await FootprintPage.check(page, 'check-check-your-answers-page', 'Check your answers');
    return new CheckYourAnswersPage(page);
  }

  async getAnswer(): Promise<void> {
    await clickThrough(this.page, this.page.locator('[data-qa="get-answer"]'));
  }
}

export class CheckAnswerPage extends FootprintPage {
  static async verifyOnPage(page: Page, heading: string): Promise<CheckAnswerPage> {
    await FootprintPage.check(page, 'check-answer-page', heading);
    return new CheckAnswerPage(page);
  }

  rule(id: string): Locator {
    return this.page.locator(`[data-qa="rule-${id}"]`);
  }

  ruleLink(id: string): Locator {
    return this.page.locator(`[data-qa="rule-link-${id}"]`);
  }
}
