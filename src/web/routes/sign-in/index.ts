// Signing in: email and password, then a code from an authenticator app (or a recovery code)
// for those who have one, setting one up for those whose roles need it, and signing out.
// Each step is a stage of the server-side session; a page for another stage sends you there.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { RoutePlugin } from '../../route-plugin.ts';
import { beginStage, type SignInStage } from '../../plugins/sessions.ts';
import { formRoute, hint, limits, page, readForm, safeNext, text, type Errors } from '../../forms.ts';

const home = '/home';

// Each form's fields, bounded before anything reads them: an address is never longer than 320
// characters, and no pattern runs on one that is.
const passwordForm = z.object({
  email: text('Email address', limits.email),
  password: text('Password', limits.password),
  next: hint(limits.next),
});
const codeForm = z.object({ code: text('The code', limits.code) });
const newPasswordForm = z.object({
  password: text('Password', limits.password),
  confirm: text('Password', limits.password),
});
const schoolAccountForm = z.object({
  schoolEmail: text('Email address', limits.email),
  next: hint(limits.next),
});
const signInQuery = z.object({
  next: hint(limits.next),
  ended: hint(limits.choice),
});

const stagePages: Record<Exclude<SignInStage, 'signed_in'>, string> = {
  set_password: '/sign-in/set-password',
  second_factor_setup: '/sign-in/second-factor',
  code: '/sign-in/code',
};

// Slow guessing from any one address, and guessing at any one account from any one address,
// without letting someone elsewhere lock the real person out.
const guarded = (max: number) => ({
  access: 'anyone' as const,
  rateLimit: {
    max,
    timeWindow: '15 minutes',
    // After the body is read, so that the key can include the address being tried.
    hook: 'preHandler' as const,
    // The account being signed in to: the address typed, or, at later steps, the session's.
    // Never the address alone: a whole school often shares one.
    keyGenerator: (request: FastifyRequest) =>
      `${request.ip} ${typedAddress(request.body) || (request.session.accountId ?? '')}`,
  },
});

/** The address typed into either form, as the limiter keys it: refused ones are cut to the longest allowed. */
function typedAddress(body: unknown): string {
  const sent = (body ?? {}) as { email?: unknown; schoolEmail?: unknown };
  const typed = typeof sent.email === 'string' && sent.email ? sent.email : sent.schoolEmail;
  return typeof typed === 'string' ? typed.slice(0, limits.email).trim().toLowerCase() : '';
}

const endedNotices: Record<string, string> = {
  idle: 'You were signed out because you had not used Footprint for a while. Sign in again to carry on.',
  expired: 'You were signed out at the end of your session. Sign in again to carry on.',
  'signed-out': 'You have signed out.',
};

