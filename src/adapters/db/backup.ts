// Backups: PGlite's data directory as a gzipped tarball, or PostgreSQL's own custom-format dump.
// The file is written beside its final name and renamed once complete, so a backup is never half there.
import { existsSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { sql } from 'kysely';
import { ownerConnection, type Config } from '../../config.ts';
import { AppError } from '../../errors.ts';
import { openEmbeddedDatabase } from './pglite.ts';
import { runPostgresTool } from './postgres-tools.ts';

export interface BackupReport {
  file: string;
  kind: 'pglite' | 'postgres';
}

export async function backupDatabase(
  config: Pick<Config, 'database' | 'dataDir'>,
  file: string,
): Promise<BackupReport> {
  if (existsSync(file)) {
    throw new AppError(
      'backup_failed',
      `The file ${file} already exists: choose a new name, so no backup is overwritten.`,
    );
  }
  const draft = `${file}.partial`;
  try {
    const database = ownerConnection(config.database);
    if (database.kind === 'postgres') {
      await runPostgresTool(
        'pg_dump',
        database.url,
        ['--format=custom', '--no-owner', '--no-privileges', `--file=${draft}`],
        'backup_failed',
      );
    } else {
      const embedded = await openEmbeddedDatabase({ lockDir: config.dataDir, databaseDir: database.dataDir });
      try {
        await sql`checkpoint`.execute(embedded.db);
        const tarball = await embedded.pglite.dumpDataDir('gzip');
        await writeFile(draft, new Uint8Array(await tarball.arrayBuffer()));
      } finally {
        await embedded.close();
      }
    }
    await rename(draft, file);
    return { file, kind: config.database.kind };
  } finally {
    await rm(draft, { force: true });
  }
}
