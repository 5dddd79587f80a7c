// Row-level security on PostgreSQL. Every table that belongs to a school only shows, and only
// accepts, rows of the school the current transaction is scoped to: a query that forgot its
// `where school_id = …` still cannot reach another school. Each repository call runs in a
// transaction scoped to the school it names; the few that must look across schools (finding an
// account by its email at sign-in, a session by its id) say so.
import { sql, type Kysely } from 'kysely';
import type { Store } from '../../services/ports.ts';
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

type Scoper = (args: readonly unknown[]) => Scope;
const across: Scoper = () => 'all_schools';
/** For calls given a record that carries its school. */
const ofRecord: Scoper = ([record]) => ({ schoolId: (record as { schoolId: string }).schoolId });

/**
 * Calls scoped some other way than by naming their school first: those that must look across
 * schools (an account by its email at sign-in, a session or a link by its token), and those
 * given a whole record.
 */
const scopers: Readonly<Record<string, Readonly<Record<string, Scoper>>>> = {
  settings: { find: across, save: across },
  schools: {
    addOrganisation: across,
    addSchool: across,
    findBySlug: across,
    findById: across,
    findByUrn: across,
    count: across,
    ofOrganisation: across,
  },
  accounts: { findByEmail: across },
  sessions: { find: across, save: across, destroy: across, purgeExpired: across },
  signOn: { findByDomain: across, save: ofRecord },
  audit: { append: ofRecord, schools: across },
  links: { create: ofRecord, find: across, use: across },
  policyVersions: { dueForReview: across },
  signOff: { findByToken: across, claimFirstEmails: across, dueForReminder: across },
  officialAccounts: { allLogins: across, rewrapLogins: across },
  sealedSecrets: { all: across, replace: across },
  declarations: { dueForReview: across },
  incidents: { tasksToChase: across, reviewsToNotify: across },
  monitoring: { retentionOfAll: across, dueSources: across, schoolsWithMentions: across },
  consent: { claimRenewalEmails: across, findPupilLink: across },
};

/**
 * Left as they are: calls that open and scope their own transaction (with their own isolation
 * level), and plain functions that never touch the database.
 */
const scopeThemselves: Readonly<Record<string, ReadonlySet<string>>> = {
  audit: new Set(['readChain', 'hashOf']),
};

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function scopeOf(group: string, method: string, args: readonly unknown[]): Scope {
  const scoper = scopers[group]?.[method];
  const scope = scoper ? scoper(args) : { schoolId: args[0] };
  if (scope !== 'all_schools' && (typeof scope.schoolId !== 'string' || !uuid.test(scope.schoolId))) {
    throw new Error(`${group}.${method} must name its school, or be listed in school-scope.ts`);
  }
  return scope as Scope;
}

/**
 * The store, with every call scoped. Outside a transaction each call gets its own short one;
 * inside one (`inTransaction`), each call re-scopes the transaction before it runs.
 */
export function scopedStore(db: Kysely<Tables>, storeFor: (db: Kysely<Tables>) => Store): Store {
  const plain = storeFor(db);
  const wrapped: Record<string, Record<string, unknown>> = {};
  for (const [group, repository] of Object.entries(plain) as [string, Record<string, unknown>][]) {
    wrapped[group] = {};
    for (const [method, value] of Object.entries(repository)) {
      if (typeof value !== 'function' || scopeThemselves[group]?.has(method)) {
        wrapped[group][method] = value;
        continue;
      }
      wrapped[group][method] = async (...args: unknown[]) => {
        const scope = scopeOf(group, method, args);
        const call = (trx: Kysely<Tables>) =>
          (storeFor(trx) as unknown as Record<string, Record<string, (...a: unknown[]) => Promise<unknown>>>)[group]![
            method
          ]!(...args);
        if (db.isTransaction) {
          await setScope(db, scope);
          return call(db);
        }
        return db.transaction().execute(async (trx) => {
          await setScope(trx, scope);
          return call(trx);
        });
      };
    }
  }
  return wrapped as unknown as Store;
}
