// Row types of Footprint's tables, as Kysely sees them. They stay inside src/adapters/db:
// repositories map rows to domain types before returning.
import type { ColumnType } from 'kysely';

export interface AppSettingTable {
  key: string;
  /** jsonb: written as JSON text, read back parsed. */
  value: ColumnType<unknown, string, string>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface Tables {
  app_setting: AppSettingTable;
}
