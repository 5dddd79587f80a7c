// What services need from the outside world. Adapters implement these; services never
// see a database handle, a driver or a framework.
import type { Setting } from '../domain/setting.ts';
import type { PolicyLibrary } from './policies.ts';

export interface SettingsRepository {
  find(key: string): Promise<Setting | undefined>;
  save(key: string, value: unknown, at: Date): Promise<void>;
}

/** The repositories, all working in the same transaction when given by `inTransaction`. */
export interface Store {
  settings: SettingsRepository;
}

export interface DatabaseStatus {
  /** Resolves when the database answers, rejects when it does not. */
  ping(): Promise<void>;
}

export interface Clock {
  now(): Date;
}

export type { PolicyLibrary } from './policies.ts';

export interface Adapters {
  store: Store;
  policyLibrary: PolicyLibrary;
  inTransaction<T>(work: (store: Store) => Promise<T>): Promise<T>;
  database: DatabaseStatus;
  clock: Clock;
}
