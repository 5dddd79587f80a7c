// The school's published policy, for anyone without signing in: the page, each earlier version by
// its number, and the PDF. Nothing is public before publication; the pages cache like any page a
// school's website links to, name nobody and never set a cookie.
import { beforeAll, expect, it } from 'vitest';
import type { School } from '../../../src/domain/community/school.ts';
import type { Viewer } from '../../../src/services/access.ts';
import { createServices } from '../../../src/wiring.ts';
import { describeEachBackend } from '../../support/backends.ts';
import { aPersonWithAccount, aSchool, signIn, type TestAccount } from '../../support/community.ts';
import { useTestApp } from '../../support/fixtures.ts';
import { asOneLine, pagesOf } from '../../unit/pdf/pdf-text.ts';

const editedSummary = 'Staff at Rowan never follow a pupil’s account & never “like” a pupil’s <post>';

describeEachBackend('The published policy, for anyone', (backend) => {
  const testApp = useTestApp(backend);
  const app = () => testApp().app;
  const services = () => createServices(testApp().adapters);
  /** The current page's tag while 1.0 is published. */
  let firstTag = '';
  const get = (url: string, headers: Record<string, string> = {}) => app().inject({ method: 'GET', url, headers });
  let school: School;
  let headAccount: TestAccount;
  let head: Viewer;
  let governor: Viewer;

  beforeAll(async () => {
    const adapters = testApp().adapters;
    school = await aSchool(adapters, 'rowan', '400001');
    await aSchool(adapters, 'hazel', '400002');
    const viewerOf = async (made: { schoolId: string; accountId: string }) =>
      (await services().access.viewer(made.schoolId, made.accountId))!;
    headAccount = await aPersonWithAccount(
      adapters,
      school.id,
      {
        givenName: 'Hattie',
        familyName: 'Headley',
        email: 'head@rowan.example',
        roles: [{ role: 'staff', jobTitle: 'Headteacher', duties: ['headteacher'] }],
      },
      { authenticator: true },
    );
    head = await viewerOf(headAccount);
    governor = await viewerOf(
      await aPersonWithAccount(adapters, school.id, {
        givenName: 'Gareth',
        familyName: 'Governorson',
        email: 'chair@rowan.example',
        roles: [{ role: 'governor', duties: ['chair'] }],
      }),
    );
  });

  async function publish(versionId: string, reason: string, ratifiedOn: string, meeting: string) {
    const policy = services().schoolPolicy;
    await policy.sendForRatification(head, versionId, reason);
    await policy.ratify(governor, versionId, { ratifiedOn, meeting });
    await policy.publish(head, versionId);
  }

  it('shows nothing before the policy is published', async () => {
    const draft = await services().schoolPolicy.adopt(head, 'model');
    const document = structuredClone(draft.document);
    const rule = document.rules.find((r) => r.id === 'B3')!;
    rule.summary = editedSummary;
    const saved = await services().schoolPolicy.saveDraft(head, draft.id, {
      ...document,
      title: 'Rowan Primary Social Media Policy',
    });
    expect(saved.ok).toBe(true);

    const home = await get('/s/rowan');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('Rowan Primary has not published its social media policy in Footprint yet');
    expect(home.body).not.toContain('data-qa="policy-link"');
    expect((await get('/s/nowhere')).statusCode).toBe(404);

    const waiting = await get('/s/rowan/policy');
    expect(waiting.statusCode).toBe(404);
    expect(waiting.body).toContain('This school has not published its social media policy yet');
    expect(waiting.body).toContain('Rowan Primary');
    expect(waiting.body).not.toContain(editedSummary.slice(0, 20));
    for (const url of ['/s/rowan/policy.pdf', '/s/rowan/policy/v/1', '/s/rowan/policy/v/1.pdf', '/s/nowhere/policy']) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.body, url).toContain('Page not found');
      expect(response.headers['content-type'], url).toMatch(/^text\/html/);
    }
  });

  it('shows the published version: title, document control, version history and every rule at its anchor', async () => {
    const { inHand } = await services().schoolPolicy.overview(head);
    await publish(inHand!.id, 'Adopted for our school', '2026-11-18', 'Full governing body, 18 November 2026');

    const response = await get('/s/rowan/policy');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    const html = response.body;
    expect(html).toMatch(/<h1[^>]*>Rowan Primary Social Media Policy<\/h1>/);
    expect(html).toContain('Issued to: Rowan Primary');
    // The edited rule, escaped, at the anchor the "Check the policy" answers link to.
    expect(html).toMatch(
      /<li id="rule-B3" data-qa="rule">\s*<strong>B3<\/strong> <em>\([^)]+\)<\/em> Staff at Rowan never follow a pupil’s account &amp; never “like” a pupil’s &lt;post&gt;/,
    );
    expect(html).not.toContain('<post>');
    expect(html).toContain('id="rule-A1"');
    expect(html).toMatch(/<h2 class="govuk-heading-l" id="section-B">B\. Staff and governors/);
    expect(html).toContain('href="#section-B"');
    const control = /data-qa="document-control"[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
    expect(control).toMatch(
      /<th scope="row" class="govuk-table__header">Status<\/th>\s*<td class="govuk-table__cell">Published<\/td>/,
    );
    expect(control).toMatch(/Version<\/th>\s*<td class="govuk-table__cell">1\.0<\/td>/);
    expect(control).toMatch(/Ratified<\/th>\s*<td class="govuk-table__cell">18 November 2026<\/td>/);
    expect(control).toMatch(/Review due<\/th>\s*<td class="govuk-table__cell">18 November 2028<\/td>/);
    const history = /data-qa="version-history"[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
    expect(history).toContain('Adopted for our school');
    expect(history).toContain('Headteacher');
    expect(html).toContain('Ratified by the governors on 18 November 2026: Full governing body, 18 November 2026.');
    expect(html).toContain('href="/s/rowan/policy.pdf"');
    expect(html).not.toContain('data-qa="superseded-notice"');
    // Nobody is named: not the Headteacher who edited it, nor the governor who ratified it.
    expect(html).not.toMatch(/Hattie|Headley|Gareth|Governorson|@rowan\.example/);
  });

  it('gives the school an address of its own, linking to the policy and to the checker', async () => {
    const home = await get('/s/rowan');
    expect(home.statusCode).toBe(200);
    expect(home.headers['set-cookie']).toBeUndefined();
    expect(home.body).toContain('href="/s/rowan/policy" data-qa="policy-link"');
    expect(home.body).toContain('href="/s/rowan/check" data-qa="check-link"');
    expect(home.body).toContain('(version 1.0, also as a PDF)');
  });

  it('caches for five minutes, answers 304 to its ETag and sets no cookie', async () => {
    const first = await get('/s/rowan/policy');
    expect(first.headers['cache-control']).toBe('public, max-age=300');
    expect(first.headers['set-cookie']).toBeUndefined();
    const etag = String(first.headers.etag);
    // Weak: each response carries its own nonce; the tag names the page's content.
    expect(etag).toMatch(/^W\/"[A-Za-z0-9_-]{27}"$/);
    firstTag = etag;

    const again = await get('/s/rowan/policy', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);
    expect(again.headers['cache-control']).toBe('public, max-age=300');
    expect(again.headers['set-cookie']).toBeUndefined();
    // The browser keeps the page with the policy header it came with, whose nonce its script carries.
    expect(first.headers['content-security-policy']).toContain("script-src 'self'");
    expect(again.headers['content-security-policy']).toBeUndefined();
    const stale = await get('/s/rowan/policy', { 'if-none-match': 'W/"page-something-else"' });
    expect(stale.statusCode).toBe(200);

    const pdf = await get('/s/rowan/policy.pdf');
    expect(pdf.headers['cache-control']).toBe('public, max-age=300');
    expect(pdf.headers['set-cookie']).toBeUndefined();
    expect((await get('/s/rowan/policy.pdf', { 'if-none-match': String(pdf.headers.etag) })).statusCode).toBe(304);
  });

  it('prints the PDF: the school on every page, numbered pages, headings, tables and the edited rule', async () => {
    const response = await get('/s/rowan/policy.pdf');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe('attachment; filename="rowan-social-media-policy-v1.0.pdf"');
    const pages = await pagesOf(response.rawPayload);
    expect(pages.length).toBeGreaterThan(3);
    pages.forEach((text, index) => {
      expect(text).toContain('Rowan Primary');
      expect(text).toContain(`Page ${index + 1} of ${pages.length}`);
    });
    const all = asOneLine(pages);
    expect(all).toContain('Rowan Primary Social Media Policy');
    expect(all).toContain('Document control');
    expect(all).toMatch(/Status Published/);
    expect(all).toMatch(/Review due 18 November 2028/);
    expect(all).toContain('Version history');
    expect(all).toContain('Adopted for our school');
    expect(all).toContain('B. Staff and governors');
    expect(all).toContain(`B3 (must) ${editedSummary}.`);
    expect(all).not.toMatch(/Hattie|Gareth/);
  });

  it('keeps version 1.0 at its number, marked superseded, once 2.0 is published', async () => {
    const policy = services().schoolPolicy;
    const next = await policy.startRevision(head);
    const document = structuredClone(next.document);
    document.rules.find((r) => r.id === 'B3')!.summary = 'Staff at Rowan keep their accounts apart from pupils';
    expect((await policy.saveDraft(head, next.id, document)).ok).toBe(true);
    await publish(next.id, 'Rule B3 reworded', '2026-11-20', 'Curriculum committee');

    const current = await get('/s/rowan/policy');
    expect(current.body).toContain('Staff at Rowan keep their accounts apart from pupils');
    expect(current.body).toMatch(/<a class="govuk-link" href="\/s\/rowan\/policy\/v\/1">Version 1\.0<\/a>, superseded/);
    expect(current.headers.etag).toMatch(/^W\/"[A-Za-z0-9_-]{27}"$/);
    expect(current.headers.etag).not.toBe(firstTag);
    expect((await get('/s/rowan/policy', { 'if-none-match': firstTag })).statusCode).toBe(200);

    const earlier = await get('/s/rowan/policy/v/1');
    expect(earlier.statusCode).toBe(200);
    expect(earlier.headers['cache-control']).toBe('public, max-age=86400');
    expect(earlier.headers['set-cookie']).toBeUndefined();
    expect(earlier.body).toContain('data-qa="superseded-notice"');
    expect(earlier.body).toContain('href="/s/rowan/policy" data-qa="current-version-link"');
    expect(earlier.body).toContain('Read the current policy, version 2.0');
    expect(earlier.body).toContain('Staff at Rowan never follow a pupil’s account &amp;');
    expect(earlier.body).toContain('href="/s/rowan/policy/v/1.pdf"');
    const control = /data-qa="document-control"[\s\S]*?<\/table>/.exec(earlier.body)?.[0] ?? '';
    expect(control).toMatch(/Status<\/th>\s*<td class="govuk-table__cell">Superseded<\/td>/);
    const tag = String(earlier.headers.etag);
    expect((await get('/s/rowan/policy/v/1', { 'if-none-match': tag })).statusCode).toBe(304);

    const byNumber = await get('/s/rowan/policy/v/2');
    expect(byNumber.statusCode).toBe(200);
    expect(byNumber.headers['cache-control']).toBe('public, max-age=300');
    expect(byNumber.body).not.toContain('data-qa="superseded-notice"');

    const oldPdf = await get('/s/rowan/policy/v/1.pdf');
    expect(oldPdf.headers['content-disposition']).toBe('attachment; filename="rowan-social-media-policy-v1.0.pdf"');
    expect(oldPdf.headers['cache-control']).toBe('public, max-age=86400');
    expect(asOneLine(await pagesOf(oldPdf.rawPayload))).toContain(`B3 (must) ${editedSummary}.`);
    const newPdf = await get('/s/rowan/policy.pdf');
    expect(newPdf.headers['content-disposition']).toBe('attachment; filename="rowan-social-media-policy-v2.0.pdf"');

    for (const url of [
      '/s/rowan/policy/v/3',
      '/s/rowan/policy/v/0',
      '/s/rowan/policy/v/01',
      '/s/rowan/policy/v/one',
      '/s/rowan/policy/v/3.pdf',
      '/s/hazel/policy/v/1',
      '/s/hazel/policy.pdf',
    ]) {
      expect((await get(url)).statusCode, url).toBe(404);
    }
  });

  it('sends someone signed in the same page: no name, no sign-out bar and no cookie, though their session is kept', async () => {
    const browser = await signIn(app, headAccount);
    expect((await browser.get('/home')).statusCode).toBe(200);
    // Each minute or so the session records the visit, and an ordinary page sends its cookie again.
    const clock = testApp().adapters.clock;
    const realNow = clock.now.bind(clock);
    const start = Date.now();
    try {
      clock.now = () => new Date(start + 2 * 60_000);
      const home = await browser.get('/home');
      expect(home.body).toContain('data-qa="signed-in-bar"');
      expect(home.headers['set-cookie']).toBeDefined();

      clock.now = () => new Date(start + 4 * 60_000);
      const page = await browser.get('/s/rowan/policy');
      expect(page.statusCode).toBe(200);
      expect(page.headers['set-cookie']).toBeUndefined();
      expect(page.body).not.toContain('data-qa="signed-in-bar"');
      expect(page.body).not.toMatch(/Hattie|Headley/);
      // Still signed in afterwards: reading the policy did not end the session.
      expect((await browser.get('/home')).body).toContain('data-qa="signed-in-bar"');
    } finally {
      clock.now = realNow;
    }
  });
});
