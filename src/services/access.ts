// Signing in and who is signed in: passwords, the second factor, recovery codes, and the
// person and permissions behind an account. Every step that matters goes to the audit log in
// the same unit of work. Passwords are hashed and checked outside any unit: the work is slow on
// purpose, and no transaction waits on it.
import type { Account } from '../domain/access/account.ts';
import { capabilitiesOf, needsSecondFactor, type Capability } from '../domain/access/capabilities.ts';
import { accessRolesOf, type AccessRole } from '../domain/access/roles.ts';
import { displayName, type Person } from '../domain/community/people.ts';
import type { School } from '../domain/community/school.ts';
import { AppError } from '../errors.ts';
import type { AuditNote } from './audit-trail.ts';
import type { Adapters, SchoolStore } from './ports.ts';
import { checkSecondFactor } from './second-factor.ts';

/** Who is signed in, with what they may do. Built afresh for every request. */
export interface Viewer {
  account: Account;
  person: Person;
  school: School;
  name: string;
  roles: AccessRole[];
  capabilities: Capability[];
}

/** Where a sign-in has got to after the password. */
export type PasswordOutcome =
  | { outcome: 'refused' }
  | { outcome: 'code_needed' | 'second_factor_setup_needed' | 'signed_in'; schoolId: string; accountId: string };

export interface SecondFactorSetup {
  /** The key to type into an authenticator app, in groups of four. */
  typedKey: string;
  qrCodeSvg: string;
}

type Deps = Pick<Adapters, 'units' | 'clock' | 'crypto'>;

/** The roles an account's holder has in Footprint, from their roles in the school and the account's grants. */
const rolesOf = (account: Account, person: Person): AccessRole[] =>
  accessRolesOf(person.roles, { schoolAdmin: account.schoolAdmin });

/** The account, if it is open; not found otherwise. */
async function openAccount(store: SchoolStore, accountId: string) {
  const found = await store.accounts.find(accountId);
  if (!found || found.account.disabledAt) throw new AppError('not_found');
  return found;
}

