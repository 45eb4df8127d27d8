/**
 * Which database failures mean "storage is unavailable right now" rather than "our code is wrong". The central
 * error handler answers these with 503 and Retry-After, so clients and load balancers retry or fail over, and
 * keeps 500 for real bugs. The codes and their meaning are listed in docs/security.md ("Storage failures").
 */

/** SQLite primary result codes; better-sqlite3 reports extended codes as e.g. SQLITE_BUSY_SNAPSHOT, SQLITE_IOERR_WRITE. */
const SQLITE_UNAVAILABLE = [
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_READONLY',
  'SQLITE_IOERR',
  'SQLITE_FULL',
  'SQLITE_CANTOPEN',
  'SQLITE_PROTOCOL',
];

/** PostgreSQL SQLSTATEs: whole classes (08 connection exception, 53 insufficient resources) and single codes. */
const PG_UNAVAILABLE_CLASSES = ['08', '53'];
const PG_UNAVAILABLE_CODES = new Set([
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, recovery)
  '25006', // read_only_sql_transaction (a standby, or default_transaction_read_only)
  '55P03', // lock_not_available (lock_timeout elapsed)
]);

/** Socket-level failures reaching the PostgreSQL server. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/** node-postgres raises these without a code when a connection dies or cannot be had from the pool. */
const PG_CLIENT_MESSAGES =
  /^(Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect)/;

const codeOf = (err: object): string =>
  'code' in err && err.code !== undefined && err.code !== null ? String(err.code) : '';

function unavailable(err: object): boolean {
  const code = codeOf(err);
  if (code.startsWith('SQLITE_')) return SQLITE_UNAVAILABLE.some((c) => code === c || code.startsWith(`${c}_`));
  if (
    /^[0-9A-Z]{5}$/.test(code) &&
    (PG_UNAVAILABLE_CODES.has(code) || PG_UNAVAILABLE_CLASSES.includes(code.slice(0, 2)))
  )
    return true;
  if (NETWORK_CODES.has(code)) return true;
  return err instanceof Error && !code && PG_CLIENT_MESSAGES.test(err.message);
}

/** True when the error (or one it wraps, via `cause`) says the database cannot serve the request right now. */
export function isStorageUnavailable(err: unknown): boolean {
  let current: unknown = err;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth += 1) {
    if (unavailable(current)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** Seconds a client should wait before retrying a request refused because storage was unavailable. */
export const STORAGE_RETRY_AFTER_SECONDS = 5;
