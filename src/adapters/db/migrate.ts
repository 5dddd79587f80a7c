// Brings the database schema up to date; run at start and by `footprint migrate`.
import type { Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import type { Config } from '../../config.ts';
import type { Logger } from '../../log.ts';
import type { Database } from './database.ts';
import { migrationProvider } from './migrations/index.ts';
import { openServerDatabase } from './postgres.ts';
import { grantServingRole, servingRole } from './privileges.ts';

export interface MigrationReport {
  applied: string[];
}

export async function migrateToLatest<T>(db: Kysely<T>): Promise<MigrationReport> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results = [] } = await migrator.migrateToLatest();
  const failed = results.find((result) => result.status === 'Error');
  if (error !== undefined) {
    const where = failed ? ` in migration ${failed.migrationName}` : '';
    throw new Error(`The database could not be brought up to date${where}`, { cause: error });
  }
  return { applied: results.filter((result) => result.status === 'Success').map((result) => result.migrationName) };
}

/**
 * Migrates as the tables' owner when one is configured, then grants the serving role exactly its
 * privileges. Without an owner the serving connection migrates, and so owns the tables: row-level
 * security still applies (it is forced), but the role could switch it off, so production says so.
 */
export async function bringUpToDate(
  database: Database,
  config: Pick<Config, 'database' | 'environment'>,
  logger: Logger,
): Promise<MigrationReport> {
  const ownerUrl = config.database.kind === 'postgres' ? config.database.ownerUrl : undefined;
  if (database.kind !== 'postgres' || ownerUrl === undefined) {
    const report = await migrateToLatest(database.db);
    if (database.kind === 'postgres' && config.environment === 'production') {
      logger.warn(
        'Footprint serves as the owner of its tables. Create a role that does not own them, set DATABASE_URL to it and DATABASE_OWNER_URL to the owner: Footprint then grants the serving role only what it needs.',
      );
    }
    return report;
  }
  const serving = await servingRole(database.db);
  const owner = openServerDatabase(ownerUrl, logger);
  let report: MigrationReport;
  try {
    report = await migrateToLatest(owner.db);
    await grantServingRole(owner.db, serving.name);
  } finally {
    await owner.close();
  }
  if ((await servingRole(database.db)).privileged) {
    logger.warn(
      'The role in DATABASE_URL owns tables, is a superuser or bypasses row-level security: give Footprint a role without these, so that the database itself keeps schools apart.',
    );
  }
  return report;
}
