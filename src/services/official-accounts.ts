// The register of official accounts: staff ask for one with a risk assessment, the Headteacher
// decides, and the login of an approved account goes into escrow. Revealing a login needs the
// Headteacher's code again and goes on the audit log. Logins are sealed before they reach the
// store and opened only to be shown; they never go into an audit entry, the history or an error.
import { can } from '../domain/access/capabilities.ts';
import { displayName, type Person } from '../domain/community/people.ts';
import {
  assessRisk,
  aYearAfter,
  limits,
  type AccountLogin,
  type HistoryEvent,
  type OfficialAccount,
  type OfficialAccountRequest,
} from '../domain/registers/official-accounts.ts';
import { AppError } from '../errors.ts';
import type { Viewer } from './access.ts';
import { recordAudit } from './audit-trail.ts';
import type { Adapters } from './ports.ts';
import { checkSecondFactor } from './second-factor.ts';

type Deps = Pick<Adapters, 'store' | 'inTransaction' | 'clock' | 'crypto'>;

export interface StaffChoice {
  id: string;
  name: string;
}

export interface OfficialAccountView {
  account: OfficialAccount;
  managerName: string;
  requesterName: string;
  deciderName?: string;
  history: HistoryEvent[];
  /** Whether the viewer may deposit (or replace) its login. */
  mayDeposit: boolean;
}

export type Decision = { approve: true; reviewDue: string } | { approve: false; reason: string };

export type RevealOutcome = { outcome: 'revealed'; login: AccountLogin } | { outcome: 'code_refused' };

const subjectOf = (id: string) => ({ kind: 'official_account', id });

