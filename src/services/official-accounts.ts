// The register of official accounts: staff ask for one with a risk assessment, the Headteacher
// decides, and the login of an approved account goes into escrow. Revealing a login needs the
// Headteacher's code again and goes on the audit log. Logins are sealed before they reach the
// store and opened only to be shown; they never go into an audit entry, the history or an error.
import { can } from '../domain/access/capabilities.ts';
import { displayName, type Person } from '../domain/community/people.ts';
import { isRecordId } from '../domain/ids.ts';
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
import { allow } from './allow.ts';
import type { Adapters, SchoolStore } from './ports.ts';
import { checkSecondFactor } from './second-factor.ts';
import { today } from './today.ts';

type Deps = Pick<Adapters, 'units' | 'clock' | 'crypto'>;

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

/** The school's account; not found for any other, or for what is not an id. */
async function found(store: SchoolStore, id: string): Promise<OfficialAccount> {
  const account = isRecordId(id) ? await store.officialAccounts.find(id) : undefined;
  if (!account) throw new AppError('not_found');
  return account;
}

const mayDeposit = (viewer: Viewer, account: OfficialAccount) =>
  account.status === 'approved' &&
  (account.managerPersonId === viewer.person.id || can(viewer.roles, 'approve_official_accounts'));

async function nameOf(store: SchoolStore, personId: string | undefined): Promise<string | undefined> {
  if (!personId) return undefined;
  const person = await store.people.find(personId);
  return person ? displayName(person) : undefined;
}

const isStaff = (person: Person) => person.roles.some((held) => held.role === 'staff');

