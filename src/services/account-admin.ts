// Who has access, and changing it: making a member of staff the school's administrator, and
// disabling or enabling an account. Every change needs the changer's code again (step-up),
// is refused for one's own account, and goes on the audit log; disabling ends every session.
import type { Account } from '../domain/access/account.ts';
import { can } from '../domain/access/capabilities.ts';
import { accessRolesOf, type AccessRole } from '../domain/access/roles.ts';
import { displayName, type Person } from '../domain/community/people.ts';
import { AppError } from '../errors.ts';
import type { Viewer } from './access.ts';
import { recordAudit } from './audit-trail.ts';
import type { Adapters } from './ports.ts';
import { checkSecondFactor } from './second-factor.ts';

export interface AccountSummary {
  account: Account;
  person: Person;
  name: string;
  roles: AccessRole[];
}

export type AccessChange = { schoolAdmin: boolean } | { disabled: boolean };

export type ChangeOutcome = 'changed' | 'code_refused';

type Deps = Pick<Adapters, 'store' | 'inTransaction' | 'clock' | 'crypto'>;

export function createAccountAdminService({ store, inTransaction, clock, crypto }: Deps) {
  function mustManage(viewer: Viewer): void {
    if (!can(viewer.roles, 'manage_roles')) throw new AppError('forbidden');
  }

  async function summary(schoolId: string, account: Account): Promise<AccountSummary | undefined> {
    const person = await store.people.find(schoolId, account.personId);
    if (!person) return undefined;
    return {
      account,
      person,
      name: displayName(person),
      roles: accessRolesOf(person.roles, { schoolAdmin: account.schoolAdmin }),
    };
  }

  return {
    /** The school's accounts, a page at a time. */
    async list(viewer: Viewer, page: { limit: number; offset: number }) {
      mustManage(viewer);
      const found = await store.accounts.list(viewer.school.id, page);
      const items: AccountSummary[] = [];
      for (const account of found.items) {
        const item = await summary(viewer.school.id, account);
        if (item) items.push(item);
      }
      return { items, total: found.total };
    },

    /** One person's account at the viewer's school; not found for anyone else's. */
    async find(viewer: Viewer, personId: string): Promise<AccountSummary> {
      mustManage(viewer);
      const account = await store.accounts.ofPerson(viewer.school.id, personId);
      const found = account && (await summary(viewer.school.id, account));
      if (!found) throw new AppError('not_found');
      return found;
    },

    /** Why the viewer may not change this account, in words for the page; undefined if they may. */
    refusal(viewer: Viewer, target: AccountSummary): string | undefined {
      if (target.account.id === viewer.account.id) {
        return 'You cannot change your own access. Ask the Headteacher or another administrator.';
      }
      if (target.roles.includes('headteacher') && !viewer.roles.includes('headteacher')) {
        return 'Only another Headteacher can change a Headteacher’s access.';
      }
      return undefined;
    },

    async change(viewer: Viewer, personId: string, change: AccessChange, code: string): Promise<ChangeOutcome> {
      const target = await this.find(viewer, personId);
      const refused = this.refusal(viewer, target);
      if (refused) throw new AppError('forbidden', refused);
      const schoolId = viewer.school.id;
      const own = await store.accounts.find(schoolId, viewer.account.id);
      if (!own) throw new AppError('forbidden');
      const now = clock.now();
      return inTransaction(async (trx) => {
        const check = await checkSecondFactor(trx, crypto, own, code, now);
        const subject = { kind: 'person', id: target.person.id };
        if (!check.accepted) {
          await recordAudit(
            trx,
            { schoolId, actorPersonId: viewer.person.id, action: 'sign_in_failed', details: { step: 'step_up' } },
            now,
          );
          return 'code_refused';
        }
        if ('schoolAdmin' in change) {
          await trx.accounts.change(schoolId, target.account.id, { schoolAdmin: change.schoolAdmin }, now);
          // Access taken away ends their sessions at once.
          if (!change.schoolAdmin) await trx.sessions.destroyAllOf(schoolId, target.account.id);
          await recordAudit(
            trx,
            {
              schoolId,
              actorPersonId: viewer.person.id,
              action: 'role_changed',
              subject,
              details: { schoolAdmin: change.schoolAdmin },
            },
            now,
          );
        } else {
          await trx.accounts.change(schoolId, target.account.id, { disabledAt: change.disabled ? now : null }, now);
          if (change.disabled) await trx.sessions.destroyAllOf(schoolId, target.account.id);
          await recordAudit(
            trx,
            {
              schoolId,
              actorPersonId: viewer.person.id,
              action: change.disabled ? 'account_disabled' : 'account_enabled',
              subject,
            },
            now,
          );
        }
        return 'changed';
      });
    },
  };
}

export type AccountAdminService = ReturnType<typeof createAccountAdminService>;
