// Security headers for the JSON API. A JSON answer runs no scripts and loads nothing, so it gets
// a fixed, shut-tight policy instead of the pages' per-request nonces, which would cost a random
// number and a rebuilt policy on every call.
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../../config.ts';

export function apiSecurityHeaders(app: FastifyInstance, config: Config): void {
  const headers: Record<string, string> = {
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-resource-policy': 'same-origin',
    'cache-control': 'no-store',
    ...(config.environment === 'production'
      ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' }
      : {}),
  };
  // Tells the pages' header plugin (@fastify/helmet) to leave these routes alone.
  app.addHook('onRoute', (route) => {
    route.config = Object.assign(route.config ?? {}, { helmet: { skipRoute: true } });
  });
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}
