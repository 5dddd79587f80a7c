// Sign-off of the published policy. The Headteacher asks a group to acknowledge it (/sign-off) and
// follows who has answered; each person answers through the emailed link, without a password
// (/acknowledge/:token), or signed in (/acknowledge). Opening a link records nothing: only the
// button does, since mail scanners open links but press nothing.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { audienceNames, isSignOffAudience, signOffAudiences } from '../../../domain/sign-off/index.ts';
import { AppError, isAppError } from '../../../errors.ts';
import type { AnswerPage, TokenRefusal } from '../../../services/sign-off.ts';
import type { RoutePlugin } from '../../route-plugin.ts';
import { longDate } from '../../format.ts';
import { formRoute, limits, page, readForm, text, type Errors } from '../../forms.ts';
import { numberParams, uuidParams } from '../../params.ts';
import { limited, tokenParams } from '../links/shared.ts';

const byNumber = numberParams('number');
const answerForm = z.object({ answer: text('Your answer', limits.choice), reason: text('Your reason', limits.text) });
const campaignForm = z.object({ audience: text('Who to ask', limits.choice) });

const refusalTitles: Record<TokenRefusal, string> = {
  answered: 'You have already answered',
  closed: 'This request has closed',
  unknown: 'This link does not work',
};

function refusedPage(reply: FastifyReply, reason: TokenRefusal) {
  return page(
    reply,
    'sign-off/unusable.njk',
    { pageTitle: refusalTitles[reason], reason },
    reason === 'unknown' ? 404 : 410,
  );
}

interface AnswerForm {
  values?: { answer: string; reason: string };
  errors?: Errors;
}

function answerPage(reply: FastifyReply, shown: AnswerPage, formAction: string, form: AnswerForm = {}) {
  const errors = form.errors ?? {};
  const failed = Object.keys(errors).length > 0;
  const heading =
    shown.reading.kind === 'changes'
      ? `What changed in version ${shown.version.label} of the social media policy`
      : `Read the social media policy, version ${shown.version.label}`;
  return page(
    reply,
    'sign-off/answer.njk',
    {
      pageTitle: `${failed ? 'Error: ' : ''}${heading}`,
      heading,
      schoolName: shown.schoolName,
      reading: shown.reading,
      formAction,
      values: form.values ?? { answer: '', reason: '' },
      errors,
    },
    failed ? 400 : 200,
  );
}

/** The error to show beside the field it concerns. */
function problemErrors(problem: string): Errors {
  return problem.startsWith('Choose') ? { answer: problem } : { reason: problem };
}

function answeredPage(
  reply: FastifyReply,
  model: { answer: string; schoolName: string; versionLabel: string; signedIn: boolean },
) {
  return page(reply, 'sign-off/answered.njk', {
    pageTitle: model.answer === 'acknowledged' ? 'Thank you: your answer is recorded' : 'Your answer is recorded',
    ...model,
  });
}

async function dashboard(
  services: Parameters<RoutePlugin>[1]['services'],
  request: FastifyRequest,
  reply: FastifyReply,
  form: { audience?: string; errors?: Errors } = {},
) {
  const { published, campaigns } = await services.signOff.overview(request.viewer!);
  const errors = form.errors ?? {};
  const failed = Object.keys(errors).length > 0;
  return page(
    reply,
    'sign-off/dashboard.njk',
    {
      pageTitle: `${failed ? 'Error: ' : ''}Sign-off of the policy`,
      published: published && { label: published.label },
      audiences: signOffAudiences.map((audience) => ({
        value: audience,
        text: audienceNames[audience],
        checked: audience === form.audience,
      })),
      campaigns: campaigns.map((view) => ({
        id: view.campaign.id,
        audience: view.campaign.audience,
        audienceName: audienceNames[view.campaign.audience],
        versionLabel: view.versionLabel,
        startedOn: longDate(view.campaign.startedAt),
        closed: view.campaign.closedAt !== undefined,
        withoutEmail: view.campaign.withoutEmail,
        tally: view.tally,
        percent: view.percent,
        sending: view.sending,
        outstanding: view.outstanding,
        declined: view.declined,
      })),
      errors,
    },
    failed ? 400 : 200,
  );
}

