// Governors' figures: the term's incidents counted by kind, by who was involved and by outcome,
// with the times taken, as charts drawn on the server and the same figures as tables; and CSV.
import type { Elapsed, ElapsedFigures } from '../../../domain/incidents/figures.ts';
import type { RoutePlugin } from '../../route-plugin.ts';
import { page } from '../../forms.ts';

interface FiguresQuery {
  Querystring: { term?: string; rows?: string };
}

const figuresAccess = { config: { access: 'view_incident_figures' as const } };

const howLong = (elapsed: Elapsed | undefined) =>
  elapsed === undefined ? '' : elapsed.days >= 1 ? `${elapsed.days} days` : `${elapsed.hours} hours`;

function timing(label: string, figures: ElapsedFigures) {
  return figures.count === 0
    ? { label, text: 'No cases yet' }
    : {
        label,
        text: `Half within ${howLong(figures.median)}; nine in ten within ${howLong(figures.p90)} (${figures.count} ${figures.count === 1 ? 'case' : 'cases'})`,
      };
}

export const figuresRoutes: RoutePlugin = async (app, { services }) => {
  app.get<FiguresQuery>('/incidents/figures', figuresAccess, async (request, reply) => {
    const view = await services.incidentFigures.view(request.viewer!, request.query.term);
    const { figures } = view;
    return page(reply, 'incidents/figures.njk', {
      pageTitle: `Incident figures, ${view.term.name}`,
      termName: view.term.name,
      previousName: figures.previous?.term.name,
      terms: view.terms.map((term) => ({ value: term.id, text: term.name, selected: term.current })),
      termId: view.terms.find((term) => term.current)?.id ?? request.query.term ?? '',
      figures,
      charts: view.charts,
      timings: [timing('Time to first action', figures.toFirstAction), timing('Time to closure', figures.toClosure)],
      canExportCases: view.canExportCases,
    });
  });

  app.get<FiguresQuery>('/incidents/figures.csv', figuresAccess, async (request, reply) => {
    const which = request.query.rows === 'cases' ? 'cases' : 'figures';
    const file = await services.incidentFigures.csv(request.viewer!, request.query.term, which);
    return reply
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="${file.name}"`)
      .type('text/csv; charset=utf-8')
      .send(`\uFEFF${file.text}`);
  });
};
