import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../../../src/errors.ts';
import { parseRequest } from '../../../src/web/validation.ts';
import { backends } from '../../support/backends.ts';
import { useTestApp } from '../../support/fixtures.ts';

const situation = z.strictObject({
  actor: z.object({ role: z.enum(['staff', 'parent', 'pupil']) }),
  platform: z.string().min(1),
});

describe('When something goes wrong', () => {
  const testApp = useTestApp(backends.pglite, {
    site: async (app) => {
      app.get('/broken', { config: { access: 'anyone' } }, () => {
        throw new Error('secret internal detail at /srv/footprint/thing.ts:12');
      });
    },
    // Under /api/v1.
    api: async (app) => {
      app.get('/broken', () => {
        throw new Error('secret internal detail');
      });
      app.post('/situations', (request) => {
        const body = parseRequest(situation, request.body);
        return { received: body.actor.role };
      });
      app.get('/refused', () => {
        throw new AppError('too_many_requests', 'Slow down.');
      });
    },
  });

  it('shows a GOV.UK-style page for an address that does not exist', async () => {
    const response = await testApp().app.inject({ method: 'GET', url: '/no-such-page?email=someone@example.org' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toContain('data-qa="not-found-page"');
    expect(response.body).toContain('<h1 class="govuk-heading-l" data-qa="page-heading">Page not found</h1>');
    expect(response.body).toContain('<title>Page not found – Footprint</title>');
  });

  it('answers a problem document for an API address that does not exist', async () => {
    const response = await testApp().app.inject({ method: 'GET', url: '/api/v1/nothing-here?x=1' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(response.json()).toEqual({
      type: 'http://localhost:0/problems/not-found',
      title: 'Page not found',
      status: 404,
      detail: expect.any(String) as string,
      instance: '/api/v1/nothing-here',
      code: 'not_found',
      errors: [],
    });
  });

  it('shows a page with no stack trace or internal message when the server fails', async () => {
    const response = await testApp().app.inject({ method: 'GET', url: '/broken' });
    expect(response.statusCode).toBe(500);
    expect(response.body).toContain('data-qa="server-error-page"');
    expect(response.body).toContain('Sorry, there is a problem with Footprint');
    expect(response.body).not.toContain('secret internal detail');
    expect(response.body).not.toMatch(/at .*\.ts:\d+/);
  });

  it('answers a problem document with no internal message when the API fails', async () => {
    const response = await testApp().app.inject({ method: 'GET', url: '/api/v1/broken' });
    expect(response.statusCode).toBe(500);
    const problem = response.json<Record<string, unknown>>();
    expect(problem.code).toBe('internal_error');
    expect(JSON.stringify(problem)).not.toContain('secret');
  });

  it('names every invalid field of an API request, by path and pointer', async () => {
    const response = await testApp().app.inject({
      method: 'POST',
      url: '/api/v1/situations',
      payload: { actor: { role: 'headmaster' }, platform: '', colour: 'blue' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    const problem = response.json<{ code: string; detail: string; errors: { field: string; pointer: string }[] }>();
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors.map(({ field, pointer }) => ({ field, pointer }))).toEqual([
      { field: 'actor.role', pointer: '#/actor/role' },
      { field: 'platform', pointer: '#/platform' },
      { field: 'colour', pointer: '#/colour' },
    ]);
    expect(problem.detail).toBe('3 fields are not valid: actor.role, platform, colour.');
  });

  it('accepts a valid API request', async () => {
    const response = await testApp().app.inject({
      method: 'POST',
      url: '/api/v1/situations',
      payload: { actor: { role: 'staff' }, platform: 'Facebook' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ received: 'staff' });
  });

  it('says a body that is not JSON cannot be read', async () => {
    const response = await testApp().app.inject({
      method: 'POST',
      url: '/api/v1/situations',
      headers: { 'content-type': 'application/json' },
      payload: '{"actor": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'bad_request', detail: 'The body is not valid JSON.' });
  });

  it('keeps the status and message of a coded error', async () => {
    const response = await testApp().app.inject({ method: 'GET', url: '/api/v1/refused' });
    expect(response.statusCode).toBe(429);
    expect(response.json()).toMatchObject({
      code: 'too_many_requests',
      detail: 'Slow down.',
      title: 'Too many requests',
    });
  });

  it('documents each kind of problem at its type address', async () => {
    const response = await testApp().app.inject({ method: 'GET', url: '/problems/validation-failed' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Some answers need correcting');
    expect((await testApp().app.inject({ method: 'GET', url: '/problems/no-such-kind' })).statusCode).toBe(404);
  });
});
