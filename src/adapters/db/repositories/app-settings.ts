import type { Kysely } from 'kysely';
import type { Setting } from '../../../domain/setting.ts';
import type { Tables } from '../tables.ts';

type Row = Tables['app_setting'];

function toSetting(row: { key: string; value: unknown; updated_at: Date }): Setting {
  return { key: row.key, value: row.value, updatedAt: row.updated_at };
}

/** Across every school: settings, in the unit of work's transaction. */
export function appSettingsAcrossSchools(db: Kysely<Tables>) {
  return {
    async find(key: Row['key']): Promise<Setting | undefined> {
      const row = await db.selectFrom('app_setting').selectAll().where('key', '=', key).executeTakeFirst();
      return row && toSetting(row);
    },

    async save(key: string, value: unknown, at: Date): Promise<void> {
      const json = JSON.stringify(value);
      await db
        .insertInto('app_setting')
        .values({ key, value: json, updated_at: at })
        .onConflict((conflict) => conflict.column('key').doUpdateSet({ value: json, updated_at: at }))
        .execute();
    },
  };
}
