import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/app.ts';
import { describeEachBackend, type TestDatabase } from '../../support/backends.ts';

describeEachBackend('Health checks', (backend) => {
  let testDatabase: TestDatabase;
  let testApp: TestApp;

  beforeAll(async () => {
    testDatabase = await backend.open();
    testApp = await startTestApp(testDatabase);
  });

  afterAll(async () => {
    await testApp.close();
    await testDatabase.destroy();
  });

  it('/healthz says the process is up', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('/readyz says ready while the database answers', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ready' });
  });

  it('/readyz answers 503 with a problem document once the database is gone', async () => {
    await testApp.adapters.close();
    const response = await testApp.app.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(503);
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(response.json()).toMatchObject({ status: 503, code: 'database_unavailable', instance: '/readyz' });
  });
});
