// The first-run set-up: one question a page (questions.ts), a check of every answer, then the
// organisation and first school are created. Only while no school exists: afterwards every
// page of it says Footprint is already set up.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { displayName } from '../../../domain/community/people.ts';
import { isAppError } from '../../../errors.ts';
import type { RoutePlugin } from '../../route-plugin.ts';
import { beginStage } from '../../plugins/sessions.ts';
import { completeAnswers } from './answers.ts';
import { setupCookies } from './cookies.ts';
import {
  answerPage,
  checkPage,
  detour,
  firstUnanswered,
  pageAfter,
  pageAfterChange,
  pageOf,
  postedValues,
  shownValues,
} from './journey.ts';
import { questions, type Question } from './questions.ts';
import { alreadySetUpView, checkView, questionView, render } from './views.ts';

interface FromCheck {
  Querystring: { from?: unknown };
}

const confirmationPage = '/setup/confirmation';
const webAddress = questions.find((question) => question.path === 'web-address');
if (!webAddress) throw new Error('The set-up has no web address question');

/** Answers so long that the cookie keeping them would be more than a browser keeps. */
const tooLongToKeep = (question: Question) => ({
  field: question.fields[0]?.name ?? '',
  message: 'These answers are too long for Footprint to keep: shorten them',
});

/** The set-up is for whoever installs Footprint, before anyone has an account. */
const anyone = { config: { access: 'anyone' as const } };

export const setupRoutes: RoutePlugin = async (app, { services, config }) => {
  const cookies = setupCookies(config);
  const alreadySetUp = (reply: FastifyReply, status: number) => {
    cookies.forgetAnswers(reply);
    return render(reply, 'setup/already-set-up.njk', alreadySetUpView(), status);
  };

  app.addHook('preHandler', async (request, reply) => {
    if (!(await services.community.isSetUp())) return;
    if (request.routeOptions.url === confirmationPage && cookies.done(request)) return;
    return alreadySetUp(reply, request.method === 'POST' ? 409 : 200);
  });

  app.get('/setup', anyone, async (request, reply) => {
    const next = firstUnanswered(cookies.answers(request));
    return reply.redirect(next ? pageOf(next) : checkPage, 303);
  });

  const showQuestion = (question: Question) => async (request: FastifyRequest<FromCheck>, reply: FastifyReply) => {
    const answers = cookies.answers(request);
    const elsewhere = detour(question, answers);
    if (elsewhere) return reply.redirect(elsewhere, 303);
    const change = request.query.from === 'check';
    return render(
      reply,
      question.template,
      questionView(question, answers, { values: shownValues(question, answers), errors: [], change }),
    );
  };

  const answerQuestion = (question: Question) => async (request: FastifyRequest<FromCheck>, reply: FastifyReply) => {
    const answers = cookies.answers(request);
    const elsewhere = detour(question, answers);
    if (elsewhere) return reply.redirect(elsewhere, 303);
    const change = request.query.from === 'check';
    const values = postedValues(question, request.body);
    const result = answerPage(question, values, answers);
    if ('answers' in result && cookies.keepAnswers(reply, result.answers)) {
      return reply.redirect(change ? pageAfterChange(result.answers) : pageAfter(question, result.answers), 303);
    }
    const errors = 'errors' in result ? result.errors : [tooLongToKeep(question)];
    return render(reply, question.template, questionView(question, answers, { values, errors, change }), 400);
  };

  for (const question of questions) {
    app.get(pageOf(question), anyone, showQuestion(question));
    app.post(pageOf(question), anyone, answerQuestion(question));
  }

  app.get(checkPage, anyone, async (request, reply) => {
    const answers = cookies.answers(request);
    const unanswered = firstUnanswered(answers);
    if (unanswered) return reply.redirect(pageOf(unanswered), 303);
    return render(reply, 'setup/check-your-answers.njk', checkView(answers));
  });

  app.post(checkPage, anyone, async (request, reply) => {
    const answers = cookies.answers(request);
    const complete = completeAnswers(answers);
    if (!complete) {
      const unanswered = firstUnanswered(answers);
      // Answers that pass page by page but not as a whole can only be left from an older Footprint.
      if (!unanswered) cookies.forgetAnswers(reply);
      return reply.redirect(unanswered ? pageOf(unanswered) : '/setup', 303);
    }
    try {
      const school = await services.community.setUp(complete.organisation, complete.school, complete.headteacher);
      // Whoever finished the set-up goes straight on to the Headteacher's password and second factor.
      const account = await services.access.awaitingPassword(complete.headteacher.email ?? '');
      if (account) await beginStage(request, 'set_password', account, services.clock.now());
      cookies.finish(reply, {
        school: school.name,
        slug: school.slug,
        organisation: complete.organisation.name,
        kind: complete.organisation.kind,
        headteacher: displayName(complete.headteacher),
      });
      return reply.redirect(confirmationPage, 303);
    } catch (error) {
      if (!isAppError(error)) throw error;
      if (error.code === 'already_set_up') return alreadySetUp(reply, 409);
      if (error.code !== 'school_exists') throw error;
      const errors = [{ field: 'school.slug', message: error.message }];
      const view = questionView(webAddress, answers, {
        values: shownValues(webAddress, answers),
        errors,
        change: true,
      });
      return render(reply, webAddress.template, view, 409);
    }
  });

  app.get(confirmationPage, anyone, async (request, reply) => {
    const done = cookies.done(request);
    if (!done || !(await services.community.isSetUp())) return reply.redirect('/setup', 303);
    return render(reply, 'setup/confirmation.njk', { pageTitle: 'Footprint is set up', done });
  });
};
