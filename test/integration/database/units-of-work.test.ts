// A unit of work is one transaction, its scope set once: the statements it sends say so.
import { expect, it } from 'vitest';
import { describeEachBackend } from '../../support/backends.ts';
import { useAdapters } from '../../support/fixtures.ts';

describeEachBackend('A unit of work', (backend) => {
  const adapters = useAdapters(backend);

  it('sends begin, the scope, its own statements and commit, and nothing else', async () => {
    const { units, statementsSent } = adapters();
    const before = statementsSent();
    const found = await units.acrossSchools(async (store) => {
      await store.settings.find('never-saved');
      return store.schools.count();
    });
    expect(found).toBe(0);
    expect(statementsSent() - before).toBe(5);
  });

  it('rolls back everything it wrote when its work fails, and sends rollback', async () => {
    const { units, statementsSent } = adapters();
    const before = statementsSent();
    const failed = units.acrossSchools(async (store) => {
      await store.settings.save('kept-only-if-committed', { yes: true }, new Date());
      throw new Error('the rest of the work failed');
    });
    await expect(failed).rejects.toThrow('the rest of the work failed');
    expect(statementsSent() - before).toBe(4);
    expect(await units.acrossSchools((store) => store.settings.find('kept-only-if-committed'))).toBeUndefined();
  });
});
