// Every migration, in order. Add new ones at the end; never rename or edit one that has shipped.
import type { Migration, MigrationProvider } from 'kysely/migration';
import * as appSetting from './0001-app-setting.ts';
import * as community from './0002-community.ts';

export const migrations: Readonly<Record<string, Migration>> = {
  '0001-app-setting': appSetting,
  '0002-community': community,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};
