// Server-rendered pages: Nunjucks with our views and GOV.UK Frontend's templates on the search path.
// Every page gets the CSP nonce and, for forms, a CSRF token made on demand.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyView from '@fastify/view';
import fp from 'fastify-plugin';
import nunjucks from 'nunjucks';
import type { Config } from '../../config.ts';
import { registerFormatFilters } from '../format.ts';

const viewsDirectory = fileURLToPath(new URL('../views', import.meta.url));
const govukDirectory = join(dirname(createRequire(import.meta.url).resolve('govuk-frontend/package.json')), 'dist');

declare module 'fastify' {
  interface FastifyReply {
    /** Values every template of this response sees. */
    locals: Record<string, unknown>;
  }
}

export const templateDirectories = [viewsDirectory, govukDirectory];

export const views = fp<{ config: Config }>(
  async (app, { config }) => {
    const production = config.environment === 'production';
    await app.register(fastifyView, {
      engine: { nunjucks },
      templates: templateDirectories,
      production,
      options: { autoescape: true, noCache: !production, onConfigure: registerFormatFilters },
      defaultContext: { serviceName: 'Footprint' },
    });
    app.addHook('onRequest', (_request, reply, done) => {
      // One token a page: on a first visit each new token would come with a new secret in the
      // cookie, leaving every form but the last on the page with a token that no longer matches.
      let token: string | undefined;
      reply.locals = { cspNonce: reply.cspNonce.script, csrfToken: () => (token ??= reply.generateCsrf()) };
      done();
    });
  },
  { name: 'views', dependencies: ['security-headers'] },
);
