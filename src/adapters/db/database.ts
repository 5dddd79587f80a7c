// Opens the database the configuration names: PGlite in the data directory, or PostgreSQL.
import type { Config } from '../../config.ts';
import type { Logger } from '../../log.ts';
import { openEmbeddedDatabase, type EmbeddedDatabase } from './pglite.ts';
import { openServerDatabase, type ServerDatabase } from './postgres.ts';

export type Database = EmbeddedDatabase | ServerDatabase;

export async function openDatabase(config: Pick<Config, 'database' | 'dataDir'>, logger: Logger): Promise<Database> {
  if (config.database.kind === 'postgres') return openServerDatabase(config.database.url, logger);
  return openEmbeddedDatabase({ lockDir: config.dataDir, databaseDir: config.database.dataDir });
}
