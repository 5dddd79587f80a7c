// Forgotten passwords: ask for a link by email, then choose a new password with it. The answer
// to the asking never says whether an account uses the address, and a reset signs nobody in.
import type { FastifyReply } from 'fastify';
import type { RoutePlugin } from '../../route-plugin.ts';
import { z } from 'zod';
import { formRoute, limits, page, readForm, text, type Errors } from '../../forms.ts';
import { answerSteadily, limited, readEmail, typedEmail, unusablePage, tokenParams, emailForm } from './shared.ts';

const newPasswordForm = z.object({
  password: text('Password', limits.password),
  confirm: text('Password', limits.password),
});

const askPage = (reply: FastifyReply, model: { values?: { email: string }; errors?: Errors } = {}, status = 200) =>
  page(
    reply,
    'links/forgot-password.njk',
    {
      qa: 'forgot-password',
      pageTitle: 'Reset your password',
      formAction: '/forgot-password',
      buttonText: 'Send the link',
      backText: 'Back to sign in',
      ...model,
    },
    status,
  );

export const passwordResetRoutes: RoutePlugin = async (app, { services }) => {
  app.get('/forgot-password', { config: { access: 'anyone' } }, async (_request, reply) => askPage(reply));

  app.post(
    '/forgot-password',
    { config: { access: 'anyone', rateLimit: limited(5, typedEmail) }, ...formRoute(emailForm) },
    async (request, reply) => {
      const { email, errors } = readEmail(request);
      if (errors.email) return askPage(reply, { values: { email }, errors }, 400);
      await answerSteadily(request, services.links.requestPasswordReset(email));
      return page(reply, 'links/check-your-email.njk', {
        pageTitle: 'Check your email',
        email,
        what: 'a link to reset your password',
        lifetime: '1 hour',
        againHref: '/forgot-password',
      });
    },
  );

  const resetPage = (
    reply: FastifyReply,
    token: string,
    shown: { schoolName: string; email: string },
    errors: Errors = {},
  ) =>
    page(
      reply,
      'links/reset-password.njk',
      {
        qa: 'reset-password',
        pageTitle: 'Choose a new password',
        formAction: `/reset-password/${token}`,
        buttonText: 'Change the password',
        ...shown,
        errors,
      },
      Object.keys(errors).length > 0 ? 400 : 200,
    );

  app.get(
    '/reset-password/:token',
    { config: { access: 'anyone' }, schema: { params: tokenParams } },
    async (request, reply) => {
      const { token } = request.params;
      const checked = await services.links.checkPasswordReset(token);
      return checked.usable ? resetPage(reply, token, checked) : unusablePage(reply, 'password_reset', checked.reason);
    },
  );

  app.post(
    '/reset-password/:token',
    {
      config: { access: 'anyone', rateLimit: limited(20, (request) => (request.params as { token: string }).token) },
      ...formRoute(newPasswordForm, tokenParams),
    },
    async (request, reply) => {
      const { token } = request.params;
      const checked = await services.links.checkPasswordReset(token);
      if (!checked.usable) return unusablePage(reply, 'password_reset', checked.reason);
      const form = readForm(newPasswordForm, request);
      if (!form.ok) return resetPage(reply, token, checked, form.errors);
      const { password, confirm } = form.values;
      if (!password) return resetPage(reply, token, checked, { password: 'Enter a new password' });
      if (password !== confirm) {
        return resetPage(reply, token, checked, { confirm: 'Type the same password again: the two did not match' });
      }
      const reset = await services.links.resetPassword(token, password);
      if (reset.outcome === 'unusable') return unusablePage(reply, 'password_reset', reset.reason);
      if (reset.outcome === 'problems')
        return resetPage(reply, token, checked, { password: reset.problems.join('. ') });
      // Whatever this browser was doing, it is signed in to nothing now.
      if (request.session.stage) await request.session.destroy();
      return page(reply, 'links/password-changed.njk', { pageTitle: 'Your password has been changed' });
    },
  );
};
