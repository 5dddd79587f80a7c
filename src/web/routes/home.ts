// The signed-in home page and one's own account: who you are, what you can reach, and signing
// out on every browser at once.
import { accessRoleNames } from '../../domain/access/roles.ts';
import type { RoutePlugin } from '../route-plugin.ts';
import { page } from './sign-in/form.ts';

export const homeRoutes: RoutePlugin = async (app, { services }) => {
  app.get('/home', { config: { access: 'check_policy' } }, async (request, reply) => {
    const viewer = request.viewer!;
    return page(reply, 'home/index.njk', {
      pageTitle: 'Home',
      roleNames: viewer.roles.map((role) => accessRoleNames[role]),
    });
  });

  app.get('/account', { config: { access: 'manage_own_account' } }, async (request, reply) => {
    const { account } = request.viewer!;
    return page(reply, 'account/index.njk', {
      pageTitle: 'Your account',
      sessions: await services.sessions.countOf(account.schoolId, account.id),
      recoveryCodesLeft: await services.access.recoveryCodesLeft(account.schoolId, account.id),
    });
  });

  app.post('/account/sign-out-everywhere', { config: { access: 'manage_own_account' } }, async (request, reply) => {
    const viewer = request.viewer!;
    await services.sessions.endAllOf(viewer.account.schoolId, viewer.account.id);
    await services.access.recordSignOut(viewer);
    return reply.redirect('/sign-in?ended=signed-out', 303);
  });
};
