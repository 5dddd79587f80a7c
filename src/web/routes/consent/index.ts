// The consent register's pages: purposes and renewal for the Headteacher, answers for parents and
// carers, checks and records for staff, and a pupil's own link to their record.
import type { RoutePlugin } from '../../route-plugin.ts';
import { checkRoutes } from './check.ts';
import { familyRoutes } from './family.ts';
import { pupilLinkRoutes } from './pupil-links.ts';
import { purposeRoutes } from './purposes.ts';
import { renewalRoutes } from './renewal.ts';

export const consentRoutes: RoutePlugin = async (app, context) => {
  await app.register(purposeRoutes, context);
  await app.register(familyRoutes, context);
  await app.register(checkRoutes, context);
  await app.register(renewalRoutes, context);
  await app.register(pupilLinkRoutes, context);
};
