#!/usr/bin/env node
/**
 * Replays a published 夜市 stall lottery file and prints "match" or "mismatch: <reason>" (exit code 0 or 1).
 * Standalone on purpose: only node:crypto and node:fs, no project code, so anyone can read and run it and a mistake
 * in the project's own implementation would show as a mismatch here. The algorithm is in docs/night-market.md.
 *
 *   npm run lottery:verify -- lottery.json      (or: node scripts/lottery-verify.js lottery.json)
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const sha256 = (...parts) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};

function replay(file) {
  if (file.format !== 'cityloop-night-market-lottery/1') return { reason: 'unknown format' };
  const secret = Buffer.from(String(file.secret), 'utf8');
  if (sha256(secret).toString('hex') !== file.commitment) return { reason: 'the secret does not match the commitment' };
  const entrants = [...file.entrants];
  const sorted = [...entrants].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (sorted.some((id, i) => id !== entrants[i] || (i > 0 && id === sorted[i - 1])))
    return { reason: 'the entrants are not unique and in ascending order' };
  const seed = sha256(secret, Buffer.from(String(file.publicValue), 'utf8'));
  if (seed.toString('hex') !== file.seed) return { reason: 'the seed is not SHA-256(secret ‖ public value)' };

  // SHA-256 counter mode: block k = SHA-256(seed ‖ uint32be(k)), read as eight big-endian 32-bit words.
  let counter = 0;
  let block = Buffer.alloc(0);
  let at = 32;
  const word = () => {
    if (at >= 32) {
      const k = Buffer.alloc(4);
      k.writeUInt32BE(counter++);
      block = sha256(seed, k);
      at = 0;
    }
    const w = block.readUInt32BE(at);
    at += 4;
    return w;
  };
  // Rejection sampling: words at or above the largest multiple of n below 2^32 are thrown away.
  const below = (n) => {
    const limit = 2 ** 32 - (2 ** 32 % n);
    for (;;) {
      const w = word();
      if (w < limit) return w % n;
    }
  };
  const order = [...sorted];
  for (let i = order.length - 1; i >= 1; i--) {
    const j = below(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const same = order.length === file.order.length && order.every((id, i) => id === file.order[i]);
  return same ? { order } : { reason: 'the drawn order differs from the replay', order };
}

const path = process.argv[2];
if (!path) {
  console.error('usage: npm run lottery:verify -- <lottery.json>');
  process.exit(2);
}
let file;
try {
  file = JSON.parse(readFileSync(path, 'utf8'));
} catch (e) {
  console.error(`cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(2);
}
const result = replay(file);
if (result.reason) {
  console.log(`mismatch: ${result.reason}`);
  process.exit(1);
}
console.log(
  `match: ${result.order.length} entrants, commitment ${file.commitment.slice(0, 16)}…, seed ${file.seed.slice(0, 16)}…`,
);
