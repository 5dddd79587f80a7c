// Keeping closed cases no longer than the school's rules say, and no shorter: each closed case has
// a review date; when it comes the case is listed (and the Headteacher told); one person proposes
// destroying it and another approves, and the destruction itself is kept on record.
import { can, type Capability } from '../domain/access/capabilities.ts';
import { accessRolesOf } from '../domain/access/roles.ts';
import { displayName } from '../domain/community/people.ts';
import { canOpenCase } from '../domain/incidents/case.ts';
import { maxEventText } from '../domain/incidents/chronology.ts';
import { defaultRetention, readRetentionRules, type RetentionRules } from '../domain/incidents/retention.ts';
import { AppError } from '../errors.ts';
import type { Viewer } from './access.ts';
import { recordAudit } from './audit-trail.ts';
import type { Adapters, CaseDueForReview, Destruction } from './ports.ts';

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const day = (at: Date) => at.toISOString().slice(0, 10);

function allow(viewer: Viewer, capability: Capability): void {
  if (!can(viewer.roles, capability)) throw new AppError('forbidden');
}

export interface RetentionView {
  rules: RetentionRules;
  canChangeRules: boolean;
  due: CaseDueForReview[];
  pending: (Destruction & { proposedByName: string; canApprove: boolean })[];
  done: (Destruction & { approvedByName: string })[];
}

export type Proposed = { ok: true } | { ok: false; error: string };

