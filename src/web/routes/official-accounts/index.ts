// The register of official accounts: the list, a request with its risk assessment, one account
// with its history and the Headteacher's decision, depositing its login in escrow, and revealing
// the login with a fresh code. A revealed login is only ever in the body of the one response to
// that POST (never in a URL, a redirect or a log), and no page here is cached.
import type { FastifyReply } from 'fastify';
import { can } from '../../../domain/access/capabilities.ts';
import {
  audiences,
  historyKinds,
  interactions,
  platforms,
  readLogin,
  readRequest,
  riskLevelNames,
  riskQuestions,
  statusNames,
  type AccountLogin,
  type OfficialAccount,
} from '../../../domain/registers/official-accounts.ts';
import { AppError, isAppError } from '../../../errors.ts';
import type { Viewer } from '../../../services/access.ts';
import type { Services } from '../../../services/index.ts';
import type { RoutePlugin } from '../../route-plugin.ts';
import { dayFields, longDay, readDay, type DayFields } from '../policy/dates.ts';
import { field, page, type Errors } from '../../forms.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const view = { config: { access: 'view_official_accounts' as const } };
const requestAccess = { config: { access: 'request_official_account' as const } };
const approve = { config: { access: 'approve_official_accounts' as const } };
const reveal = { config: { access: 'reveal_account_secrets' as const } };

interface ById {
  Params: { accountId: string };
  Querystring: { done?: string };
}

const requestFields = [
  'platform',
  'address',
  'purpose',
  'audience',
  'managerPersonId',
  'commentsOn',
  'interaction',
  ...riskQuestions.map((question) => `risk-${question.id}`),
];

const doneNotices: Record<string, string> = {
  requested: 'Your request has been sent to the Headteacher.',
  approved: 'The account is approved. Its manager can now deposit its login.',
  declined: 'The request is declined, and the reason recorded.',
  deposited: 'The login is deposited in escrow.',
  replaced: 'The new login is deposited in escrow, in place of the old one.',
};

function accountIdOf(params: { accountId: string }): string {
  if (!uuid.test(params.accountId)) throw new AppError('not_found');
  return params.accountId;
}

const titled = (title: string, errors: Errors) => `${Object.keys(errors).length > 0 ? 'Error: ' : ''}${title}`;

const options = (record: Readonly<Record<string, string>>, chosen: string) =>
  Object.entries(record).map(([value, text]) => ({ value, text, checked: value === chosen }));

function dateItems(prefix: string, value: DayFields, errors: Errors) {
  const error = errors[`${prefix}-day`] ? ' govuk-input--error' : '';
  return [
    { id: `${prefix}-day`, name: 'day', classes: `govuk-input--width-2${error}`, value: value.day },
    { name: 'month', classes: `govuk-input--width-2${error}`, value: value.month },
    { name: 'year', classes: `govuk-input--width-4${error}`, value: value.year },
  ];
}

function describe(account: OfficialAccount) {
  return {
    platform: platforms[account.platform],
    audience: audiences[account.audience],
    interaction: interactions[account.interaction],
    status: statusNames[account.status],
    risk: riskLevelNames[account.outcome.level],
    requestedOn: longDay(account.requestedAt),
    reviewDue: account.reviewDue ? longDay(account.reviewDue) : '',
    loginUpdated: account.loginUpdatedAt ? timeOf(account.loginUpdatedAt) : '',
  };
}

const timeOf = (at: Date) =>
  at.toLocaleString('en-GB', {
    timeZone: 'Europe/London',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    hour12: true,
  });

