// Every Footprint process hears that a school's published policy changed, once the change commits.
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeEachBackend } from '../../support/backends.ts';
import { useAdapters } from '../../support/fixtures.ts';

describeEachBackend('Notices of publication', (backend) => {
  const adapters = useAdapters(backend);

  async function heardWithin(heard: string[], count: number): Promise<void> {
    for (let waited = 0; heard.length < count && waited < 5000; waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('are heard once the unit that announced them commits, and never when it rolls back', async () => {
    const { units, publications } = adapters();
    const heard: string[] = [];
    await publications.listen((schoolId) => heard.push(schoolId ?? 'anything'));
    expect(publications.hearing()).toBe(true);

    const rolledBack = randomUUID();
    await expect(
      units.inSchool(rolledBack, async (store) => {
        await store.publications.announce();
        throw new Error('the publication failed');
      }),
    ).rejects.toThrow('the publication failed');
    const published = randomUUID();
    await units.inSchool(published, (store) => store.publications.announce());
    await heardWithin(heard, 1);
    expect(heard).toEqual([published]);
  });
});
