// Who has access, and changing it: making a member of staff the school's administrator, and
// disabling or enabling an account. Every change needs the changer's code again (step-up),
// is refused for one's own account, and goes on the audit log; disabling ends every session.
import type { Account } from '../domain/access/account.ts';
import { accessRolesOf, type AccessRole } from '../domain/access/roles.ts';
import { displayName, type Person } from '../domain/community/people.ts';
import { AppError } from '../errors.ts';
import type { Viewer } from './access.ts';
import { allow } from './allow.ts';
import type { AuditNote } from './audit-trail.ts';
import type { Adapters, SchoolStore } from './ports.ts';
import { checkSecondFactor } from './second-factor.ts';

export interface AccountSummary {
  account: Account;
  person: Person;
  name: string;
  roles: AccessRole[];
}

export type AccessChange = { schoolAdmin: boolean } | { disabled: boolean };

export type ChangeOutcome = 'changed' | 'code_refused';

type Deps = Pick<Adapters, 'units' | 'clock' | 'crypto'>;

function summary(account: Account, person: Person): AccountSummary {
  return {
    account,
    person,
    name: displayName(person),
    roles: accessRolesOf(person.roles, { schoolAdmin: account.schoolAdmin }),
  };
}

/** One person's account at the store's school; not found for anyone else's. */
async function accountOf(store: SchoolStore, personId: string): Promise<AccountSummary> {
  const account = await store.accounts.ofPerson(personId);
  const person = account && (await store.people.find(account.personId));
  if (!account || !person) throw new AppError('not_found');
  return summary(account, person);
}

/** Why the viewer may not change this account, in words for the page; undefined if they may. */
function refusal(viewer: Viewer, target: AccountSummary): string | undefined {
  if (target.account.id === viewer.account.id) {
    return 'You cannot change your own access. Ask the Headteacher or another administrator.';
  }
  if (target.roles.includes('headteacher') && !viewer.roles.includes('headteacher')) {
    return 'Only another Headteacher can change a Headteacher’s access.';
  }
  return undefined;
}

export function createAccountAdminService({ units, clock, crypto }: Deps) {
  return {
    /** The school's accounts, a page at a time. */
    async list(viewer: Viewer, page: { limit: number; offset: number }) {
      allow(viewer, 'manage_roles');
      const found = await units.inSchool(viewer.school.id, (store) => store.accounts.list(page));
      return { items: found.items.map(({ account, person }) => summary(account, person)), total: found.total };
    },

    /** One person's account at the viewer's school; not found for anyone else's. */
    async find(viewer: Viewer, personId: string): Promise<AccountSummary> {
      allow(viewer, 'manage_roles');
      return units.inSchool(viewer.school.id, (store) => accountOf(store, personId));
    },

    refusal,

    async change(viewer: Viewer, personId: string, change: AccessChange, code: string): Promise<ChangeOutcome> {
      allow(viewer, 'manage_roles');
      const schoolId = viewer.school.id;
      return units.inSchool(schoolId, async (store) => {
        const target = await accountOf(store, personId);
        const refused = refusal(viewer, target);
        if (refused) throw new AppError('forbidden', refused);
        const own = await store.accounts.find(viewer.account.id);
        if (!own) throw new AppError('forbidden');
        const now = clock.now();
        const audit = (note: Omit<AuditNote, 'schoolId' | 'actorPersonId'>) =>
          store.audit.append({ schoolId, actorPersonId: viewer.person.id, ...note, at: now });
        const check = await checkSecondFactor(store, crypto, own, code, now);
        const subject = { kind: 'person', id: target.person.id };
        if (!check.accepted) {
          await audit({ action: 'sign_in_failed', details: { step: 'step_up' } });
          return 'code_refused';
        }
        if ('schoolAdmin' in change) {
          await store.accounts.change(target.account.id, { schoolAdmin: change.schoolAdmin }, now);
          // Access taken away ends their sessions at once.
          if (!change.schoolAdmin) await store.sessions.destroyAllOf(target.account.id);
          await audit({ action: 'role_changed', subject, details: { schoolAdmin: change.schoolAdmin } });
        } else {
          await store.accounts.change(target.account.id, { disabledAt: change.disabled ? now : null }, now);
          if (change.disabled) await store.sessions.destroyAllOf(target.account.id);
          await audit({ action: change.disabled ? 'account_disabled' : 'account_enabled', subject });
        }
        return 'changed';
      });
    },
  };
}

export type AccountAdminService = ReturnType<typeof createAccountAdminService>;
