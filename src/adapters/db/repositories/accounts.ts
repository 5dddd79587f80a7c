// Accounts and their recovery codes. Every query names the school, except the one a sign-in
// starts with: finding an account by its email address, which is unique across Footprint.
import type { Kysely, Selectable } from 'kysely';
import type { Account, AccountSecrets } from '../../../domain/access/account.ts';
import type { Person } from '../../../domain/community/people.ts';
import type { School } from '../../../domain/community/school.ts';
import type { NewAccount, Page } from '../../../services/ports.ts';
import { peopleByIds } from './people.ts';
import { toSchool } from './schools.ts';
import type { AccountTable, Tables } from '../tables.ts';

function toAccount(row: Selectable<AccountTable>): Account {
  const account: Account = {
    id: row.id,
    schoolId: row.school_id,
    personId: row.person_id,
    email: row.email,
    hasPassword: row.password_hash !== null,
    secondFactor: row.totp_secret !== null,
    schoolAdmin: row.school_admin,
  };
  if (row.disabled_at) account.disabledAt = row.disabled_at;
  return account;
}

function toSecrets(row: Selectable<AccountTable>): AccountSecrets {
  const secrets: AccountSecrets = {};
  if (row.password_hash !== null) secrets.passwordHash = row.password_hash;
  if (row.totp_secret !== null) secrets.totpSecret = row.totp_secret;
  if (row.totp_pending_secret !== null) secrets.totpPendingSecret = row.totp_pending_secret;
  if (row.totp_last_step !== null) secrets.totpLastStep = row.totp_last_step;
  return secrets;
}

type AccountChange = Partial<{
  passwordHash: string;
  totpSecret: string | null;
  totpPendingSecret: string | null;
  totpLastStep: number | null;
  schoolAdmin: boolean;
  disabledAt: Date | null;
}>;

