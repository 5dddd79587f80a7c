// The job queue on each database: pg-boss installs itself (as the owner, where there is one),
// keeps the schedules it is given and drops old ones, hands a queued run to the worker, and runs
// the sign-off emails as soon as a campaign starts. The tests wait for the run itself, never for a
// length of time.
import { expect, it } from 'vitest';
import { scheduledJobs, startJobs, type ScheduledJob } from '../../../src/jobs/index.ts';
import { createLogger } from '../../../src/log.ts';
import { signOffEmailsJob } from '../../../src/services/sign-off.ts';
import { createAdapters, createServices } from '../../../src/wiring.ts';
import { describeEachBackend } from '../../support/backends.ts';
import { aSchool } from '../../support/community.ts';
import { useTestDatabase } from '../../support/fixtures.ts';
import { aPublishedPolicy } from '../../support/policy.ts';

describeEachBackend('The job queue', (backend) => {
  const database = useTestDatabase(backend);
  const open = async () => {
    const adapters = await createAdapters(database().config, createLogger(database().config));
    await adapters.migrate();
    return adapters;
  };

  it('schedules every planned job, runs one that is queued, and stops cleanly', async () => {
    const adapters = await open();
    try {
      const runs: string[] = [];
      const ran = Promise.withResolvers<string>();
      await adapters.jobs.start(
        [
          { name: 'test-early', cron: '5 4 * * *' },
          { name: 'test-often', cron: '*/10 * * * *' },
        ],
        (name) => {
          runs.push(name);
          ran.resolve(name);
          return Promise.resolve();
        },
      );
      expect((await adapters.jobs.schedules()).sort((a, b) => a.name.localeCompare(b.name))).toEqual([
        { name: 'test-early', cron: '5 4 * * *' },
        { name: 'test-often', cron: '*/10 * * * *' },
      ]);
      await adapters.jobs.trigger('test-early');
      expect(await ran.promise).toBe('test-early');
      expect(runs).toEqual(['test-early']);
      await adapters.jobs.stop();
      await adapters.jobs.stop();
    } finally {
      await adapters.close();
    }
  });

  it('starts again with the app’s own list, dropping schedules no longer planned', async () => {
    const adapters = await open();
    try {
      const services = createServices(adapters);
      const queue = await startJobs(adapters.jobs, services, createLogger(database().config));
      expect((await queue.schedules()).map((s) => s.name).sort()).toEqual(scheduledJobs.map((j) => j.name).sort());
      expect(scheduledJobs.find((job) => job.name === 'sign-off-emails')?.cron).toBe('*/15 * * * *');
    } finally {
      await adapters.close();
    }
  });

  it('sends a new campaign’s first emails from the queue straight away, not at the next quarter hour', async () => {
    const adapters = await open();
    try {
      const services = createServices(adapters);
      const school = await aSchool(adapters, 'rowan', '520001');
      const { team } = await aPublishedPolicy(adapters, school);
      // The real job, reporting each run it makes.
      const runs: Record<string, number>[] = [];
      const sent = Promise.withResolvers<void>();
      const jobs: ScheduledJob[] = scheduledJobs.map((job) =>
        job.name !== signOffEmailsJob
          ? job
          : {
              ...job,
              run: async (given, now) => {
                const counts = await job.run(given, now);
                runs.push(counts);
                if (counts.invitations) sent.resolve();
                return counts;
              },
            },
      );
      await startJobs(adapters.jobs, services, createLogger(database().config), jobs);
      // Started by a command before the queue, this would wait for the schedule; here it is asked for.
      const started = await services.signOff.start(team.head, 'staff');
      expect(started.asked).toBe(1);
      await sent.promise;
      expect(runs.at(-1)).toMatchObject({ invitations: 1, failed: 0 });
      expect(adapters.outbox()?.filter((message) => message.to === 'head@rowan.example')).toHaveLength(1);
    } finally {
      await adapters.close();
    }
  });
});
