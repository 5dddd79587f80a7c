import { expect, it } from 'vitest';
import { describeEachBackend } from '../../support/backends.ts';
import { useTestApp } from '../../support/fixtures.ts';

const evaluate = (slug: string, payload: unknown) => ({
  method: 'POST' as const,
  url: `/api/v1/policies/${slug}/evaluate`,
  headers: { 'content-type': 'application/json' },
  payload: JSON.stringify(payload),
});

describeEachBackend('The policies API', (backend) => {
  const testApp = useTestApp(backend);

  it('lists the policies in the library', async () => {
    const response = await testApp().app.inject({ method: 'GET', url: '/api/v1/policies' });
    expect(response.statusCode).toBe(200);
    const slugs = response.json<{ slug: string }[]>().map((p) => p.slug);
    expect(slugs).toEqual(
      expect.arrayContaining([
        'wingate',
        'bledington',
        'westacre',
        'heathfields-wilnecote',
        'wimbledon-chase',
        'model',
      ]),
    );
  });

  it('answers a situation with the outcome of that school’s policy', async () => {
    const response = await testApp().app.inject(
      evaluate('wimbledon-chase', {
        actor: { role: 'pupil', age: 10 },
        act: 'friend_request_send',
        counterpart: { role: 'governor' },
      }),
    );
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      policy: { slug: 'wimbledon-chase' },
      verdict: 'breach',
      findings: [expect.objectContaining({ topic: 'pupil-contact-staff', status: 'violated' })],
      actions: expect.arrayContaining([expect.objectContaining({ action: 'notify_dsl' })]),
    });
  });

  it('gives the same question different answers from different schools', async () => {
    const parentFriend = { actor: { role: 'staff' }, act: 'friend_request_accept', counterpart: { role: 'parent' } };
    const verdict = async (slug: string) =>
      (await testApp().app.inject(evaluate(slug, parentFriend))).json<{ verdict: string }>().verdict;
    expect(await verdict('wingate')).toBe('advised_against');
    expect(await verdict('bledington')).toBe('breach');
    expect(await verdict('heathfields-wilnecote')).toBe('not_covered');
  });

  it('answers with the API’s own shut-tight headers: no page nonces, no cookies, nothing cached', async () => {
    const response = await testApp().app.inject(evaluate('wingate', { actor: { role: 'staff' }, act: 'post' }));
    expect(response.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['set-cookie']).toBeUndefined();
    const unknown = await testApp().app.inject({ method: 'GET', url: '/api/v1/nowhere' });
    expect(unknown.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(unknown.headers['content-type']).toBe('application/problem+json; charset=utf-8');
  });

  it('answers 400 with a problem document naming each invalid field', async () => {
    const response = await testApp().app.inject(
      evaluate('wingate', { actor: { role: 'teacher' }, act: 'post', colour: 'red' }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    const problem = response.json<{ status: number; errors: { field: string }[] }>();
    expect(problem.status).toBe(400);
    expect(problem.errors.map((e) => e.field).sort()).toEqual(['actor.role', 'colour']);
  });

  it('takes JSON only: a form-encoded body is refused as unsupported', async () => {
    const response = await testApp().app.inject({
      method: 'POST',
      url: '/api/v1/policies/wingate/evaluate',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'act=post',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({ status: 415, code: 'unsupported_media_type' });
  });

  it('answers 400 for a body that is not JSON, and 404 for an unknown policy', async () => {
    const notJson = await testApp().app.inject({ ...evaluate('wingate', {}), payload: '{ nope' });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.headers['content-type']).toContain('application/problem+json');
    const unknown = await testApp().app.inject(evaluate('nowhere', { actor: { role: 'staff' }, act: 'post' }));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ status: 404, detail: 'There is no policy called "nowhere".' });
  });
});
