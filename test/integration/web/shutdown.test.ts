// Closing the app (as SIGTERM does) lets requests in flight finish and refuses new ones.
import { beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../support/backends.ts';
import { useTestApp } from '../../support/fixtures.ts';

describe('Stopping the app', () => {
  const entered = Promise.withResolvers<void>();
  const mayAnswer = Promise.withResolvers<void>();
  const testApp = useTestApp(backends.pglite, {
    site: async (app) => {
      app.get('/slow', { config: { access: 'anyone' } }, async () => {
        entered.resolve();
        await mayAnswer.promise;
        return { finished: true };
      });
    },
  });

  beforeAll(async () => {
    await testApp().app.listen({ port: 0, host: '127.0.0.1' });
  });

  it('finishes the request in flight, and serves no new request', async () => {
    const address = testApp().app.server.address();
    if (address === null || typeof address === 'string') throw new Error('expected a TCP address');
    const base = `http://127.0.0.1:${address.port}`;

    const inFlight = fetch(`${base}/slow`, { headers: { connection: 'close' } });
    await entered.promise;
    const closing = testApp().app.close();

    // Refused outright once the socket is closed, or answered 503 while Fastify is closing.
    const late = await fetch(`${base}/healthz`, { headers: { connection: 'close' } }).then(
      (answer) => answer.status,
      () => 'refused',
    );
    expect(['refused', 503]).toContain(late);
    mayAnswer.resolve();

    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ finished: true });
    await closing;
  });
});
