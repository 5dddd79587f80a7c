// The incidents area: reporting a concern, and handling cases.
import type { RoutePlugin } from '../../route-plugin.ts';
import { caseRoutes } from './cases.ts';
import { figuresRoutes } from './figures.ts';
import { reportRoutes } from './report.ts';
import { retentionRoutes } from './retention.ts';

export const incidentRoutes: RoutePlugin = async (app, context) => {
  await app.register(reportRoutes, context);
  await app.register(figuresRoutes, context);
  await app.register(retentionRoutes, context);
  await app.register(caseRoutes, context);
};
