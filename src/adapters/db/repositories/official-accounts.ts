// The register of official accounts, its history, and the escrowed logins (only ever sealed
// here). Also every other sealed secret, read and replaced across schools for a key rotation.
import { sql, type Kysely, type Selectable } from 'kysely';
import { displayName } from '../../../domain/community/people.ts';
import type {
  Audience,
  HistoryEvent,
  HistoryKind,
  Interaction,
  OfficialAccount,
  OfficialAccountStatus,
  Platform,
  RiskAnswers,
  RiskLevel,
} from '../../../domain/registers/official-accounts.ts';
import type {
  NewOfficialAccount,
  NewHistoryEvent,
  OfficialAccountDecision,
  SealedValue,
  StoredLogin,
} from '../../../services/ports.ts';
import type { OfficialAccountTable, Tables } from '../tables.ts';

type Row = Selectable<OfficialAccountTable> & { login_updated_at: Date | null };

function toAccount(row: Row): OfficialAccount {
  const account: OfficialAccount = {
    id: row.id,
    schoolId: row.school_id,
    platform: row.platform as Platform,
    address: row.address,
    purpose: row.purpose,
    audience: row.audience as Audience,
    managerPersonId: row.manager_person_id,
    commentsOn: row.comments_on,
    interaction: row.interaction as Interaction,
    risk: row.risk_answers as RiskAnswers,
    outcome: { level: row.risk_level as RiskLevel, reasons: row.risk_reasons as string[] },
    status: row.status as OfficialAccountStatus,
    requestedBy: row.requested_by,
    requestedAt: row.requested_at,
  };
  if (row.decided_by !== null) account.decidedBy = row.decided_by;
  if (row.decided_at !== null) account.decidedAt = row.decided_at;
  if (row.review_due !== null) account.reviewDue = row.review_due;
  if (row.decline_reason !== null) account.declineReason = row.decline_reason;
  if (row.login_updated_at !== null) account.loginUpdatedAt = row.login_updated_at;
  return account;
}

const withLogin = (db: Kysely<Tables>, schoolId: string) =>
  db
    .selectFrom('official_account as a')
    .leftJoin('official_account_login as l', 'l.account_id', 'a.id')
    .selectAll('a')
    .select('l.deposited_at as login_updated_at')
    .where('a.school_id', '=', schoolId);

const toLogin = (row: {
  school_id: string;
  account_id: string;
  wrapped_key: string;
  ciphertext: string;
  deposited_by: string;
  deposited_at: Date;
}): StoredLogin => ({
  schoolId: row.school_id,
  accountId: row.account_id,
  escrowed: { wrappedKey: row.wrapped_key, ciphertext: row.ciphertext },
  depositedBy: row.deposited_by,
  depositedAt: row.deposited_at,
});

