// Both drivers must hand back the same JavaScript values for the same SQL.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { describeEachBackend } from '../../support/backends.ts';
import { useDatabase } from '../../support/fixtures.ts';

const probe = sql<Record<string, unknown>>`
  select
    count(*) as count,
    9007199254740991::int8 as big_whole,
    42::int4 as whole,
    12.50::numeric(10, 2) as money,
    1.5::float8 as fraction,
    true as yes,
    'text' as words,
    'b9d1e2a0-4c1f-4c8e-9a37-1f2d3c4b5a69'::uuid as id,
    '2026-03-29 01:30:00+00'::timestamptz as at_with_zone,
    '2026-03-29 01:30:00'::timestamp as at_without_zone,
    '2026-03-29'::date as day,
    '{"a": [1, 2], "b": null}'::jsonb as document,
    '{"c": "d"}'::json as plain_json,
    array[1, 2]::int8[] as whole_list,
    array['2026-01-01'::date] as day_list,
    null::int8 as nothing
  from (values (1), (2)) as rows
`;

const expected = {
  count: 2,
  big_whole: 9007199254740991,
  whole: 42,
  money: '12.50',
  fraction: 1.5,
  yes: true,
  words: 'text',
  id: 'b9d1e2a0-4c1f-4c8e-9a37-1f2d3c4b5a69',
  at_with_zone: new Date('2026-03-29T01:30:00Z'),
  at_without_zone: new Date('2026-03-29T01:30:00Z'),
  day: '2026-03-29',
  document: { a: [1, 2], b: null },
  plain_json: { c: 'd' },
  whole_list: [1, 2],
  day_list: ['2026-01-01'],
  nothing: null,
};

function typeNames(row: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(row).map(([key, value]) => [
      key,
      value === null ? 'null' : (value?.constructor.name ?? typeof value),
    ]),
  );
}

const seen = new Map<string, Record<string, unknown>>();

describeEachBackend('Values read from the database', (backend) => {
  const database = useDatabase(backend);

  it('come back as the agreed JavaScript types and values', async () => {
    const result = await sql<Record<string, unknown>>`select * from (${probe}) as probe limit 1`.execute(database().db);
    const row = result.rows[0] ?? {};
    seen.set(backend.name, row);
    expect(typeNames(row)).toEqual(typeNames(expected));
    expect(row).toEqual(expected);
  });

  it('refuses a whole number too large for JavaScript rather than rounding it', async () => {
    await expect(sql`select 9007199254740993::int8 as too_big`.execute(database().db)).rejects.toThrow(/too large/);
  });
});

describe('Both drivers', () => {
  it.runIf(process.env.TEST_DATABASE_URL)('return identical values for the same query', () => {
    const pglite = seen.get('pglite');
    const postgres = seen.get('postgres');
    expect(pglite).toBeDefined();
    expect(postgres).toEqual(pglite);
    expect(typeNames(postgres ?? {})).toEqual(typeNames(pglite ?? {}));
  });
});