export const signInRoutes: RoutePlugin = async (app, { services, config }) => {
  /** The session's account, if it is at this stage; otherwise where the visitor should be instead. */
  function atStage(request: FastifyRequest, stage: SignInStage) {
    const { session } = request;
    if (session.stage === stage && session.schoolId && session.accountId) {
      return { schoolId: session.schoolId, accountId: session.accountId };
    }
    return undefined;
  }
  const elsewhere = (request: FastifyRequest, reply: FastifyReply) => {
    const stage = request.session.stage;
    if (stage === 'signed_in') return reply.redirect(home, 303);
    return reply.redirect(stage ? stagePages[stage] : '/sign-in', 303);
  };
  const finish = async (request: FastifyRequest, reply: FastifyReply, ids: { schoolId: string; accountId: string }) => {
    const next = safeNext(request.session.returnTo) ?? home;
    await beginStage(request, 'signed_in', ids, services.clock.now());
    request.session.returnTo = undefined;
    return reply.redirect(next, 303);
  };

  app.get(
    '/sign-in',
    { config: { access: 'anyone' }, schema: { querystring: signInQuery } },
    async (request, reply) => {
      if (request.viewer) return reply.redirect(home, 303);
      const notice = endedNotices[request.query.ended];
      return page(reply, 'sign-in/password.njk', {
        qa: 'sign-in',
        pageTitle: 'Sign in to Footprint',
        formAction: '/sign-in',
        buttonText: 'Sign in',
        next: safeNext(request.query.next) ?? '',
        notice,
      });
    },
  );

  app.post('/sign-in', { config: guarded(10), ...formRoute(passwordForm) }, async (request, reply) => {
    const form = readForm(passwordForm, request);
    const email = form.values.email.trim();
    const { password } = form.values;
    const errors: Errors = form.ok ? {} : form.errors;
    if (!email) errors.email ??= 'Enter your email address';
    if (!password) errors.password ??= 'Enter your password';
    const outcome = Object.keys(errors).length === 0 ? await services.access.checkPassword(email, password) : undefined;
    if (!outcome || outcome.outcome === 'refused') {
      if (outcome) errors.email = 'Enter an email address and password that match an account at your school';
      return page(
        reply,
        'sign-in/password.njk',
        {
          qa: 'sign-in',
          pageTitle: 'Sign in to Footprint',
          formAction: '/sign-in',
          buttonText: 'Sign in',
          next: safeNext(form.values.next) ?? '',
          values: { email },
          errors,
        },
        outcome ? 401 : 400,
      );
    }
    request.session.returnTo = safeNext(form.values.next);
    const ids = { schoolId: outcome.schoolId, accountId: outcome.accountId };
    if (outcome.outcome === 'signed_in') return finish(request, reply, ids);
    const stage = outcome.outcome === 'code_needed' ? 'code' : 'second_factor_setup';
    await beginStage(request, stage, ids, services.clock.now());
    return reply.redirect(stagePages[stage], 303);
  });

  const codePage = (reply: FastifyReply, errors: Errors = {}, status = 200) =>
    page(
      reply,
      'sign-in/code.njk',
      {
        qa: 'sign-in-code',
        pageTitle: 'Enter the code from your authenticator app',
        formAction: stagePages.code,
        errors,
      },
      status,
    );

  app.get(stagePages.code, { config: { access: 'anyone' } }, async (request, reply) =>
    atStage(request, 'code') ? codePage(reply) : elsewhere(request, reply),
  );

  app.post(stagePages.code, { config: guarded(10), ...formRoute(codeForm) }, async (request, reply) => {
    const ids = atStage(request, 'code');
    if (!ids) return elsewhere(request, reply);
    const form = readForm(codeForm, request);
    if (!form.ok) return codePage(reply, form.errors, 400);
    const code = form.values.code.trim();
    if (!code) return codePage(reply, { code: 'Enter the 6-digit code from your authenticator app' }, 400);
    if (!(await services.access.checkCode(ids.schoolId, ids.accountId, code))) {
      return codePage(
        reply,
        { code: 'That code did not work. Enter the code the app shows now, or an unused recovery code' },
        401,
      );
    }
    return finish(request, reply, ids);
  });

  const setupPage = async (reply: FastifyReply, ids: { schoolId: string; accountId: string }, errors: Errors = {}) =>
    page(
      reply,
      'sign-in/second-factor.njk',
      {
        qa: 'second-factor',
        pageTitle: 'Set up your authenticator app',
        formAction: stagePages.second_factor_setup,
        ...(await services.access.startSecondFactor(ids.schoolId, ids.accountId)),
        errors,
      },
      Object.keys(errors).length > 0 ? 400 : 200,
    );

  app.get(stagePages.second_factor_setup, { config: { access: 'anyone' } }, async (request, reply) => {
    const ids = atStage(request, 'second_factor_setup');
    return ids ? setupPage(reply, ids) : elsewhere(request, reply);
  });

  app.post(stagePages.second_factor_setup, { config: guarded(10), ...formRoute(codeForm) }, async (request, reply) => {
    const ids = atStage(request, 'second_factor_setup');
    if (!ids) return elsewhere(request, reply);
    const form = readForm(codeForm, request);
    if (!form.ok) return setupPage(reply, ids, form.errors);
    const code = form.values.code.trim();
    const codes = code ? await services.access.finishSecondFactor(ids.schoolId, ids.accountId, code) : undefined;
    if (!codes) {
      const message = code
        ? 'That code did not match. Check the app shows Footprint, then enter the code it shows now'
        : 'Enter the 6-digit code from your authenticator app';
      return setupPage(reply, ids, { code: message });
    }
    const next = safeNext(request.session.returnTo) ?? home;
    await beginStage(request, 'signed_in', ids, services.clock.now());
    request.session.returnTo = undefined;
    return page(reply, 'sign-in/recovery-codes.njk', { pageTitle: 'Your authenticator app is set up', codes, next });
  });

  const passwordPage = async (reply: FastifyReply, ids: { schoolId: string; accountId: string }, errors: Errors = {}) =>
    page(
      reply,
      'sign-in/set-password.njk',
      {
        qa: 'set-password',
        pageTitle: 'Choose a password',
        formAction: stagePages.set_password,
        email: (await services.access.viewerEmail(ids.schoolId, ids.accountId)) ?? '',
        errors,
      },
      Object.keys(errors).length > 0 ? 400 : 200,
    );

  app.get(stagePages.set_password, { config: { access: 'anyone' } }, async (request, reply) => {
    const ids = atStage(request, 'set_password');
    return ids ? passwordPage(reply, ids) : elsewhere(request, reply);
  });

  app.post(stagePages.set_password, { config: guarded(20), ...formRoute(newPasswordForm) }, async (request, reply) => {
    const ids = atStage(request, 'set_password');
    if (!ids) return elsewhere(request, reply);
    const form = readForm(newPasswordForm, request);
    if (!form.ok) return passwordPage(reply, ids, form.errors);
    const { password, confirm } = form.values;
    let problems: string[];
    if (!password) problems = ['Enter a password'];
    else if (password !== confirm) {
      return passwordPage(reply, ids, { confirm: 'Type the same password again: the two did not match' });
    } else problems = await services.access.setPassword(ids.schoolId, ids.accountId, password);
    if (problems.length > 0) return passwordPage(reply, ids, { password: problems.join('. ') });
    if (await services.access.needsSecondFactorSetUp(ids.schoolId, ids.accountId)) {
      await beginStage(request, 'second_factor_setup', ids, services.clock.now());
      return reply.redirect(stagePages.second_factor_setup, 303);
    }
    return finish(request, reply, ids);
  });

  // Single sign-on: from the email address to the school's provider, and back.
  const redirectUri = `${config.baseUrl}/sign-in/callback`;
  const passwordPageWith = (
    reply: FastifyReply,
    next: string,
    values: Record<string, string>,
    errors: Errors,
    status: number,
  ) =>
    page(
      reply,
      'sign-in/password.njk',
      {
        qa: 'sign-in',
        pageTitle: 'Sign in to Footprint',
        formAction: '/sign-in',
        buttonText: 'Sign in',
        next,
        values,
        errors,
      },
      status,
    );

  app.post(
    '/sign-in/school-account',
    { config: guarded(10), ...formRoute(schoolAccountForm) },
    async (request, reply) => {
      const form = readForm(schoolAccountForm, request);
      const email = form.values.schoolEmail.trim();
      const next = safeNext(form.values.next) ?? '';
      // The schema has already refused an address too long to be one, so the pattern never runs on it.
      if (!form.ok) return passwordPageWith(reply, next, { schoolEmail: email }, form.errors, 400);
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
        const errors = { schoolEmail: 'Enter your school email address, such as name@school.org.uk' };
        return passwordPageWith(reply, next, { schoolEmail: email }, errors, 400);
      }
      const begun = await services.signOn.begin(email, redirectUri);
      if (!begun) {
        const errors = {
          schoolEmail: 'No school signs in with Google or Microsoft for that address. Sign in with your password above',
        };
        return passwordPageWith(reply, next, { schoolEmail: email }, errors, 400);
      }
      request.session.signOn = begun.pending;
      request.session.returnTo = next || undefined;
      return reply.redirect(begun.start.url, 303);
    },
  );

  // Only the site-wide limit here: a whole school may come back from its provider at 8.40 a.m.
  app.get('/sign-in/callback', { config: { access: 'anyone' } }, async (request, reply) => {
    const pending = request.session.signOn;
    if (!pending) return reply.redirect('/sign-in', 303);
    request.session.signOn = undefined;
    const outcome = await services.signOn.complete(pending, request.url, redirectUri);
    if (outcome.outcome === 'refused') {
      return passwordPageWith(reply, '', {}, { schoolEmail: outcome.message }, 401);
    }
    const ids = { schoolId: outcome.schoolId, accountId: outcome.accountId };
    if (outcome.outcome === 'signed_in') return finish(request, reply, ids);
    const stage = outcome.outcome === 'code_needed' ? 'code' : 'second_factor_setup';
    await beginStage(request, stage, ids, services.clock.now());
    return reply.redirect(stagePages[stage], 303);
  });

  app.post('/sign-out', { config: { access: 'anyone' } }, async (request, reply) => {
    if (request.viewer) await services.access.recordSignOut(request.viewer);
    if (request.session.stage) await request.session.destroy();
    return reply.redirect('/sign-in?ended=signed-out', 303);
  });
};
