// The databases that integration suites run on: PGlite always, PostgreSQL when TEST_DATABASE_URL
// is set. Each `open()` gives a fresh database of its own, so that test files can run in parallel:
// a temporary PGlite directory, or a new PostgreSQL database.
//
// Creating a PGlite cluster takes seconds and migrating a database about one more, for each of
// well over a hundred databases a run. So each backend migrates one template database per run, as
// the app migrates (createAdapters(config).migrate(), grants included), and `open()` copies it;
// `empty` gives a database never migrated, for the tests of migrating and restoring themselves.
import { createHash, randomBytes } from 'node:crypto';
import { constants, existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { describe, it } from 'vitest';
import { loadConfig, type Config } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { createAdapters } from '../../src/wiring.ts';
import { postgresAvailable, servingRoleAvailable } from './environment.ts';

export type BackendName = 'pglite' | 'postgres';

export interface TestDatabase {
  config: Config;
  /** Removes the directory or drops the database. */
  destroy(): Promise<void>;
}

export interface Backend {
  name: BackendName;
  /** A fresh database, already migrated unless this is `empty`; `env` adds settings to the test configuration. */
  open(env?: Record<string, string>): Promise<TestDatabase>;
  /** The same backend, whose databases are fresh and never migrated. */
  readonly empty: Backend;
}

export function testConfig(env: Record<string, string>): Config {
  return loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0', ...env });
}

function backend(name: BackendName, open: (env: Record<string, string>, migrated: boolean) => Promise<TestDatabase>) {
  const empty: Backend = {
    name,
    open: (env = {}) => open(env, false),
    get empty(): Backend {
      return empty;
    },
  };
  return { name, open: (env = {}) => open(env, true), empty } satisfies Backend;
}

const pglite = backend('pglite', async (env, migrated) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'footprint-test-'));
  const destroy = () => rm(dataDir, { recursive: true, force: true });
  try {
    if (migrated) await copyPgliteTemplate(dataDir);
    return { config: testConfig({ ...env, DATA_DIR: dataDir }), destroy };
  } catch (error) {
    await destroy();
    throw error;
  }
});

