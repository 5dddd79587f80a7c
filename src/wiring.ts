// The one place where adapters are chosen and connected to services:
// createAdapters(config) → createServices(adapters) → buildApp(services) or a command.
import { createFeedReader } from './adapters/feeds/index.ts';
import { join } from 'node:path';
import { sql } from 'kysely';
import { backupDatabase, type BackupReport } from './adapters/db/backup.ts';
import { openDatabase } from './adapters/db/database.ts';
import { bringUpToDate, type MigrationReport } from './adapters/db/migrate.ts';
import { restoreDatabase } from './adapters/db/restore.ts';
import { createCryptography } from './adapters/crypto/index.ts';
import { createEvidenceStore } from './adapters/files/evidence-store.ts';
import { createOidcSignOn } from './adapters/identity/oidc.ts';
import { createMailer, type SentMessage } from './adapters/mail/index.ts';
import { createPdfPrinter } from './adapters/pdf/index.ts';
import { createLetterPrinter } from './adapters/pdf/letter.ts';
import { createJobQueue, jobDatabaseOf } from './adapters/jobs/pg-boss.ts';
import { filePolicyLibrary } from './adapters/policy-files/index.ts';
import { publicationNotices } from './adapters/db/publication-notices.ts';
import { unitsOfWork } from './adapters/db/units-of-work.ts';
import type { Config } from './config.ts';
import type { Logger } from './log.ts';
import type { Adapters, JobQueue } from './services/ports.ts';

export { createServices, type Services } from './services/index.ts';
/** The policy library (our model policy and the encoded published ones), read from policies/. */
export { loadPolicy, librarySlugs } from './adapters/policy-files/index.ts';
export type { BackupReport, MigrationReport, SentMessage };

export interface RunningAdapters extends Adapters {
  /** Which database this is: the embedded one, or a PostgreSQL server. */
  databaseKind: 'pglite' | 'postgres';
  /** Statements sent to the database since it opened, transaction control included: for benchmarks. */
  statementsSent(this: void): number;
  migrate(): Promise<MigrationReport>;
  /** The development outbox's messages, oldest first; undefined when mail goes to an SMTP server. */
  outbox(): readonly SentMessage[] | undefined;
  /** The background job queue; started by the server, stopped (if started) by `close`. */
  jobs: JobQueue;
  /** Closes the database cleanly (a checkpoint first, on PGlite) and releases the data directory. */
  close(): Promise<void>;
}

export async function createAdapters(config: Config, logger: Logger): Promise<RunningAdapters> {
  const database = await openDatabase(config, logger);
  const { db } = database;
  const mailer = createMailer(config, logger);
  const jobs = createJobQueue(jobDatabaseOf(database, config), logger);
  const publications = publicationNotices(
    database,
    config.database.kind === 'postgres' ? config.database.url : undefined,
    logger,
  );
  return {
    databaseKind: database.kind,
    statementsSent: () => database.statements.sent,
    units: unitsOfWork(db),
    policyLibrary: filePolicyLibrary(),
    publications,
    database: {
      ping: async () => {
        await sql`select 1`.execute(db);
      },
    },
    clock: { now: () => new Date() },
    crypto: createCryptography(config),
    mailer,
    singleSignOn: createOidcSignOn(),
    policyPrinter: createPdfPrinter(),
    letterPrinter: createLetterPrinter(),
    evidence: createEvidenceStore(join(config.dataDir, 'evidence')),
    feeds: createFeedReader(),
    baseUrl: config.baseUrl,
    migrate: () => bringUpToDate(database, config, logger),
    outbox: () => (mailer.kind === 'outbox' ? mailer.outbox() : undefined),
    jobs,
    close: async () => {
      try {
        await jobs.stop();
        await mailer.close();
        await publications.close();
      } finally {
        await database.close();
      }
    },
  };
}

export function backup(config: Config, file: string): Promise<BackupReport> {
  return backupDatabase(config, file);
}

export function restore(config: Config, file: string, logger: Logger): Promise<void> {
  return restoreDatabase(config, file, logger);
}
