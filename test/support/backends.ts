// The databases that integration suites run on: PGlite always, PostgreSQL when TEST_DATABASE_URL
// is set. Each `open()` gives a fresh, empty database: a temporary PGlite directory, or a new
// PostgreSQL database, so that test files can run in parallel.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, it } from 'vitest';
import { loadConfig, type Config } from '../../src/config.ts';
import { postgresAvailable, servingRoleAvailable } from './environment.ts';

export type BackendName = 'pglite' | 'postgres';

export interface TestDatabase {
  config: Config;
  /** Removes the directory or drops the database. */
  destroy(): Promise<void>;
}

export interface Backend {
  name: BackendName;
  /** A fresh database; `env` adds settings to the test configuration. */
  open(env?: Record<string, string>): Promise<TestDatabase>;
}

export function testConfig(env: Record<string, string>): Config {
  return loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0', ...env });
}

const pglite: Backend = {
  name: 'pglite',
  async open(env = {}) {
    const dataDir = await mkdtemp(join(tmpdir(), 'footprint-test-'));
    return {
      config: testConfig({ ...env, DATA_DIR: dataDir }),
      destroy: () => rm(dataDir, { recursive: true, force: true }),
    };
  },
};

const postgres: Backend = {
  name: 'postgres',
  async open(env = {}) {
    const url = await createDatabase();
    const dataDir = await mkdtemp(join(tmpdir(), 'footprint-test-'));
    // As in production: served by a role that does not own the tables, migrated by one that does.
    const serving = servingUrl(url);
    return {
      config: testConfig({
        ...env,
        DATA_DIR: dataDir,
        DATABASE_URL: serving ?? url,
        ...(serving ? { DATABASE_OWNER_URL: url } : {}),
      }),
      destroy: async () => {
        await dropDatabase(url);
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  },
};

/** The settings a child Footprint needs to reach the same database. */
export function environmentFor(config: Config): Record<string, string> {
  if (config.database.kind !== 'postgres') return { DATA_DIR: config.dataDir };
  const { url, ownerUrl } = config.database;
  return { DATA_DIR: config.dataDir, DATABASE_URL: url, ...(ownerUrl ? { DATABASE_OWNER_URL: ownerUrl } : {}) };
}

/** Runs `suite` once per backend; a PostgreSQL variant that cannot run shows as a skipped test. */
export function describeEachBackend(title: string, suite: (backend: Backend) => void): void {
  describe(`${title} (pglite)`, () => suite(pglite));
  if (postgresAvailable()) {
    describe(`${title} (postgres)`, () => suite(postgres));
  } else {
    describe(`${title} (postgres)`, () => it.skip('needs TEST_DATABASE_URL', () => undefined));
  }
}

export const backends = { pglite, postgres };

async function withAdminClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createDatabase(): Promise<string> {
  const name = `footprint_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient((client) => client.query(`create database ${name}`));
  const url = new URL(process.env.TEST_DATABASE_URL ?? '');
  url.pathname = `/${name}`;
  return url.href;
}

/** The same database, reached as TEST_DATABASE_SERVING_URL's role, when one is given. */
function servingUrl(url: string): string | undefined {
  if (!servingRoleAvailable()) return undefined;
  const serving = new URL(process.env.TEST_DATABASE_SERVING_URL ?? '');
  serving.pathname = new URL(url).pathname;
  return serving.href;
}

export async function dropDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  // A serving-role connection just closed may linger on the server for a moment; the owner may not
  // end another role's session, so it waits for it to go rather than fail the run.
  for (let attempt = 1; ; attempt += 1) {
    try {
      await withAdminClient((client) => client.query(`drop database if exists ${name} with (force)`));
      return;
    } catch (error) {
      const lingering = (error as { code?: string }).code === '42501';
      if (!lingering || attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
