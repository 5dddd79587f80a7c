// Knowing what is said about the school: public sources polled in the background (with back-off
// and each source's health), posts a member of staff captures by hand from places no scanner sees,
// every post classified against the school's watch list, mentions not about the school dropped at
// once, the rest kept for a while in a triage inbox, most serious first; the DSL told at once of
// a serious one; a reply recorded, a correction kept, or the mention made an incident in one step.
// Each part is in services/monitoring/, by what it does; this is the service they make together.
import type { IncidentService } from './incidents.ts';
import { inboxMethods } from './monitoring/inbox.ts';
import { settingsMethods } from './monitoring/settings.ts';
import { sourceMethods } from './monitoring/sources.ts';
import type { Adapters } from './ports.ts';

export type { QualityView } from './monitoring/inbox.ts';
export {
  describeSource,
  readSourceForm,
  sourceKindNames,
  sourceKinds,
  type SourceFormValues,
  type SourceKind,
} from './monitoring/source-form.ts';
export type { PollResult } from './monitoring/sources.ts';

type Deps = Pick<Adapters, 'units' | 'clock' | 'mailer' | 'baseUrl' | 'feeds' | 'evidence'>;

export function createMonitoringService(
  deps: Deps,
  incidents: Pick<IncidentService, 'reportFromMonitoring'>,
  random: () => number = Math.random,
) {
  return {
    // The triage inbox, each mention, captures by hand, and the labels' figures.
    ...inboxMethods(deps, incidents),
    // The sources watched, and polling them.
    ...sourceMethods(deps, random),
    // The watch settings, the staff watched for, and retention.
    ...settingsMethods(deps),
  };
}

export type MonitoringService = ReturnType<typeof createMonitoringService>;
