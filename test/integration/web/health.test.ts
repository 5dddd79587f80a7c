import { expect, it } from 'vitest';
import { describeEachBackend } from '../../support/backends.ts';
import { useTestApp } from '../../support/fixtures.ts';

describeEachBackend('Health checks', (backend) => {
  const testApp = useTestApp(backend);

  it('/healthz says the process is up', async () => {
    const response = await testApp().app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('/readyz says ready while the database answers', async () => {
    const response = await testApp().app.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ready' });
  });

  it('/readyz answers 503 with a problem document once the database is gone', async () => {
    await testApp().adapters.close();
    const response = await testApp().app.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(503);
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(response.json()).toMatchObject({ status: 503, code: 'database_unavailable', instance: '/readyz' });
  });
});
