// Transitional: the store as services called it before units of work, built on the same
// repository factories, for the services not yet moved to `units`. It goes with the last of them.
import type { Kysely } from 'kysely';
import type { Store } from '../../services/ports.ts';
import { setScope, type Scope } from './school-scope.ts';
import { crossSchoolStore, schoolStore } from './store.ts';
import type { Tables } from './tables.ts';

type Method = (...args: unknown[]) => Promise<unknown>;
type Groups = Record<string, Record<string, unknown>>;

const ownScope: Readonly<Record<string, readonly string[]>> = {
  signOn: ['save'],
  audit: ['append'],
  links: ['create'],
};

export function legacyStore(db: Kysely<Tables>): Store {
  const schoolGroups = schoolStore(db, '') as unknown as Groups;
  const crossGroups = crossSchoolStore(db) as unknown as Groups;
  const run = (scope: Scope, call: (trx: Kysely<Tables>) => Promise<unknown>) => {
    if (db.isTransaction) return setScope(db, scope).then(() => call(db));
    return db.transaction().execute(async (trx) => {
      await setScope(trx, scope);
      return call(trx);
    });
  };
  const legacy: Record<string, Record<string, unknown>> = {};
  for (const [group, methods] of Object.entries(schoolGroups)) {
    legacy[group] ??= {};
    for (const [name, value] of Object.entries(methods)) {
      if (typeof value !== 'function') {
        legacy[group][name] = value;
        continue;
      }
      const own = ownScope[group]?.includes(name);
      legacy[group][name] = (...args: unknown[]) => {
        const schoolId = own ? (args[0] as { schoolId: string }).schoolId : (args[0] as string);
        const rest = own ? args : args.slice(1);
        return run({ schoolId }, (trx) =>
          ((schoolStore(trx, schoolId) as unknown as Groups)[group]![name] as Method)(...rest),
        );
      };
    }
  }
  for (const [group, methods] of Object.entries(crossGroups)) {
    legacy[group] ??= {};
    for (const name of Object.keys(methods)) {
      legacy[group][name] = (...args: unknown[]) =>
        run('all_schools', (trx) => ((crossSchoolStore(trx) as unknown as Groups)[group]![name] as Method)(...args));
    }
  }
  return legacy as unknown as Store;
}
