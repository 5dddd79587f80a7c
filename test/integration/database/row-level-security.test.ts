// Row-level security on PostgreSQL: even a query that forgets to say which school it is about
// reaches only the school its transaction is scoped to, nothing at all unscoped, and cannot
// write a row into another school.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../../src/adapters/db/migrate.ts';
import { setScope, type Scope } from '../../../src/adapters/db/school-scope.ts';
import { unitsOfWork } from '../../../src/adapters/db/units-of-work.ts';
import type { School } from '../../../src/domain/community/school.ts';
import type { UnitsOfWork } from '../../../src/services/ports.ts';
import { backends } from '../../support/backends.ts';
import { postgresAvailable } from '../../support/environment.ts';
import { useDatabase } from '../../support/fixtures.ts';

// The embedded database runs as a superuser, whom policies do not bind: there the application's
// own school checks stand alone, so this runs on PostgreSQL only.
describe.runIf(postgresAvailable())('Row-level security (postgres)', () => {
  const database = useDatabase(backends.postgres);
  let units: UnitsOfWork;
  let oak: School;
  let elm: School;

  const names = (scope: Scope | undefined) =>
    database()
      .db.transaction()
      .execute(async (trx) => {
        if (scope) await setScope(trx, scope);
        // No school in this query: the policies alone decide what it sees.
        const rows = await sql<{ given_name: string }>`select given_name from person order by given_name`.execute(trx);
        return rows.rows.map((row) => row.given_name);
      });

  beforeAll(async () => {
    await migrateToLatest(database().db);
    units = unitsOfWork(database().db);
    const organisation = await units.acrossSchools((store) =>
      store.schools.addOrganisation({ name: 'Scope Trust', kind: 'trust' }),
    );
    const school = (slug: string, urn: string) =>
      units.acrossSchools((store) =>
        store.schools.addSchool(organisation.id, {
          name: slug,
          slug,
          urn,
          phase: 'primary',
          address: { line1: '1 Lane', town: 'Exampleton', postcode: 'EX1 1AA' },
          contactEmail: `office@${slug}.example`,
          day: { starts: '08:45', ends: '15:15' },
        }),
      );
    oak = await school('rls-oak', '800001');
    elm = await school('rls-elm', '800002');
    await units.inSchool(oak.id, (store) =>
      store.people.add([{ person: { givenName: 'Olive', familyName: 'Oak' }, roles: [{ role: 'parent' }] }]),
    );
    await units.inSchool(elm.id, (store) =>
      store.people.add([{ person: { givenName: 'Ellis', familyName: 'Elm' }, roles: [{ role: 'parent' }] }]),
    );
  });

  it('shows a transaction only the rows of the school it is scoped to', async () => {
    expect(await names({ schoolId: oak.id })).toEqual(['Olive']);
    expect(await names({ schoolId: elm.id })).toEqual(['Ellis']);
    expect(await names('all_schools')).toEqual(['Ellis', 'Olive']);
  });

  it('shows an unscoped transaction nothing', async () => {
    expect(await names(undefined)).toEqual([]);
  });

  it('refuses to write a row into another school than the scoped one', async () => {
    await expect(
      database()
        .db.transaction()
        .execute(async (trx) => {
          await setScope(trx, { schoolId: oak.id });
          await sql`insert into person (school_id, given_name, family_name) values (${elm.id}, 'Intruder', 'Elm')`.execute(
            trx,
          );
        }),
    ).rejects.toThrow(/row-level security/);
    expect(await names({ schoolId: elm.id })).toEqual(['Ellis']);
  });

  it('gives the store’s calls their own school’s rows however they are asked', async () => {
    const list = (schoolId: string) => units.inSchool(schoolId, (store) => store.people.list({ limit: 10, offset: 0 }));
    expect((await list(oak.id)).items.map((p) => p.givenName)).toEqual(['Olive']);
    const ellis = (await list(elm.id)).items[0]!;
    // Asking Oak's store for Elm's person finds nothing, whichever check would have caught it.
    expect(await units.inSchool(oak.id, (store) => store.people.find(ellis.id))).toBeUndefined();
  });
});
