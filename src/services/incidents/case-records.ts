// What every part of the incident service does to a case inside its unit of work: find it as the
// viewer may see it, add to its chronology, put what someone did on the audit log, and find who
// holds each role that handles cases. Each helper takes the unit's store.
import { accessRolesOf, type AccessRole } from '../../domain/access/roles.ts';
import { displayName } from '../../domain/community/people.ts';
import { canHandleCase, canOpenCase, type Case } from '../../domain/incidents/case.ts';
import { maxEventText, type NewCaseEvent } from '../../domain/incidents/chronology.ts';
import { caseAccessOf } from '../../domain/incidents/people.ts';
import { isRecordId } from '../../domain/ids.ts';
import { AppError } from '../../errors.ts';
import type { Viewer } from '../access.ts';
import { allow } from '../allow.ts';
import type { AuditNote } from '../audit-trail.ts';
import type { SchoolStore } from '../ports.ts';

/** Someone to tell by email that a case needs them. */
export interface Recipient {
  personId: string;
  email: string;
  name: string;
}

export type RoleHolders = Map<AccessRole, Recipient[]>;

/** The people holding each role that handles cases, with an account to be told by. */
export async function roleHolders(store: SchoolStore): Promise<RoleHolders> {
  const holders: RoleHolders = new Map();
  for (const { account, person } of await store.accounts.holders()) {
    if (account.disabledAt) continue;
    for (const role of accessRolesOf(person.roles, { schoolAdmin: account.schoolAdmin })) {
      const list = holders.get(role) ?? [];
      list.push({ personId: person.id, email: account.email, name: displayName(person) });
      holders.set(role, list);
    }
  }
  return holders;
}

/** The case, if the viewer may open it; anything else reads as not found, saying nothing of it. */
export async function caseFor(store: SchoolStore, viewer: Viewer, id: string) {
  allow(viewer, 'handle_incidents');
  if (!isRecordId(id)) throw new AppError('not_found');
  const found = await store.incidents.find(id);
  if (!found) throw new AppError('not_found');
  const [parties, tasks] = await Promise.all([store.incidents.parties(id), store.incidents.tasks(id)]);
  const access = caseAccessOf(found.handler, parties, tasks);
  const reader = { personId: viewer.person.id, roles: viewer.roles };
  if (!canOpenCase(reader, access)) throw new AppError('not_found');
  return { found, parties, tasks, access, canHandle: canHandleCase(reader, access) };
}

export type OpenedCase = Awaited<ReturnType<typeof caseFor>>;

/** The next entry on the case's chronology. */
export function record(store: SchoolStore, caseRecord: Case, event: Omit<NewCaseEvent, 'at'>, at: Date) {
  return store.incidents.appendEvent(caseRecord.id, { ...event, at });
}

/** An entry on the audit log for something the viewer did to a case (or its evidence). */
export async function auditAs(
  store: SchoolStore,
  viewer: Viewer,
  action: AuditNote['action'],
  subject: { kind: 'incident' | 'incident_evidence'; id: string },
  at: Date,
  details?: AuditNote['details'],
): Promise<void> {
  await store.audit.append({
    schoolId: viewer.school.id,
    actorPersonId: viewer.person.id,
    action,
    subject,
    ...(details && { details }),
    at,
  });
}

/** Text typed for the chronology, trimmed, or what is wrong with it. */
export function readText(text: string, what: string, required: boolean): string | { error: string } {
  const trimmed = text.trim();
  if (required && trimmed === '') return { error: `Write ${what}` };
  if (trimmed.length > maxEventText) return { error: `Write ${what} in ${maxEventText} characters or fewer` };
  return trimmed;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
