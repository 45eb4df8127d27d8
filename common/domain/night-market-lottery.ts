/**
 * The verifiable public lottery of 夜市 stalls (docs/night-market.md, "The draw"), written once for the server and
 * the browser: both have Web Crypto's SHA-256. `scripts/lottery-verify.js` is an independent reimplementation on
 * node:crypto, so a bug here would show up as a mismatch there.
 *
 *   commitment = hex(SHA-256(utf8(secret)))
 *   seed       = SHA-256(utf8(secret) ‖ utf8(publicValue))                      (32 bytes)
 *   block k    = SHA-256(seed ‖ uint32be(k)), k = 0, 1, 2, …                     (8 big-endian uint32 words each)
 *   uniform(n) = next word w; reject while w ≥ 2^32 − (2^32 mod n); answer w mod n
 *   order      = Fisher–Yates over the entrants sorted ascending: for i = n−1 … 1, swap i with uniform(i + 1)
 */

/** The format named in every published file; a reader refuses any other. */
export const LOTTERY_FORMAT = 'cityloop-night-market-lottery/1';

const encoder = new TextEncoder();
const TWO_32 = 2 ** 32;

async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes as BufferSource));
}

export const toHex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export const HEX_64 = /^[0-9a-f]{64}$/;

/** hex(SHA-256(utf8(secret))): what the bureau publishes before the draw. */
export async function commitmentOf(secret: string): Promise<string> {
  return toHex(await sha256(encoder.encode(secret)));
}

/** SHA-256(utf8(secret) ‖ utf8(publicValue)), the 32-byte seed of the draw. */
export async function seedOf(secret: string, publicValue: string): Promise<Uint8Array> {
  return sha256(concat(encoder.encode(secret), encoder.encode(publicValue)));
}

/** The deterministic generator: SHA-256 in counter mode over the seed, 32-bit words taken big-endian. */
export function wordStream(seed: Uint8Array): () => Promise<number> {
  let counter = 0;
  let block: Uint8Array | null = null;
  let at = 32;
  return async () => {
    if (!block || at >= 32) {
      const k = new Uint8Array(4);
      new DataView(k.buffer).setUint32(0, counter, false);
      counter += 1;
      block = await sha256(concat(seed, k));
      at = 0;
    }
    const word = new DataView(block.buffer, block.byteOffset + at, 4).getUint32(0, false);
    at += 4;
    return word;
  };
}

/** A uniform integer in [0, n) by rejection sampling: no modulo bias for any n up to 2^32. */
export async function uniformBelow(next: () => Promise<number>, n: number): Promise<number> {
  if (!Number.isInteger(n) || n < 1 || n > TWO_32) throw new RangeError('n must be an integer in [1, 2^32]');
  const limit = TWO_32 - (TWO_32 % n);
  for (;;) {
    const w = await next();
    if (w < limit) return w % n;
  }
}

/** Entrants in ascending order of their UTF-16 code units (application numbers are ASCII, so byte order too). */
export const ascending = (ids: readonly string[]): string[] => [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** The drawn order: a seeded Fisher–Yates over the entrants sorted ascending. */
export async function drawOrder(seed: Uint8Array, entrants: readonly string[]): Promise<string[]> {
  const a = ascending(entrants);
  const next = wordStream(seed);
  for (let i = a.length - 1; i >= 1; i--) {
    const j = await uniformBelow(next, i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** Everything anyone needs to replay a draw (the published JSON file). */
export interface LotteryFile {
  format: typeof LOTTERY_FORMAT;
  city: string;
  market: string;
  roundNo: string;
  roundName: string;
  commitment: string;
  committedAt: string;
  publicValueSource: string;
  publicValue: string;
  secret: string;
  /** application numbers taking part, ascending */
  entrants: string[];
  seed: string;
  /** application numbers in drawn order; the first ones get the stalls in `stalls` order */
  order: string[];
  /** stall codes in the order they are handed out */
  stalls: string[];
  drawnAt: string;
}

export type LotteryCheck =
  | { match: true; order: string[] }
  | { match: false; reason: 'format' | 'commitment' | 'entrants' | 'seed' | 'order'; order?: string[] };

/** Replays a published file: the secret against the commitment, the seed, and the drawn order. */
export async function verifyLottery(file: LotteryFile): Promise<LotteryCheck> {
  if (file.format !== LOTTERY_FORMAT) return { match: false, reason: 'format' };
  if ((await commitmentOf(file.secret)) !== file.commitment) return { match: false, reason: 'commitment' };
  const sorted = ascending(file.entrants);
  if (sorted.some((id, i) => id !== file.entrants[i] || (i > 0 && id === sorted[i - 1])))
    return { match: false, reason: 'entrants' };
  const seed = await seedOf(file.secret, file.publicValue);
  if (toHex(seed) !== file.seed) return { match: false, reason: 'seed' };
  const order = await drawOrder(seed, file.entrants);
  if (order.length !== file.order.length || order.some((id, i) => id !== file.order[i]))
    return { match: false, reason: 'order', order };
  return { match: true, order };
}
