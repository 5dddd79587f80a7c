// PGlite is one connection. Kysely's PGlite driver hands that same connection to every caller,
// so a query from one request could land inside another request's transaction. This driver
// lets one caller hold the connection at a time, from acquire to release.
import type { DatabaseConnection, Dialect, Driver, Kysely, QueryCompiler, TransactionSettings } from 'kysely';

type Options = Parameters<Driver['init']>[0];

export class OneAtATimeDriver implements Driver {
  readonly #inner: Driver;
  #queue: Promise<void> = Promise.resolve();
  #releaseCurrent: (() => void) | undefined;

  constructor(inner: Driver) {
    this.#inner = inner;
  }

  init(options?: Options): Promise<void> {
    return this.#inner.init(options);
  }

  async acquireConnection(options?: Options): Promise<DatabaseConnection> {
    const previous = this.#queue;
    const turn = Promise.withResolvers<void>();
    this.#queue = turn.promise;
    await previous;
    this.#releaseCurrent = turn.resolve;
    return this.#inner.acquireConnection(options);
  }

  async releaseConnection(connection: DatabaseConnection, options?: Options): Promise<void> {
    try {
      await this.#inner.releaseConnection(connection, options);
    } finally {
      const release = this.#releaseCurrent;
      this.#releaseCurrent = undefined;
      release?.();
    }
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.#inner.beginTransaction(connection, settings);
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#inner.commitTransaction(connection);
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#inner.rollbackTransaction(connection);
  }

  async savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    await this.#inner.savepoint?.(connection, name, compile);
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    await this.#inner.rollbackToSavepoint?.(connection, name, compile);
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    await this.#inner.releaseSavepoint?.(connection, name, compile);
  }

  destroy(options?: Options): Promise<void> {
    return this.#inner.destroy(options);
  }
}

/** Wraps a dialect so that its driver serves one caller at a time. */
export function oneAtATime(dialect: Dialect): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createDriver: () => new OneAtATimeDriver(dialect.createDriver()),
    createIntrospector: (db: Kysely<unknown>) => dialect.createIntrospector(db),
    createQueryCompiler: () => dialect.createQueryCompiler(),
  };
}
