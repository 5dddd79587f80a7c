// Runs the scheduled jobs: through the job queue when Footprint serves, or directly for a given
// moment (a test, or a command), so that what a run does never depends on when it happens to fire.
import type { Logger } from '../log.ts';
import type { Services } from '../services/index.ts';
import type { JobQueue } from '../services/ports.ts';
import { scheduledJobs, type ScheduledJob } from './schedule.ts';

/** Runs one job as if it fired at `now`. */
export function runJob(services: Services, job: ScheduledJob, now: Date): Promise<Record<string, number>> {
  return job.run(services, now);
}

/** Runs every scheduled job once, in order, at `now`: what one tick of the clock would do. */
export async function tick(
  services: Services,
  now: Date,
  jobs: readonly ScheduledJob[] = scheduledJobs,
): Promise<Record<string, Record<string, number>>> {
  const results: Record<string, Record<string, number>> = {};
  for (const job of jobs) results[job.name] = await runJob(services, job, now);
  return results;
}

/** Starts the queue with every scheduled job; each run takes the time from the services' clock. */
export async function startJobs(
  queue: JobQueue,
  services: Services,
  logger: Logger,
  jobs: readonly ScheduledJob[] = scheduledJobs,
): Promise<JobQueue> {
  const byName = new Map(jobs.map((job) => [job.name, job]));
  await queue.start(
    jobs.map(({ name, cron }) => ({ name, cron })),
    async (name) => {
      const job = byName.get(name);
      if (!job) throw new Error(`No scheduled job is called ${name}`);
      try {
        const counts = await runJob(services, job, services.clock.now());
        logger.info({ job: name, ...counts }, 'Scheduled job ran');
      } catch (error) {
        logger.error({ err: error, job: name }, 'Scheduled job failed; it will be tried again');
        throw error;
      }
    },
  );
  return queue;
}
