// The job queue: pg-boss, on PostgreSQL and on the embedded PGlite alike. On PGlite it shares the
// app's one database: PGlite runs each statement (and each of pg-boss's own BEGIN … COMMIT blocks)
// under its own lock, and waits while the app holds a transaction, so the two never interleave.
// On PostgreSQL, with a separate owner, the owner installs pg-boss's schema and grants the serving
// role what it needs, as the app's own migrations do.
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { PgBoss, fromPglite } from 'pg-boss';
import type { Config } from '../../config.ts';
import type { Logger } from '../../log.ts';
import type { Database } from '../db/database.ts';
import type { JobPlan, JobQueue } from '../../services/ports.ts';

export type JobDatabase = { kind: 'pglite'; pglite: PGlite } | { kind: 'postgres'; url: string; ownerUrl?: string };

/** The queue lives in the app's own database: PGlite's one connection, or the same PostgreSQL database. */
export function jobDatabaseOf(database: Database, config: Pick<Config, 'database'>): JobDatabase {
  if (database.kind === 'pglite') return { kind: 'pglite', pglite: database.pglite };
  if (config.database.kind !== 'postgres') throw new Error('A PostgreSQL database needs a PostgreSQL configuration');
  const { url, ownerUrl } = config.database;
  return { kind: 'postgres', url, ...(ownerUrl !== undefined && { ownerUrl }) };
}

const schema = 'pgboss';
/** Long enough for a run to finish its emails; a run still going after this is tried again. */
const runLimitSeconds = 15 * 60;
const stopWaitMs = 3000;

const queueOptions = {
  retryLimit: 3,
  retryDelay: 60,
  retryBackoff: true,
  expireInSeconds: runLimitSeconds,
} as const;

/** pg-boss's own words for a problem; they name queues, never people. */
function quietly(logger: Logger, boss: PgBoss) {
  boss.on('error', (error) => logger.warn({ err: error }, 'The job queue reported a problem'));
  boss.on('warning', (warning) => logger.warn({ warning: warning.message }, 'The job queue gave a warning'));
}

async function servingRoleOf(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ name: string }>('select current_user as name');
    return result.rows[0]!.name;
  } finally {
    await client.end();
  }
}

/** As the owner: installs or upgrades pg-boss's schema and queues, then lets the serving role use them. */
async function installAsOwner(ownerUrl: string, servingUrl: string, plans: readonly JobPlan[], logger: Logger) {
  const owner = new PgBoss({ connectionString: ownerUrl, schema, max: 2, supervise: false, schedule: false });
  quietly(logger, owner);
  await owner.start();
  try {
    for (const plan of plans) await owner.createQueue(plan.name, queueOptions);
  } finally {
    await owner.stop({ graceful: false, close: true });
  }
  const role = pg.escapeIdentifier(await servingRoleOf(servingUrl));
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query(`
      grant usage on schema ${schema} to ${role};
      grant select, insert, update, delete on all tables in schema ${schema} to ${role};
      grant usage, select on all sequences in schema ${schema} to ${role};
      grant execute on all functions in schema ${schema} to ${role};`);
  } finally {
    await client.end();
  }
}

export function createJobQueue(database: JobDatabase, logger: Logger): JobQueue {
  let boss: PgBoss | undefined;
  let starting: Promise<void> | undefined;
  let stopping: Promise<void> | undefined;
  let stopAsked = false;
  /** This process's worker for each job, to wake when a run is asked for. */
  const workers = new Map<string, string>();

  const running = () => {
    if (!boss) throw new Error('The job queue has not been started');
    return boss;
  };

  return {
    start(plans, run) {
      if (starting) throw new Error('The job queue has already been started');
      starting = begin(plans, run);
      return starting;
    },

    async trigger(name) {
      await running().send(name, null);
    },

    async runSoon(name) {
      // Not serving here (a command, or still starting): the schedule runs it at its next time.
      if (!boss || stopAsked) return;
      try {
        await boss.send(name, null);
        const worker = workers.get(name);
        // Fetches at once rather than at the next poll, a few seconds away.
        if (worker) boss.notifyWorker(worker);
      } catch (error) {
        logger.warn({ err: error, job: name }, 'A job could not be queued; it will run at its next scheduled time');
      }
    },

    async schedules() {
      const found = await running().getSchedules();
      return found.map((schedule) => ({ name: schedule.name, cron: schedule.cron ?? '' }));
    },

    stop() {
      // A stop during the start waits for it, so that nothing is left running on a closed database.
      stopAsked = true;
      return (stopping ??= (async () => {
        await starting?.catch(() => undefined);
        await boss?.stop({ graceful: true, timeout: stopWaitMs, close: true });
      })());
    },
  };

  async function begin(plans: readonly JobPlan[], run: (name: string) => Promise<void>): Promise<void> {
    const separateOwner = database.kind === 'postgres' && database.ownerUrl !== undefined;
    if (database.kind === 'postgres' && database.ownerUrl !== undefined) {
      await installAsOwner(database.ownerUrl, database.url, plans, logger);
    }
    if (stopAsked) return;
    const started =
      database.kind === 'pglite'
        ? new PgBoss({ db: fromPglite(database.pglite), backend: 'pglite', schema })
        : new PgBoss({
            connectionString: database.url,
            schema,
            max: 3,
            application_name: 'footprint-jobs',
            ...(separateOwner ? { migrate: false, createSchema: false } : {}),
          });
    quietly(logger, started);
    await started.start();
    boss = started;
    if (stopAsked) return;
    const names = new Set(plans.map((plan) => plan.name));
    for (const existing of await started.getSchedules()) {
      if (!names.has(existing.name)) await started.unschedule(existing.name, existing.key);
    }
    for (const plan of plans) {
      if (!separateOwner) await started.createQueue(plan.name, queueOptions);
      await started.schedule(plan.name, plan.cron, null, { tz: 'UTC' });
      const worker = await started.work(plan.name, { pollingIntervalSeconds: 5, batchSize: 1 }, async () => {
        await run(plan.name);
      });
      workers.set(plan.name, worker);
    }
  }
}
