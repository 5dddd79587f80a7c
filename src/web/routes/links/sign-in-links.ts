// Signing in by a link sent by email, for parents, carers, volunteers and visitors: anyone whose
// roles need no second factor. Opening the link shows a button; only pressing it signs in, since
// mail scanners open links but press nothing.
import type { FastifyReply } from 'fastify';
import { beginStage } from '../../plugins/sessions.ts';
import type { RoutePlugin } from '../../route-plugin.ts';
import { formRoute, page, safeNext, type Errors } from '../../forms.ts';
import { answerSteadily, limited, readEmail, typedEmail, unusablePage, tokenParams, emailForm } from './shared.ts';

const askPage = (reply: FastifyReply, model: { values?: { email: string }; errors?: Errors } = {}, status = 200) =>
  page(
    reply,
    'links/ask-for-sign-in-link.njk',
    {
      qa: 'email-link',
      pageTitle: 'Get a sign-in link by email',
      formAction: '/sign-in/email-link',
      buttonText: 'Send the link',
      backText: 'Sign in with a password instead',
      ...model,
    },
    status,
  );

export const signInLinkRoutes: RoutePlugin = async (app, { services }) => {
  app.get('/sign-in/email-link', { config: { access: 'anyone' } }, async (_request, reply) => askPage(reply));

  app.post(
    '/sign-in/email-link',
    { config: { access: 'anyone', rateLimit: limited(5, typedEmail) }, ...formRoute(emailForm) },
    async (request, reply) => {
      const { email, errors } = readEmail(request);
      if (errors.email) return askPage(reply, { values: { email }, errors }, 400);
      await answerSteadily(request, services.links.requestSignInLink(email));
      return page(reply, 'links/check-your-email.njk', {
        pageTitle: 'Check your email',
        email,
        what: 'a sign-in link',
        lifetime: '15 minutes',
        againHref: '/sign-in/email-link',
      });
    },
  );

  app.get(
    '/sign-in/link/:token',
    { config: { access: 'anyone' }, schema: { params: tokenParams } },
    async (request, reply) => {
      const { token } = request.params;
      const checked = await services.links.checkSignInLink(token);
      if (!checked.usable) return unusablePage(reply, 'sign_in', checked.reason);
      return page(reply, 'links/confirm-sign-in.njk', {
        qa: 'confirm-sign-in',
        pageTitle: 'Sign in to Footprint',
        formAction: `/sign-in/link/${token}`,
        buttonText: 'Sign in',
        schoolName: checked.schoolName,
        email: checked.email,
      });
    },
  );

  app.post(
    '/sign-in/link/:token',
    {
      config: { access: 'anyone', rateLimit: limited(10, (request) => (request.params as { token: string }).token) },
      schema: { params: tokenParams },
    },
    async (request, reply) => {
      const signedIn = await services.links.signInWithLink(request.params.token);
      if (signedIn.outcome === 'unusable') return unusablePage(reply, 'sign_in', signedIn.reason);
      if (signedIn.outcome === 'password_needed') {
        return page(reply, 'links/password-needed.njk', { pageTitle: 'Sign in with your password' }, 403);
      }
      // A volunteer or visitor who has not answered the published policy reads it first.
      const induction = await services.signOff.inductionPath(signedIn.schoolId, signedIn.accountId);
      const next = induction ?? safeNext(request.session.returnTo) ?? '/home';
      await beginStage(request, 'signed_in', signedIn, services.clock.now());
      request.session.returnTo = undefined;
      return reply.redirect(next, 303);
    },
  );
};
