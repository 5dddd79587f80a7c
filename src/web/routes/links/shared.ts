// What the pages of emailed links share: rate limits, answering requests for a link in steady
// time, and the page for a link that no longer works.
import { setTimeout as delay } from 'node:timers/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { signInEmailSchema } from '../../../domain/access/account.ts';
import { lifetimeInWords, type LinkPurpose, type UnusableReason } from '../../../domain/links/index.ts';
import type { Requested } from '../../../services/links.ts';
import { keyPart, limits, page, readForm, text, type Errors } from '../../forms.ts';

/**
 * A limit per client address and what the form is about (the address typed, the person, the
 * link), so that one school sharing an address does not lock its people out of each other's.
 */
export function limited(max: number, about: (request: FastifyRequest) => string) {
  return {
    max,
    timeWindow: '15 minutes',
    // After the body is read, so that the key can include what was typed.
    hook: 'preHandler' as const,
    keyGenerator: (request: FastifyRequest) => `${request.ip} ${about(request)}`,
  };
}

export const typedEmail = (request: FastifyRequest) => keyPart(request.body, 'email');

/** A form asking for a link: the address to send it to. */
export const emailForm = z.object({ email: text('Email address', limits.email) });

/** The email address from the form (its route's schema `emailForm`), or the error to show beside its field. */
export function readEmail(request: FastifyRequest): { email: string; errors: Errors } {
  const form = readForm(emailForm, request);
  const typed = form.values.email.trim();
  if (!form.ok) return { email: typed, errors: form.errors };
  if (!typed) return { email: typed, errors: { email: 'Enter your email address' } };
  const parsed = signInEmailSchema.safeParse(typed);
  if (!parsed.success)
    return { email: typed, errors: { email: parsed.error.issues[0]?.message ?? 'Enter a valid email address' } };
  return { email: parsed.data, errors: {} };
}

/**
 * Whether an account uses an address must not show in how long the answer takes. The email goes
 * out after the answer, and the answer never comes sooner than this, whichever way it went.
 */
export const steadyAnswerMs = 400;

export async function answerSteadily(request: FastifyRequest, asking: Promise<Requested>): Promise<void> {
  const [{ delivery }] = await Promise.all([asking, delay(steadyAnswerMs)]);
  void delivery.then((problem) => {
    // The mail adapter words its errors without the recipient's address.
    if (problem) request.log.error({ err: problem }, 'An email with a link was not sent');
  });
}

const titles: Record<UnusableReason, string> = {
  expired: 'This link has expired',
  used: 'This link has already been used',
  unknown: 'This link does not work',
};

const kinds: Record<LinkPurpose, string> = {
  invitation: 'invitation',
  password_reset: 'password reset',
  sign_in: 'sign-in',
  pupil_consent: 'consent record',
};

/** Why the link does not work, and what to do for its kind: 410 when it did work once, 404 when it never did. */
export function unusablePage(reply: FastifyReply, purpose: LinkPurpose, reason: UnusableReason) {
  return page(
    reply,
    'links/unusable.njk',
    { pageTitle: titles[reason], purpose, reason, kind: kinds[purpose], lifetime: lifetimeInWords(purpose) },
    reason === 'unknown' ? 404 : 410,
  );
}

/** The address part holding a link's token: what a link that is cut short or too long has is not a token. */
export const tokenParams = z.object({ token: z.string().max(200, { abort: true }) });
