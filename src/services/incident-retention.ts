// Keeping closed cases no longer than the school's rules say, and no shorter: each closed case has
// a review date; when it comes the case is listed (and the Headteacher told); one person proposes
// destroying it and another approves, and the destruction itself is kept on record.
import { can } from '../domain/access/capabilities.ts';
import { accessRolesOf } from '../domain/access/roles.ts';
import { schoolDay } from '../domain/calendar/school-day.ts';
import { displayName } from '../domain/community/people.ts';
import { canOpenCase } from '../domain/incidents/case.ts';
import { maxEventText } from '../domain/incidents/chronology.ts';
import { defaultRetention, readRetentionRules, type RetentionRules } from '../domain/incidents/retention.ts';
import { isRecordId } from '../domain/ids.ts';
import { AppError } from '../errors.ts';
import type { Viewer } from './access.ts';
import { allow } from './allow.ts';
import type { AuditNote } from './audit-trail.ts';
import type { Adapters, CaseDueForReview, Destruction, SchoolStore } from './ports.ts';
import { today } from './today.ts';

export interface RetentionView {
  rules: RetentionRules;
  canChangeRules: boolean;
  due: CaseDueForReview[];
  pending: (Destruction & { proposedByName: string; canApprove: boolean })[];
  done: (Destruction & { approvedByName: string })[];
}

export type Proposed = { ok: true } | { ok: false; error: string };

