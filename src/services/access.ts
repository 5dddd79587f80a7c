// Signing in and who is signed in: passwords, the second factor, recovery codes, and the
// person and permissions behind an account. Every step that matters goes to the audit log in
// the same transaction.
import type { Account } from '../domain/access/account.ts';
import { capabilitiesOf, needsSecondFactor, type Capability } from '../domain/access/capabilities.ts';
import { accessRolesOf, type AccessRole } from '../domain/access/roles.ts';
import { displayName, type Person } from '../domain/community/people.ts';
import type { School } from '../domain/community/school.ts';
import { AppError } from '../errors.ts';
import type { Adapters, Store } from './ports.ts';
import { recordAudit, type AuditNote } from './audit-trail.ts';
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

type Deps = Pick<Adapters, 'store' | 'inTransaction' | 'clock' | 'crypto'>;

export function createAccessService({ store, inTransaction, clock, crypto }: Deps) {
  const audit = (trx: Store, note: AuditNote) => recordAudit(trx, note, clock.now());

  async function rolesOf(account: Account): Promise<{ person: Person; roles: AccessRole[] } | undefined> {
    const person = await store.people.find(account.schoolId, account.personId);
    return person && { person, roles: accessRolesOf(person.roles, { schoolAdmin: account.schoolAdmin }) };
  }

  async function afterFirstStep(account: Account): Promise<PasswordOutcome> {
    const found = await rolesOf(account);
    if (!found) return { outcome: 'refused' };
    const ids = { schoolId: account.schoolId, accountId: account.id };
    if (account.secondFactor) return { outcome: 'code_needed', ...ids };
    if (needsSecondFactor(found.roles)) return { outcome: 'second_factor_setup_needed', ...ids };
    await inTransaction((trx) =>
      audit(trx, { schoolId: account.schoolId, actorPersonId: account.personId, action: 'sign_in' }),
    );
    return { outcome: 'signed_in', ...ids };
  }

  async function accountFor(schoolId: string, accountId: string) {
    const found = await store.accounts.find(schoolId, accountId);
    if (!found || found.account.disabledAt) throw new AppError('not_found');
    return found;
  }

  return {
    /** The first step: email and password. Says nothing about which of the two was wrong. */
    async checkPassword(email: string, password: string): Promise<PasswordOutcome> {
      const found = await store.accounts.findByEmail(email);
      const hash = found?.secrets.passwordHash;
      // Verifying against nothing takes as long as against a hash: the time a refusal takes does
      // not tell an attacker which addresses have accounts.
      const matches = await crypto.passwords.verify(found?.account.disabledAt ? undefined : hash, password);
      if (!found || !hash || found.account.disabledAt) return { outcome: 'refused' };
      if (!matches) {
        await inTransaction((trx) =>
          audit(trx, {
            schoolId: found.account.schoolId,
            actorPersonId: found.account.personId,
            action: 'sign_in_failed',
            details: { step: 'password' },
          }),
        );
        return { outcome: 'refused' };
      }
      return afterFirstStep(found.account);
    },

    /** The second step: a code from the authenticator app, or one of the recovery codes. */
    async checkCode(schoolId: string, accountId: string, typed: string): Promise<boolean> {
      const found = await accountFor(schoolId, accountId);
      const now = clock.now();
      return inTransaction(async (trx) => {
        const { accepted, how } = await checkSecondFactor(trx, crypto, found, typed, now);
        const actorPersonId = found.account.personId;
        if (accepted && how === 'recovery_code')
          await audit(trx, { schoolId, actorPersonId, action: 'recovery_code_used' });
        await audit(trx, {
          schoolId,
          actorPersonId,
          action: accepted ? 'sign_in' : 'sign_in_failed',
          details: { step: 'second_factor', how },
        });
        return accepted;
      });
    },

    /**
     * Checks someone's code again before something sensitive (step-up): replacing their
     * authenticator app, say. A refusal goes on the audit log.
     */
    async confirmIdentity(viewer: Viewer, typed: string): Promise<boolean> {
      const found = await accountFor(viewer.school.id, viewer.account.id);
      const now = clock.now();
      return inTransaction(async (trx) => {
        const { accepted, how } = await checkSecondFactor(trx, crypto, found, typed, now);
        const note = { schoolId: viewer.school.id, actorPersonId: viewer.person.id };
        if (accepted && how === 'recovery_code') await audit(trx, { ...note, action: 'recovery_code_used' });
        if (!accepted) await audit(trx, { ...note, action: 'sign_in_failed', details: { step: 'step_up' } });
        return accepted;
      });
    },

    /**
     * The authenticator key to set up: a new one, kept sealed until a code from it confirms it,
     * or the one already waiting (so reloading the page does not undo a scan).
     */
    async startSecondFactor(schoolId: string, accountId: string): Promise<SecondFactorSetup> {
      const { account, secrets } = await accountFor(schoolId, accountId);
      let secret: string;
      if (secrets.totpPendingSecret) secret = crypto.secrets.open(secrets.totpPendingSecret, account.id);
      else {
        secret = crypto.totp.newSecret();
        const sealed = crypto.secrets.seal(secret, account.id);
        await store.accounts.change(schoolId, accountId, { totpPendingSecret: sealed }, clock.now());
      }
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
      const { account, secrets } = await accountFor(schoolId, accountId);
      if (!secrets.totpPendingSecret) return undefined;
      const secret = crypto.secrets.open(secrets.totpPendingSecret, account.id);
      const now = clock.now();
      const step = crypto.totp.verify(secret, typed.replace(/\s+/g, ''), now, undefined);
      if (step === undefined) return undefined;
      const codes = crypto.recoveryCodes.generate();
      await inTransaction(async (trx) => {
        await trx.accounts.change(
          schoolId,
          accountId,
          { totpSecret: secrets.totpPendingSecret!, totpPendingSecret: null, totpLastStep: step },
          now,
        );
        await trx.accounts.replaceRecoveryCodes(
          schoolId,
          accountId,
          codes.map((code) => code.hash),
        );
        await audit(trx, { schoolId, actorPersonId: account.personId, action: 'second_factor_set_up' });
        await audit(trx, { schoolId, actorPersonId: account.personId, action: 'sign_in' });
      });
      return codes.map((code) => code.code);
    },

    /** Sets a password after checking it; returns the problems instead when it will not do. */
    async setPassword(schoolId: string, accountId: string, password: string): Promise<string[]> {
      const { account } = await accountFor(schoolId, accountId);
      const person = await store.people.find(schoolId, account.personId);
      const problems = crypto.passwords.check(password, {
        email: account.email,
        name: person ? `${person.givenName} ${person.familyName}` : undefined,
      });
      if (problems.length > 0) return problems;
      const passwordHash = await crypto.passwords.hash(password);
      await store.accounts.change(schoolId, accountId, { passwordHash }, clock.now());
      return [];
    },

    /** Whether this account must set up a second factor before it can be used. */
    async needsSecondFactorSetUp(schoolId: string, accountId: string): Promise<boolean> {
      const { account } = await accountFor(schoolId, accountId);
      const found = await rolesOf(account);
      return !account.secondFactor && found !== undefined && needsSecondFactor(found.roles);
    },

    /** The signed-in person behind a session, or undefined if the account is gone or disabled. */
    async viewer(schoolId: string, accountId: string): Promise<Viewer | undefined> {
      const found = await store.accounts.find(schoolId, accountId);
      if (!found || found.account.disabledAt) return undefined;
      const held = await rolesOf(found.account);
      const school = await store.schools.findById(schoolId);
      if (!held || !school) return undefined;
      return {
        account: found.account,
        person: held.person,
        school,
        name: displayName(held.person),
        roles: held.roles,
        capabilities: capabilitiesOf(held.roles),
      };
    },

    /** The account with this email address, if there is one and it has no password yet. */
    async awaitingPassword(email: string): Promise<{ schoolId: string; accountId: string } | undefined> {
      const found = await store.accounts.findByEmail(email);
      if (!found || found.secrets.passwordHash || found.account.disabledAt) return undefined;
      return { schoolId: found.account.schoolId, accountId: found.account.id };
    },

    /** The address an account signs in with, to remind them on the page where they choose a password. */
    async viewerEmail(schoolId: string, accountId: string): Promise<string | undefined> {
      return (await store.accounts.find(schoolId, accountId))?.account.email;
    },

    async recoveryCodesLeft(schoolId: string, accountId: string): Promise<number> {
      return (await store.accounts.unusedRecoveryCodes(schoolId, accountId)).length;
    },

    /** An account for someone of the school, without a password yet (they choose it). */
    async addAccount(schoolId: string, personId: string, email: string, grants: { schoolAdmin?: boolean } = {}) {
      return store.accounts.add(schoolId, { personId, email, schoolAdmin: grants.schoolAdmin ?? false });
    },

    async recordSignOut(viewer: Viewer): Promise<void> {
      await inTransaction((trx) =>
        audit(trx, { schoolId: viewer.school.id, actorPersonId: viewer.person.id, action: 'signed_out' }),
      );
    },
  };
}

export type AccessService = ReturnType<typeof createAccessService>;
