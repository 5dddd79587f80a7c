// The audit log: reading a school's entries, and checking that every school's chain is whole,
// walked from its first entry to the head recorded apart from it, and each case's chronology. Other services write entries
// themselves, with `store.audit.append(…)` inside the transaction of the action they record.
import { can } from '../domain/access/capabilities.ts';
import { displayName } from '../domain/community/people.ts';
import { endChainWalk, startChainWalk, walkChain, type AuditEntry, type ChainVerdict } from '../domain/audit/index.ts';
import { verifyChronology } from '../domain/incidents/chronology.ts';
import { AppError } from '../errors.ts';
import type { Viewer } from './access.ts';
import type { Adapters, AuditQuery, CrossSchoolStore } from './ports.ts';
import type { UnitsOfWork } from './ports.ts';

export interface ChainReport {
  school: { id: string; name: string; slug: string };
  verdict: ChainVerdict;
  /** Each case's chronology, chained the same way. */
  cases: { caseId: string; reference: string; verdict: ChainVerdict }[];
}

/** Entries read at a time: few round trips, and memory that stays flat however long the chain. */
const batchSize = 2000;

function checkChain(units: UnitsOfWork, schoolId: string): Promise<ChainVerdict> {
  return units.inSchool(
    schoolId,
    (store) =>
      store.audit.readChain(async (chain) => {
        let walk = startChainWalk(chain.head);
        for await (const batch of chain.batches(batchSize)) {
          walk = walkChain(walk, batch, store.audit.hashOf);
          if (walk.broken) break;
        }
        return endChainWalk(walk);
      }),
    { snapshot: true },
  );
}

function checkChronologies(units: UnitsOfWork, schoolId: string): Promise<ChainReport['cases']> {
  return units.inSchool(schoolId, async (store) => {
    const reports: ChainReport['cases'] = [];
    for (const caseId of await store.incidents.caseIds()) {
      const found = await store.incidents.find(caseId);
      const { events, head } = await store.incidents.chronology(caseId);
      reports.push({
        caseId,
        reference: found?.reference ?? caseId,
        verdict: verifyChronology(events, head, store.audit.hashOf),
      });
    }
    return reports;
  });
}

async function named(store: CrossSchoolStore, slug: string): Promise<ChainReport['school']> {
  const school = await store.schools.findBySlug(slug);
  if (!school) throw new AppError('not_found', `There is no school "${slug}".`);
  return { id: school.id, name: school.name, slug: school.slug };
}

export function createAuditService({ units }: Pick<Adapters, 'units'>) {
  return {
    /** Checks every school's chain, or only the school with this slug; one report per school. */
    async verify(schoolSlug?: string): Promise<ChainReport[]> {
      const schools = await units.acrossSchools(async (store) =>
        schoolSlug === undefined ? store.audit.schools() : [await named(store, schoolSlug)],
      );
      const reports: ChainReport[] = [];
      for (const school of schools) {
        reports.push({
          school,
          verdict: await checkChain(units, school.id),
          cases: await checkChronologies(units, school.id),
        });
      }
      return reports;
    },

    /** The viewer's own school's entries, newest first, with the name of whoever acted. */
    async forViewer(
      viewer: Viewer,
      query: AuditQuery,
    ): Promise<{ entries: (AuditEntry & { actorName?: string })[]; total: number }> {
      if (!can(viewer.roles, 'view_audit_log')) throw new AppError('forbidden');
      return units.inSchool(viewer.school.id, async (store) => {
        const page = await store.audit.list(query);
        const names = new Map<string, string>();
        for (const id of new Set(page.items.flatMap((entry) => (entry.actorPersonId ? [entry.actorPersonId] : [])))) {
          const person = await store.people.find(id);
          if (person) names.set(id, displayName(person));
        }
        const entries = page.items.map((entry) => {
          const actorName = entry.actorPersonId ? names.get(entry.actorPersonId) : undefined;
          return actorName ? { ...entry, actorName } : entry;
        });
        return { entries, total: page.total };
      });
    },

    /** Whether the viewer's school's chain is whole. */
    async checkForViewer(viewer: Viewer): Promise<ChainVerdict> {
      if (!can(viewer.roles, 'view_audit_log')) throw new AppError('forbidden');
      return checkChain(units, viewer.school.id);
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
