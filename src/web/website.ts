// The website: pages for people, with their security headers and nonces, templates, cookies,
// CSRF-checked forms, assets, and GOV.UK-style error pages. Its own context, so that none of
// this machinery runs for the JSON API beside it.
import type { FastifyPluginAsync } from 'fastify';
import { access, type RouteAccess } from './plugins/access.ts';
import { cookies } from './plugins/cookies.ts';
import { csrf } from './plugins/csrf.ts';
import { errorPages } from './plugins/error-pages.ts';
import { requestBodies } from './plugins/request-bodies.ts';
import { securityHeaders } from './plugins/security-headers.ts';
import { sessions } from './plugins/sessions.ts';
import { staticAssets } from './plugins/static-assets.ts';
import { views } from './plugins/views.ts';
import type { RouteContext, RoutePlugin } from './route-plugin.ts';
import { routes } from './routes/index.ts';

export const website: FastifyPluginAsync<
  RouteContext & { extra?: RoutePlugin | undefined; routeTable: RouteAccess[] }
> = async (app, { services, config, extra, routeTable }) => {
  await app.register(securityHeaders, { config });
  await app.register(views, { config });
  await app.register(cookies, { config });
  await app.register(csrf, { config });
  await app.register(sessions, { config, services });
  await app.register(access, { table: routeTable });
  await app.register(requestBodies);
  await app.register(staticAssets);
  await app.register(errorPages, { config });
  await app.register(routes, { services, config });
  if (extra) await app.register(extra, { services, config });
};
