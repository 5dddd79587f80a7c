// Keeping closed cases: the school's rules, the cases due for review, and destroying one, which
// one person proposes and another approves.
import type { FastifyReply } from 'fastify';
import type { Viewer } from '../../../services/access.ts';
import type { RoutePlugin } from '../../route-plugin.ts';
import { longDay } from '../policy/dates.ts';
import { field, page, type Errors } from '../../forms.ts';

const handle = { config: { access: 'handle_incidents' as const } };
const manage = { config: { access: 'manage_incident_retention' as const } };

export const retentionRoutes: RoutePlugin = async (app, { services }) => {
  async function render(
    reply: FastifyReply,
    viewer: Viewer,
    form: { errors?: Errors; kept?: Record<string, string>; notice?: string } = {},
  ) {
    const view = await services.incidentRetention.view(viewer);
    const errors = form.errors ?? {};
    return page(
      reply,
      'incidents/retention.njk',
      {
        pageTitle: `${Object.keys(errors).length > 0 ? 'Error: ' : ''}Keeping closed cases`,
        rules: {
          childYears: form.kept?.childYears ?? String(view.rules.childYears),
          otherYears: form.kept?.otherYears ?? String(view.rules.otherYears),
        },
        canChangeRules: view.canChangeRules,
        due: view.due.map((item) => ({
          caseId: item.caseId,
          reference: item.reference,
          closed: longDay(item.closedAt),
          reviewDue: longDay(item.reviewDue),
          href: `/incidents/${item.caseId}`,
          reason: form.kept?.[`reason-${item.caseId}`] ?? '',
        })),
        pending: view.pending.map((item) => ({
          id: item.id,
          reference: item.reference,
          proposedBy: item.proposedByName,
          proposed: longDay(item.proposedAt),
          reason: item.reason,
          canApprove: item.canApprove,
        })),
        done: view.done.map((item) => ({
          reference: item.reference,
          destroyed: longDay(item.destroyedAt),
          approvedBy: item.approvedByName,
          reason: item.reason,
        })),
        notice: form.notice,
        errors,
      },
      Object.keys(errors).length > 0 ? 400 : 200,
    );
  }

  app.get<{ Querystring: { done?: string } }>('/incidents/retention', handle, async (request, reply) =>
    render(reply, request.viewer!, {
      ...(request.query.done === 'rules' && {
        notice: 'The retention rules are saved. They apply to cases closed from now on.',
      }),
      ...(request.query.done === 'proposed' && { notice: 'The proposal is recorded. Someone else must approve it.' }),
      ...(request.query.done === 'destroyed' && { notice: 'The case was destroyed, and the destruction recorded.' }),
    }),
  );

  app.post('/incidents/retention/rules', manage, async (request, reply) => {
    const kept = { childYears: field(request.body, 'childYears'), otherYears: field(request.body, 'otherYears') };
    const result = await services.incidentRetention.saveRules(request.viewer!, kept);
    if (!result.ok) return render(reply, request.viewer!, { errors: result.errors, kept });
    return reply.redirect('/incidents/retention?done=rules', 303);
  });

  app.post<{ Params: { caseId: string } }>('/incidents/retention/:caseId/propose', handle, async (request, reply) => {
    const { caseId } = request.params;
    const reason = field(request.body, 'reason');
    const result = await services.incidentRetention.propose(request.viewer!, caseId, reason);
    if (!result.ok)
      return render(reply, request.viewer!, {
        errors: { [`reason-${caseId}`]: result.error },
        kept: { [`reason-${caseId}`]: reason },
      });
    return reply.redirect('/incidents/retention?done=proposed', 303);
  });

  app.post<{ Params: { destructionId: string } }>(
    '/incidents/retention/destructions/:destructionId/approve',
    manage,
    async (request, reply) => {
      const result = await services.incidentRetention.approve(request.viewer!, request.params.destructionId);
      if (!result.ok) return render(reply, request.viewer!, { errors: { approve: result.error } });
      return reply.redirect('/incidents/retention?done=destroyed', 303);
    },
  );
};
