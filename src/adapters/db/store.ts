// The repositories, bound to a database handle or to a transaction, as services see them.
import type { Kysely } from 'kysely';
import type { Store } from '../../services/ports.ts';
import { findSetting, saveSetting } from './repositories/app-settings.ts';
import type { Tables } from './tables.ts';

export function storeFor(db: Kysely<Tables>): Store {
  return {
    settings: {
      find: (key) => findSetting(db, key),
      save: (key, value, at) => saveSetting(db, key, value, at),
    },
  };
}
