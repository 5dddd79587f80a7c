// `footprint audit verify`, run as an operator would, on a log that is whole and on one that is not.
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../src/adapters/db/database.ts';
import { migrateToLatest } from '../../../src/adapters/db/migrate.ts';
import { setScope } from '../../../src/adapters/db/school-scope.ts';
import { unitsOfWork } from '../../../src/adapters/db/units-of-work.ts';
import { ownerConnection } from '../../../src/config.ts';
import { createLogger } from '../../../src/log.ts';
import { describeEachBackend, environmentFor } from '../../support/backends.ts';
import { useTestDatabase } from '../../support/fixtures.ts';
import { runFootprint } from '../../support/processes.ts';

const school = (name: string, slug: string, urn: string) => ({
  name,
  slug,
  urn,
  phase: 'primary' as const,
  address: { line1: '1 Example Road', town: 'Exampleton', postcode: 'EX1 2AB' },
  contactEmail: `office@${slug}.example.org`,
  day: { starts: '08:45', ends: '15:15' },
});

describeEachBackend('footprint audit verify', (backend) => {
  const testDatabase = useTestDatabase(backend);
  const env = (): Record<string, string> => environmentFor(testDatabase().config);

  /** The database for a moment, closed again so that the command can open it. */
  async function withDatabase(work: (database: Database) => Promise<unknown>): Promise<void> {
    const { config } = testDatabase();
    // As the owner: the serving role cannot migrate, nor alter the audit log's trigger.
    const database = await openDatabase(
      { ...config, database: ownerConnection(config.database) },
      createLogger(config),
    );
    try {
      await work(database);
    } finally {
      await database.close();
    }
  }

  beforeAll(() =>
    withDatabase(async ({ db }) => {
      await migrateToLatest(db);
      // As the app writes: each unit scoped to its school for row-level security.
      const units = unitsOfWork(db);
      const trust = await units.acrossSchools((store) =>
        store.schools.addOrganisation({ name: 'Verify Trust', kind: 'trust' }),
      );
      for (const [name, slug, urn, count] of [
        ['Oakfield Primary', 'oakfield', '900301', 4],
        ['Ashby Juniors', 'ashby', '900302', 1],
      ] as const) {
        const { id } = await units.acrossSchools((store) => store.schools.addSchool(trust.id, school(name, slug, urn)));
        for (let i = 0; i < count; i += 1) {
          await units.inSchool(id, (store) =>
            store.audit.append({ schoolId: id, at: new Date(), actorPersonId: null, action: 'sign_in_failed' }),
          );
        }
      }
    }),
  );

  it('says each chain is intact and exits 0', async () => {
    const result = await runFootprint(['audit', 'verify'], env());
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      'Ashby Juniors (ashby): 1 entry, chain intact\nOakfield Primary (oakfield): 4 entries, chain intact\n',
    );
    expect(result.code).toBe(0);
  });

  it('names the altered entry and exits 1, and checks one school on its own when asked', async () => {
    await withDatabase(async ({ db }) => {
      await db.transaction().execute(async (trx) => {
        await setScope(trx, 'all_schools');
        await sql`alter table audit_entry disable trigger audit_entry_append_only`.execute(trx);
        await sql`
          update audit_entry set actor_person_id = gen_random_uuid()
          where seq = 3 and school_id = (select id from school where slug = 'oakfield')
        `.execute(trx);
        await sql`alter table audit_entry enable trigger audit_entry_append_only`.execute(trx);
      });
    });
    const result = await runFootprint(['audit', 'verify'], env());
    expect(result.stdout).toBe(
      'Ashby Juniors (ashby): 1 entry, chain intact\nOakfield Primary (oakfield): chain broken: entry 3 was altered\n',
    );
    expect(result.stderr).toMatch(/one school’s audit log has been changed outside Footprint/);
    expect(result.code).toBe(1);

    const ashby = await runFootprint(['audit', 'verify', '--school', 'ashby'], env());
    expect([ashby.code, ashby.stdout]).toEqual([0, 'Ashby Juniors (ashby): 1 entry, chain intact\n']);
  });

  it('names the altered entry of a case’s chronology', async () => {
    let caseId = '';
    await withDatabase(async ({ db }) => {
      const units = unitsOfWork(db);
      const ashby = (await units.acrossSchools((store) => store.schools.findBySlug('ashby')))!;
      const made = await units.inSchool(ashby.id, (store) =>
        store.incidents.add(
          {
            reference: 'R-CHRN-0001',
            channel: 'public',
            kind: 'post',
            what: 'A post naming a pupil',
            links: [],
            childInvolved: true,
            handler: 'dsl',
            reporter: { role: 'parent' },
            reportedAt: new Date(),
          },
          [{ role: 'parent', subject: true }],
        ),
      );
      caseId = made.id;
      for (const text of ['Reported on the public form', 'Assessed: rule 3.1 broken', 'Closed: the post came down']) {
        await units.inSchool(ashby.id, (store) =>
          store.incidents.appendEvent(made.id, { at: new Date(), actorPersonId: null, kind: 'note', text }),
        );
      }
    });
    const intact = await runFootprint(['audit', 'verify', '--school', 'ashby'], env());
    expect([intact.code, intact.stdout]).toEqual([
      0,
      'Ashby Juniors (ashby): 1 entry, chain intact; 1 case chronology intact\n',
    ]);

    await withDatabase(async ({ db }) => {
      await db.transaction().execute(async (trx) => {
        await setScope(trx, 'all_schools');
        await sql`alter table incident_event disable trigger incident_event_append_only`.execute(trx);
        await sql`update incident_event set text = 'Assessed: nothing broken' where incident_id = ${caseId} and seq = 2`.execute(
          trx,
        );
        await sql`alter table incident_event enable trigger incident_event_append_only`.execute(trx);
      });
    });
    const broken = await runFootprint(['audit', 'verify', '--school', 'ashby'], env());
    expect(broken.stdout).toBe(
      'Ashby Juniors (ashby): 1 entry, chain intact\n  case R-CHRN-0001: chain broken: entry 2 was altered\n',
    );
    expect(broken.code).toBe(1);
  });

  it('exits 2 for a school that is not there, or words it does not know', async () => {
    const unknown = await runFootprint(['audit', 'verify', '--school', 'nowhere'], env());
    expect([unknown.code, unknown.stdout]).toEqual([2, '']);
    expect(unknown.stderr).toContain('There is no school "nowhere"');
    const wrong = await runFootprint(['audit', 'check'], env());
    expect([wrong.code, wrong.stderr]).toEqual([2, expect.stringContaining('Usage: footprint audit verify')]);
    const option = await runFootprint(['audit', 'verify', '--everything'], env());
    expect(option.code).toBe(2);
  });
});
