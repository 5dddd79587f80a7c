// Row-level security on PostgreSQL. Every table that belongs to a school only shows, and only
// accepts, rows of the school the current transaction is scoped to: a query that forgot its
// `where school_id = …` still cannot reach another school. Each unit of work sets its scope once,
// as its transaction begins; the embedded database runs the same statement, though as its
// superuser it is not bound by the policies.
import { sql, type Kysely } from 'kysely';
import type { Tables } from './tables.ts';

export type Scope = { schoolId: string } | 'all_schools';

/** The settings the policies read; `true`: they last until the transaction ends. */
export async function setScope(trx: Kysely<Tables>, scope: Scope): Promise<void> {
  const school = scope === 'all_schools' ? '' : scope.schoolId;
  const all = scope === 'all_schools' ? 'on' : 'off';
  await sql`select set_config('footprint.school_id', ${school}, true), set_config('footprint.all_schools', ${all}, true)`.execute(
    trx,
  );
}
