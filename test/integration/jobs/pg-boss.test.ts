// The job queue on each database: pg-boss installs itself (as the owner, where there is one),
// keeps the schedules it is given and drops old ones, and hands a queued run to the worker.
// The test waits for the run itself, never for a length of time.
import { expect, it } from 'vitest';
import { scheduledJobs, startJobs } from '../../../src/jobs/index.ts';
import { createLogger } from '../../../src/log.ts';
import { createAdapters, createServices } from '../../../src/wiring.ts';
import { describeEachBackend } from '../../support/backends.ts';
import { useTestDatabase } from '../../support/fixtures.ts';

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
});
