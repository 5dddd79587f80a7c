// The database's own guard on a school's policy: once a version has left the draft stage, its text
// cannot be changed nor the version removed, even by a statement that bypasses the application.
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { migrateToLatest } from '../../../src/adapters/db/migrate.ts';
import { setScope } from '../../../src/adapters/db/school-scope.ts';
import { describeEachBackend } from '../../support/backends.ts';
import { useDatabase } from '../../support/fixtures.ts';

describeEachBackend('Policy versions in the database', (backend) => {
  const database = useDatabase(backend);
  let schoolId: string;
  const versionIds: Record<string, string> = {};

  const run = (statement: ReturnType<typeof sql>) =>
    database()
      .db.transaction()
      .execute(async (trx) => {
        await setScope(trx, 'all_schools');
        return statement.execute(trx);
      });

  beforeAll(async () => {
    await migrateToLatest(database().db);
    const made = await run(sql`
      with o as (insert into organisation (name, kind) values ('Guard Trust', 'trust') returning id),
           s as (insert into school (organisation_id, name, slug, urn, phase, address_line1, town, postcode,
                                    contact_email, day_starts, day_ends)
                 select id, 'Guard Primary', 'guard', '500001', 'primary', '1 Lane', 'Exampleton', 'EX1 1AA',
                        'office@guard.example', '08:45', '15:15' from o returning id),
           p as (insert into person (school_id, given_name, family_name) select id, 'Gus', 'Guard' from s returning id, school_id)
      select p.id as person_id, p.school_id from p`);
    const row = made.rows[0] as { person_id: string; school_id: string };
    schoolId = row.school_id;
    for (const [number, status] of [
      [1, 'published'],
      [2, 'draft'],
    ] as const) {
      const added = await run(sql`
        insert into policy_version (school_id, number, label, status, document, content_hash, created_by, created_at, updated_at)
        values (${schoolId}, ${number}, ${`${number}.0`}, ${status}, '{"title":"Original"}', 'hash', ${row.person_id}, now(), now())
        returning id`);
      versionIds[status] = (added.rows[0] as { id: string }).id;
    }
  });

  it('refuses to change the text of a published version, or to remove it', async () => {
    const id = versionIds.published!;
    await expect(
      run(sql`update policy_version set document = '{"title":"Rewritten"}' where id = ${id}`),
    ).rejects.toThrow(/policy version 1 is published and its text cannot change/);
    await expect(run(sql`update policy_version set content_hash = 'other' where id = ${id}`)).rejects.toThrow(
      /cannot change/,
    );
    await expect(run(sql`delete from policy_version where id = ${id}`)).rejects.toThrow(/kept for good/);
    // Its status still moves on (superseded by the next), which is not a change of text.
    await run(sql`update policy_version set status = 'superseded', superseded_at = now() where id = ${id}`);
  });

  it('lets a draft be rewritten and discarded', async () => {
    const id = versionIds.draft!;
    await run(sql`update policy_version set document = '{"title":"Edited"}' where id = ${id}`);
    await run(sql`delete from policy_version where id = ${id}`);
    const left = await run(sql`select count(*)::int as n from policy_version where school_id = ${schoolId}`);
    expect(left.rows).toEqual([{ n: 1 }]);
  });

  it('allows one version in hand and one published per school', async () => {
    await expect(
      run(sql`
        insert into policy_version (school_id, number, label, status, document, content_hash, created_by, created_at, updated_at)
        select school_id, 7, '7.0', 'superseded', document, content_hash, created_by, now(), now()
        from policy_version where id = ${versionIds.published!}`),
    ).resolves.toBeDefined();
    await run(sql`update policy_version set status = 'published' where number = 7 and school_id = ${schoolId}`);
    await expect(
      run(sql`update policy_version set status = 'published' where number = 1 and school_id = ${schoolId}`),
    ).rejects.toThrow(/policy_version_one_published/);
  });
});
