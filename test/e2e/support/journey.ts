// What every browser journey does: a phone-sized browser with JavaScript off, signing someone in
// (with their authenticator code when their roles need one), and a free port for a server whose
// emailed links must carry its own address.
import { createServer } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { loadConfig } from '../../../src/config.ts';
import { createLogger } from '../../../src/log.ts';
import { createAdapters, type RunningAdapters } from '../../../src/wiring.ts';
import { startSmtpServer, type TestSmtpServer } from '../../integration/mail/smtp-test-server.ts';
import { copyPgliteTemplate } from '../../support/backends.ts';
import { testPassword } from '../../support/community.ts';
import { startServerProcess, type ServerProcess } from '../../support/processes.ts';
import { CodePage, HomePage, SignInPage } from '../pages/sign-in-pages.ts';
import { expectAccessible } from './accessibility.ts';

/** A new browser context 320 pixels wide, JavaScript off, as a small phone would be. */
export async function onPhone(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 320, height: 640 },
    acceptDownloads: true,
  });
  return { context, page: await context.newPage() };
}

/** Signs in through the pages with the test password (and a code if given), checking each page. */
export async function signInAs(
  page: Page,
  baseUrl: string,
  who: { email: string; name: string; code?: string },
): Promise<HomePage> {
  await page.goto(`${baseUrl}/sign-in`);
  const form = await SignInPage.verifyOnPage(page);
  await form.fill({ 'Email address': who.email, Password: testPassword });
  await form.continue();
  if (who.code) {
    const codePage = await CodePage.verifyOnPage(page);
    await codePage.fill({ Code: who.code });
    await codePage.continue();
  }
  const home = await HomePage.verifyOnPage(page, who.name);
  await expectAccessible(page);
  return home;
}

/** A port nothing is listening on, for a server that must know its address before it starts. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Footprint started on this data, with its mail going to a loopback SMTP server, so that the links in its emails carry its own address. */
export async function startWithMail(dataDir: string): Promise<{ server: ServerProcess; smtp: TestSmtpServer }> {
  const smtp = await startSmtpServer();
  const port = await freePort();
  const server = await startServerProcess({
    DATA_DIR: dataDir,
    PORT: String(port),
    BASE_URL: `http://127.0.0.1:${port}`,
    SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
  });
  return { server, smtp };
}

/** Writes what a journey starts from into the data directory, before Footprint is started on it. */
export async function prepareData(dataDir: string, write: (adapters: RunningAdapters) => Promise<void>): Promise<void> {
  await copyPgliteTemplate(dataDir);
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const adapters = await createAdapters(config, createLogger(config));
  try {
    await adapters.migrate();
    await write(adapters);
  } finally {
    await adapters.close();
  }
}