const postgres = backend('postgres', async (env, migrated) => {
  const url = await createDatabase(migrated ? await postgresTemplate() : undefined);
  const dataDir = await mkdtemp(join(tmpdir(), 'footprint-test-'));
  return {
    config: postgresConfig(url, dataDir, env),
    destroy: async () => {
      await dropDatabase(url);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
});

/** As in production: served by a role that does not own the tables, migrated by one that does. */
function postgresConfig(url: string, dataDir: string, env: Record<string, string> = {}): Config {
  const serving = servingUrl(url);
  return testConfig({
    ...env,
    DATA_DIR: dataDir,
    DATABASE_URL: serving ?? url,
    ...(serving ? { DATABASE_OWNER_URL: url } : {}),
  });
}

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

/**
 * Puts a copy of the migrated PGlite template in this data directory, for a Footprint about to
 * start on it as on a fresh install; does nothing if a database is there already.
 */
export async function copyPgliteTemplate(dataDir: string): Promise<void> {
  const { database } = testConfig({ DATA_DIR: dataDir });
  if (database.kind !== 'pglite') throw new Error('Only an embedded database is copied from the template');
  if (existsSync(database.dataDir)) return;
  // A clone where the file system can, a copy where it cannot.
  await cp(await pgliteTemplate(), database.dataDir, { recursive: true, mode: constants.COPYFILE_FICLONE });
}

/** Builds whichever templates this run needs that are not there yet; Vitest's global setup calls it. */
export async function prepareTemplates(): Promise<void> {
  await pgliteTemplate();
  if (process.env.TEST_DATABASE_URL) await postgresTemplate();
}

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * What a migrated database follows from: the migrations and the code that runs and grants them,
 * the versions of the libraries storing it, and `more`. A template is found again by this key, so
 * it is rebuilt whenever any of them changes.
 */
async function templateKey(more: string): Promise<string> {
  const hash = createHash('sha256').update(more);
  const migrations = 'src/adapters/db/migrations';
  const files = [
    ...(await readdir(join(projectRoot, migrations))).sort().map((name) => `${migrations}/${name}`),
    'src/adapters/db/migrate.ts',
    'src/adapters/db/privileges.ts',
  ];
  for (const file of files) hash.update(file).update(await readFile(join(projectRoot, file)));
  for (const library of ['@electric-sql/pglite', 'kysely']) {
    const { version } = JSON.parse(
      await readFile(join(projectRoot, 'node_modules', library, 'package.json'), 'utf8'),
    ) as { version: string };
    hash.update(`${library}@${version}`);
  }
  return hash.digest('hex').slice(0, 16);
}

/** Once per process: the global setup has usually built it already, and then this only finds it. */
function once(build: () => Promise<string>): () => Promise<string> {
  let built: Promise<string> | undefined;
  return () =>
    (built ??= build().catch((error: unknown) => {
      built = undefined;
      throw error;
    }));
}

async function migrate(config: Config): Promise<void> {
  const adapters = await createAdapters(config, createLogger(config));
  try {
    await adapters.migrate();
  } finally {
    // On PGlite this checkpoints, so that the files copied hold everything.
    await adapters.close();
  }
}

/** The template's database files, kept with the other build caches and so cleared by `npm ci`. */
const pgliteTemplate = once(async () => {
  const cache = join(projectRoot, 'node_modules/.cache/footprint-tests');
  const template = join(cache, `pglite-${await templateKey('pglite')}`);
  if (existsSync(template)) return template;
  await mkdir(cache, { recursive: true });
  const building = await mkdtemp(`${template}.building-`);
  try {
    const config = testConfig({ DATA_DIR: building });
    await migrate(config);
    // Moved into place whole, so a template is never seen half built. Only the database files
    // move: the data directory's lock and key stay behind. Another process may have won the race.
    if (config.database.kind !== 'pglite') throw new Error('The PGlite template needs an embedded database');
    await rename(config.database.dataDir, template).catch((error: unknown) => {
      if (!existsSync(template)) throw error;
    });
  } finally {
    await rm(building, { recursive: true, force: true });
  }
  return template;
});

/**
 * The name of a PostgreSQL database migrated as the app migrates it, owner and grants to the
 * serving role included, that nobody may connect to: CREATE DATABASE … TEMPLATE refuses a
 * template anyone is connected to, and no one can change it.
 */
const postgresTemplate = once(async () => {
  const serving = process.env.TEST_DATABASE_SERVING_URL;
  const roles = `${adminUrl().username} ${serving ? new URL(serving).username : ''}`;
  const template = `footprint_template_${await templateKey(`postgres ${roles}`)}`;
  const found = await withAdminClient((client) =>
    client.query('select 1 from pg_database where datname = $1', [template]),
  );
  if (found.rowCount) return template;
  const building = await createDatabase(undefined, `${template}_${randomBytes(4).toString('hex')}`);
  const name = databaseName(building);
  const dataDir = await mkdtemp(join(tmpdir(), 'footprint-template-'));
  try {
    await migrate(postgresConfig(building, dataDir));
    await withAdminClient((client) => client.query(`alter database ${name} with allow_connections false`));
    // Renamed into place whole, once the serving role's sessions have gone (as in dropDatabase).
    await whileInUse('55006', () =>
      withAdminClient((client) => client.query(`alter database ${name} rename to ${template}`)),
    );
  } catch (error) {
    await dropDatabase(building);
    // Another process may have won the race.
    if ((error as { code?: string }).code !== '42P04') throw error;
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
  return template;
});

function adminUrl(): URL {
  return new URL(process.env.TEST_DATABASE_URL ?? '');
}

function databaseName(url: string): string {
  return new URL(url).pathname.slice(1);
}

async function withAdminClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A new database owned by TEST_DATABASE_URL's role: empty, or a copy of `template`. */
export async function createDatabase(
  template?: string,
  name = `footprint_test_${randomBytes(6).toString('hex')}`,
): Promise<string> {
  await withAdminClient((client) => client.query(`create database ${name}${template ? ` template ${template}` : ''}`));
  const url = adminUrl();
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
  const name = databaseName(url);
  // A serving-role connection just closed may linger on the server for a moment; the owner may not
  // end another role's session, so it waits for it to go rather than fail the run.
  await whileInUse('42501', () =>
    withAdminClient((client) => client.query(`drop database if exists ${name} with (force)`)),
  );
}

/** Runs `work` again while it fails with `code`, for up to five seconds. */
async function whileInUse<T>(code: string, work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if ((error as { code?: string }).code !== code || attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
