// Every route module of the website and the API, in one list.
import type { RoutePlugin } from '../route-plugin.ts';
import { apiRoutes } from './api/index.ts';
import { healthRoutes } from './health.ts';
import { problemTypeRoutes } from './problem-types.ts';
import { startRoutes } from './start.ts';

export const routes: RoutePlugin = async (app, context) => {
  await app.register(startRoutes, context);
  await app.register(healthRoutes, context);
  await app.register(problemTypeRoutes, context);
  await app.register(apiRoutes, { ...context, prefix: '/api/v1' });
};
