// Per-file fixtures: each opens something real before the file's tests and closes it after,
// and hands the tests a getter. Later fixtures close first (Vitest runs after-hooks as a stack).
import { afterAll, beforeAll } from 'vitest';
import { openDatabase, type Database } from '../../src/adapters/db/database.ts';
import { ownerConnection } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { createAdapters, type RunningAdapters } from '../../src/wiring.ts';
import type { AppOptions } from '../../src/web/app.ts';
import { startTestApp, type TestApp } from './app.ts';
import type { Backend, TestDatabase } from './backends.ts';

function fixture<T>(open: () => Promise<T>, close: (value: T) => Promise<void>): () => T {
  let value: T | undefined;
  beforeAll(async () => {
    value = await open();
  });
  afterAll(async () => {
    if (value !== undefined) await close(value);
  });
  return () => {
    if (value === undefined) throw new Error('The fixture did not open');
    return value;
  };
}

/** A fresh, empty database of this backend, with any extra settings. */
export function useTestDatabase(backend: Backend, env?: Record<string, string>): () => TestDatabase {
  return fixture(
    () => backend.open(env),
    (database) => database.destroy(),
  );
}

/** The database adapter itself (Kysely over PGlite or pg), not migrated, as the tables' owner. */
export function useDatabase(backend: Backend): () => Database {
  const testDatabase = useTestDatabase(backend);
  const asOwner = () => ({ ...testDatabase().config, database: ownerConnection(testDatabase().config.database) });
  return fixture(
    () => openDatabase(asOwner(), createLogger(testDatabase().config)),
    (database) => database.close(),
  );
}

/** All the adapters, on a migrated database. */
export function useAdapters(backend: Backend): () => RunningAdapters {
  const testDatabase = useTestDatabase(backend);
  return fixture(
    async () => {
      const adapters = await createAdapters(testDatabase().config, createLogger(testDatabase().config));
      await adapters.migrate();
      return adapters;
    },
    (adapters) => adapters.close(),
  );
}

/**
 * The whole app (real services, templates, plugins) on a migrated database, for inject(),
 * with any extra routes a test needs on the website or the API (under /api/v1).
 */
export function useTestApp(
  backend: Backend,
  extraRoutes?: AppOptions['extraRoutes'],
  env?: Record<string, string>,
): () => TestApp {
  const testDatabase = useTestDatabase(backend, env);
  return fixture(
    () => startTestApp(testDatabase(), extraRoutes),
    (testApp) => testApp.close(),
  );
}
