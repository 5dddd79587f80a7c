// Starts Footprint listening, and stops it cleanly: on SIGTERM or SIGINT it stops accepting
// connections, lets requests in flight finish, closes the database, and exits within 5 seconds.
import type { FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import { startJobs } from './jobs/index.ts';
import { createLogger, type Logger } from './log.ts';
import { buildApp } from './web/app.ts';
import { createAdapters, createServices } from './wiring.ts';

/** Requests still running this long after the signal are cut off; the process must be gone within 5 s. */
const cutOffMs = 3000;
const deadlineMs = 4500;
const purgeEveryMs = 60 * 60 * 1000;

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  stop(): Promise<void>;
}

export async function startServer(config: Config, logger: Logger): Promise<RunningServer> {
  const adapters = await createAdapters(config, logger);
  try {
    const { applied } = await adapters.migrate();
    if (applied.length > 0) logger.info({ applied }, 'Database brought up to date');
    const services = createServices(adapters);
    const app = await buildApp(services, { config, logger });
    const url = await app.listen({ port: config.port, host: config.host });
    logger.info({ url, database: adapters.databaseKind }, 'Footprint is listening');
    // In the background, so that a stop signal is heeded while the queue is still starting.
    void startJobs(adapters.jobs, services, logger).catch((error: unknown) =>
      logger.error({ err: error }, 'Background jobs could not start; reminders will not be sent'),
    );
    // Sessions past their ten hours are refused when used; this clears them from the table too.
    const purge = () =>
      services.sessions.purgeExpired().then(
        (count) => count > 0 && logger.info({ count }, 'Expired sessions removed'),
        (error: unknown) => logger.warn({ err: error }, 'Expired sessions could not be removed'),
      );
    void purge();
    const purging = setInterval(() => void purge(), purgeEveryMs);
    purging.unref();
    let stopping: Promise<void> | undefined;
    return {
      url,
      app,
      stop: () =>
        (stopping ??= (async () => {
          clearInterval(purging);
          try {
            await adapters.jobs.stop();
            await app.close();
          } finally {
            await adapters.close();
          }
        })()),
    };
  } catch (error) {
    await adapters.close();
    throw error;
  }
}

/** Runs until SIGTERM or SIGINT; resolves to the process exit code. */
export async function serveUntilStopped(config: Config): Promise<number> {
  const logger = createLogger(config);
  const server = await startServer(config, logger);
  // Later signals (a second Ctrl-C, or one passed on by bin/footprint.mjs) must not cut the clean stop short.
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.on('SIGTERM', resolve);
    process.on('SIGINT', resolve);
  });
  logger.info({ signal }, 'Stopping: finishing requests in flight');
  const cutOff = setTimeout(() => {
    logger.warn('Requests still in flight: closing their connections so the database can close');
    server.app.server.closeAllConnections();
  }, cutOffMs);
  const deadline = setTimeout(() => {
    logger.error('Footprint did not stop in time; exiting anyway');
    process.exit(1);
  }, deadlineMs);
  deadline.unref();
  try {
    await server.stop();
    logger.info('Stopped');
    return 0;
  } catch (error) {
    logger.error({ err: error }, 'Footprint did not stop cleanly');
    return 1;
  } finally {
    clearTimeout(cutOff);
    clearTimeout(deadline);
  }
}