async function requestPage(
  reply: FastifyReply,
  services: Services,
  viewer: Viewer,
  values: Record<string, string> = {},
  errors: Errors = {},
) {
  const staff = await services.officialAccounts.staff(viewer);
  return page(
    reply,
    'official-accounts/request.njk',
    {
      pageTitle: titled('Request an official account', errors),
      values,
      platforms: [
        { value: '', text: 'Choose a platform' },
        ...options(platforms, values.platform ?? '').map(({ value, text }) => ({
          value,
          text,
          selected: value === values.platform,
        })),
      ],
      audiences: options(audiences, values.audience ?? ''),
      interactions: options(interactions, values.interaction ?? ''),
      comments: options({ yes: 'On', no: 'Off' }, values.commentsOn ?? ''),
      managers: [
        { value: '', text: 'Choose a member of staff' },
        ...staff.map((person) => ({
          value: person.id,
          text: person.name,
          selected: person.id === (values.managerPersonId ?? viewer.person.id),
        })),
      ],
      questions: riskQuestions.map((question) => ({
        id: question.id,
        name: `risk-${question.id}`,
        question: question.question,
        hint: 'hint' in question ? question.hint : undefined,
        items: options(question.answers, values[`risk-${question.id}`] ?? ''),
      })),
      errors,
    },
    Object.keys(errors).length > 0 ? 400 : 200,
  );
}

interface AccountForms {
  errors?: Errors;
  notice?: string;
  reviewDue?: DayFields;
  reason?: string;
  revealed?: AccountLogin;
}

async function accountPage(
  reply: FastifyReply,
  services: Services,
  viewer: Viewer,
  id: string,
  forms: AccountForms = {},
) {
  const found = await services.officialAccounts.find(viewer, id);
  const { account } = found;
  const errors = forms.errors ?? {};
  const [year, month, day] = services.officialAccounts.defaultReviewDue().split('-') as [string, string, string];
  const reviewDue = forms.reviewDue ?? { day: String(Number(day)), month: String(Number(month)), year };
  return page(
    reply,
    'official-accounts/account.njk',
    {
      pageTitle: titled(`${platforms[account.platform]}: ${account.address}`, errors),
      found,
      account,
      words: describe(account),
      answers: riskQuestions.map((question) => ({
        question: question.question,
        answer: (question.answers as Record<string, string>)[account.risk[question.id]] ?? '',
      })),
      history: found.history.map((event) => ({
        at: timeOf(event.at),
        what: historyKinds[event.kind],
        who: event.actorName ?? '',
        note: event.note ?? '',
      })),
      canDecide: account.status === 'requested' && can(viewer.roles, 'approve_official_accounts'),
      canReveal: account.loginUpdatedAt !== undefined && can(viewer.roles, 'reveal_account_secrets'),
      reviewDueItems: dateItems('reviewDue', reviewDue, errors),
      reason: forms.reason ?? '',
      notice: forms.notice,
      revealed: forms.revealed,
      errors,
    },
    Object.keys(errors).length > 0 ? 400 : 200,
  );
}

async function loginPage(
  reply: FastifyReply,
  services: Services,
  viewer: Viewer,
  id: string,
  values: Record<string, string> = {},
  errors: Errors = {},
) {
  const found = await services.officialAccounts.find(viewer, id);
  if (!found.mayDeposit) throw new AppError('forbidden');
  return page(
    reply,
    'official-accounts/login.njk',
    {
      pageTitle: titled(found.account.loginUpdatedAt ? 'Replace the login' : 'Deposit the login', errors),
      account: found.account,
      words: describe(found.account),
      // Nothing typed is sent back, even after a mistake: it would sit in the page's source.
      retyping: Object.values(values).some((value) => value !== ''),
      errors,
    },
    Object.keys(errors).length > 0 ? 400 : 200,
  );
}

function valuesOf(body: unknown, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, field(body, name)]));
}