/** One school's accounts, in the unit of work's transaction. */
export function accountsInSchool(db: Kysely<Tables>, schoolId: string) {
  return {
    async add(account: NewAccount): Promise<Account> {
      const row = await db
        .insertInto('account')
        .values({
          school_id: schoolId,
          person_id: account.personId,
          email: account.email.toLowerCase(),
          password_hash: account.passwordHash ?? null,
          school_admin: account.schoolAdmin ?? false,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toAccount(row);
    },

    async find(id: string): Promise<{ account: Account; secrets: AccountSecrets } | undefined> {
      const row = await db
        .selectFrom('account')
        .selectAll()
        .where('school_id', '=', schoolId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && { account: toAccount(row), secrets: toSecrets(row) };
    },

    /** The account with its person (roles included) and its school: what a request's viewer is built from. */
    async holder(id: string): Promise<{ account: Account; person: Person; school: School } | undefined> {
      const row = await db
        .selectFrom('account')
        .selectAll()
        .where('school_id', '=', schoolId)
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) return undefined;
      const [[person], school] = await Promise.all([
        peopleByIds(db, schoolId, [row.person_id]),
        db.selectFrom('school').selectAll().where('id', '=', schoolId).executeTakeFirst(),
      ]);
      return person && school && { account: toAccount(row), person, school: toSchool(school) };
    },

    async ofPerson(personId: string): Promise<Account | undefined> {
      const row = await db
        .selectFrom('account')
        .selectAll()
        .where('school_id', '=', schoolId)
        .where('person_id', '=', personId)
        .executeTakeFirst();
      return row && toAccount(row);
    },

    /** Every account of the school with the person it belongs to, roles included. */
    async holders(): Promise<{ account: Account; person: Person }[]> {
      const rows = await db.selectFrom('account').selectAll().where('school_id', '=', schoolId).execute();
      const people = new Map(
        (
          await peopleByIds(
            db,
            schoolId,
            rows.map((row) => row.person_id),
          )
        ).map((person) => [person.id, person]),
      );
      return rows.flatMap((row) => {
        const person = people.get(row.person_id);
        return person ? [{ account: toAccount(row), person }] : [];
      });
    },

    async change(id: string, change: AccountChange, at: Date): Promise<void> {
      await db
        .updateTable('account')
        .set({
          ...(change.passwordHash !== undefined && { password_hash: change.passwordHash }),
          ...(change.totpSecret !== undefined && { totp_secret: change.totpSecret }),
          ...(change.totpPendingSecret !== undefined && { totp_pending_secret: change.totpPendingSecret }),
          ...(change.totpLastStep !== undefined && { totp_last_step: change.totpLastStep }),
          ...(change.schoolAdmin !== undefined && { school_admin: change.schoolAdmin }),
          ...(change.disabledAt !== undefined && { disabled_at: change.disabledAt }),
          updated_at: at,
        })
        .where('school_id', '=', schoolId)
        .where('id', '=', id)
        .execute();
    },

    /**
     * Records that a code from this time step was used, only if no code from it or a later step
     * was: one statement, so two sign-ins racing with the same code cannot both succeed.
     */
    async acceptTotpStep(id: string, step: number): Promise<boolean> {
      const result = await db
        .updateTable('account')
        .set({ totp_last_step: step })
        .where('school_id', '=', schoolId)
        .where('id', '=', id)
        .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async replaceRecoveryCodes(accountId: string, hashes: readonly string[]): Promise<void> {
      await db
        .deleteFrom('recovery_code')
        .where('school_id', '=', schoolId)
        .where('account_id', '=', accountId)
        .execute();
      if (hashes.length === 0) return;
      await db
        .insertInto('recovery_code')
        .values(hashes.map((code_hash) => ({ school_id: schoolId, account_id: accountId, code_hash })))
        .execute();
    },

    /** Marks a recovery code used, if it is this account's and unused; says whether it was. */
    async useRecoveryCode(accountId: string, hash: string, at: Date): Promise<boolean> {
      const result = await db
        .updateTable('recovery_code')
        .set({ used_at: at })
        .where('school_id', '=', schoolId)
        .where('account_id', '=', accountId)
        .where('code_hash', '=', hash)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async unusedRecoveryCodes(accountId: string): Promise<string[]> {
      const rows = await db
        .selectFrom('recovery_code')
        .select('code_hash')
        .where('school_id', '=', schoolId)
        .where('account_id', '=', accountId)
        .where('used_at', 'is', null)
        .execute();
      return rows.map((row) => row.code_hash);
    },

    /** One school's accounts, in order of email address, a page at a time, each with its person. */
    async list(page: { limit: number; offset: number }): Promise<Page<{ account: Account; person: Person }>> {
      const [rows, count] = await Promise.all([
        db
          .selectFrom('account')
          .selectAll()
          .where('school_id', '=', schoolId)
          .orderBy('email')
          .limit(page.limit)
          .offset(page.offset)
          .execute(),
        db
          .selectFrom('account')
          .select((eb) => eb.fn.countAll<number>().as('count'))
          .where('school_id', '=', schoolId)
          .executeTakeFirstOrThrow(),
      ]);
      const people = new Map(
        (
          await peopleByIds(
            db,
            schoolId,
            rows.map((row) => row.person_id),
          )
        ).map((person) => [person.id, person]),
      );
      const items = rows.flatMap((row) => {
        const person = people.get(row.person_id);
        return person ? [{ account: toAccount(row), person }] : [];
      });
      return { items, total: Number(count.count) };
    },
  };
}

/** Across every school: accounts, in the unit of work's transaction. */
export function accountsAcrossSchools(db: Kysely<Tables>) {
  return {
    async findByEmail(email: string): Promise<{ account: Account; secrets: AccountSecrets } | undefined> {
      const row = await db
        .selectFrom('account')
        .selectAll()
        .where('email', '=', email.toLowerCase())
        .executeTakeFirst();
      return row && { account: toAccount(row), secrets: toSecrets(row) };
    },
  };
}
