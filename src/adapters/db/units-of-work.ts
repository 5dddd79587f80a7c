// Units of work: one transaction each, scoped once as it begins.
import type { Kysely } from 'kysely';
import type { UnitsOfWork } from '../../services/ports.ts';
import { setScope } from './school-scope.ts';
import { crossSchoolStore, schoolStore } from './store.ts';
import type { Tables } from './tables.ts';

export function unitsOfWork(db: Kysely<Tables>): UnitsOfWork {
  return {
    inSchool(schoolId, work, options = {}) {
      let transaction = db.transaction();
      if (options.snapshot) transaction = transaction.setIsolationLevel('repeatable read').setAccessMode('read only');
      return transaction.execute(async (trx) => {
        await setScope(trx, { schoolId });
        return work(schoolStore(trx, schoolId));
      });
    },
    acrossSchools(work) {
      return db.transaction().execute(async (trx) => {
        await setScope(trx, 'all_schools');
        return work({
          ...crossSchoolStore(trx),
          async enterSchool(schoolId) {
            await setScope(trx, { schoolId });
            return schoolStore(trx, schoolId);
          },
        });
      });
    },
  };
}
