import { expect, it } from 'vitest';
import { createServices } from '../../../src/wiring.ts';
import { describeEachBackend } from '../../support/backends.ts';
import { useAdapters } from '../../support/fixtures.ts';

describeEachBackend('Settings of the installation', (backend) => {
  const adapters = useAdapters(backend);
  const save = (key: string, value: unknown, at: Date) =>
    adapters().units.acrossSchools((store) => store.settings.save(key, value, at));
  const find = (key: string) => adapters().units.acrossSchools((store) => store.settings.find(key));

  it('are saved and read back as the same value', async () => {
    const at = new Date('2026-09-01T08:00:00Z');
    await save('review-reminder', { weeksBefore: 4, to: ['headteacher'] }, at);
    expect(await find('review-reminder')).toEqual({
      key: 'review-reminder',
      value: { weeksBefore: 4, to: ['headteacher'] },
      updatedAt: at,
    });
  });

  it('are replaced when saved again', async () => {
    const at = new Date('2026-09-02T08:00:00Z');
    await save('review-reminder', { weeksBefore: 2, to: [] }, at);
    expect((await find('review-reminder'))?.value).toEqual({ weeksBefore: 2, to: [] });
  });

  it('are not found when never saved', async () => {
    expect(await find('never-saved')).toBeUndefined();
  });

  it('are not kept when the unit of work that saved them fails', async () => {
    const failure = adapters().units.acrossSchools(async (store) => {
      await store.settings.save('half-done', true, new Date());
      throw new Error('something went wrong after saving');
    });
    await expect(failure).rejects.toThrow('something went wrong');
    expect(await find('half-done')).toBeUndefined();
  });

  it('describe the installation through the service', async () => {
    const installation = await createServices(adapters()).installation.describe();
    expect(installation.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(installation.createdAt).toBeInstanceOf(Date);
  });
});
