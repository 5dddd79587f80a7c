import { describe, expect, it } from 'vitest';
import { backends } from '../../support/backends.ts';
import { useTestApp } from '../../support/fixtures.ts';

describe('The start page', () => {
  const testApp = useTestApp(backends.pglite);

  it('explains Footprint, in the GOV.UK layout with our own header and footer', async () => {
    const response = await testApp().app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    const html = response.body;
    expect(html).toContain('<html lang="en-GB"');
    expect(html).toMatch(/<a href="#main-content" class="govuk-skip-link"/);
    expect(html).toContain('class="govuk-generic-header"');
    expect(html).toMatch(/class="govuk-generic-header__homepage-link">\s*Footprint\s*</);
    expect(html).toContain('<main class="govuk-main-wrapper" id="main-content"');
    expect(html).toContain('data-qa="footer"');
    expect(html).toContain('data-qa="start-page"');
    expect(html).toContain('Your social media policy, working every day');
    expect(html).toContain('<title>Your social media policy, working every day – Footprint</title>');
  });

  it('carries no crown, GOV.UK logotype or GOV.UK footer', async () => {
    const html = (await testApp().app.inject({ method: 'GET', url: '/' })).body;
    expect(html).not.toContain('govuk-logo');
    expect(html).not.toContain('govuk-header__logotype');
    expect(html).not.toContain('govuk-crest');
    expect(html).not.toContain('GOV.UK');
    expect(html).not.toContain('govuk-footer__copyright-logo');
  });

  it('runs its scripts only with the nonce of its Content Security Policy', async () => {
    const response = await testApp().app.inject({ method: 'GET', url: '/' });
    const policy = String(response.headers['content-security-policy']);
    const nonce = /script-src 'self' 'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toMatch(/^[0-9a-f]{32}$/);
    for (const directive of [
      "default-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "form-action 'self'",
    ]) {
      expect(policy).toContain(directive);
    }
    expect(policy).not.toContain('unsafe-inline');
    const scripts = [...response.body.matchAll(/<script([^>]*)>/g)].map((match) => match[1]);
    expect(scripts.length).toBeGreaterThanOrEqual(2);
    for (const attributes of scripts) expect(attributes).toContain(`nonce="${nonce ?? 'missing'}"`);
    expect(response.body).toContain('<script type="module" nonce=');
    expect(response.body).toContain('import { initAll } from "/assets/javascripts/govuk-frontend.min.js"');
  });

  it('gives each response its own nonce', async () => {
    const nonces = await Promise.all(
      [1, 2].map(async () => {
        const response = await testApp().app.inject({ method: 'GET', url: '/' });
        return String(response.headers['content-security-policy']);
      }),
    );
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  it('serves the compiled stylesheet and GOV.UK Frontend script under /assets/', async () => {
    const css = await testApp().app.inject({ method: 'GET', url: '/assets/stylesheets/application.css' });
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toMatch(/^text\/css/);
    const js = await testApp().app.inject({ method: 'GET', url: '/assets/javascripts/govuk-frontend.min.js' });
    expect(js.statusCode).toBe(200);
    expect(js.body).toContain('initAll');
  });
});
