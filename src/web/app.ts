// The Footprint web application, built step by step. Each step is one concern, in one file of plugins/.
// Separate from server.ts (listening, shutdown) so that tests can build it and use inject().
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { Services } from '../services/index.ts';
import { cookies } from './plugins/cookies.ts';
import { csrf } from './plugins/csrf.ts';
import { errorPages } from './plugins/error-pages.ts';
import { rateLimits } from './plugins/rate-limits.ts';
import { requestBodies } from './plugins/request-bodies.ts';
import { securityHeaders } from './plugins/security-headers.ts';
import { staticAssets } from './plugins/static-assets.ts';
import { views } from './plugins/views.ts';
import { routes } from './routes/index.ts';

export interface AppOptions {
  config: Config;
  /** Where to log; nothing is logged without one. */
  logger?: Logger;
}

export async function buildApp(services: Services, { config, logger }: AppOptions): Promise<FastifyInstance> {
  const loggerInstance: FastifyBaseLogger | undefined = logger;
  const app = Fastify({
    ...(loggerInstance ? { loggerInstance } : { logger: false }),
    trustProxy: trustProxyOption(config.trustProxy),
    requestIdHeader: false,
    bodyLimit: 1024 * 1024,
  });

  await app.register(securityHeaders, { config });
  await app.register(views, { config });
  await app.register(cookies, { config });
  await app.register(csrf, { config });
  await app.register(rateLimits, { config });
  await app.register(requestBodies);
  await app.register(staticAssets);
  await app.register(errorPages, { config });
  await app.register(routes, { services, config });
  return app;
}

/** A number of proxy hops becomes the function Fastify expects for it. */
function trustProxyOption(setting: Config['trustProxy']) {
  return typeof setting === 'number' ? (_address: string, hop: number) => hop < setting : setting;
}
