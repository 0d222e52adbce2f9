/** A row as returned by the database: column name to value. */
export type Row = Record<string, unknown>;

/** Something that runs SQL with positional parameters ($1, $2, ...). */
export interface Queryable {
  /** Runs one statement and returns its rows. */
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs several statements separated by semicolons, without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/**
 * The database port. Both implementations (embedded PGlite and `pg.Pool`)
 * run the same SQL and pass the same contract suite (`db-contract.ts`).
 */
export interface Db extends Queryable {
  /** Which implementation this is, for logs and `/readyz`. */
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs `work` inside one transaction: committed when it resolves,
   * rolled back when it throws (the error is rethrown).
   */
  transaction<T>(work: (transaction: Queryable) => Promise<T>): Promise<T>;
  /** Closes connections; the Db must not be used afterwards. */
  close(): Promise<void>;
}