export const officialAccountRoutes: RoutePlugin = async (app, { services }) => {
  app.get('/official-accounts', view, async (request, reply) => {
    const viewer = request.viewer!;
    const accounts = await services.officialAccounts.list(viewer);
    return page(reply, 'official-accounts/index.njk', {
      pageTitle: 'Official social media accounts',
      canRequest: can(viewer.roles, 'request_official_account'),
      rows: accounts.map(({ account, managerName }) => ({
        id: account.id,
        address: account.address,
        managerName,
        ...describe(account),
      })),
    });
  });

  app.get('/official-accounts/new', requestAccess, async (request, reply) =>
    requestPage(reply, services, request.viewer!),
  );

  app.post('/official-accounts', requestAccess, async (request, reply) => {
    const viewer = request.viewer!;
    const values = valuesOf(request.body, requestFields);
    const read = readRequest(values);
    if ('problems' in read) return requestPage(reply, services, viewer, values, read.problems);
    try {
      const account = await services.officialAccounts.request(viewer, read.request);
      return reply.redirect(`/official-accounts/${account.id}?done=requested`, 303);
    } catch (error) {
      if (isAppError(error) && error.code === 'validation_failed') {
        const errors = Object.fromEntries(error.fields.map((problem) => [problem.field, problem.detail]));
        return requestPage(reply, services, viewer, values, errors);
      }
      throw error;
    }
  });

  app.get<ById>('/official-accounts/:accountId', view, async (request, reply) =>
    accountPage(reply, services, request.viewer!, accountIdOf(request.params), {
      notice: doneNotices[request.query.done ?? ''],
    }),
  );

  app.post<ById>('/official-accounts/:accountId/decision', approve, async (request, reply) => {
    const viewer = request.viewer!;
    const id = accountIdOf(request.params);
    const approving = field(request.body, 'decision') === 'approve';
    if (approving) {
      const fields = dayFields(request.body, 'reviewDue');
      const read = readDay(fields, 'the review date');
      if ('problem' in read) {
        return accountPage(reply, services, viewer, id, {
          errors: { 'reviewDue-day': read.problem },
          reviewDue: fields,
        });
      }
      await services.officialAccounts.decide(viewer, id, { approve: true, reviewDue: read.day });
      return reply.redirect(`/official-accounts/${id}?done=approved`, 303);
    }
    const reason = field(request.body, 'reason').trim();
    if (!reason)
      return accountPage(reply, services, viewer, id, { errors: { reason: 'Give the reason for declining' } });
    if (reason.length > 1000) {
      return accountPage(reply, services, viewer, id, {
        errors: { reason: 'Keep the reason to 1000 characters or fewer' },
        reason,
      });
    }
    await services.officialAccounts.decide(viewer, id, { approve: false, reason });
    return reply.redirect(`/official-accounts/${id}?done=declined`, 303);
  });

  app.get<ById>('/official-accounts/:accountId/login', view, async (request, reply) =>
    loginPage(reply, services, request.viewer!, accountIdOf(request.params)),
  );

  app.post<ById>('/official-accounts/:accountId/login', view, async (request, reply) => {
    const viewer = request.viewer!;
    const id = accountIdOf(request.params);
    const values = valuesOf(request.body, ['username', 'password', 'recoveryEmail', 'recoveryPhone', 'notes']);
    const read = readLogin(values);
    if ('problems' in read) return loginPage(reply, services, viewer, id, values, read.problems);
    const { replaced } = await services.officialAccounts.deposit(viewer, id, read.login);
    return reply.redirect(`/official-accounts/${id}?done=${replaced ? 'replaced' : 'deposited'}`, 303);
  });

  app.post<ById>('/official-accounts/:accountId/reveal', reveal, async (request, reply) => {
    const viewer = request.viewer!;
    const id = accountIdOf(request.params);
    const code = field(request.body, 'code').trim();
    if (!code) {
      return accountPage(reply, services, viewer, id, {
        errors: { code: 'Enter the 6-digit code from your authenticator app to reveal the login' },
      });
    }
    const outcome = await services.officialAccounts.reveal(viewer, id, code);
    if (outcome.outcome === 'code_refused') {
      return accountPage(reply, services, viewer, id, {
        errors: { code: 'That code did not work. Enter the code your app shows now' },
      });
    }
    return accountPage(reply, services, viewer, id, { revealed: outcome.login });
  });
};
