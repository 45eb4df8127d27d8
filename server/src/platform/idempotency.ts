import type { Database, Executor } from './db.ts';
import { isUniqueViolation } from './db.ts';
import { AppError } from './errors.ts';

export interface StoredResponse<T> {
  status: number;
  body: T;
  replayed: boolean;
}

const KEY_PATTERN = /^[\w.:-]{8,128}$/;

/** Validates an Idempotency-Key header value (400 naming the header when malformed). */
export function idempotencyKey(header: string | string[] | undefined): string | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value === '') return null;
  if (!KEY_PATTERN.test(value)) {
    throw new AppError('VALIDATION_FAILED', 400, [{ field: 'headers.idempotency-key', rule: 'pattern', message: '8–128 characters: letters, digits, . _ : -' }]);
  }
  return value;
}

/**
 * The stored response of an earlier request with this key, if any. For creates that validate against the current
 * data before writing (imports): a retry must get the first result, not "already exists" (issue 8).
 */
export async function replay<T>(database: Database, scope: string, key: string | null): Promise<StoredResponse<T> | undefined> {
  if (!key) return undefined;
  const row = await database.db.selectFrom('idempotency_keys').selectAll().where('scope', '=', scope).where('key', '=', key).executeTakeFirst();
  return row ? { status: row.status, body: JSON.parse(row.body) as T, replayed: true } : undefined;
}

/**
 * Runs a create exactly once per (scope, key): the key row is written in the same transaction as the created
 * record, so a retry — or a concurrent duplicate whose insert of the key collides — gets the first response and
 * never a second record (issue 4 "every create endpoint honours an Idempotency-Key header").
 */
export async function once<T>(
  database: Database,
  scope: string,
  key: string | null,
  now: () => string,
  run: (tx: Executor) => Promise<{ status: number; body: T }>,
): Promise<StoredResponse<T>> {
  const { db } = database;
  if (!key) {
    const result = await db.transaction().execute(run);
    return { ...result, replayed: false };
  }
  const stored = () => replay<T>(database, scope, key);
  const earlier = await stored();
  if (earlier) return earlier;
  try {
    const result = await db.transaction().execute(async (tx) => {
      const out = await run(tx);
      await tx.insertInto('idempotency_keys').values({ scope, key, status: out.status, body: JSON.stringify(out.body), created_at: now() }).execute();
      return out;
    });
    return { ...result, replayed: false };
  } catch (err) {
    if (isUniqueViolation(err)) {
      const winner = await stored();
      if (winner) return winner;
    }
    throw err;
  }
}
