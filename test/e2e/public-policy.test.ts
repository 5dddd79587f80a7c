// A parent follows the link on their school's website to its social media policy, on a small
// phone with JavaScript off: reads it, downloads the PDF, and opens the version it replaced.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../src/wiring.ts';
import { aSchool } from '../support/community.ts';
import { aPolicyTeam, publishDraft } from '../support/policy.ts';
import { browserAvailable } from '../support/environment.ts';
import { startServerProcess, type ServerProcess } from '../support/processes.ts';
import { PublicPolicyPage } from './pages/public-policy-pages.ts';
import { expectAccessible } from './support/accessibility.ts';
import { launchBrowser } from './support/browser.ts';
import { prepareData } from './support/journey.ts';

/** Writes a school that has published version 1.0 of its policy, then 2.0, into the data directory. */
async function schoolWithTwoVersions(dataDir: string): Promise<void> {
  await prepareData(dataDir, async (adapters) => {
    const school = await aSchool(adapters, 'larch', '400031');
    const team = await aPolicyTeam(adapters, school);
    const policy = createServices(adapters).schoolPolicy;
    await publishDraft(
      adapters,
      team,
      await policy.adopt(team.head, 'model'),
      (document) => ({ ...document, title: 'Larch Primary Social Media Policy' }),
      { summary: 'Adopted for our school', ratifiedOn: '2026-09-10' },
    );
    await publishDraft(
      adapters,
      team,
      await policy.startRevision(team.head),
      (document) => {
        document.rules.find((rule) => rule.id === 'B3')!.summary = 'Staff keep their own accounts apart from pupils';
        return document;
      },
      { summary: 'Rule B3 reworded', ratifiedOn: '2026-11-12' },
    );
  });
}

describe.runIf(browserAvailable())('Reading a school’s published policy in a browser', () => {
  let dataDir: string;
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'footprint-e2e-policy-'));
    await schoolWithTwoVersions(dataDir);
    server = await startServerProcess({ DATA_DIR: dataDir });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop('SIGTERM');
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('reads the current policy, downloads it as a PDF, and opens the version it replaced', async () => {
    const context = await browser!.newContext({
      javaScriptEnabled: false,
      viewport: { width: 320, height: 640 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    // The school's own address, which its website links to.
    await page.goto(`${server!.url}/s/larch`);
    expect(await page.locator('[data-qa="page-heading"]').textContent()).toBe('Larch Primary');
    await expectAccessible(page);
    expect(await page.locator('[data-qa="policy-link"]').getAttribute('href')).toBe('/s/larch/policy');
    const response = await page.goto(`${server!.url}/s/larch/policy#rule-B3`);
    expect(response?.status()).toBe(200);
    const current = await PublicPolicyPage.verifyOnPage(page, 'Larch Primary Social Media Policy');
    await expectAccessible(page);
    expect(await current.schoolName.textContent()).toBe('Larch Primary');
    expect(await current.versionSummary.textContent()).toContain('Version 2.0');
    expect(await current.rule('B3').textContent()).toContain('Staff keep their own accounts apart from pupils');
    expect(await current.rule('B3').isVisible()).toBe(true);
    expect((await current.control('Status').textContent())?.trim()).toBe('Published');
    expect(await current.supersededNotice.count()).toBe(0);
    expect(await context.cookies()).toEqual([]);

    const pdf = await current.downloadPdf();
    expect(pdf.name).toBe('larch-social-media-policy-v2.0.pdf');
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.bytes.length).toBeGreaterThan(10_000);

    await current.openVersion('1.0');
    const earlier = await PublicPolicyPage.verifyOnPage(page, 'Larch Primary Social Media Policy');
    expect(page.url()).toBe(`${server!.url}/s/larch/policy/v/1`);
    await expectAccessible(page);
    expect(await earlier.supersededNotice.textContent()).toContain('This is version 1.0, which is no longer in force');
    expect((await earlier.control('Status').textContent())?.trim()).toBe('Superseded');
    expect(await earlier.rule('B3').textContent()).not.toContain('Staff keep their own accounts apart from pupils');
    const oldPdf = await earlier.downloadPdf();
    expect(oldPdf.name).toBe('larch-social-media-policy-v1.0.pdf');

    await earlier.openCurrentVersion();
    expect(page.url()).toBe(`${server!.url}/s/larch/policy`);
    await PublicPolicyPage.verifyOnPage(page, 'Larch Primary Social Media Policy');
    expect(await context.cookies()).toEqual([]);
    await context.close();
  });
});
