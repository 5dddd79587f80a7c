// Reporting a concern: by staff signed in, by anyone on the school's public page, or by someone
// escalating a mention found online. The case is routed to the person the school names for it,
// who is told by email once it is saved.
import { displayName } from '../../domain/community/people.ts';
import { pupilLabel } from '../../domain/community/pupils.ts';
import type { School } from '../../domain/community/school.ts';
import { caseReference, handlerFor, handlerNames, type ReportChannel } from '../../domain/incidents/case.ts';
import { subjectsOf } from '../../domain/incidents/people.ts';
import {
  readReportForm,
  type ReadReport,
  type ReportErrors,
  type ReportFormValues,
} from '../../domain/incidents/report-form.ts';
import type { Report } from '../../domain/incidents/report.ts';
import { isRecordId } from '../../domain/ids.ts';
import type { Situation } from '../../domain/policy/index.ts';
import { AppError } from '../../errors.ts';
import type { Viewer } from '../access.ts';
import { allow } from '../allow.ts';
import type { Adapters, EvidenceUpload, SchoolStore, StoredEvidence } from '../ports.ts';
import { today } from '../today.ts';
import type { Assess } from './assessment.ts';
import { record, roleHolders } from './case-records.ts';
import type { Notify } from './notifications.ts';

const listLimit = 5000;
/** Screenshots a report may carry: enough for a thread, few enough to read. */
export const maxEvidenceFiles = 5;

export interface Choice {
  id: string;
  name: string;
}

export type Reported =
  { ok: true; reference: string; caseId: string } | { ok: false; errors: ReportErrors; evidenceProblems: string[] };

/** People picked from the school's lists must be the school's. */
async function checkParties(
  store: SchoolStore,
  given: Report,
): Promise<{ ok: true } | { ok: false; errors: ReportErrors }> {
  for (const party of given.parties) {
    if (party.personId !== undefined) {
      const person = isRecordId(party.personId) ? await store.people.find(party.personId) : undefined;
      if (!person)
        return { ok: false, errors: { aboutPersonId: 'Choose the person from the list, or write their name' } };
    }
    if (party.pupilId !== undefined) {
      const pupil = isRecordId(party.pupilId) ? await store.pupils.find(party.pupilId) : undefined;
      if (!pupil) return { ok: false, errors: { childPupilId: 'Choose the pupil from the list, or write their name' } };
    }
  }
  return { ok: true };
}

