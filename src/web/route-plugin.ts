import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import type { Services } from '../services/index.ts';

/** What every route module receives: the services, and the configuration. */
export interface RouteContext {
  services: Services;
  config: Config;
}

/**
 * A route module: a Fastify plugin given the services, whose routes' zod schemas type what the
 * handlers read. Register it in routes/index.ts.
 */
export type RoutePlugin = FastifyPluginAsyncZod<RouteContext>;
