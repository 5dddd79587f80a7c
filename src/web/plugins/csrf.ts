// Protection against cross-site form posts. Every POST, PUT, PATCH or DELETE route outside /api/
// checks the token that forms carry (the `csrfField()` macro), once the body is read and before
// anything else looks at it, unless it opts out with `config: { csrf: false }`. The API takes
// JSON only, which another site's page cannot send.
import csrfProtection from '@fastify/csrf-protection';
import type { RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../../config.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set to false for a form route that must not check the CSRF token. */
    csrf?: boolean;
  }
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function needsToken(route: RouteOptions): boolean {
  const methods = [route.method].flat();
  return (
    methods.some((method) => unsafeMethods.has(method)) &&
    !route.url.startsWith('/api/') &&
    route.config?.csrf !== false
  );
}

export const csrf = fp<{ config: Config }>(
  async (app, { config }) => {
    const secure = config.baseUrl.startsWith('https:');
    await app.register(csrfProtection, {
      sessionPlugin: '@fastify/cookie',
      // The __Host- prefix ties the cookie to this exact origin over HTTPS.
      cookieKey: secure ? '__Host-footprint-csrf' : 'footprint-csrf',
      cookieOpts: { signed: true, httpOnly: true, sameSite: 'strict', path: '/', secure },
    });
    // Before validation: a post without its token is refused before its route's schema, or
    // anything else, reads what it sent (and the token is read before a schema strips it).
    app.addHook('onRoute', (route) => {
      if (!needsToken(route)) return;
      const existing = route.preValidation === undefined ? [] : [route.preValidation].flat();
      route.preValidation = [(request, reply, done) => app.csrfProtection(request, reply, done), ...existing];
    });
  },
  { name: 'csrf', dependencies: ['cookies'] },
);
