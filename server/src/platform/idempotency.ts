import { createHash } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { IdempotencyKeysTable } from '../db/schema.ts';
import type { Database, Executor } from './db.ts';
import { isUniqueViolation } from './db.ts';
import { AppError } from './errors.ts';
import { compiledStatement } from './compiled-statements.ts';

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
    throw new AppError('VALIDATION_FAILED', 400, [
      { field: 'headers.idempotency-key', rule: 'pattern', message: '8–128 characters: letters, digits, . _ : -' },
    ]);
  }
  return value;
}

class Literal {
  constructor(readonly text: string) {}
}

/**
 * sha256 of a canonical form of a request: object keys sorted, `undefined` members left out (as JSON does), bytes
 * (uploads) by their own sha256. Two requests a client would call "the same" hash alike whatever their key order.
 * Iterative, so a deeply nested document cannot overflow the stack.
 */
export function requestFingerprint(request: unknown): string {
  const hash = createHash('sha256');
  const stack: unknown[] = [request];
  while (stack.length > 0) {
    const item = stack.pop();
    if (item instanceof Literal) hash.update(item.text);
    else if (item === undefined || item === null || typeof item === 'function' || typeof item === 'symbol')
      hash.update('null');
    else if (typeof item === 'bigint') hash.update(item.toString());
    else if (typeof item !== 'object') hash.update(JSON.stringify(item) ?? 'null');
    else if (ArrayBuffer.isView(item)) {
      const bytes = createHash('sha256')
        .update(new Uint8Array(item.buffer, item.byteOffset, item.byteLength))
        .digest('hex');
      hash.update(`{"$bytes":"${bytes}"}`);
    } else if (item instanceof Date) hash.update(JSON.stringify(item.toISOString()));
    else if (Array.isArray(item)) {
      const parts: unknown[] = [new Literal('[')];
      item.forEach((v, i) => parts.push(...(i ? [new Literal(',')] : []), v));
      parts.push(new Literal(']'));
      for (let i = parts.length - 1; i >= 0; i -= 1) stack.push(parts[i]);
    } else {
      const keys = Object.keys(item)
        .filter((k) => (item as Record<string, unknown>)[k] !== undefined)
        .sort();
      const parts: unknown[] = [new Literal('{')];
      keys.forEach((k, i) =>
        parts.push(new Literal(`${i ? ',' : ''}${JSON.stringify(k)}:`), (item as Record<string, unknown>)[k]),
      );
      parts.push(new Literal('}'));
      for (let i = parts.length - 1; i >= 0; i -= 1) stack.push(parts[i]);
    }
  }
  return hash.digest('hex');
}

/** A key already used with a different request: replaying the first answer would hide that the new one was lost. */
export const keyReused = () => new AppError('IDEMPOTENCY_KEY_REUSED', 422, { header: 'idempotency-key' });

// Compiled once: every create with a key runs these (platform/compiled-statements.ts).
const storedRow = compiledStatement((db, p: { scope: string; key: string }) =>
  db.selectFrom('idempotency_keys').selectAll().where('scope', '=', p.scope).where('key', '=', p.key),
);
const insertKey = compiledStatement((db, row: Insertable<IdempotencyKeysTable>) =>
  db.insertInto('idempotency_keys').values(row),
);

async function storedResponse<T>(
  db: Executor,
  scope: string,
  key: string,
  requestHash: string,
): Promise<StoredResponse<T> | undefined> {
  const row = await storedRow.first(db, { scope, key });
  if (!row) return undefined;
  // Rows stored before fingerprints were kept have none; they replay as they always did.
  if (row.request_hash !== null && row.request_hash !== requestHash) throw keyReused();
  return { status: row.status, body: JSON.parse(row.body) as T, replayed: true };
}

/**
 * The stored response of an earlier request with this key, if any. For creates that validate against the current
 * data before writing (imports): a retry must get the first result, not "already exists". `request` is
 * what the caller sent (the validated body, the uploaded bytes): the same key with a different request is a 422.
 */
export async function replay<T>(
  database: Database,
  scope: string,
  key: string | null,
  request: unknown,
): Promise<StoredResponse<T> | undefined> {
  if (!key) return undefined;
  return storedResponse<T>(database.db, scope, key, requestFingerprint(request));
}

/**
 * Runs a create exactly once per (scope, key): the key row is written in the same transaction as the created
 * record, so a retry — or a concurrent duplicate whose insert of the key collides — gets the first response and
 * never a second record (every create endpoint honours an Idempotency-Key header). The key row keeps the
 * fingerprint of `request` (what the caller sent): a later request with the key but a different body is refused
 * with 422 IDEMPOTENCY_KEY_REUSED instead of being answered with the first result.
 */
export async function once<T>(
  database: Database,
  scope: string,
  key: string | null,
  now: () => string,
  run: (tx: Executor) => Promise<{ status: number; body: T }>,
  request: unknown,
): Promise<StoredResponse<T>> {
  const { db } = database;
  if (!key) {
    const result = await db.transaction().execute(run);
    return { ...result, replayed: false };
  }
  const requestHash = requestFingerprint(request);
  const stored = () => storedResponse<T>(db, scope, key, requestHash);
  const earlier = await stored();
  if (earlier) return earlier;
  try {
    const result = await db.transaction().execute(async (tx) => {
      const out = await run(tx);
      await insertKey.execute(tx, {
        scope,
        key,
        status: out.status,
        body: JSON.stringify(out.body),
        created_at: now(),
        request_hash: requestHash,
      });
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
