// The audit log for the Headteacher: who did what and when, filtered by action and dates, a
// page at a time, and a check that nobody has altered it.
import { auditActions, describeAuditAction, describeChainVerdict } from '../../domain/audit/index.ts';
import { z } from 'zod';
import { timestamp } from '../format.ts';
import type { RoutePlugin } from '../route-plugin.ts';
import { hint, limits, page, readQuery, text, type Errors } from '../forms.ts';

const perPage = 50;
const day = /^\d{4}-\d{2}-\d{2}$/;

// The filters, a form sent by GET: each bounded, and each refusal shown on the page like any other.
const filters = z.object({
  action: text('Action', limits.choice),
  from: text('The first day', limits.choice),
  to: text('The last day', limits.choice),
  page: hint(limits.choice),
});

function validDay(value: string): Date | undefined {
  if (!day.test(value)) return undefined;
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value ? undefined : date;
}

export const auditRoutes: RoutePlugin = async (app, { services }) => {
  app.get(
    '/audit',
    { config: { access: 'view_audit_log' }, schema: { querystring: filters }, attachValidation: true },
    async (request, reply) => {
      const read = readQuery(filters, request);
      const values = {
        action: read.values.action.trim(),
        from: read.values.from.trim(),
        to: read.values.to.trim(),
      };
      const errors: Errors = read.ok ? {} : read.errors;
      const action = (auditActions as readonly string[]).includes(values.action) ? values.action : undefined;
      if (values.action && !action) errors.action = 'Choose an action from the list';
      const from = values.from ? validDay(values.from) : undefined;
      if (values.from && !from) errors.from = 'Enter the first day as a date, such as 2026-09-01';
      const to = values.to ? validDay(values.to) : undefined;
      if (values.to && !to) errors.to = 'Enter the last day as a date, such as 2026-09-30';
      if (from && to && to < from) errors.to = 'The last day must be the same as or after the first day';
      const pageNumber = Math.max(1, Math.min(10_000, Number.parseInt(read.values.page, 10) || 1));

      const result = await services.audit.forViewer(request.viewer!, {
        ...(action && { action: action as (typeof auditActions)[number] }),
        ...(from && !errors.from && { from }),
        // Up to the end of the last day.
        ...(to && !errors.to && { to: new Date(to.getTime() + 86_400_000) }),
        limit: perPage,
        offset: (pageNumber - 1) * perPage,
      });
      const pages = Math.max(1, Math.ceil(result.total / perPage));
      const link = (n: number) => `/audit?${new URLSearchParams({ ...values, page: String(n) }).toString()}`;
      return page(
        reply,
        'audit/index.njk',
        {
          pageTitle: 'Audit log',
          values,
          errors,
          actions: [
            { value: '', text: 'Any action' },
            ...auditActions.map((a) => ({ value: a, text: describeAuditAction(a), selected: a === values.action })),
          ],
          rows: result.entries.map((entry) => [
            { text: timestamp(entry.at) },
            { text: entry.actorName ?? (entry.actorPersonId ? 'A person no longer on the roll' : 'Nobody signed in') },
            { text: describeAuditAction(entry.action) },
            { text: entry.subject ? entry.subject.kind : '' },
          ]),
          total: result.total,
          pagination: {
            previous: pageNumber > 1 ? { href: link(pageNumber - 1) } : undefined,
            next: pageNumber < pages ? { href: link(pageNumber + 1) } : undefined,
            items: Array.from({ length: Math.min(pages, 9) }, (_, i) => {
              const n = pages <= 9 ? i + 1 : Math.min(Math.max(1, pageNumber - 4), pages - 8) + i;
              return { number: n, href: link(n), current: n === pageNumber };
            }),
          },
          pageNumber,
          pages,
        },
        Object.keys(errors).length > 0 ? 400 : 200,
      );
    },
  );

  app.get('/audit/check', { config: { access: 'view_audit_log' } }, async (request, reply) => {
    const verdict = await services.audit.checkForViewer(request.viewer!);
    return page(reply, 'audit/check.njk', {
      pageTitle: 'Check the audit log',
      intact: verdict.ok,
      summary: describeChainVerdict(verdict),
    });
  });
};
