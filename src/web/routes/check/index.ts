// "Check the policy": a question put to a school's published policy, one part a page, and the
// policy's answer. Public at /s/<school>/check for parents and visitors, and at /check for
// signed-in people about their own school, where their own declarations answer whether a
// relationship is declared and approved. Answers travel in the query string, so the public pages
// keep nothing on the server and set no cookies.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { answerWords } from '../../../domain/check/answer.ts';
import {
  answerQuestion,
  answersQuery,
  firstUnanswered,
  previousQuestion,
  questionsFor,
  readAnswers,
  situationOf,
  type Query,
} from '../../../domain/check/journey.ts';
import { type Answers, type Question, questions, roleFromAccessRoles } from '../../../domain/check/questions.ts';
import { keysFromRegister, questionsWithRegister, registerAnswers, whomSlug } from '../../../domain/check/register.ts';
import { sendKeptPage } from '../../kept-pages.ts';
import type { RoutePlugin } from '../../route-plugin.ts';
import { page } from '../../forms.ts';
import { checkYourAnswersView, questionView } from './views.ts';

export const checkPageSlug = 'check-your-answers';
export const answerPageSlug = 'answer';

interface Where {
  /** Where the journey's pages live: /s/<school>/check or /check. */
  base: string;
  slug: string;
  /** The role a signed-in person most likely asks as. */
  suggestedRole?: string;
  /** The journey's questions: for a signed-in person with declarations, with "which person" added. */
  questions: readonly Question[];
  /**
   * For a signed-in person: the answers their declarations give, once they have said whom the
   * question is about, which the journey uses instead of asking. They never travel in the address,
   * so they always come from the register.
   */
  fromRegister?: (answers: Answers) => Answers;
  /** The questions only the register answers, whose answers in the address are never taken. */
  registerKeys?: (answers: Answers) => readonly string[];
  /** Where a signed-in person who may declare relationships does so. */
  declareHref?: string;
}

type CheckRequest = FastifyRequest<{ Params: { school?: string }; Querystring: Query }>;

