// Schools' single sign-on settings. The client secret stays sealed here; only the service opens it.
import type { Kysely, Selectable } from 'kysely';
import type { SignOnProvider, SignOnSetting } from '../../../domain/access/sign-on.ts';
import type { StoredSignOn } from '../../../services/ports.ts';
import type { SignOnSettingTable, Tables } from '../tables.ts';

function toStored(row: Selectable<SignOnSettingTable>): StoredSignOn {
  const setting: SignOnSetting = {
    provider: row.provider as SignOnProvider,
    clientId: row.client_id,
    emailDomain: row.email_domain,
  };
  if (row.tenant_id !== null) setting.tenantId = row.tenant_id;
  return { schoolId: row.school_id, setting, issuer: row.issuer, sealedSecret: row.client_secret };
}

/** One school's signOn, in the unit of work's transaction. */
export function signOnInSchool(db: Kysely<Tables>, schoolId: string) {
  return {
    async find(): Promise<StoredSignOn | undefined> {
      const row = await db
        .selectFrom('sign_on_setting')
        .selectAll()
        .where('school_id', '=', schoolId)
        .executeTakeFirst();
      return row && toStored(row);
    },

    async save(stored: StoredSignOn, at: Date): Promise<void> {
      const values = {
        provider: stored.setting.provider,
        tenant_id: stored.setting.tenantId ?? null,
        issuer: stored.issuer,
        client_id: stored.setting.clientId,
        client_secret: stored.sealedSecret,
        email_domain: stored.setting.emailDomain,
        updated_at: at,
      };
      await db
        .insertInto('sign_on_setting')
        .values({ school_id: stored.schoolId, ...values })
        .onConflict((oc) => oc.column('school_id').doUpdateSet(values))
        .execute();
    },

    async remove(): Promise<void> {
      await db.deleteFrom('sign_on_setting').where('school_id', '=', schoolId).execute();
    },
  };
}

/** Across every school: signOn, in the unit of work's transaction. */
export function signOnAcrossSchools(db: Kysely<Tables>) {
  return {
    async findByDomain(domain: string): Promise<StoredSignOn | undefined> {
      const row = await db
        .selectFrom('sign_on_setting')
        .selectAll()
        .where('email_domain', '=', domain.toLowerCase())
        .executeTakeFirst();
      return row && toStored(row);
    },
  };
}
