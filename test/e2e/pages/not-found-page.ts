import type { Locator, Page } from 'playwright-core';
import { FootprintPage } from './footprint-page.ts';

export class NotFoundPage extends FootprintPage {
  readonly startLink: Locator;

  constructor(page: Page) {
    super(page);
    this.startLink = page.locator('[data-qa="start-link"]');
  }

  static async verifyOnPage(page: Page): Promise<NotFoundPage> {
    await FootprintPage.check(page, 'not-found-page', 'Page not found');
    return new NotFoundPage(page);
  }
}
