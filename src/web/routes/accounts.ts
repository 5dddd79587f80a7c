// Who has access to the school's Footprint, for the Headteacher and administrators: every
// account, and one person's, with making them administrator and disabling their account. Each
// change asks again for the changer's code.
import type { FastifyReply } from 'fastify';
import { accessRoleNames } from '../../domain/access/roles.ts';
import type { AccountSummary } from '../../services/account-admin.ts';
import type { Viewer } from '../../services/access.ts';
import type { Services } from '../../services/index.ts';
import { z } from 'zod';
import { uuidParams } from '../params.ts';
import type { RoutePlugin } from '../route-plugin.ts';
import { hint, limits, page, readForm, text, type Errors } from '../forms.ts';

const perPage = 50;
const manage = { config: { access: 'manage_roles' as const } };

const byPerson = uuidParams('personId');
const listQuery = z.object({ page: hint(limits.choice) });
const accountQuery = z.object({ done: hint(limits.choice) });
const changeForm = z.object({ code: text('The code', limits.code), value: text('The change', limits.choice) });

const doneNotices: Record<string, string> = {
  admin: 'They are now a school administrator.',
  'not-admin': 'They are no longer a school administrator.',
  disabled: 'Their account is disabled, and they have been signed out everywhere.',
  enabled: 'Their account is enabled again.',
};

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
  app.get('/accounts', { ...manage, schema: { querystring: listQuery } }, async (request, reply) => {
    const pageNumber = Math.max(1, Number.parseInt(request.query.page, 10) || 1);
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

  app.get(
    '/accounts/:personId',
    { ...manage, schema: { params: byPerson, querystring: accountQuery } },
    async (request, reply) => {
      const target = await services.accounts.find(request.viewer!, request.params.personId);
      return accountPage(reply, services, request.viewer!, target, { notice: doneNotices[request.query.done] });
    },
  );

  const changeRoute = (form: 'admin' | 'disabled') =>
    app.post(
      `/accounts/:personId/${form}`,
      { ...manage, schema: { params: byPerson, body: changeForm }, attachValidation: true },
      async (request, reply) => {
        const viewer = request.viewer!;
        const posted = readForm(changeForm, request);
        const { personId } = request.params;
        const target = await services.accounts.find(viewer, personId);
        if (!posted.ok) {
          const errors = { [`${form}-code`]: Object.values(posted.errors)[0] ?? '' };
          return accountPage(reply, services, viewer, target, { errors, form });
        }
        const code = posted.values.code.trim();
        const on = posted.values.value === 'yes';
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
      },
    );
  changeRoute('admin');
  changeRoute('disabled');
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