export const checkRoutes: RoutePlugin = async (app, { services }) => {
  const notPublished = (reply: FastifyReply) =>
    page(reply, 'check/not-published.njk', { pageTitle: 'This school’s policy is not published yet' }, 404);

  async function published(reply: FastifyReply, slug: string) {
    const view = await services.schoolPolicy.published(slug);
    if (!view) await notPublished(reply);
    return view;
  }

  const urlOf = (where: Where, pageSlug: string, answers: Answers, extra: Record<string, string> = {}) =>
    `${where.base}/${pageSlug}${answersQuery(ownAnswers(where, answers), extra, where.questions)}`;

  const registerGives = (where: Where, answers: Answers): Answers => where.fromRegister?.(answers) ?? {};
  const withRegister = (where: Where, answers: Answers): Answers => ({ ...answers, ...registerGives(where, answers) });
  function ownAnswers(where: Where, answers: Answers): Answers {
    const given = registerGives(where, answers);
    const only = where.registerKeys?.(answers) ?? [];
    return Object.fromEntries(Object.entries(answers).filter(([key]) => !(key in given) && !only.includes(key)));
  }

  /** After an answer: the next question, or straight back to the check page after a change. */
  function pageAfter(where: Where, question: Question, answers: Answers, change: boolean): string {
    const unanswered = firstUnanswered(answers, where.questions);
    if (change)
      return unanswered
        ? urlOf(where, unanswered.slug, answers, { change: '1' })
        : urlOf(where, checkPageSlug, answers);
    const asked = questionsFor(answers, where.questions);
    const next = asked[asked.indexOf(question) + 1];
    return next ? urlOf(where, next.slug, answers) : urlOf(where, checkPageSlug, answers);
  }

  async function start(where: Where, reply: FastifyReply) {
    const view = await published(reply, where.slug);
    if (!view) return reply;
    const [firstQuestion] = questions;
    const answers: Answers = where.suggestedRole ? { role: [where.suggestedRole] } : {};
    return page(reply, 'check/start.njk', {
      pageTitle: `Check ${view.school.name}’s social media policy`,
      school: view.school,
      version: view.version,
      policyHref: `/s/${encodeURIComponent(where.slug)}/policy`,
      startHref: urlOf(where, firstQuestion!.slug, answers),
    });
  }

  async function journeyPage(where: Where, pageSlug: string, request: CheckRequest, reply: FastifyReply) {
    const list = where.questions;
    const question = list.find((q) => q.slug === pageSlug);
    const view = await published(reply, where.slug);
    if (!view) return reply;
    const query = request.query;
    let answers = readAnswers(query, list);
    // Someone signed in has their role filled in for them, and may still change it.
    if (!answers.role && where.suggestedRole && question?.key === 'role') answers = { role: [where.suggestedRole] };
    const own = ownAnswers(where, answers);
    answers = withRegister(where, own);

    if (!question) {
      const unanswered = firstUnanswered(answers, list);
      if (unanswered) return reply.redirect(urlOf(where, unanswered.slug, answers), 303);
      // A question this person's journey does not have, such as "which person" with no declarations.
      if (pageSlug !== checkPageSlug && pageSlug !== answerPageSlug) {
        return reply.redirect(urlOf(where, checkPageSlug, answers), 303);
      }
      if (pageSlug === checkPageSlug) {
        return page(reply, 'check/check-your-answers.njk', {
          ...checkYourAnswersView(answers, {
            fromRegister: new Set(Object.keys(registerGives(where, answers))),
            questions: list,
            changeHref: (slug) => urlOf(where, slug, answers, { change: '1' }),
            backLink: urlOf(where, questionsFor(answers, list).at(-1)!.slug, answers),
            answerHref: urlOf(where, answerPageSlug, answers),
          }),
          school: view.school,
        });
      }
      return answerPage(where, answers, view, request, reply);
    }

    const asked = questionsFor(answers, list);
    const change = query.change === '1';
    if (!asked.includes(question)) {
      const unanswered = firstUnanswered(answers, list);
      return reply.redirect(urlOf(where, unanswered ? unanswered.slug : checkPageSlug, answers), 303);
    }
    const earlier = asked.slice(0, asked.indexOf(question)).find((q) => answers[q.key] === undefined);
    if (earlier) return reply.redirect(urlOf(where, earlier.slug, answers), 303);
    if (question.key in registerGives(where, answers)) {
      return reply.redirect(pageAfter(where, question, answers, change), 303);
    }

    const previous = previousQuestion(question, answers, list);
    const backLink = change
      ? urlOf(where, checkPageSlug, answers)
      : previous
        ? urlOf(where, previous.slug, answers)
        : where.base;
    const model = {
      school: view.school,
      formAction: `${where.base}/${question.slug}`,
      backLink,
      change,
    };

    if (query.asked === question.key) {
      const result = answerQuestion(question, query, own, list);
      if ('answers' in result) {
        return reply.redirect(pageAfter(where, question, withRegister(where, result.answers), change), 303);
      }
      const shown = { ...own };
      delete (shown as Record<string, unknown>)[question.key];
      return page(reply, 'check/question.njk', { ...model, ...questionView(question, shown, result.error) }, 400);
    }
    return page(reply, 'check/question.njk', { ...model, ...questionView(question, own) });
  }

  async function answerPage(
    where: Where,
    answers: Answers,
    view: NonNullable<Awaited<ReturnType<typeof services.schoolPolicy.published>>>,
    request: CheckRequest,
    reply: FastifyReply,
  ) {
    const situation = situationOf(answers, where.questions);
    if (!situation) return reply.redirect(urlOf(where, questions[0]!.slug, answers), 303);
    const checked = await services.schoolPolicy.check(where.slug, situation);
    if (!checked) return notPublished(reply);
    const words = answerWords({
      outcome: checked.outcome,
      policy: view.document,
      situation,
      school: { name: checked.school.name, slug: checked.school.slug, contactEmail: checked.school.contactEmail },
    });
    const model = {
      pageTitle: words.heading,
      words,
      school: checked.school,
      backLink: urlOf(where, checkPageSlug, answers),
      changeHref: urlOf(where, checkPageSlug, answers),
      againHref: where.base,
      // Not declared, as far as the register knows: say where to declare it.
      ...(where.declareHref && situation.counterpart?.declared === false && { declareHref: where.declareHref }),
    };
    if (where.registerKeys) return page(reply, 'check/answer.njk', model);
    // The public answer depends on the published version and the answers alone: rendered once, kept.
    return sendKeptPage(request, reply, {
      source: view,
      variant: urlOf(where, answerPageSlug, answers),
      template: 'check/answer.njk',
      model: () => model,
      cacheControl: 'public, max-age=300',
    });
  }

  const anyone = { config: { access: 'anyone' as const } };
  const signedIn = { config: { access: 'check_policy' as const } };
  const publicWhere = (request: CheckRequest): Where => {
    const slug = request.params.school ?? '';
    return { base: `/s/${encodeURIComponent(slug)}/check`, slug, questions };
  };
  const ownWhere = async (request: CheckRequest): Promise<Where> => {
    const viewer = request.viewer!;
    const role = roleFromAccessRoles(viewer.roles);
    const register = await services.declarations.forCheck(viewer);
    return {
      base: '/check',
      slug: viewer.school.slug,
      questions: register ? questionsWithRegister(register) : questions,
      ...(role && { suggestedRole: role }),
      ...(register && {
        fromRegister: (answers: Answers) => registerAnswers(register, answers),
        registerKeys: (answers: Answers) => keysFromRegister(register, answers),
      }),
      ...(viewer.capabilities.includes('declare_relationship') && { declareHref: '/declarations/new' }),
    };
  };

  app.get('/s/:school/check', anyone, (request: CheckRequest, reply) => start(publicWhere(request), reply));
  app.get('/check', signedIn, async (request: CheckRequest, reply) => start(await ownWhere(request), reply));
  // One route a page, so that an unknown page is simply not found.
  for (const pageSlug of [...questions.map((question) => question.slug), checkPageSlug, answerPageSlug]) {
    app.get(`/s/:school/check/${pageSlug}`, anyone, (request: CheckRequest, reply) =>
      journeyPage(publicWhere(request), pageSlug, request, reply),
    );
  }
  // Signed in, the register may add "which person is this about?" from one's declarations.
  for (const pageSlug of [...questions.map((question) => question.slug), whomSlug, checkPageSlug, answerPageSlug]) {
    app.get(`/check/${pageSlug}`, signedIn, async (request: CheckRequest, reply) =>
      journeyPage(await ownWhere(request), pageSlug, request, reply),
    );
  }
};