export function createAccessService({ units, clock, crypto }: Deps) {
  const audit = (store: SchoolStore, note: AuditNote, at = clock.now()) => store.audit.append({ ...note, at });

  return {
    /** The first step: email and password. Says nothing about which of the two was wrong. */
    async checkPassword(email: string, password: string): Promise<PasswordOutcome> {
      const found = await units.acrossSchools((store) => store.accounts.findByEmail(email));
      const hash = found?.secrets.passwordHash;
      // Verifying against nothing takes as long as against a hash: the time a refusal takes does
      // not tell an attacker which addresses have accounts.
      const matches = await crypto.passwords.verify(found?.account.disabledAt ? undefined : hash, password);
      if (!found || !hash || found.account.disabledAt) return { outcome: 'refused' };
      const { schoolId, personId, id: accountId } = found.account;
      return units.inSchool(schoolId, async (store): Promise<PasswordOutcome> => {
        if (!matches) {
          await audit(store, {
            schoolId,
            actorPersonId: personId,
            action: 'sign_in_failed',
            details: { step: 'password' },
          });
          return { outcome: 'refused' };
        }
        const held = await store.accounts.holder(accountId);
        if (!held || held.account.disabledAt) return { outcome: 'refused' };
        const ids = { schoolId, accountId };
        if (held.account.secondFactor) return { outcome: 'code_needed', ...ids };
        if (needsSecondFactor(rolesOf(held.account, held.person))) {
          return { outcome: 'second_factor_setup_needed', ...ids };
        }
        await audit(store, { schoolId, actorPersonId: personId, action: 'sign_in' });
        return { outcome: 'signed_in', ...ids };
      });
    },

    /** The second step: a code from the authenticator app, or one of the recovery codes. */
    async checkCode(schoolId: string, accountId: string, typed: string): Promise<boolean> {
      return units.inSchool(schoolId, async (store) => {
        const found = await openAccount(store, accountId);
        const now = clock.now();
        const { accepted, how } = await checkSecondFactor(store, crypto, found, typed, now);
        const actorPersonId = found.account.personId;
        if (accepted && how === 'recovery_code')
          await audit(store, { schoolId, actorPersonId, action: 'recovery_code_used' }, now);
        await audit(
          store,
          {
            schoolId,
            actorPersonId,
            action: accepted ? 'sign_in' : 'sign_in_failed',
            details: { step: 'second_factor', how },
          },
          now,
        );
        return accepted;
      });
    },

    /**
     * Checks someone's code again before something sensitive (step-up): replacing their
     * authenticator app, say. A refusal goes on the audit log.
     */
    async confirmIdentity(viewer: Viewer, typed: string): Promise<boolean> {
      return units.inSchool(viewer.school.id, async (store) => {
        const found = await openAccount(store, viewer.account.id);
        const now = clock.now();
        const { accepted, how } = await checkSecondFactor(store, crypto, found, typed, now);
        const note = { schoolId: viewer.school.id, actorPersonId: viewer.person.id };
        if (accepted && how === 'recovery_code') await audit(store, { ...note, action: 'recovery_code_used' }, now);
        if (!accepted) await audit(store, { ...note, action: 'sign_in_failed', details: { step: 'step_up' } }, now);
        return accepted;
      });
    },

    /**
     * The authenticator key to set up: a new one, kept sealed until a code from it confirms it,
     * or the one already waiting (so reloading the page does not undo a scan).
     */
    async startSecondFactor(schoolId: string, accountId: string): Promise<SecondFactorSetup> {
      const { account, secret } = await units.inSchool(schoolId, async (store) => {
        const { account, secrets } = await openAccount(store, accountId);
        if (secrets.totpPendingSecret) {
          return { account, secret: crypto.secrets.open(secrets.totpPendingSecret, account.id) };
        }
        const secret = crypto.totp.newSecret();
        const sealed = crypto.secrets.seal(secret, account.id);
        await store.accounts.change(accountId, { totpPendingSecret: sealed }, clock.now());
        return { account, secret };
      });
      return {
        typedKey: secret.replace(/(.{4})(?=.)/g, '$1 '),
        qrCodeSvg: await crypto.qr.svg(
          crypto.totp.keyUri(secret, account.email),
          'QR code to add Footprint to an authenticator app',
        ),
      };
    },

    /** Confirms the new key with a code from it; returns the recovery codes, shown only now. */
    async finishSecondFactor(schoolId: string, accountId: string, typed: string): Promise<string[] | undefined> {
      return units.inSchool(schoolId, async (store) => {
        const { account, secrets } = await openAccount(store, accountId);
        if (!secrets.totpPendingSecret) return undefined;
        const secret = crypto.secrets.open(secrets.totpPendingSecret, account.id);
        const now = clock.now();
        const step = crypto.totp.verify(secret, typed.replace(/\s+/g, ''), now, undefined);
        if (step === undefined) return undefined;
        const codes = crypto.recoveryCodes.generate();
        await store.accounts.change(
          accountId,
          { totpSecret: secrets.totpPendingSecret, totpPendingSecret: null, totpLastStep: step },
          now,
        );
        await store.accounts.replaceRecoveryCodes(
          accountId,
          codes.map((code) => code.hash),
        );
        await audit(store, { schoolId, actorPersonId: account.personId, action: 'second_factor_set_up' }, now);
        await audit(store, { schoolId, actorPersonId: account.personId, action: 'sign_in' }, now);
        return codes.map((code) => code.code);
      });
    },

    /** Sets a password after checking it; returns the problems instead when it will not do. */
    async setPassword(schoolId: string, accountId: string, password: string): Promise<string[]> {
      const { account, person } = await units.inSchool(schoolId, async (store) => {
        const { account } = await openAccount(store, accountId);
        return { account, person: await store.people.find(account.personId) };
      });
      const problems = crypto.passwords.check(password, {
        email: account.email,
        name: person ? `${person.givenName} ${person.familyName}` : undefined,
      });
      if (problems.length > 0) return problems;
      // Hashed before the unit that saves it: no transaction waits while the hash is worked out.
      const passwordHash = await crypto.passwords.hash(password);
      await units.inSchool(schoolId, (store) => store.accounts.change(accountId, { passwordHash }, clock.now()));
      return [];
    },

    /** Whether this account must set up a second factor before it can be used. */
    async needsSecondFactorSetUp(schoolId: string, accountId: string): Promise<boolean> {
      const held = await units.inSchool(schoolId, (store) => store.accounts.holder(accountId));
      if (!held || held.account.disabledAt) throw new AppError('not_found');
      return !held.account.secondFactor && needsSecondFactor(rolesOf(held.account, held.person));
    },

    /** The signed-in person behind a session, or undefined if the account is gone or disabled. */
    async viewer(schoolId: string, accountId: string): Promise<Viewer | undefined> {
      const held = await units.inSchool(schoolId, (store) => store.accounts.holder(accountId));
      if (!held || held.account.disabledAt) return undefined;
      const roles = rolesOf(held.account, held.person);
      return {
        account: held.account,
        person: held.person,
        school: held.school,
        name: displayName(held.person),
        roles,
        capabilities: capabilitiesOf(roles),
      };
    },

    /** The account with this email address, if there is one and it has no password yet. */
    async awaitingPassword(email: string): Promise<{ schoolId: string; accountId: string } | undefined> {
      const found = await units.acrossSchools((store) => store.accounts.findByEmail(email));
      if (!found || found.secrets.passwordHash || found.account.disabledAt) return undefined;
      return { schoolId: found.account.schoolId, accountId: found.account.id };
    },

    /** The address an account signs in with, to remind them on the page where they choose a password. */
    async viewerEmail(schoolId: string, accountId: string): Promise<string | undefined> {
      return units.inSchool(schoolId, async (store) => (await store.accounts.find(accountId))?.account.email);
    },

    async recoveryCodesLeft(schoolId: string, accountId: string): Promise<number> {
      return units.inSchool(schoolId, async (store) => (await store.accounts.unusedRecoveryCodes(accountId)).length);
    },

    /** An account for someone of the school, without a password yet (they choose it). */
    async addAccount(schoolId: string, personId: string, email: string, grants: { schoolAdmin?: boolean } = {}) {
      return units.inSchool(schoolId, (store) =>
        store.accounts.add({ personId, email, schoolAdmin: grants.schoolAdmin ?? false }),
      );
    },

    async recordSignOut(viewer: Viewer): Promise<void> {
      await units.inSchool(viewer.school.id, (store) =>
        audit(store, { schoolId: viewer.school.id, actorPersonId: viewer.person.id, action: 'signed_out' }),
      );
    },
  };
}

export type AccessService = ReturnType<typeof createAccessService>;