export function createIncidentRetentionService({
  store,
  inTransaction,
  clock,
  mailer,
  baseUrl,
  evidence: files,
}: Pick<Adapters, 'store' | 'inTransaction' | 'clock' | 'mailer' | 'baseUrl' | 'evidence'>) {
  async function nameOf(schoolId: string, id: string | undefined): Promise<string> {
    const person = id ? await store.people.find(schoolId, id) : undefined;
    return person ? displayName(person) : 'Someone no longer at the school';
  }

  /** Who may approve destroying a case the handler named handled: never the proposer. */
  function mayApprove(viewer: Viewer, handler: string, proposedBy: string): boolean {
    if (proposedBy === viewer.person.id) return false;
    return handler === 'chair_of_governors'
      ? viewer.roles.includes('chair_of_governors')
      : viewer.roles.includes('headteacher');
  }

  async function visibleDue(viewer: Viewer): Promise<CaseDueForReview[]> {
    const due = await store.incidents.dueForReview(viewer.school.id, day(clock.now()));
    const reader = { personId: viewer.person.id, roles: viewer.roles };
    const visible: CaseDueForReview[] = [];
    for (const item of due) {
      const [parties, tasks] = await Promise.all([
        store.incidents.parties(viewer.school.id, item.caseId),
        store.incidents.tasks(viewer.school.id, item.caseId),
      ]);
      const access = {
        handler: item.handler,
        subjectPersonIds: parties.flatMap((p) => (p.subject && p.personId ? [p.personId] : [])),
        taskOwnerIds: tasks.flatMap((t) => (t.ownerPersonId ? [t.ownerPersonId] : [])),
      };
      if (canOpenCase(reader, access)) visible.push(item);
    }
    return visible;
  }

  return {
    async view(viewer: Viewer): Promise<RetentionView> {
      allow(viewer, 'handle_incidents');
      const schoolId = viewer.school.id;
      const rules = (await store.incidents.retentionRules(schoolId)) ?? defaultRetention;
      const due = await visibleDue(viewer);
      const all = await store.incidents.destructions(schoolId);
      const pending = [];
      for (const item of all.filter((d) => !d.destroyedAt)) {
        const found = await store.incidents.find(schoolId, item.caseId);
        pending.push({
          ...item,
          proposedByName: await nameOf(schoolId, item.proposedBy),
          canApprove: found !== undefined && mayApprove(viewer, found.handler, item.proposedBy),
        });
      }
      const done = [];
      for (const item of all.filter((d) => d.destroyedAt)) {
        done.push({ ...item, approvedByName: await nameOf(schoolId, item.approvedBy) });
      }
      return { rules, canChangeRules: can(viewer.roles, 'manage_incident_retention'), due, pending, done };
    },

    async saveRules(
      viewer: Viewer,
      values: { childYears: string; otherYears: string },
    ): Promise<{ ok: true } | { ok: false; errors: Partial<Record<keyof RetentionRules, string>> }> {
      allow(viewer, 'manage_incident_retention');
      const read = readRetentionRules(values);
      if (!read.ok) return read;
      await inTransaction(async (trx) => {
        const now = clock.now();
        await trx.incidents.saveRetentionRules(viewer.school.id, read.rules, viewer.person.id, now);
        await recordAudit(
          trx,
          {
            schoolId: viewer.school.id,
            actorPersonId: viewer.person.id,
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
      if (!uuidShape.test(caseId)) throw new AppError('not_found');
      const item = (await visibleDue(viewer)).find((due) => due.caseId === caseId);
      if (!item) throw new AppError('not_found');
      const why = reason.trim();
      if (why === '') return { ok: false, error: 'Write why the record is no longer needed' };
      if (why.length > maxEventText)
        return { ok: false, error: `Write the reason in ${maxEventText} characters or fewer` };
      return inTransaction(async (trx) => {
        const now = clock.now();
        const proposal = await trx.incidents.proposeDestruction(viewer.school.id, {
          ...item,
          reason: why,
          proposedBy: viewer.person.id,
          proposedAt: now,
        });
        await trx.incidents.appendEvent(viewer.school.id, caseId, {
          at: now,
          actorPersonId: viewer.person.id,
          kind: 'decision',
          text: `Proposed destroying this record under the school’s retention rules. Reason: ${why}`,
          facts: { destructionId: proposal.id },
        });
        await recordAudit(
          trx,
          {
            schoolId: viewer.school.id,
            actorPersonId: viewer.person.id,
            action: 'incident_destruction_proposed',
            subject: { kind: 'incident', id: caseId },
          },
          now,
        );
        return { ok: true as const };
      });
    },

    /** Approves someone else's proposal: the case, its evidence files and its chronology are destroyed. */
    async approve(viewer: Viewer, destructionId: string): Promise<Proposed> {
      allow(viewer, 'manage_incident_retention');
      if (!uuidShape.test(destructionId)) throw new AppError('not_found');
      const schoolId = viewer.school.id;
      const proposal = (await store.incidents.destructions(schoolId)).find((d) => d.id === destructionId);
      if (!proposal || proposal.destroyedAt) throw new AppError('not_found');
      const found = await store.incidents.find(schoolId, proposal.caseId);
      if (!found) throw new AppError('not_found');
      if (!mayApprove(viewer, found.handler, proposal.proposedBy)) {
        return {
          ok: false,
          error:
            proposal.proposedBy === viewer.person.id
              ? 'Someone else must approve destroying a record you proposed to destroy'
              : 'Only the chair of governors can approve destroying a case the chair handled',
        };
      }
      const evidence = await store.incidents.evidence(schoolId, proposal.caseId);
      const done = await inTransaction(async (trx) => {
        const now = clock.now();
        const destroyed = await trx.incidents.approveDestruction(schoolId, destructionId, viewer.person.id, now);
        if (!destroyed) return undefined;
        await recordAudit(
          trx,
          {
            schoolId,
            actorPersonId: viewer.person.id,
            action: 'incident_destroyed',
            subject: { kind: 'incident', id: proposal.caseId },
            details: { destructionId, files: evidence.length },
          },
          now,
        );
        return destroyed;
      });
      if (!done) return { ok: false, error: 'This proposal has already been dealt with' };
      // The files go once the records are gone; a file left by a failure here is unreachable and
      // is named by nothing, and the next destruction of the same key cannot happen.
      for (const item of evidence) await files.remove(schoolId, item.key);
      return { ok: true };
    },

    /** Daily: tells each school's Headteacher, once for each case, of closed cases due for review. */
    async sendReviewNotices(now: Date = clock.now()): Promise<number> {
      const today = day(now);
      const bySchool = new Map<string, string[]>();
      for (const { schoolId, caseId } of await store.incidents.reviewsToNotify(today)) {
        bySchool.set(schoolId, [...(bySchool.get(schoolId) ?? []), caseId]);
      }
      let sent = 0;
      for (const [schoolId, caseIds] of bySchool) {
        const school = await store.schools.findById(schoolId);
        if (!school) continue;
        const recipients = (await store.accounts.holders(schoolId)).filter(
          ({ account, person }) =>
            !account.disabledAt &&
            accessRolesOf(person.roles, { schoolAdmin: account.schoolAdmin }).includes('headteacher'),
        );
        for (const { account, person } of recipients) {
          await mailer.send({
            to: account.email,
            subject: `${school.name}: closed cases due for review`,
            text: [
              `Hello ${displayName(person)},`,
              '',
              `${caseIds.length === 1 ? 'One closed case has' : `${caseIds.length} closed cases have`} reached the end of the time ${school.name} keeps such records. Nothing is destroyed unless someone proposes it and someone else approves.`,
              '',
              `Review them: ${baseUrl}/incidents/retention`,
            ].join('\n'),
          });
          sent += 1;
        }
        await store.incidents.markReviewNotified(schoolId, caseIds, today);
      }
      return sent;
    },
  };
}

export type IncidentRetentionService = ReturnType<typeof createIncidentRetentionService>;