/** One school's officialAccounts, in the unit of work's transaction. */
export function officialAccountsInSchool(db: Kysely<Tables>, schoolId: string) {
  return {
    async add(account: NewOfficialAccount): Promise<OfficialAccount> {
      const row = await db
        .insertInto('official_account')
        .values({
          school_id: schoolId,
          platform: account.platform,
          address: account.address,
          purpose: account.purpose,
          audience: account.audience,
          manager_person_id: account.managerPersonId,
          comments_on: account.commentsOn,
          interaction: account.interaction,
          risk_answers: JSON.stringify(account.risk),
          risk_level: account.outcome.level,
          risk_reasons: JSON.stringify(account.outcome.reasons),
          status: 'requested',
          requested_by: account.requestedBy,
          requested_at: account.at,
          updated_at: account.at,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toAccount({ ...row, login_updated_at: null });
    },

    async find(id: string): Promise<OfficialAccount | undefined> {
      const row = await withLogin(db, schoolId).where('a.id', '=', id).executeTakeFirst();
      return row && toAccount(row);
    },

    async list(): Promise<OfficialAccount[]> {
      const rows = await withLogin(db, schoolId).orderBy('a.requested_at', 'desc').orderBy('a.id').execute();
      return rows.map(toAccount);
    },

    /** Only a request still waiting is decided: false when it was decided already, or is not the school's. */
    async decide(id: string, decision: OfficialAccountDecision): Promise<boolean> {
      const result = await db
        .updateTable('official_account')
        .set({
          status: decision.status,
          decided_by: decision.by,
          decided_at: decision.at,
          review_due: decision.status === 'approved' ? decision.reviewDue : null,
          decline_reason: decision.status === 'declined' ? decision.reason : null,
          updated_at: decision.at,
        })
        .where('school_id', '=', schoolId)
        .where('id', '=', id)
        .where('status', '=', 'requested')
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async addEvent(accountId: string, event: NewHistoryEvent): Promise<void> {
      await db
        .insertInto('official_account_event')
        .values({
          school_id: schoolId,
          account_id: accountId,
          at: event.at,
          kind: event.kind,
          actor_person_id: event.actorPersonId,
          note: event.note ?? null,
        })
        .execute();
    },

    async history(accountId: string): Promise<HistoryEvent[]> {
      const rows = await db
        .selectFrom('official_account_event as e')
        .innerJoin('person as p', 'p.id', 'e.actor_person_id')
        .select(['e.at', 'e.kind', 'e.actor_person_id', 'e.note', 'p.given_name', 'p.family_name', 'p.preferred_name'])
        .where('e.school_id', '=', schoolId)
        .where('e.account_id', '=', accountId)
        .orderBy('e.at')
        .orderBy('e.id')
        .execute();
      return rows.map((row) => ({
        at: row.at,
        kind: row.kind as HistoryKind,
        actorPersonId: row.actor_person_id,
        actorName: displayName({
          givenName: row.given_name,
          familyName: row.family_name,
          preferredName: row.preferred_name ?? undefined,
        }),
        ...(row.note !== null && { note: row.note }),
      }));
    },

    async findLogin(accountId: string): Promise<StoredLogin | undefined> {
      const row = await db
        .selectFrom('official_account_login')
        .selectAll()
        .where('school_id', '=', schoolId)
        .where('account_id', '=', accountId)
        .executeTakeFirst();
      return row && toLogin(row);
    },

    /** Deposits the login, replacing any before it. True when one was replaced. */
    async saveLogin(login: Omit<StoredLogin, 'schoolId'>): Promise<boolean> {
      const values = {
        wrapped_key: login.escrowed.wrappedKey,
        ciphertext: login.escrowed.ciphertext,
        deposited_by: login.depositedBy,
        deposited_at: login.depositedAt,
      };
      const row = await db
        .insertInto('official_account_login')
        .values({ school_id: schoolId, account_id: login.accountId, ...values })
        .onConflict((oc) =>
          oc.column('account_id').doUpdateSet(values).where('official_account_login.school_id', '=', schoolId),
        )
        .returning(sql<boolean>`xmax <> 0`.as('replaced'))
        .executeTakeFirst();
      return row?.replaced ?? false;
    },
  };
}

/** Across every school: officialAccounts, in the unit of work's transaction. */
export function officialAccountsAcrossSchools(db: Kysely<Tables>) {
  return {
    /** Across schools: every escrowed login, for a key rotation. */
    async allLogins(): Promise<StoredLogin[]> {
      const rows = await db.selectFrom('official_account_login').selectAll().orderBy('account_id').execute();
      return rows.map(toLogin);
    },

    /** Across schools: replaces wrapped keys only; the sealed logins stay as they are. */
    async rewrapLogins(updates: readonly { accountId: string; wrappedKey: string }[]): Promise<void> {
      for (const { accountId, wrappedKey } of updates) {
        await db
          .updateTable('official_account_login')
          .set({ wrapped_key: wrappedKey })
          .where('account_id', '=', accountId)
          .execute();
      }
    },
  };
}

/** Across every school: sealedSecrets, in the unit of work's transaction. */
export function sealedSecretsAcrossSchools(db: Kysely<Tables>) {
  return {
    /** Across schools: every other sealed secret, with what it was sealed for. */
    async all(): Promise<SealedValue[]> {
      const accounts = await db
        .selectFrom('account')
        .select(['id', 'school_id', 'totp_secret', 'totp_pending_secret'])
        .where((eb) => eb.or([eb('totp_secret', 'is not', null), eb('totp_pending_secret', 'is not', null)]))
        .orderBy('id')
        .execute();
      const signOns = await db
        .selectFrom('sign_on_setting')
        .select(['school_id', 'client_secret'])
        .orderBy('school_id')
        .execute();
      const found: SealedValue[] = [];
      for (const row of accounts) {
        if (row.totp_secret !== null) {
          found.push({
            kind: 'authenticator',
            schoolId: row.school_id,
            id: row.id,
            associatedData: row.id,
            sealed: row.totp_secret,
          });
        }
        if (row.totp_pending_secret !== null) {
          found.push({
            kind: 'authenticator_pending',
            schoolId: row.school_id,
            id: row.id,
            associatedData: row.id,
            sealed: row.totp_pending_secret,
          });
        }
      }
      for (const row of signOns) {
        found.push({
          kind: 'sign_on',
          schoolId: row.school_id,
          id: row.school_id,
          associatedData: row.school_id,
          sealed: row.client_secret,
        });
      }
      return found;
    },

    /** Across schools: writes each value back where `sealedSecrets` found it. */
    async replace(values: readonly SealedValue[]): Promise<void> {
      for (const value of values) {
        if (value.kind === 'sign_on') {
          await db
            .updateTable('sign_on_setting')
            .set({ client_secret: value.sealed })
            .where('school_id', '=', value.id)
            .execute();
        } else {
          const column = value.kind === 'authenticator' ? 'totp_secret' : 'totp_pending_secret';
          await db
            .updateTable('account')
            .set({ [column]: value.sealed })
            .where('id', '=', value.id)
            .execute();
        }
      }
    },
  };
}