export function createOfficialAccountsService({ units, clock, crypto }: Deps) {
  return {
    /** Members of staff who could manage an account, by name. */
    async staff(viewer: Viewer): Promise<StaffChoice[]> {
      allow(viewer, 'request_official_account');
      const people = await units.inSchool(viewer.school.id, (store) =>
        store.people.list({ role: 'staff', limit: 1000, offset: 0 }),
      );
      return people.items
        .map((person) => ({ id: person.id, name: displayName(person) }))
        .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
    },

    /** The school's register, newest request first, with each manager's name. */
    async list(viewer: Viewer): Promise<{ account: OfficialAccount; managerName: string }[]> {
      allow(viewer, 'view_official_accounts');
      return units.inSchool(viewer.school.id, async (store) => {
        const accounts = await store.officialAccounts.list();
        const names = new Map<string, string>();
        for (const account of accounts) {
          if (!names.has(account.managerPersonId)) {
            names.set(account.managerPersonId, (await nameOf(store, account.managerPersonId)) ?? '');
          }
        }
        return accounts.map((account) => ({ account, managerName: names.get(account.managerPersonId) ?? '' }));
      });
    },

    /** One account of the viewer's school, with its history; not found for any other. */
    async find(viewer: Viewer, id: string): Promise<OfficialAccountView> {
      allow(viewer, 'view_official_accounts');
      return units.inSchool(viewer.school.id, async (store) => {
        const account = await found(store, id);
        const view: OfficialAccountView = {
          account,
          managerName: (await nameOf(store, account.managerPersonId)) ?? '',
          requesterName: (await nameOf(store, account.requestedBy)) ?? '',
          history: await store.officialAccounts.history(account.id),
          mayDeposit: mayDeposit(viewer, account),
        };
        const decider = await nameOf(store, account.decidedBy);
        if (decider) view.deciderName = decider;
        return view;
      });
    },

    /** Records a request and its risk assessment; problems by field when the manager is not staff here. */
    async request(viewer: Viewer, request: OfficialAccountRequest): Promise<OfficialAccount> {
      allow(viewer, 'request_official_account');
      const schoolId = viewer.school.id;
      const outcome = assessRisk(request.risk, request);
      return units.inSchool(schoolId, async (store) => {
        const manager = isRecordId(request.managerPersonId)
          ? await store.people.find(request.managerPersonId)
          : undefined;
        if (!manager || !isStaff(manager)) {
          throw new AppError('validation_failed', undefined, [
            { field: 'managerPersonId', detail: 'Select the member of staff who will manage it' },
          ]);
        }
        const now = clock.now();
        const account = await store.officialAccounts.add({
          ...request,
          outcome,
          requestedBy: viewer.person.id,
          at: now,
        });
        await store.officialAccounts.addEvent(account.id, {
          kind: 'requested',
          actorPersonId: viewer.person.id,
          at: now,
          note: `Risk assessed as ${outcome.level}`,
        });
        await store.audit.append({
          schoolId,
          at: now,
          actorPersonId: viewer.person.id,
          action: 'official_account_requested',
          subject: subjectOf(account.id),
          details: { risk: outcome.level },
        });
        return account;
      });
    },

    /** The review date an approval suggests: a year from the school's today. */
    defaultReviewDue(): string {
      return aYearAfter(today(clock));
    },

    async decide(viewer: Viewer, id: string, decision: Decision): Promise<void> {
      allow(viewer, 'approve_official_accounts');
      const schoolId = viewer.school.id;
      await units.inSchool(schoolId, async (store) => {
        const account = await found(store, id);
        if (account.status !== 'requested') throw new AppError('bad_request', 'This request has been decided already.');
        if (!decision.approve && (!decision.reason.trim() || decision.reason.length > limits.reason)) {
          throw new AppError('validation_failed', undefined, [
            { field: 'reason', detail: 'Give the reason for declining' },
          ]);
        }
        const now = clock.now();
        const decided = await store.officialAccounts.decide(
          id,
          decision.approve
            ? { status: 'approved', reviewDue: decision.reviewDue, by: viewer.person.id, at: now }
            : { status: 'declined', reason: decision.reason.trim(), by: viewer.person.id, at: now },
        );
        if (!decided) throw new AppError('bad_request', 'This request has been decided already.');
        await store.officialAccounts.addEvent(id, {
          kind: decision.approve ? 'approved' : 'declined',
          actorPersonId: viewer.person.id,
          at: now,
          note: decision.approve ? `Review due ${decision.reviewDue}` : decision.reason.trim(),
        });
        await store.audit.append({
          schoolId,
          at: now,
          actorPersonId: viewer.person.id,
          action: decision.approve ? 'official_account_approved' : 'official_account_declined',
          subject: subjectOf(id),
        });
      });
    },

    /** Deposits the login in escrow under a fresh data key, replacing any earlier one. */
    async deposit(viewer: Viewer, id: string, login: AccountLogin): Promise<{ replaced: boolean }> {
      allow(viewer, 'view_official_accounts');
      const schoolId = viewer.school.id;
      return units.inSchool(schoolId, async (store) => {
        const account = await found(store, id);
        if (!mayDeposit(viewer, account)) {
          if (account.status !== 'approved') {
            throw new AppError('bad_request', 'A login can be deposited only once the account is approved.');
          }
          throw new AppError('forbidden');
        }
        // Sealing is one symmetric encryption, quick enough to do inside the unit.
        const escrowed = crypto.escrow.seal(JSON.stringify(login), account.id);
        const now = clock.now();
        const replaced = await store.officialAccounts.saveLogin({
          accountId: account.id,
          escrowed,
          depositedBy: viewer.person.id,
          depositedAt: now,
        });
        await store.officialAccounts.addEvent(account.id, {
          kind: replaced ? 'login_replaced' : 'login_deposited',
          actorPersonId: viewer.person.id,
          at: now,
        });
        await store.audit.append({
          schoolId,
          at: now,
          actorPersonId: viewer.person.id,
          action: 'account_secret_deposited',
          subject: subjectOf(account.id),
          details: { replaced },
        });
        return { replaced };
      });
    },

    /** Opens the login for the Headteacher, once their code is accepted; a refused code is audited. */
    async reveal(viewer: Viewer, id: string, code: string): Promise<RevealOutcome> {
      allow(viewer, 'reveal_account_secrets');
      const schoolId = viewer.school.id;
      // Opened inside the unit: a login that will not open leaves no "revealed" entry behind.
      const plaintext = await units.inSchool(schoolId, async (store) => {
        const account = await found(store, id);
        const stored = await store.officialAccounts.findLogin(account.id);
        if (!stored) throw new AppError('not_found', 'No login has been deposited for this account yet.');
        const own = await store.accounts.find(viewer.account.id);
        if (!own) throw new AppError('forbidden');
        const now = clock.now();
        const check = await checkSecondFactor(store, crypto, own, code, now);
        if (!check.accepted) {
          await store.audit.append({
            schoolId,
            at: now,
            actorPersonId: viewer.person.id,
            action: 'sign_in_failed',
            subject: subjectOf(account.id),
            details: { step: 'step_up', for: 'account_secret_revealed' },
          });
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
        await store.officialAccounts.addEvent(account.id, {
          kind: 'login_revealed',
          actorPersonId: viewer.person.id,
          at: now,
        });
        // The read of the escrowed login, on the log in the unit that reads it.
        await store.audit.append({
          schoolId,
          at: now,
          actorPersonId: viewer.person.id,
          action: 'account_secret_revealed',
          subject: subjectOf(account.id),
        });
        return opened;
      });
      if (plaintext === undefined) return { outcome: 'code_refused' };
      return { outcome: 'revealed', login: JSON.parse(plaintext) as AccountLogin };
    },
  };
}

export type OfficialAccountsService = ReturnType<typeof createOfficialAccountsService>;
