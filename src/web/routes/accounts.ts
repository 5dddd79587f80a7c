// Who has access to the school's Footprint, for the Headteacher and administrators: every
// account, and one person's, with making them administrator and disabling their account. Each
// change asks again for the changer's code.
import type { FastifyReply } from 'fastify';
import { accessRoleNames } from '../../domain/access/roles.ts';
import { AppError } from '../../errors.ts';
import type { AccountSummary } from '../../services/account-admin.ts';
import type { Viewer } from '../../services/access.ts';
import type { Services } from '../../services/index.ts';
import type { RoutePlugin } from '../route-plugin.ts';
import { field, page, type Errors } from './sign-in/form.ts';

const perPage = 50;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const manage = { config: { access: 'manage_roles' as const } };

interface ById {
  Params: { personId: string };
  Querystring: { done?: string };
}

const doneNotices: Record<string, string> = {
  admin: 'They are now a school administrator.',
  'not-admin': 'They are no longer a school administrator.',
  disabled: 'Their account is disabled, and they have been signed out everywhere.',
  enabled: 'Their account is enabled again.',
};

function personIdOf(params: { personId: string }): string {
  if (!uuid.test(params.personId)) throw new AppError('not_found');
  return params.personId;
}

async function accountPage(
  reply: FastifyReply,
  services: Services,
  viewer: Viewer,
  target: AccountSummary,
  extra: { errors?: Errors; notice?: string; form?: string } = {},
) {
  const errors = extra.errors ?? {};
  return page(
    reply,
    'accounts/account.njk',
    {
      pageTitle: `Access for ${target.name}`,
      target,
      roleNames: target.roles.map((role) => accessRoleNames[role]),
      refusal: services.accounts.refusal(viewer, target),
      notice: extra.notice,
      failedForm: extra.form,
      errors,
    },
    Object.keys(errors).length > 0 ? 400 : 200,
  );
}

export const accountRoutes: RoutePlugin = async (app, { services }) => {
  app.get<{ Querystring: { page?: string } }>('/accounts', manage, async (request, reply) => {
    const pageNumber = Math.max(1, Number.parseInt(request.query.page ?? '', 10) || 1);
    const found = await services.accounts.list(request.viewer!, {
      limit: perPage,
      offset: (pageNumber - 1) * perPage,
    });
    const pages = Math.max(1, Math.ceil(found.total / perPage));
    return page(reply, 'accounts/index.njk', {
      pageTitle: 'Who has access',
      rows: found.items.map((item) => [
        { html: `<a class="govuk-link" href="/accounts/${item.person.id}">${escapeHtml(item.name)}</a>` },
        { text: item.account.email },
        { text: item.roles.map((role) => accessRoleNames[role]).join(', ') },
        { text: item.account.disabledAt ? 'Disabled' : item.account.secondFactor ? 'Authenticator app' : 'Password' },
      ]),
      total: found.total,
      pagination: {
        previous: pageNumber > 1 ? { href: `/accounts?page=${pageNumber - 1}` } : undefined,
        next: pageNumber < pages ? { href: `/accounts?page=${pageNumber + 1}` } : undefined,
      },
      pages,
    });
  });

  app.get<ById>('/accounts/:personId', manage, async (request, reply) => {
    const target = await services.accounts.find(request.viewer!, personIdOf(request.params));
    return accountPage(reply, services, request.viewer!, target, { notice: doneNotices[request.query.done ?? ''] });
  });

  const changeRoute = (form: 'admin' | 'disabled') =>
    app.post<ById>(`/accounts/:personId/${form}`, manage, async (request, reply) => {
      const viewer = request.viewer!;
      const personId = personIdOf(request.params);
      const target = await services.accounts.find(viewer, personId);
      const code = field(request.body, 'code').trim();
      const on = field(request.body, 'value') === 'yes';
      if (!code) {
        const errors = { [`${form}-code`]: 'Enter the 6-digit code from your authenticator app to confirm' };
        return accountPage(reply, services, viewer, target, { errors, form });
      }
      const change = form === 'admin' ? { schoolAdmin: on } : { disabled: on };
      const outcome = await services.accounts.change(viewer, personId, change, code);
      if (outcome === 'code_refused') {
        const errors = { [`${form}-code`]: 'That code did not work. Enter the code your app shows now' };
        return accountPage(reply, services, viewer, target, { errors, form });
      }
      const done = form === 'admin' ? (on ? 'admin' : 'not-admin') : on ? 'disabled' : 'enabled';
      return reply.redirect(`/accounts/${personId}?done=${done}`, 303);
    });
  changeRoute('admin');
  changeRoute('disabled');
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
