/**
 * The database cannot be reached: the server is down or restarting, the
 * connection was refused or lost, no connection came free in time, or the
 * embedded database is closed. Nothing was written by the failed statement,
 * and the same request may succeed later (HTTP 503 with Retry-After).
 */
export class DatabaseUnavailableError extends Error {
  override readonly name = 'DatabaseUnavailableError';
  readonly isRetryable = true;
}

// Socket errors, and Postgres SQLSTATEs of class 08 (connection exception),
// 57P01-57P03 (shutting down, crash restart, not yet accepting) and 53300 (too many connections).
const unavailableCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', '57P01', '57P02', '57P03', '53300']);
const unavailableMessages = /^(PGlite is closed|Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/;

/** `error` as a DatabaseUnavailableError when it says the database could not be reached; otherwise `error` itself. */
export function asDatabaseUnavailable(error: unknown): unknown {
  if (error instanceof DatabaseUnavailableError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const unreachable =
    (typeof code === 'string' && (unavailableCodes.has(code) || code.startsWith('08'))) ||
    (error instanceof Error && unavailableMessages.test(error.message));
  return unreachable ? new DatabaseUnavailableError('The database cannot be reached; try again shortly', { cause: error }) : error;
}
