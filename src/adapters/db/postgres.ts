// PostgreSQL through node-postgres: for production, and for many schools on one server.
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Logger } from '../../log.ts';
import { countingStatements, type StatementCounter } from './statement-count.ts';
import type { Tables } from './tables.ts';
import { arrayElementTypes, mapArray, scalarParsers } from './type-parsers.ts';

export interface ServerDatabase {
  kind: 'postgres';
  db: Kysely<Tables>;
  statements: StatementCounter;
  close(): Promise<void>;
}

type Parser = (text: string) => unknown;

const textArrayTypeId = 1009;

/** node-postgres's own parser for a type; its typings say `any`, so we say what it is. */
function builtInParser(typeId: number, format?: 'text' | 'binary'): Parser {
  return pg.types.getTypeParser(typeId, format) as Parser;
}

function getTypeParser(typeId: number, format?: 'text' | 'binary'): Parser {
  if (format !== 'binary') {
    const scalar = scalarParsers.get(typeId);
    if (scalar) return scalar;
    const elementType = arrayElementTypes.get(typeId);
    const element = elementType === undefined ? undefined : scalarParsers.get(elementType);
    if (element) {
      const parseTextArray = builtInParser(textArrayTypeId);
      return (text) => mapArray(parseTextArray(text), element);
    }
  }
  return builtInParser(typeId, format);
}

export function openServerDatabase(url: string, logger: Logger): ServerDatabase {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    application_name: 'footprint',
    // Sessions run in UTC so that now()::timestamp means the same on every server.
    options: '-c TimeZone=UTC',
    types: { getTypeParser },
  });
  // An idle connection can drop (a server restart, a network blip); the pool replaces it.
  pool.on('error', (error) => logger.warn({ err: error }, 'An idle database connection failed'));
  const { dialect, counter } = countingStatements(new PostgresDialect({ pool }));
  const db = new Kysely<Tables>({ dialect });
  let closed = false;
  return {
    kind: 'postgres',
    db,
    statements: counter,
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}
