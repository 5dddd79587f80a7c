import type { Page } from 'playwright-core';
import { FootprintPage } from './footprint-page.ts';

export class StartPage extends FootprintPage {
  static readonly heading = 'Your social media policy, working every day';

  static async verifyOnPage(page: Page): Promise<StartPage> {
    await FootprintPage.check(page, 'start-page', StartPage.heading);
    return new StartPage(page);
  }
}
