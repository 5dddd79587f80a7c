// Governors' termly figures about incidents: counts by kind, by who was involved (roles, never
// names, small numbers hidden), by outcome, the times to first action and to closure, and overdue
// tasks; drawn as charts on the server, with the same figures as tables and as a CSV file.
import { can } from '../domain/access/capabilities.ts';
import { barChartSvg } from '../domain/incidents/charts.ts';
import { caseRowsCsv, figuresCsv } from '../domain/incidents/figures-csv.ts';
import { termFigures, type FigureRow, type TermFigures } from '../domain/incidents/figures.ts';
import { parseTermId, previousTerm, termId, termOf, termsBefore, type Term } from '../domain/incidents/terms.ts';
import { AppError } from '../errors.ts';
import type { Viewer } from './access.ts';
import { allow } from './allow.ts';
import type { Adapters } from './ports.ts';

export interface FiguresView {
  term: Term;
  /** This term and the five before it, to choose from. */
  terms: { id: string; name: string; current: boolean }[];
  figures: TermFigures;
  charts: { byKind: string; byOutcome: string };
  /** Whether the viewer may also export one anonymised row per case. */
  canExportCases: boolean;
}

const bars = <Key extends string>(rows: readonly FigureRow<Key>[]) =>
  rows.map((row) => ({
    label: row.label,
    value: row.count.suppressed ? 0 : row.count.value,
    valueText: row.count.text,
  }));

export function createIncidentFiguresService({ units, clock }: Pick<Adapters, 'units' | 'clock'>) {
  /** Every case of the viewer's school, reduced to what the figures count. */
  function summariesFor(viewer: Viewer) {
    return units.inSchool(viewer.school.id, (store) => store.incidents.summaries());
  }

  function termFrom(id: string | undefined, now: Date): Term {
    if (id === undefined || id === '') return termOf(now);
    const term = parseTermId(id);
    if (!term) throw new AppError('not_found');
    return term;
  }

  async function figuresFor(viewer: Viewer, term: Term, now: Date): Promise<TermFigures> {
    const cases = await summariesFor(viewer);
    return termFigures({ cases, term, now, compareWith: previousTerm(term) });
  }

  return {
    async view(viewer: Viewer, id?: string): Promise<FiguresView> {
      allow(viewer, 'view_incident_figures');
      const now = clock.now();
      const term = termFrom(id, now);
      const figures = await figuresFor(viewer, term, now);
      return {
        term,
        terms: termsBefore(now, 6).map((each) => ({
          id: termId(each),
          name: each.name,
          current: termId(each) === termId(term),
        })),
        figures,
        charts: {
          byKind: barChartSvg({
            id: 'by-kind',
            title: `Concerns by kind, ${term.name}`,
            description: `How many concerns of each kind were reported in the ${term.name.toLowerCase()}.`,
            bars: bars(figures.byKind),
            unit: { one: 'case', other: 'cases' },
          }),
          byOutcome: barChartSvg({
            id: 'by-outcome',
            title: `Outcomes, ${term.name}`,
            description: `How the concerns reported in the ${term.name.toLowerCase()} ended, or that they are still open.`,
            bars: bars(figures.byOutcome),
            unit: { one: 'case', other: 'cases' },
          }),
        },
        canExportCases: can(viewer.roles, 'handle_incidents'),
      };
    },

    /** The figures as CSV; `cases` gives one anonymised row per case, for those who handle cases. */
    async csv(
      viewer: Viewer,
      id: string | undefined,
      which: 'figures' | 'cases',
    ): Promise<{ name: string; text: string }> {
      allow(viewer, which === 'cases' ? 'handle_incidents' : 'view_incident_figures');
      const now = clock.now();
      const term = termFrom(id, now);
      if (which === 'cases') {
        const cases = await summariesFor(viewer);
        return { name: `cases-${termId(term)}.csv`, text: caseRowsCsv(cases, term, now) };
      }
      return { name: `incident-figures-${termId(term)}.csv`, text: figuresCsv(await figuresFor(viewer, term, now)) };
    },
  };
}

export type IncidentFiguresService = ReturnType<typeof createIncidentFiguresService>;