export function createIncidentRetentionService({
  units,
  clock,
  mailer,
  baseUrl,
  evidence: files,
}: Pick<Adapters, 'units' | 'clock' | 'mailer' | 'baseUrl' | 'evidence'>) {
  async function nameOf(store: SchoolStore, id: string | undefined, cache: Map<string, string>): Promise<string> {
    if (!id) return 'Someone no longer at the school';
    let name = cache.get(id);
    if (name === undefined) {
      const person = await store.people.find(id);
      name = person ? displayName(person) : 'Someone no longer at the school';
      cache.set(id, name);
    }
    return name;
  }

  /** Who may approve destroying a case the handler named handled: never the proposer. */
  function mayApprove(viewer: Viewer, handler: string, proposedBy: string): boolean {
    if (proposedBy === viewer.person.id) return false;
    return handler === 'chair_of_governors'
      ? viewer.roles.includes('chair_of_governors')
      : viewer.roles.includes('headteacher');
  }

  /** The cases due for review that the viewer may open: two reads, however many there are. */
  async function visibleDue(store: SchoolStore, viewer: Viewer): Promise<CaseDueForReview[]> {
    const due = await store.incidents.dueForReview(today(clock));
    if (due.length === 0) return [];
    const listed = new Map((await store.incidents.list(clock.now())).map((entry) => [entry.case.id, entry]));
    const reader = { personId: viewer.person.id, roles: viewer.roles };
    return due.filter((item) => {
      const entry = listed.get(item.caseId);
      return (
        entry !== undefined &&
        canOpenCase(reader, {
          handler: item.handler,
          subjectPersonIds: entry.subjectPersonIds,
          taskOwnerIds: entry.taskOwnerIds,
        })
      );
    });
  }

  function audited(store: SchoolStore, viewer: Viewer, note: Omit<AuditNote, 'schoolId' | 'actorPersonId'>, at: Date) {
    return store.audit.append({ schoolId: viewer.school.id, actorPersonId: viewer.person.id, ...note, at });
  }

  return {
    async view(viewer: Viewer): Promise<RetentionView> {
      allow(viewer, 'handle_incidents');
      return units.inSchool(viewer.school.id, async (store) => {
        const rules = (await store.incidents.retentionRules()) ?? defaultRetention;
        const due = await visibleDue(store, viewer);
        const all = await store.incidents.destructions();
        const names = new Map<string, string>();
        const pending = [];
        for (const item of all.filter((d) => !d.destroyedAt)) {
          const found = await store.incidents.find(item.caseId);
          pending.push({
            ...item,
            proposedByName: await nameOf(store, item.proposedBy, names),
            canApprove: found !== undefined && mayApprove(viewer, found.handler, item.proposedBy),
          });
        }
        const done = [];
        for (const item of all.filter((d) => d.destroyedAt)) {
          done.push({ ...item, approvedByName: await nameOf(store, item.approvedBy, names) });
        }
        return { rules, canChangeRules: can(viewer.roles, 'manage_incident_retention'), due, pending, done };
      });
    },

    async saveRules(
      viewer: Viewer,
      values: { childYears: string; otherYears: string },
    ): Promise<{ ok: true } | { ok: false; errors: Partial<Record<keyof RetentionRules, string>> }> {
      allow(viewer, 'manage_incident_retention');
      const read = readRetentionRules(values);
      if (!read.ok) return read;
      await units.inSchool(viewer.school.id, async (store) => {
        const now = clock.now();
        await store.incidents.saveRetentionRules(read.rules, viewer.person.id, now);
        await audited(
          store,
          viewer,
          {
            action: 'retention_rules_changed',
            details: { childYears: read.rules.childYears, otherYears: read.rules.otherYears },
          },
          now,
        );
      });
      return { ok: true };
    },

    /** Proposes destroying a case that has reached its review date, with the reason. */
    async propose(viewer: Viewer, caseId: string, reason: string): Promise<Proposed> {
      allow(viewer, 'handle_incidents');
      if (!isRecordId(caseId)) throw new AppError('not_found');
      return units.inSchool(viewer.school.id, async (store): Promise<Proposed> => {
        const item = (await visibleDue(store, viewer)).find((due) => due.caseId === caseId);
        if (!item) throw new AppError('not_found');
        const why = reason.trim();
        if (why === '') return { ok: false, error: 'Write why the record is no longer needed' };
        if (why.length > maxEventText)
          return { ok: false, error: `Write the reason in ${maxEventText} characters or fewer` };
        const now = clock.now();
        const proposal = await store.incidents.proposeDestruction({
          ...item,
          reason: why,
          proposedBy: viewer.person.id,
          proposedAt: now,
        });
        await store.incidents.appendEvent(caseId, {
          at: now,
          actorPersonId: viewer.person.id,
          kind: 'decision',
          text: `Proposed destroying this record under the school’s retention rules. Reason: ${why}`,
          facts: { destructionId: proposal.id },
        });
        await audited(
          store,
          viewer,
          { action: 'incident_destruction_proposed', subject: { kind: 'incident', id: caseId } },
          now,
        );
        return { ok: true };
      });
    },

    /** Approves someone else's proposal: the case, its evidence files and its chronology are destroyed. */
    async approve(viewer: Viewer, destructionId: string): Promise<Proposed> {
      allow(viewer, 'manage_incident_retention');
      if (!isRecordId(destructionId)) throw new AppError('not_found');
      const done = await units.inSchool(viewer.school.id, async (store) => {
        const proposal = (await store.incidents.destructions()).find((d) => d.id === destructionId);
        if (!proposal || proposal.destroyedAt) throw new AppError('not_found');
        const found = await store.incidents.find(proposal.caseId);
        if (!found) throw new AppError('not_found');
        if (!mayApprove(viewer, found.handler, proposal.proposedBy)) {
          return {
            ok: false as const,
            error:
              proposal.proposedBy === viewer.person.id
                ? 'Someone else must approve destroying a record you proposed to destroy'
                : 'Only the chair of governors can approve destroying a case the chair handled',
          };
        }
        const evidence = await store.incidents.evidence(proposal.caseId);
        const now = clock.now();
        const destroyed = await store.incidents.approveDestruction(destructionId, viewer.person.id, now);
        if (!destroyed) return { ok: false as const, error: 'This proposal has already been dealt with' };
        await audited(
          store,
          viewer,
          {
            action: 'incident_destroyed',
            subject: { kind: 'incident', id: proposal.caseId },
            details: { destructionId, files: evidence.length },
          },
          now,
        );
        return { ok: true as const, evidence };
      });
      if (!done.ok) return done;
      // The files go once the records are gone; a file left by a failure here is unreachable and
      // is named by nothing, and the next destruction of the same key cannot happen.
      for (const item of done.evidence) await files.remove(viewer.school.id, item.key);
      return { ok: true };
    },

    /** Daily: tells each school's Headteacher, once for each case, of closed cases due for review. */
    async sendReviewNotices(now: Date = clock.now()): Promise<number> {
      const day = schoolDay(now);
      const { bySchool, schools } = await units.acrossSchools(async (store) => {
        const bySchool = new Map<string, string[]>();
        for (const { schoolId, caseId } of await store.incidents.reviewsToNotify(day)) {
          bySchool.set(schoolId, [...(bySchool.get(schoolId) ?? []), caseId]);
        }
        const schools = new Map<string, string>();
        for (const schoolId of bySchool.keys()) {
          const school = await store.schools.findById(schoolId);
          if (school) schools.set(schoolId, school.name);
        }
        return { bySchool, schools };
      });
      let sent = 0;
      for (const [schoolId, caseIds] of bySchool) {
        const schoolName = schools.get(schoolId);
        if (schoolName === undefined) continue;
        const recipients = (await units.inSchool(schoolId, (store) => store.accounts.holders())).filter(
          ({ account, person }) =>
            !account.disabledAt &&
            accessRolesOf(person.roles, { schoolAdmin: account.schoolAdmin }).includes('headteacher'),
        );
        for (const { account, person } of recipients) {
          await mailer.send({
            to: account.email,
            subject: `${schoolName}: closed cases due for review`,
            text: [
              `Hello ${displayName(person)},`,
              '',
              `${caseIds.length === 1 ? 'One closed case has' : `${caseIds.length} closed cases have`} reached the end of the time ${schoolName} keeps such records. Nothing is destroyed unless someone proposes it and someone else approves.`,
              '',
              `Review them: ${baseUrl}/incidents/retention`,
            ].join('\n'),
          });
          sent += 1;
        }
        // Marked once the emails have gone: a failure to send leaves them to be sent the next day.
        await units.inSchool(schoolId, (store) => store.incidents.markReviewNotified(caseIds, day));
      }
      return sent;
    },
  };
}

export type IncidentRetentionService = ReturnType<typeof createIncidentRetentionService>;
