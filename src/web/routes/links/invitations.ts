// Invitations: someone who manages roles sends a person of their school a link to choose a
// password (the people pages carry the button), and opening it starts that step of signing in.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { InvitationOutcome } from '../../../services/links.ts';
import { beginStage } from '../../plugins/sessions.ts';
import type { RoutePlugin } from '../../route-plugin.ts';
import { formRoute, hint, keyPart, limits, page, readForm, safeNext, text } from '../../forms.ts';
import { limited, tokenParams, unusablePage } from './shared.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// The invite button's hidden fields: whom to invite, and the page to go back to.
const inviteForm = z.object({ personId: text('The person', limits.choice), returnTo: hint(limits.next) });

type Refusal = Exclude<InvitationOutcome, { outcome: 'sent' }>['outcome'];

const refusals: Record<Refusal, { status: number; message: string }> = {
  no_email: {
    status: 409,
    message:
      'Footprint has no email address for this person. Add their email address to their details, then invite them.',
  },
  already_active: {
    status: 409,
    message:
      'They have already chosen a password, so they can sign in. If they have forgotten it, they can reset it from the sign-in page.',
  },
  disabled: {
    status: 409,
    message: 'Their account is disabled. Enable it first if they should be able to sign in again.',
  },
  email_in_use: {
    status: 409,
    message:
      'Another Footprint account already signs in with their email address, perhaps at another school. Check the address in their details.',
  },
  not_sent: {
    status: 503,
    message:
      'Footprint could not send the email. Try again in a few minutes; if it keeps failing, tell whoever looks after Footprint at your school.',
  },
};

/** `path` with `name=value` added to its query. */
function withQuery(path: string, name: string, value: string): string {
  const url = new URL(path, 'http://footprint.invalid');
  url.searchParams.set(name, value);
  return `${url.pathname}${url.search}${url.hash}`;
}

const notSent = (reply: FastifyReply, backHref: string, message: string, status: number) =>
  page(reply, 'links/invitation-not-sent.njk', { pageTitle: 'The invitation was not sent', message, backHref }, status);

export const invitationRoutes: RoutePlugin = async (app, { services }) => {
  /**
   * Fields: `personId`, and `returnTo` (a path here; by default the person's page). On success,
   * goes back there with `invitation=sent` in the query, for that page to confirm.
   */
  app.post(
    '/invitations',
    {
      config: { access: 'manage_roles', rateLimit: limited(20, (request) => keyPart(request.body, 'personId')) },
      ...formRoute(inviteForm),
    },
    async (request, reply) => {
      const form = readForm(inviteForm, request);
      const personId = form.values.personId.trim();
      const known = form.ok && uuid.test(personId);
      const back = safeNext(form.values.returnTo) ?? (known ? `/people/${personId}` : '/home');
      if (!known) return notSent(reply, back, 'Choose the person to invite from the list of people.', 400);
      const sent = await services.links.invite(request.viewer!, personId.toLowerCase());
      if (sent.outcome === 'sent') return reply.redirect(withQuery(back, 'invitation', 'sent'), 303);
      if (sent.outcome === 'not_sent') request.log.error({ err: sent.problem }, 'An invitation email was not sent');
      const { status, message } = refusals[sent.outcome];
      return notSent(reply, back, message, status);
    },
  );

  // Opening the link only shows who it is for: mail scanners open links, and must not use it up.
  app.get(
    '/invitation/:token',
    { config: { access: 'anyone' }, schema: { params: tokenParams } },
    async (request, reply) => {
      const { token } = request.params;
      const checked = await services.links.checkInvitation(token);
      if (!checked.usable) return unusablePage(reply, 'invitation', checked.reason);
      return page(reply, 'links/confirm-invitation.njk', {
        qa: 'confirm-invitation',
        pageTitle: 'Accept your invitation to Footprint',
        formAction: `/invitation/${token}`,
        buttonText: 'Accept and choose a password',
        schoolName: checked.schoolName,
        email: checked.email,
      });
    },
  );

  app.post(
    '/invitation/:token',
    {
      config: { access: 'anyone', rateLimit: limited(10, (request) => (request.params as { token: string }).token) },
      schema: { params: tokenParams },
    },
    async (request, reply) => {
      const accepted = await services.links.acceptInvitation(request.params.token);
      if (accepted.outcome === 'unusable') return unusablePage(reply, 'invitation', accepted.reason);
      await beginStage(request, 'set_password', accepted, services.clock.now());
      return reply.redirect('/sign-in/set-password', 303);
    },
  );
};
