// Forms must carry the CSRF token: posts without it are refused before any route code runs.
import nunjucks from 'nunjucks';
import { describe, expect, it } from 'vitest';
import { templateDirectories } from '../../../src/web/plugins/views.ts';
import { backends } from '../../support/backends.ts';
import { useTestApp } from '../../support/fixtures.ts';

const templates = new nunjucks.Environment(new nunjucks.FileSystemLoader(templateDirectories), { autoescape: true });

const formPage = `{% extends "layout.njk" %}
{% from "macros/csrf.njk" import csrfField with context %}
{% block content %}<form method="post" action="/declare">{{ csrfField() }}<button>Save</button></form>{% endblock %}`;

describe('A form post', () => {
  let handled = 0;
  const testApp = useTestApp(backends.pglite, {
    site: async (app) => {
      // The page renders with the same locals as every page: the layout, and the macro reading csrfToken.
      app.get('/declare', { config: { access: 'anyone' } }, (_request, reply) => {
        return reply
          .type('text/html')
          .send(templates.renderString(formPage, { ...reply.locals, serviceName: 'Footprint' }));
      });
      app.post('/declare', { config: { access: 'anyone' } }, async () => {
        handled += 1;
        return { saved: true };
      });
    },
  });

  async function formWithToken() {
    const page = await testApp().app.inject({ method: 'GET', url: '/declare' });
    const token = /<input type="hidden" name="_csrf" value="([^"]+)">/.exec(page.body)?.[1] ?? '';
    const cookie = page.cookies.find((candidate) => candidate.name === 'footprint-csrf');
    return { token, cookie: `${cookie?.name ?? ''}=${cookie?.value ?? ''}`, setCookie: cookie };
  }

  it('sets the CSRF cookie as HttpOnly and SameSite=Strict', async () => {
    const { setCookie } = await formWithToken();
    expect(setCookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
  });

  it('is refused, with a page saying what to do, when it has no token', async () => {
    const before = handled;
    const response = await testApp().app.inject({
      method: 'POST',
      url: '/declare',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'name=Sam',
    });
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('This form has expired');
    expect(handled).toBe(before);
  });

  it('is refused when the token does not match the cookie', async () => {
    const { cookie } = await formWithToken();
    const response = await testApp().app.inject({
      method: 'POST',
      url: '/declare',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      payload: 'name=Sam&_csrf=forged',
    });
    expect(response.statusCode).toBe(403);
  });

  it('is accepted with the token from the page and its cookie', async () => {
    const { token, cookie } = await formWithToken();
    const response = await testApp().app.inject({
      method: 'POST',
      url: '/declare',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      payload: `name=Sam&_csrf=${encodeURIComponent(token)}`,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ saved: true });
  });

  it('carries the token in a hidden field, from the csrfField macro', async () => {
    const { token } = await formWithToken();
    expect(token.length).toBeGreaterThan(20);
  });
});