export function createReporting(
  { units, clock, crypto, evidence: files }: Pick<Adapters, 'units' | 'clock' | 'crypto' | 'evidence'>,
  notify: Notify,
  assess: Assess,
) {
  async function forget(schoolId: string, kept: readonly StoredEvidence[]): Promise<void> {
    for (const file of kept) await files.remove(schoolId, file.key);
  }

  async function keepEvidence(
    schoolId: string,
    uploads: readonly EvidenceUpload[],
  ): Promise<{ kept: StoredEvidence[]; problems: string[] }> {
    const kept: StoredEvidence[] = [];
    const problems: string[] = [];
    if (uploads.length > maxEvidenceFiles) {
      return { kept, problems: [`Attach at most ${maxEvidenceFiles} files`] };
    }
    for (const upload of uploads) {
      const stored = await files.store(schoolId, upload);
      if (stored.ok) kept.push(stored.file);
      else problems.push(`${upload.fileName}: ${stored.problem}`);
    }
    if (problems.length > 0) {
      // One bad file refuses the report: nothing of it is kept, so the reporter can send it whole.
      await forget(schoolId, kept);
      return { kept: [], problems };
    }
    return { kept, problems };
  }

  async function report(
    school: Pick<School, 'id' | 'name'>,
    read: ReadReport,
    channel: ReportChannel,
    uploads: readonly EvidenceUpload[],
    alreadyKept: readonly StoredEvidence[] = [],
  ): Promise<Reported> {
    const { report: given, reporter } = read;
    // The files are checked and kept before the unit (re-encoding a picture is slow), and forgotten
    // again if the report is refused.
    const fresh = await keepEvidence(school.id, uploads);
    const made = await units
      .inSchool(school.id, async (store) => {
        const checked = await checkParties(store, given);
        if (!checked.ok) return { ok: false as const, errors: checked.errors, evidenceProblems: [] };
        if (fresh.problems.length > 0) return { ok: false as const, errors: {}, evidenceProblems: fresh.problems };
        const handler = handlerFor(given.parties);
        const now = clock.now();
        const created = await store.incidents.add(
          {
            reference: caseReference(crypto.randomBytes(8)),
            channel,
            kind: given.kind,
            what: given.what,
            ...(given.happenedOn && { happenedOn: given.happenedOn }),
            ...(given.platform && { platform: given.platform }),
            links: given.links,
            childInvolved: given.childInvolved,
            handler,
            reporter,
            reportedAt: now,
          },
          given.parties,
        );
        await record(
          store,
          created,
          {
            actorPersonId: reporter.personId ?? null,
            kind: 'reported',
            text: given.what,
            facts: { channel, kind: given.kind, handler, reporterRole: reporter.role },
          },
          now,
        );
        for (const file of [...alreadyKept, ...fresh.kept]) {
          const saved = await store.incidents.addEvidence(created.id, {
            ...file,
            ...(reporter.personId && { addedBy: reporter.personId }),
            at: now,
          });
          await record(
            store,
            created,
            {
              actorPersonId: reporter.personId ?? null,
              kind: 'evidence_added',
              text: file.originalName,
              facts: { evidenceId: saved.id, sha256: file.sha256, size: file.size, mediaType: file.mediaType },
            },
            now,
          );
        }
        await store.audit.append({
          schoolId: school.id,
          actorPersonId: reporter.personId ?? null,
          action: 'incident_reported',
          subject: { kind: 'incident', id: created.id },
          details: { channel, handler },
          at: now,
        });
        const subjects = subjectsOf(given.parties);
        const handlerPeople = ((await roleHolders(store)).get(handler) ?? []).filter(
          (holder) => !subjects.includes(holder.personId),
        );
        return { ok: true as const, created, handlerPeople };
      })
      .catch(async (error: unknown) => {
        await forget(school.id, fresh.kept);
        throw error;
      });
    if (!made.ok) {
      await forget(school.id, fresh.kept);
      return made;
    }
    const { created, handlerPeople } = made;
    await notify(school.id, [
      {
        caseRecord: created,
        schoolName: school.name,
        people: handlerPeople,
        why: `A concern has been passed to you as ${handlerNames[created.handler]}`,
      },
    ]);
    return { ok: true, reference: created.reference, caseId: created.id };
  }

  return {
    /** The school's people and pupils, for the staff report form's lists. */
    async choices(viewer: Viewer): Promise<{ people: Choice[]; pupils: Choice[] }> {
      allow(viewer, 'report_concern');
      const { people, pupils } = await units.inSchool(viewer.school.id, async (store) => ({
        people: await store.people.list({ limit: listLimit, offset: 0 }),
        pupils: await store.pupils.list({ onRollOn: today(clock), limit: listLimit, offset: 0 }),
      }));
      return {
        people: people.items.map((person) => ({ id: person.id, name: displayName(person) })),
        pupils: pupils.items.map((pupil) => ({ id: pupil.id, name: pupilLabel(pupil) })),
      };
    },

    /** A concern from a member of staff (or governor, volunteer) signed in. */
    async reportAsStaff(
      viewer: Viewer,
      values: ReportFormValues,
      uploads: readonly EvidenceUpload[],
    ): Promise<Reported> {
      allow(viewer, 'report_concern');
      const read = readReportForm(values, today(clock), { personId: viewer.person.id, role: 'staff' });
      if (!read.ok) return { ok: false, errors: read.errors, evidenceProblems: [] };
      return report(viewer.school, read.read, 'staff', uploads);
    },

    /** A concern from anyone, on the school's public page. Nothing about the case is ever shown back. */
    async reportInPublic(
      slug: string,
      values: ReportFormValues,
      uploads: readonly EvidenceUpload[],
    ): Promise<Reported | undefined> {
      const school = await units.acrossSchools((store) => store.schools.findBySlug(slug));
      if (!school) return undefined;
      const read = readReportForm(values, today(clock));
      if (!read.ok) return { ok: false, errors: read.errors, evidenceProblems: [] };
      return report(school, read.read, 'public', uploads);
    },

    /**
     * A mention found online made into a case, by someone who watches what is said about the
     * school: routed like any concern, with the mention's screenshot as evidence, and assessed at
     * once against the situation its labels suggest when the person escalating handles such cases.
     */
    async reportFromMonitoring(
      viewer: Viewer,
      given: { report: Report; situation: Situation; evidence?: StoredEvidence; note: string },
    ): Promise<{ caseId: string; reference: string; assessed: boolean }> {
      allow(viewer, 'handle_incidents');
      const made = await report(
        viewer.school,
        { report: given.report, reporter: { role: 'staff', personId: viewer.person.id } },
        'monitoring',
        [],
        given.evidence ? [given.evidence] : [],
      );
      if (!made.ok) throw new Error('A case made from a mention was refused');
      // Someone who may not handle the case (or open it) leaves it for its handler to assess.
      const assessed = await assess(viewer, made.caseId, given.situation, given.note).then(
        (result) => result.ok,
        (error: unknown) => {
          if (error instanceof AppError && (error.code === 'forbidden' || error.code === 'not_found')) return false;
          throw error;
        },
      );
      return { caseId: made.caseId, reference: made.reference, assessed };
    },
  };
}
