import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { migrateToLatest } from '../../../src/adapters/db/migrate.ts';
import { migrations } from '../../../src/adapters/db/migrations/index.ts';
import { describeEachBackend } from '../../support/backends.ts';
import { useDatabase } from '../../support/fixtures.ts';

describeEachBackend('Migrations', (backend) => {
  const database = useDatabase(backend.empty);

  it('apply every migration, in order, to an empty database', async () => {
    const report = await migrateToLatest(database().db);
    expect(report.applied).toEqual(Object.keys(migrations));
  });

  it('do nothing the second time', async () => {
    const report = await migrateToLatest(database().db);
    expect(report.applied).toEqual([]);
  });

  it('give the installation an identity once', async () => {
    const { rows } = await sql<{ value: { id: string; createdAt: string } }>`
      select value from app_setting where key = 'installation'
    `.execute(database().db);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.value.id).toMatch(/^[0-9a-f-]{36}$/);
  });
});
