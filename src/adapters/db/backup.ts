// Backups: PGlite's data directory as a gzipped tarball, or PostgreSQL's own custom-format dump.
// The file is written beside its final name and renamed once complete, so a backup is never half there.
import { existsSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { sql } from 'kysely';
import type { Config } from '../../config.ts';
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
    if (config.database.kind === 'postgres') {
      await runPostgresTool(
        'pg_dump',
        config.database.url,
        ['--format=custom', '--no-owner', '--no-privileges', `--file=${draft}`],
        'backup_failed',
      );
    } else {
      const database = await openEmbeddedDatabase({ lockDir: config.dataDir, databaseDir: config.database.dataDir });
      try {
        await sql`checkpoint`.execute(database.db);
        const tarball = await database.pglite.dumpDataDir('gzip');
        await writeFile(draft, new Uint8Array(await tarball.arrayBuffer()));
      } finally {
        await database.close();
      }
    }
    await rename(draft, file);
    return { file, kind: config.database.kind };
  } finally {
    await rm(draft, { force: true });
  }
}
