// PGlite has one connection: work outside a transaction must wait for it, never run inside it.
import { describe, expect, it } from 'vitest';
import { backends } from '../../support/backends.ts';
import { useAdapters } from '../../support/fixtures.ts';

describe('The embedded database with concurrent callers', () => {
  const adapters = useAdapters(backends.pglite);

  it('keeps a read outside a transaction from seeing, or joining, unfinished work', async () => {
    const mayFinish = Promise.withResolvers<void>();
    const saved = Promise.withResolvers<void>();

    const transaction = adapters().units.acrossSchools(async (store) => {
      await store.settings.save('draft', 'inside', new Date());
      saved.resolve();
      await mayFinish.promise;
      throw new Error('roll back');
    });
    await saved.promise;

    const outsideRead = adapters().units.acrossSchools((store) => store.settings.find('draft'));
    mayFinish.resolve();

    await expect(transaction).rejects.toThrow('roll back');
    expect(await outsideRead).toBeUndefined();
  });

  it('serves many concurrent callers without mixing them up', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        adapters().units.acrossSchools((store) => store.settings.save(`key-${index}`, index, new Date())),
      ),
    );
    const values = await Promise.all(
      Array.from(
        { length: 20 },
        async (_, index) =>
          (await adapters().units.acrossSchools((store) => store.settings.find(`key-${index}`)))?.value,
      ),
    );
    expect(values).toEqual(Array.from({ length: 20 }, (_, index) => index));
  });
});
