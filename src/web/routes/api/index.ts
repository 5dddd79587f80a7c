// The JSON API, under /api/v1. Each area is one module, registered here. Errors thrown by a
// route (AppError, or parseRequest's validation problems) come back as problem documents.
import type { RoutePlugin } from '../../route-plugin.ts';

export const apiRoutes: RoutePlugin = async (_app, _context) => {
  // One line per area, e.g.: await app.register(policyRoutes, context);  →  /api/v1/policies/…
};
