// Every route module of the website, in one list. The API is its own context (routes/api).
import type { RoutePlugin } from '../route-plugin.ts';
import { healthRoutes } from './health.ts';
import { homeRoutes } from './home.ts';
import { problemTypeRoutes } from './problem-types.ts';
import { setupRoutes } from './setup/index.ts';
import { signInRoutes } from './sign-in/index.ts';
import { startRoutes } from './start.ts';

export const routes: RoutePlugin = async (app, context) => {
  await app.register(startRoutes, context);
  await app.register(healthRoutes, context);
  await app.register(problemTypeRoutes, context);
  await app.register(setupRoutes, context);
  await app.register(signInRoutes, context);
  await app.register(homeRoutes, context);
};