export const signOffRoutes: RoutePlugin = async (app, { services }) => {
  app.get('/sign-off', { config: { access: 'manage_sign_off' } }, (request, reply) =>
    dashboard(services, request, reply),
  );

  app.post(
    '/sign-off/campaigns',
    { config: { access: 'manage_sign_off' }, ...formRoute(campaignForm) },
    async (request, reply) => {
      const form = readForm(campaignForm, request);
      if (!form.ok) return dashboard(services, request, reply, { errors: form.errors });
      const { audience } = form.values;
      if (!isSignOffAudience(audience)) {
        return dashboard(services, request, reply, { errors: { audience: 'Choose who to ask' } });
      }
      try {
        await services.signOff.start(request.viewer!, audience);
      } catch (error) {
        if (isAppError(error) && error.code === 'policy_not_ready') {
          return dashboard(services, request, reply, { audience, errors: { audience: error.message } });
        }
        throw error;
      }
      return reply.redirect('/sign-off', 303);
    },
  );

  app.post(
    '/sign-off/campaigns/:id/close',
    { config: { access: 'manage_sign_off' }, schema: { params: uuidParams('id') } },
    async (request, reply) => {
      await services.signOff.close(request.viewer!, request.params.id);
      return reply.redirect('/sign-off', 303);
    },
  );

  app.get('/acknowledge', { config: { access: 'acknowledge_policy' } }, async (request, reply) => {
    const items = await services.signOff.outstanding(request.viewer!);
    return page(reply, 'sign-off/outstanding.njk', {
      pageTitle: 'Policies waiting for your answer',
      items: items.map(({ version }) => ({ number: version.number, label: version.label })),
    });
  });

  app.get(
    '/acknowledge/policy/:number',
    { config: { access: 'acknowledge_policy' }, schema: { params: byNumber } },
    async (request, reply) => {
      const { number } = request.params;
      const shown = await services.signOff.forViewer(request.viewer!, number);
      if (!shown) throw new AppError('not_found');
      return answerPage(reply, shown, `/acknowledge/policy/${number}`);
    },
  );

  app.post(
    '/acknowledge/policy/:number',
    { config: { access: 'acknowledge_policy' }, ...formRoute(answerForm, byNumber) },
    async (request, reply) => {
      const { number } = request.params;
      const form = readForm(answerForm, request);
      const { values } = form;
      const viewer = request.viewer!;
      const shown = await services.signOff.forViewer(viewer, number);
      if (!shown) throw new AppError('not_found');
      if (!form.ok) return answerPage(reply, shown, `/acknowledge/policy/${number}`, { values, errors: form.errors });
      const outcome = await services.signOff.answerAsViewer(viewer, number, values.answer, values.reason);
      if (outcome.outcome === 'problem') {
        return answerPage(reply, shown, `/acknowledge/policy/${number}`, {
          values,
          errors: problemErrors(outcome.problem),
        });
      }
      if (outcome.outcome === 'refused') return refusedPage(reply, outcome.reason);
      return answeredPage(reply, {
        answer: outcome.answer,
        schoolName: viewer.school.name,
        versionLabel: shown.version.label,
        signedIn: true,
      });
    },
  );

  app.get(
    '/acknowledge/:token',
    { config: { access: 'anyone' }, schema: { params: tokenParams } },
    async (request, reply) => {
      const checked = await services.signOff.checkToken(request.params.token);
      if (!checked.usable) return refusedPage(reply, checked.reason);
      return answerPage(reply, checked, `/acknowledge/${request.params.token}`);
    },
  );

  app.post(
    '/acknowledge/:token',
    {
      config: { access: 'anyone', rateLimit: limited(10, (request) => (request.params as { token: string }).token) },
      ...formRoute(answerForm, tokenParams),
    },
    async (request, reply) => {
      const { token } = request.params;
      const form = readForm(answerForm, request);
      const { values } = form;
      const checked = await services.signOff.checkToken(token);
      if (!checked.usable) return refusedPage(reply, checked.reason);
      if (!form.ok) return answerPage(reply, checked, `/acknowledge/${token}`, { values, errors: form.errors });
      const outcome = await services.signOff.answerByToken(token, values.answer, values.reason);
      if (outcome.outcome === 'problem') {
        return answerPage(reply, checked, `/acknowledge/${token}`, { values, errors: problemErrors(outcome.problem) });
      }
      if (outcome.outcome === 'refused') return refusedPage(reply, outcome.reason);
      return answeredPage(reply, {
        answer: outcome.answer,
        schoolName: checked.schoolName,
        versionLabel: checked.version.label,
        signedIn: false,
      });
    },
  );
};
