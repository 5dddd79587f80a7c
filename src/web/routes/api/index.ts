// The JSON API, under /api/v1. Each area is one module, registered here. Errors thrown by a
// route (AppError, or parseRequest's validation problems) come back as problem documents.
import type { RoutePlugin } from '../../route-plugin.ts';
import { apiSecurityHeaders } from './headers.ts';
import { policyRoutes } from './policies.ts';

export const apiRoutes: RoutePlugin = async (app, { services, config }) => {
  apiSecurityHeaders(app, config);
  // Pass on only the context: the options also carry this plugin's own /api/v1 prefix.
  const context = { services, config };
  await app.register(policyRoutes, context);
};
