// Restores a backup into an empty data directory (PGlite) or an empty database (PostgreSQL).
// It never writes over data: anything already there is a reason to stop.
import { existsSync, readdirSync } from 'node:fs';
import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'kysely';
import { ownerConnection, type Config } from '../../config.ts';
import { AppError } from '../../errors.ts';
import { openEmbeddedDatabase } from './pglite.ts';
import { openServerDatabase } from './postgres.ts';
import { runPostgresTool } from './postgres-tools.ts';
import type { Logger } from '../../log.ts';

type BackupKind = 'pglite' | 'postgres';

export async function restoreDatabase(
  config: Pick<Config, 'database' | 'dataDir'>,
  file: string,
  logger: Logger,
): Promise<void> {
  const kind = await backupKindOf(file);
  if (kind !== config.database.kind) throw mismatch(kind);
  const database = ownerConnection(config.database);
  if (database.kind === 'postgres') {
    await requireEmptyDatabase(database.url, logger);
    await runPostgresTool(
      'pg_restore',
      database.url,
      ['--exit-on-error', '--single-transaction', '--no-owner', '--no-privileges', file],
      'restore_failed',
    );
    return;
  }
  requireEmptyDirectory(config.dataDir);
  const tarball = new Blob([new Uint8Array(await readFile(file))]);
  try {
    const embedded = await openEmbeddedDatabase({
      lockDir: config.dataDir,
      databaseDir: database.dataDir,
      restoreFrom: tarball,
    });
    try {
      await sql`select 1`.execute(embedded.db);
    } finally {
      await embedded.close();
    }
  } catch (error) {
    // The directory was empty before we began: leave it empty again, ready for another try.
    for (const entry of readdirSync(config.dataDir)) await rm(join(config.dataDir, entry), { recursive: true });
    if (error instanceof AppError) throw error;
    throw new AppError('restore_failed', 'The file could not be loaded as a Footprint backup.', [], { cause: error });
  }
}

async function backupKindOf(file: string): Promise<BackupKind> {
  if (!existsSync(file)) throw new AppError('restore_failed', `There is no file ${file}.`);
  const handle = await open(file);
  try {
    const head = Buffer.alloc(262);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    if (bytesRead >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
    if (bytesRead >= 262 && head.toString('latin1', 257, 262) === 'ustar') return 'pglite';
    if (head.toString('latin1', 0, 5) === 'PGDMP') return 'postgres';
  } finally {
    await handle.close();
  }
  throw new AppError('restore_failed', `${file} is not a Footprint backup.`);
}

function mismatch(kind: BackupKind): AppError {
  return new AppError(
    'restore_failed',
    kind === 'postgres'
      ? 'This is a PostgreSQL backup: set DATABASE_URL to the empty database to restore it into.'
      : 'This is a backup of the embedded database: unset DATABASE_URL and set DATA_DIR to an empty directory to restore it.',
  );
}

function requireEmptyDirectory(directory: string): void {
  if (existsSync(directory) && readdirSync(directory).length > 0) {
    throw new AppError(
      'data_directory_not_empty',
      `The data directory ${directory} is not empty: restore only into an empty directory (set DATA_DIR to a new one, or move this one aside).`,
    );
  }
}

async function requireEmptyDatabase(url: string, logger: Logger): Promise<void> {
  const database = openServerDatabase(url, logger);
  try {
    const { rows } = await sql<{ tables: number }>`
      select count(*) as tables from pg_catalog.pg_tables
      where schemaname not in ('pg_catalog', 'information_schema')
    `.execute(database.db);
    if ((rows[0]?.tables ?? 0) > 0) {
      throw new AppError(
        'data_directory_not_empty',
        'The database named by DATABASE_URL is not empty: restore only into a new, empty database.',
      );
    }
  } finally {
    await database.close();
  }
}
