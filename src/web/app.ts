// The Footprint web application, built step by step. Each step is one concern, in one file of plugins/.
// Separate from server.ts (listening, shutdown) so that tests can build it and use inject().
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { Services } from '../services/index.ts';
import { rateLimits } from './plugins/rate-limits.ts';
import type { RoutePlugin } from './route-plugin.ts';
import { apiRoutes } from './routes/api/index.ts';
import { website } from './website.ts';
import type { RouteAccess } from './plugins/access.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Every page of the website with who may use it, for the authorisation tests. */
    routeTable: readonly RouteAccess[];
  }
}

export interface AppOptions {
  config: Config;
  /** Where to log; nothing is logged without one. */
  logger?: Logger;
  /** More routes for the website, and for the API under /api/v1: what tests add to exercise the plumbing. */
  extraRoutes?: { site?: RoutePlugin; api?: RoutePlugin };
}

export async function buildApp(
  services: Services,
  { config, logger, extraRoutes }: AppOptions,
): Promise<FastifyInstance> {
  const loggerInstance: FastifyBaseLogger | undefined = logger;
  const app = Fastify({
    ...(loggerInstance ? { loggerInstance } : { logger: false }),
    trustProxy: trustProxyOption(config.trustProxy),
    requestIdHeader: false,
    bodyLimit: 1024 * 1024,
  });

  // Every route's schemas (body, query, address, and any response) are zod schemas, checked and
  // written by these, for both surfaces. A refusal is answered by each surface's error handler.
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(rateLimits, { config });
  // Two surfaces, each in its own context, so that the API carries none of the website's
  // pages, cookies, forms or nonces, and each answers errors in its own way.
  await app.register(apiRoutes, { services, config, prefix: '/api/v1', extra: extraRoutes?.api });
  const routeTable: RouteAccess[] = [];
  app.decorate('routeTable', routeTable);
  await app.register(website, { services, config, extra: extraRoutes?.site, routeTable });
  return app;
}

/** A number of proxy hops becomes the function Fastify expects for it. */
function trustProxyOption(setting: Config['trustProxy']) {
  return typeof setting === 'number' ? (_address: string, hop: number) => hop < setting : setting;
}
