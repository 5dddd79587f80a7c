// What is said about the school, in the browser: the DSL checks the school's Bluesky search (a
// local server answering with recorded posts in Bluesky's format); a post naming a pupil with a
// photo heads the inbox with the words that triggered it, and the DSL is emailed; praise comes
// with a suggested reply; "grace period" names nobody; the post naming the pupil is made an
// incident that raises the school's procedure. On a small phone with JavaScript off, every page
// accessible.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../src/adapters/crypto/totp.ts';
import type { TestSmtpServer } from '../integration/mail/smtp-test-server.ts';
import { aPersonWithAccount, aSchool } from '../support/community.ts';
import { browserAvailable } from '../support/environment.ts';
import { aPublishedPolicy } from '../support/policy.ts';
import type { ServerProcess } from '../support/processes.ts';
import { clickThrough } from './pages/footprint-page.ts';
import { expectAccessible } from './support/accessibility.ts';
import { launchBrowser } from './support/browser.ts';
import { onPhone, prepareData, signInAs, startWithMail } from './support/journey.ts';

const post = (rkey: string, text: string, withImage = false) => ({
  uri: `at://did:plc:hollyparent/app.bsky.feed.post/${rkey}`,
  cid: `bafy${rkey}`,
  author: { did: 'did:plc:hollyparent', handle: 'hollymum.bsky.social', displayName: 'Holly mum', labels: [] },
  record: { $type: 'app.bsky.feed.post', createdAt: '2026-11-21T18:00:00.000Z', text, langs: ['en'] },
  ...(withImage && {
    embed: {
      $type: 'app.bsky.embed.images#view',
      images: [{ thumb: 'https://cdn.example/t.jpg', fullsize: 'https://cdn.example/f.jpg', alt: 'Children on stage' }],
    },
  }),
  indexedAt: '2026-11-21T18:00:01.000Z',
  labels: [],
});

describe.runIf(browserAvailable())('What is said about the school', () => {
  let dataDir: string;
  let feed: Server;
  let server: ServerProcess | undefined;
  let smtp: TestSmtpServer | undefined;
  let browser: Browser | undefined;
  let dslKey = '';

  beforeAll(async () => {
    feed = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          posts: [
            post('3bbb1', 'So proud of Grace Hill singing solo at the Holly Primary carol concert! Photos below', true),
            post('3bbb2', 'Thank you Holly Primary for a wonderful nativity, the staff were brilliant'),
            post('3bbb3', 'Holly Primary reminds parents the grace period for trip money ends Friday'),
          ],
        }),
      );
    });
    await new Promise<void>((resolve) => feed.listen(0, '127.0.0.1', resolve));
    const service = `http://127.0.0.1:${(feed.address() as AddressInfo).port}`;
    dataDir = await mkdtemp(join(tmpdir(), 'footprint-e2e-monitoring-'));
    await prepareData(dataDir, async (adapters) => {
      const school = await aSchool(adapters, 'holly', '840001');
      await aPublishedPolicy(adapters, school);
      const dsl = await aPersonWithAccount(
        adapters,
        school.id,
        {
          givenName: 'Dana',
          familyName: 'Lead',
          email: 'dsl@holly.example',
          roles: [{ role: 'staff', jobTitle: 'Deputy head', duties: ['dsl'] }],
        },
        { authenticator: true },
      );
      dslKey = dsl.key!;
      await adapters.units.inSchool(school.id, async (store) => {
        await store.pupils.add([
          { misId: 'P1', legalGivenName: 'Grace', legalFamilyName: 'Hill', dateOfBirth: '2018-04-05', yearGroup: '3' },
        ]);
        const now = new Date();
        await store.monitoring.saveSettings(
          { names: ['Holly Primary', 'Holly Primary School'], handles: ['@hollyprimary'], retentionMonths: 12 },
          dsl.personId,
          now,
        );
        // Not yet due, so that the background job leaves it for the DSL to check.
        await store.monitoring.addSource(
          { kind: 'bluesky_search', query: 'Holly Primary', service },
          { consecutiveFailures: 0, nextPollAt: new Date(now.getTime() + 24 * 3600 * 1000) },
          dsl.personId,
          now,
        );
      });
    });
    ({ server, smtp } = await startWithMail(dataDir));
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop('SIGTERM');
    await smtp?.close();
    await new Promise<void>((resolve) => feed.close(() => resolve()));
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('finds a post naming a pupil, puts it first, and makes it an incident', async () => {
    const { context, page } = await onPhone(browser!);
    await signInAs(page, server!.url, {
      email: 'dsl@holly.example',
      name: 'Dana Lead',
      code: totpCode(dslKey, new Date()),
    });
    await clickThrough(page, page.locator('[data-qa="monitoring-link"]'));
    expect(await page.locator('[data-qa="page-heading"]').textContent()).toBe('What is said about the school');
    expect(await page.locator('[data-qa="no-mentions"]').count()).toBe(1);
    await expectAccessible(page);

    await clickThrough(page, page.locator('[data-qa="sources-link"]'));
    expect(await page.locator('[data-qa="source"]').textContent()).toContain('Bluesky search for “Holly Primary”');
    await expectAccessible(page);
    await clickThrough(page, page.locator('[data-qa="check-now"]'));
    expect(await page.locator('[data-qa="checked"]').textContent()).toContain('3 new mentions');
    await expectAccessible(page);

    const first = page.locator('[data-qa="mention"]').first();
    expect(await first.textContent()).toContain('Grace Hill');
    expect(await first.locator('[data-qa="labels"]').textContent()).toMatch(/Names a pupil: “[^”]*Grace Hill/);
    expect(await first.textContent()).toContain('Serious');
    const graceLine = page.locator('[data-qa="mention"]', { hasText: 'grace period' });
    expect(await graceLine.textContent()).not.toContain('Names a pupil');
    const toDsl = await smtp!.messageTo('dsl@holly.example');
    expect(toDsl.raw).toContain('a serious mention online');
    expect(toDsl.raw).not.toContain('Grace');

    // Praise comes with a reply to start from.
    await clickThrough(page, page.locator('[data-qa="mention"]', { hasText: 'wonderful nativity' }).getByRole('link'));
    expect(await page.locator('[data-qa="reply"]').inputValue()).toContain('Thank you so much for your kind words');
    await expectAccessible(page);
    await clickThrough(page, page.locator('[data-qa="back-link"]'));

    await clickThrough(page, page.locator('[data-qa="mention"]').first().getByRole('link'));
    await expectAccessible(page);
    await clickThrough(page, page.locator('[data-qa="escalate"]'));
    expect(await page.locator('[data-qa="page-heading"]').textContent()).toMatch(/^Case R-/);
    const tasks = (await page.locator('[data-qa="task"] h3').allTextContents()).map((t) => t.trim()).join(' | ');
    expect(tasks).toContain('Ask the author to remove the post');
    await expectAccessible(page);

    for (const path of [
      '/monitoring/settings',
      '/monitoring/capture',
      '/monitoring/quality',
      '/monitoring?show=done',
    ]) {
      await page.goto(`${server!.url}${path}`);
      await expectAccessible(page);
    }
    await context.close();
  });
});
