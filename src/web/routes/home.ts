// The signed-in home page and one's own account: who you are, what you can reach, and signing
// out on every browser at once.
import { accessRoleNames } from '../../domain/access/roles.ts';
import { z } from 'zod';
import { longDate } from '../format.ts';
import type { RoutePlugin } from '../route-plugin.ts';
import { beginStage } from '../plugins/sessions.ts';
import { formRoute, limits, page, readForm, text } from '../forms.ts';

const codeForm = z.object({ code: text('The code', limits.code) });

export const homeRoutes: RoutePlugin = async (app, { services }) => {
  app.get('/home', { config: { access: 'check_policy' } }, async (request, reply) => {
    const viewer = request.viewer!;
    const review = await services.schoolPolicy.review(viewer);
    return page(reply, 'home/index.njk', {
      pageTitle: 'Home',
      roleNames: viewer.roles.map((role) => accessRoleNames[role]),
      review: review && { ...review, reviewDue: longDate(review.reviewDue) },
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

  // A new phone: confirm with the old app or a recovery code, then set up the new one.
  app.post(
    '/account/authenticator',
    { config: { access: 'manage_own_account' }, ...formRoute(codeForm) },
    async (request, reply) => {
      const viewer = request.viewer!;
      const form = readForm(codeForm, request);
      const code = form.values.code.trim();
      const confirmed = form.ok && code !== '' && (await services.access.confirmIdentity(viewer, code));
      if (!confirmed) {
        const { account } = viewer;
        return page(
          reply,
          'account/index.njk',
          {
            pageTitle: 'Your account',
            sessions: await services.sessions.countOf(account.schoolId, account.id),
            recoveryCodesLeft: await services.access.recoveryCodesLeft(account.schoolId, account.id),
            errors: form.ok
              ? {
                  code: code
                    ? 'That code did not work. Enter the code your app shows now, or an unused recovery code'
                    : 'Enter a code from your authenticator app, or one of your recovery codes',
                }
              : form.errors,
          },
          400,
        );
      }
      await beginStage(
        request,
        'second_factor_setup',
        { schoolId: viewer.school.id, accountId: viewer.account.id },
        services.clock.now(),
      );
      request.session.returnTo = '/account';
      return reply.redirect('/sign-in/second-factor', 303);
    },
  );

  app.post('/account/sign-out-everywhere', { config: { access: 'manage_own_account' } }, async (request, reply) => {
    const viewer = request.viewer!;
    await services.sessions.endAllOf(viewer.account.schoolId, viewer.account.id);
    await services.access.recordSignOut(viewer);
    return reply.redirect('/sign-in?ended=signed-out', 303);
  });
};
