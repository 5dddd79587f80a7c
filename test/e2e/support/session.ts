// One real Footprint and one browser per test file; a fresh browser context per test.
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchBrowser, startFootprint, type RunningFootprint } from './browser.ts';

export interface OpenedPage {
  page: Page;
  response: Response | null;
  /** Console errors and uncaught exceptions seen on the page. */
  problems: string[];
}

export interface OpenOptions {
  javaScriptEnabled?: boolean;
  width?: number;
}

/** `start` runs Footprint for the file: by default `footprint start`; a test may bring its own, to reach its outbox. */
export function browserSession<F extends RunningFootprint = RunningFootprint>(
  start: () => Promise<F> = startFootprint as () => Promise<F>,
) {
  let footprint: F | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    footprint = await start();
    browser = await launchBrowser();
  });

  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  afterAll(async () => {
    await browser?.close();
    await footprint?.stop();
  });

  return {
    footprint(): F {
      if (!footprint) throw new Error('Footprint did not start');
      return footprint;
    },
    async open(path: string, options: OpenOptions = {}): Promise<OpenedPage> {
      if (!browser || !footprint) throw new Error('The browser or Footprint did not start');
      context = await browser.newContext({
        javaScriptEnabled: options.javaScriptEnabled ?? true,
        viewport: { width: options.width ?? 1024, height: 768 },
      });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      const response = await page.goto(`${footprint.baseUrl}${path}`);
      return { page, response, problems };
    },
  };
}
