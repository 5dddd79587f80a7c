// Every route module of the website, in one list. The API is its own context (routes/api).
import type { RoutePlugin } from '../route-plugin.ts';
import { accountRoutes } from './accounts.ts';
import { auditRoutes } from './audit.ts';
import { checkRoutes } from './check/index.ts';
import { healthRoutes } from './health.ts';
import { homeRoutes } from './home.ts';
import { linkRoutes } from './links/index.ts';
import { peopleRoutes } from './people/index.ts';
import { policyRoutes } from './policy/index.ts';
import { policyDraftRoutes } from './policy-draft/index.ts';
import { problemTypeRoutes } from './problem-types.ts';
import { publicPolicyRoutes } from './public-policy.ts';
import { setupRoutes } from './setup/index.ts';
import { signInRoutes } from './sign-in/index.ts';
import { signOffRoutes } from './sign-off/index.ts';
import { signOnSettingsRoutes } from './sign-on-settings.ts';
import { startRoutes } from './start.ts';

export const routes: RoutePlugin = async (app, context) => {
  await app.register(startRoutes, context);
  await app.register(healthRoutes, context);
  await app.register(problemTypeRoutes, context);
  await app.register(setupRoutes, context);
  await app.register(signInRoutes, context);
  await app.register(linkRoutes, context);
  await app.register(homeRoutes, context);
  await app.register(peopleRoutes, context);
  await app.register(policyRoutes, context);
  await app.register(policyDraftRoutes, context);
  await app.register(auditRoutes, context);
  await app.register(accountRoutes, context);
  await app.register(signOnSettingsRoutes, context);
  await app.register(signOffRoutes, context);
  await app.register(publicPolicyRoutes, context);
  await app.register(checkRoutes, context);
};
