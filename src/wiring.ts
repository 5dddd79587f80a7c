// The one place where adapters are chosen and connected to services:
// createAdapters(config) → createServices(adapters) → buildApp(services) or a command.
import { sql } from 'kysely';
import { backupDatabase, type BackupReport } from './adapters/db/backup.ts';
import { openDatabase } from './adapters/db/database.ts';
import { migrateToLatest, type MigrationReport } from './adapters/db/migrate.ts';
import { restoreDatabase } from './adapters/db/restore.ts';
import { createCryptography } from './adapters/crypto/index.ts';
import { filePolicyLibrary } from './adapters/policy-files/index.ts';
import { storeFor } from './adapters/db/store.ts';
import type { Config } from './config.ts';
import type { Logger } from './log.ts';
import type { Adapters } from './services/ports.ts';

export { createServices, type Services } from './services/index.ts';
/** The policy library (our model policy and the encoded published ones), read from policies/. */
export { loadPolicy, librarySlugs } from './adapters/policy-files/index.ts';
export type { BackupReport, MigrationReport };

export interface RunningAdapters extends Adapters {
  /** Which database this is: the embedded one, or a PostgreSQL server. */
  databaseKind: 'pglite' | 'postgres';
  migrate(): Promise<MigrationReport>;
  /** Closes the database cleanly (a checkpoint first, on PGlite) and releases the data directory. */
  close(): Promise<void>;
}

export async function createAdapters(config: Config, logger: Logger): Promise<RunningAdapters> {
  const database = await openDatabase(config, logger);
  const { db } = database;
  return {
    databaseKind: database.kind,
    store: storeFor(db),
    policyLibrary: filePolicyLibrary(),
    inTransaction: (work) => db.transaction().execute((trx) => work(storeFor(trx))),
    database: {
      ping: async () => {
        await sql`select 1`.execute(db);
      },
    },
    clock: { now: () => new Date() },
    crypto: createCryptography(config),
    migrate: () => migrateToLatest(db),
    close: () => database.close(),
  };
}

export function backup(config: Config, file: string): Promise<BackupReport> {
  return backupDatabase(config, file);
}

export function restore(config: Config, file: string, logger: Logger): Promise<void> {
  return restoreDatabase(config, file, logger);
}
