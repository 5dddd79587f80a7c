// The embedded database: PGlite in the data directory, one process and one caller at a time.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, sql } from 'kysely';
import { lockDataDirectory } from './data-directory-lock.ts';
import { oneAtATime } from './one-at-a-time.ts';
import { countingStatements, type StatementCounter } from './statement-count.ts';
import type { Tables } from './tables.ts';
import { scalarParsers } from './type-parsers.ts';

export interface EmbeddedDatabase {
  kind: 'pglite';
  db: Kysely<Tables>;
  pglite: PGlite;
  statements: StatementCounter;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** The data directory that holds the lock; the database files live in `databaseDir` inside or beside it. */
  lockDir: string;
  databaseDir: string;
  /** A tarball from `dumpDataDir`, to restore into an empty directory. */
  restoreFrom?: Blob;
}

export async function openEmbeddedDatabase(options: OpenOptions): Promise<EmbeddedDatabase> {
  const lock = lockDataDirectory(options.lockDir);
  try {
    mkdirSync(options.databaseDir, { recursive: true });
    const pglite = await PGlite.create({
      dataDir: options.databaseDir,
      parsers: Object.fromEntries(scalarParsers),
      ...(options.restoreFrom ? { loadDataDir: options.restoreFrom } : {}),
    });
    const { dialect, counter } = countingStatements(oneAtATime(new PGliteDialect({ pglite })));
    const db = new Kysely<Tables>({ dialect });
    let closed = false;
    return {
      kind: 'pglite',
      db,
      pglite,
      statements: counter,
      async close() {
        if (closed) return;
        closed = true;
        try {
          // fsync is off in PGlite: a checkpoint writes everything to disk before the files are closed.
          if (!pglite.closed) await sql`checkpoint`.execute(db);
          await db.destroy();
          if (!pglite.closed) await pglite.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}
