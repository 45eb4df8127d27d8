import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fingerprintOfKey } from './fingerprint.ts';

describe('fingerprintOfKey', () => {
  it('groups the SHA-256 of the raw key as the server does, and refuses what is not a key', async () => {
    const raw = Buffer.alloc(32, 7).toString('base64');
    const hex = createHash('sha256').update(Buffer.alloc(32, 7)).digest('hex').toUpperCase();
    const fp = await fingerprintOfKey(` ${raw} `);
    expect(fp).toBe(hex.match(/.{4}/g)!.join(' '));
    expect(fp!.split(' ')).toHaveLength(16);
    expect(await fingerprintOfKey('not a key')).toBeNull();
  });
});
