// A roster import can change what people can do in Footprint: a staff file that names a new DSL
// gives them restricted records; one that drops the Headteacher duty takes that away. Such an
// import is held to the rules of a change on a person's page: the right to manage roles, a code
// from the importer's authenticator app, never the importer's own access taken away, sessions
// ended at once for whoever loses access, and every change on the audit log.
import { can } from '../domain/access/capabilities.ts';
import { accessChanges, type AccessChange, type AccessHolder } from '../domain/access/changes.ts';
import { accessRolesOf } from '../domain/access/roles.ts';
import { displayName } from '../domain/community/people.ts';
import type { RosterKind } from '../domain/roster/index.ts';
import type { Viewer } from './access.ts';
import type { SchoolStore } from './ports.ts';
import type { ImportResult, RosterService } from './roster.ts';

export interface AccessReview {
  /** Account holders whose access the import changes. */
  changes: AccessChange[];
  /** Why the importer may not make these changes; absent when they may. */
  refusal?: string;
}

export type ReviewedImport =
  (Extract<ImportResult, { ok: true }> & { access: AccessReview }) | Extract<ImportResult, { ok: false }>;

async function accessOf(store: SchoolStore): Promise<AccessHolder[]> {
  return (await store.accounts.holders()).map(({ account, person }) => ({
    personId: person.id,
    name: displayName(person),
    roles: accessRolesOf(person.roles, { schoolAdmin: account.schoolAdmin }),
  }));
}

function refusalOf(viewer: Viewer, changes: readonly AccessChange[]): string | undefined {
  if (changes.length === 0) return undefined;
  if (!can(viewer.roles, 'manage_roles')) {
    return 'This file changes what some people can do in Footprint: ask your Headteacher or school administrator to import it';
  }
  if (changes.some((change) => change.personId === viewer.person.id && change.lost.length > 0)) {
    return 'This file takes away some of your own access: correct your own row, or ask another Headteacher or administrator to import it';
  }
  return undefined;
}

/** Imports the file in the caller's unit of work (of the viewer's school), and says whose access that changed. */
export async function importReviewed(
  store: SchoolStore,
  roster: Pick<RosterService, 'importInto'>,
  viewer: Viewer,
  kind: RosterKind,
  text: string,
  today: string,
): Promise<ReviewedImport> {
  const before = await accessOf(store);
  const result = await roster.importInto(store, kind, text, today);
  if (!result.ok) return result;
  const changes = accessChanges(before, await accessOf(store));
  const refusal = refusalOf(viewer, changes);
  return { ...result, access: { changes, ...(refusal && { refusal }) } };
}

/** Once the importer has confirmed: sessions end for whoever lost access, and each change is audited. */
export async function settleAccessChanges(
  store: SchoolStore,
  viewer: Viewer,
  changes: readonly AccessChange[],
  at: Date,
): Promise<void> {
  for (const change of changes) {
    if (change.lost.length > 0) {
      const account = await store.accounts.ofPerson(change.personId);
      if (account) await store.sessions.destroyAllOf(account.id);
    }
    await store.audit.append({
      schoolId: viewer.school.id,
      actorPersonId: viewer.person.id,
      action: 'role_changed',
      subject: { kind: 'person', id: change.personId },
      details: { gained: change.gained, lost: change.lost, by: 'roster_import' },
      at,
    });
  }
}
