import { writeSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';

// Loaded into the app with `node --import tsx --import ./bench/load/query-census-preload.ts`
// by the load benchmark: counts every statement the app sends to PGlite and
// the time until it resolved (queueing behind other statements included),
// and prints them as one `query-census <json>` line on stdout when the
// process exits. It patches PGlite's public methods only, so the app runs
// unchanged.

interface StatementStats {
  count: number;
  milliseconds: number;
}

const census = new Map<string, StatementStats>();

function record(sql: string, startedAt: number): void {
  const statement = sql.replace(/\s+/g, ' ').trim().slice(0, 120);
  const stats = census.get(statement) ?? { count: 0, milliseconds: 0 };
  stats.count += 1;
  stats.milliseconds += performance.now() - startedAt;
  census.set(statement, stats);
}

function timed<Result>(sql: string, run: () => Promise<Result>): Promise<Result> {
  const startedAt = performance.now();
  return run().finally(() => record(sql, startedAt));
}

const original = {
  query: PGlite.prototype.query,
  exec: PGlite.prototype.exec,
  transaction: PGlite.prototype.transaction,
};

PGlite.prototype.query = function (this: PGlite, ...args: Parameters<PGlite['query']>) {
  return timed(args[0], () => original.query.apply(this, args));
} as PGlite['query'];

PGlite.prototype.exec = function (this: PGlite, ...args: Parameters<PGlite['exec']>) {
  return timed(args[0], () => original.exec.apply(this, args));
} as PGlite['exec'];

PGlite.prototype.transaction = function <Result>(this: PGlite, callback: (transaction: Transaction) => Promise<Result>) {
  return original.transaction.call(this, (transaction) => {
    const counted: Transaction = Object.create(transaction) as Transaction;
    counted.query = ((...args: Parameters<Transaction['query']>) => timed(args[0], () => transaction.query(...args))) as Transaction['query'];
    counted.exec = ((...args: Parameters<Transaction['exec']>) => timed(args[0], () => transaction.exec(...args))) as Transaction['exec'];
    return callback(counted);
  });
} as PGlite['transaction'];

process.on('exit', () => {
  // Synchronous: the process is ending and an asynchronous write to a pipe could be lost.
  writeSync(1, `query-census ${JSON.stringify(Object.fromEntries(census))}\n`);
});