export function createOfficialAccountsService({ store, inTransaction, clock, crypto }: Deps) {
  function must(viewer: Viewer, capability: Parameters<typeof can>[1]): void {
    if (!can(viewer.roles, capability)) throw new AppError('forbidden');
  }

  async function found(viewer: Viewer, id: string): Promise<OfficialAccount> {
    const account = await store.officialAccounts.find(viewer.school.id, id);
    if (!account) throw new AppError('not_found');
    return account;
  }

  const mayDeposit = (viewer: Viewer, account: OfficialAccount) =>
    account.status === 'approved' &&
    (account.managerPersonId === viewer.person.id || can(viewer.roles, 'approve_official_accounts'));

  async function nameOf(schoolId: string, personId: string | undefined): Promise<string | undefined> {
    if (!personId) return undefined;
    const person = await store.people.find(schoolId, personId);
    return person ? displayName(person) : undefined;
  }

  const isStaff = (person: Person) => person.roles.some((held) => held.role === 'staff');

  return {
    /** Members of staff who could manage an account, by name. */
    async staff(viewer: Viewer): Promise<StaffChoice[]> {
      must(viewer, 'request_official_account');
      const people = await store.people.list(viewer.school.id, { role: 'staff', limit: 1000, offset: 0 });
      return people.items
        .map((person) => ({ id: person.id, name: displayName(person) }))
        .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
    },

    /** The school's register, newest request first, with each manager's name. */
    async list(viewer: Viewer): Promise<{ account: OfficialAccount; managerName: string }[]> {
      must(viewer, 'view_official_accounts');
      const accounts = await store.officialAccounts.list(viewer.school.id);
      const names = new Map<string, string>();
      for (const account of accounts) {
        if (!names.has(account.managerPersonId)) {
          names.set(account.managerPersonId, (await nameOf(viewer.school.id, account.managerPersonId)) ?? '');
        }
      }
      return accounts.map((account) => ({ account, managerName: names.get(account.managerPersonId) ?? '' }));
    },

    /** One account of the viewer's school, with its history; not found for any other. */
    async find(viewer: Viewer, id: string): Promise<OfficialAccountView> {
      must(viewer, 'view_official_accounts');
      const account = await found(viewer, id);
      const schoolId = viewer.school.id;
      const view: OfficialAccountView = {
        account,
        managerName: (await nameOf(schoolId, account.managerPersonId)) ?? '',
        requesterName: (await nameOf(schoolId, account.requestedBy)) ?? '',
        history: await store.officialAccounts.history(schoolId, account.id),
        mayDeposit: mayDeposit(viewer, account),
      };
      const decider = await nameOf(schoolId, account.decidedBy);
      if (decider) view.deciderName = decider;
      return view;
    },

    /** Records a request and its risk assessment; problems by field when the manager is not staff here. */
    async request(viewer: Viewer, request: OfficialAccountRequest): Promise<OfficialAccount> {
      must(viewer, 'request_official_account');
      const schoolId = viewer.school.id;
      const manager = await store.people.find(schoolId, request.managerPersonId);
      if (!manager || !isStaff(manager)) {
        throw new AppError('validation_failed', undefined, [
          { field: 'managerPersonId', detail: 'Select the member of staff who will manage it' },
        ]);
      }
      const outcome = assessRisk(request.risk, request);
      const now = clock.now();
      return inTransaction(async (trx) => {
        const account = await trx.officialAccounts.add(schoolId, {
          ...request,
          outcome,
          requestedBy: viewer.person.id,
          at: now,
        });
        await trx.officialAccounts.addEvent(schoolId, account.id, {
          kind: 'requested',
          actorPersonId: viewer.person.id,
          at: now,
          note: `Risk assessed as ${outcome.level}`,
        });
        await recordAudit(
          trx,
          {
            schoolId,
            actorPersonId: viewer.person.id,
            action: 'official_account_requested',
            subject: subjectOf(account.id),
            details: { risk: outcome.level },
          },
          now,
        );
        return account;
      });
    },

    /** The review date an approval suggests: a year from today. */
    defaultReviewDue(): string {
      return aYearAfter(clock.now().toISOString().slice(0, 10));
    },

    async decide(viewer: Viewer, id: string, decision: Decision): Promise<void> {
      must(viewer, 'approve_official_accounts');
      const account = await found(viewer, id);
      const schoolId = viewer.school.id;
      if (account.status !== 'requested') throw new AppError('bad_request', 'This request has been decided already.');
      if (!decision.approve && (!decision.reason.trim() || decision.reason.length > limits.reason)) {
        throw new AppError('validation_failed', undefined, [
          { field: 'reason', detail: 'Give the reason for declining' },
        ]);
      }
      const now = clock.now();
      await inTransaction(async (trx) => {
        const decided = await trx.officialAccounts.decide(
          schoolId,
          id,
          decision.approve
            ? { status: 'approved', reviewDue: decision.reviewDue, by: viewer.person.id, at: now }
            : { status: 'declined', reason: decision.reason.trim(), by: viewer.person.id, at: now },
        );
        if (!decided) throw new AppError('bad_request', 'This request has been decided already.');
        await trx.officialAccounts.addEvent(schoolId, id, {
          kind: decision.approve ? 'approved' : 'declined',
          actorPersonId: viewer.person.id,
          at: now,
          note: decision.approve ? `Review due ${decision.reviewDue}` : decision.reason.trim(),
        });
        await recordAudit(
          trx,
          {
            schoolId,
            actorPersonId: viewer.person.id,
            action: decision.approve ? 'official_account_approved' : 'official_account_declined',
            subject: subjectOf(id),
          },
          now,
        );
      });
    },

    /** Deposits the login in escrow under a fresh data key, replacing any earlier one. */
    async deposit(viewer: Viewer, id: string, login: AccountLogin): Promise<{ replaced: boolean }> {
      must(viewer, 'view_official_accounts');
      const account = await found(viewer, id);
      if (!mayDeposit(viewer, account)) {
        if (account.status !== 'approved') {
          throw new AppError('bad_request', 'A login can be deposited only once the account is approved.');
        }
        throw new AppError('forbidden');
      }
      const schoolId = viewer.school.id;
      const escrowed = crypto.escrow.seal(JSON.stringify(login), account.id);
      const now = clock.now();
      return inTransaction(async (trx) => {
        const replaced = await trx.officialAccounts.saveLogin(schoolId, {
          accountId: account.id,
          escrowed,
          depositedBy: viewer.person.id,
          depositedAt: now,
        });
        await trx.officialAccounts.addEvent(schoolId, account.id, {
          kind: replaced ? 'login_replaced' : 'login_deposited',
          actorPersonId: viewer.person.id,
          at: now,
        });
        await recordAudit(
          trx,
          {
            schoolId,
            actorPersonId: viewer.person.id,
            action: 'account_secret_deposited',
            subject: subjectOf(account.id),
            details: { replaced },
          },
          now,
        );
        return { replaced };
      });
    },

    /** Opens the login for the Headteacher, once their code is accepted; a refused code is audited. */
    async reveal(viewer: Viewer, id: string, code: string): Promise<RevealOutcome> {
      must(viewer, 'reveal_account_secrets');
      const account = await found(viewer, id);
      const schoolId = viewer.school.id;
      const stored = await store.officialAccounts.findLogin(schoolId, account.id);
      if (!stored) throw new AppError('not_found', 'No login has been deposited for this account yet.');
      const own = await store.accounts.find(schoolId, viewer.account.id);
      if (!own) throw new AppError('forbidden');
      const now = clock.now();
      // Opened inside the transaction: a login that will not open leaves no "revealed" entry behind.
      const plaintext = await inTransaction(async (trx) => {
        const check = await checkSecondFactor(trx, crypto, own, code, now);
        if (!check.accepted) {
          await recordAudit(
            trx,
            {
              schoolId,
              actorPersonId: viewer.person.id,
              action: 'sign_in_failed',
              subject: subjectOf(account.id),
              details: { step: 'step_up', for: 'account_secret_revealed' },
            },
            now,
          );
          return undefined;
        }
        let opened: string;
        try {
          opened = crypto.escrow.open(stored.escrowed, account.id);
        } catch {
          throw new AppError(
            'internal_error',
            'This login could not be opened with the master key Footprint has now. Ask whoever looks after Footprint to check SECRETS_KEY.',
          );
        }
        await trx.officialAccounts.addEvent(schoolId, account.id, {
          kind: 'login_revealed',
          actorPersonId: viewer.person.id,
          at: now,
        });
        await recordAudit(
          trx,
          {
            schoolId,
            actorPersonId: viewer.person.id,
            action: 'account_secret_revealed',
            subject: subjectOf(account.id),
          },
          now,
        );
        return opened;
      });
      if (plaintext === undefined) return { outcome: 'code_refused' };
      return { outcome: 'revealed', login: JSON.parse(plaintext) as AccountLogin };
    },
  };
}

export type OfficialAccountsService = ReturnType<typeof createOfficialAccountsService>;
