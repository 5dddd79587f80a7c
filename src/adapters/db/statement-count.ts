// Counts every statement sent to the database, transaction control included, so that a
// benchmark can say how many statements a page costs. One integer added per statement.
import type {
  CompiledQuery,
  DatabaseConnection,
  Dialect,
  QueryResult,
  Driver,
  Kysely,
  QueryCompiler,
  TransactionSettings,
} from 'kysely';

type Options = Parameters<Driver['init']>[0];

export interface StatementCounter {
  /** Statements sent since the database was opened. */
  readonly sent: number;
}

class CountedConnection implements DatabaseConnection {
  readonly inner: DatabaseConnection;
  readonly #count: { sent: number };

  constructor(inner: DatabaseConnection, count: { sent: number }) {
    this.inner = inner;
    this.#count = count;
  }

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    this.#count.sent += 1;
    return this.inner.executeQuery<R>(query);
  }

  streamQuery<R>(query: CompiledQuery, chunkSize: number): AsyncIterableIterator<QueryResult<R>> {
    this.#count.sent += 1;
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

class CountingDriver implements Driver {
  readonly #inner: Driver;
  readonly #count: { sent: number };

  constructor(inner: Driver, count: { sent: number }) {
    this.#inner = inner;
    this.#count = count;
  }

  init(options?: Options): Promise<void> {
    return this.#inner.init(options);
  }

  async acquireConnection(options?: Options): Promise<DatabaseConnection> {
    return new CountedConnection(await this.#inner.acquireConnection(options), this.#count);
  }

  releaseConnection(connection: DatabaseConnection, options?: Options): Promise<void> {
    return this.#inner.releaseConnection(innerOf(connection), options);
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    this.#count.sent += 1;
    return this.#inner.beginTransaction(innerOf(connection), settings);
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    this.#count.sent += 1;
    return this.#inner.commitTransaction(innerOf(connection));
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    this.#count.sent += 1;
    return this.#inner.rollbackTransaction(innerOf(connection));
  }

  async savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    this.#count.sent += 1;
    await this.#inner.savepoint?.(innerOf(connection), name, compile);
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    this.#count.sent += 1;
    await this.#inner.rollbackToSavepoint?.(innerOf(connection), name, compile);
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    this.#count.sent += 1;
    await this.#inner.releaseSavepoint?.(innerOf(connection), name, compile);
  }

  destroy(options?: Options): Promise<void> {
    return this.#inner.destroy(options);
  }
}

/** The driver that made a connection is handed back the one it made. */
const innerOf = (connection: DatabaseConnection) =>
  connection instanceof CountedConnection ? connection.inner : connection;

/** Wraps a dialect so that its driver counts the statements it sends. */
export function countingStatements(dialect: Dialect): { dialect: Dialect; counter: StatementCounter } {
  const count = { sent: 0 };
  return {
    counter: count,
    dialect: {
      createAdapter: () => dialect.createAdapter(),
      createDriver: () => new CountingDriver(dialect.createDriver(), count),
      createIntrospector: (db: Kysely<unknown>) => dialect.createIntrospector(db),
      createQueryCompiler: () => dialect.createQueryCompiler(),
    },
  };
}
