import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';

/**
 * Personal identifiers encrypted at rest (docs/enforcement.md, "Parties"):
 * AES-256-GCM with a random 96-bit IV per value, and a keyed HMAC-SHA-256 "blind index" so equal values can be
 * found (repeat offences) without decrypting. Both keys are derived from the secrets kept outside the database
 * (the same ring as the tamper evidence, config.ts `audit.keys`), one derivation per purpose so one use never hands
 * over another. The ring's last secret encrypts; older ones still decrypt and still match in lookups after a rotation.
 */
export interface PiiCipher {
  /** JSON text { k, iv, tag, data } (base64) */
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  /** the index of the value under every secret of the ring, current first: look a value up with `IN (...)` */
  indexes(plain: string): string[];
  /** the index under the current secret: what is stored with a new value */
  index(plain: string): string;
}

interface RingKey {
  id: string;
  aes: Buffer;
  mac: Buffer;
}

const derive = (secret: string, purpose: string): Buffer =>
  createHmac('sha256', Buffer.from(secret, 'utf8')).update(purpose).digest();

export function createPiiCipher(secrets: readonly string[]): PiiCipher {
  if (secrets.length === 0) throw new Error('createPiiCipher: no secret configured');
  const ring: RingKey[] = secrets.map((s) => {
    const aes = derive(s, 'cityloop/pii-aes-256-gcm');
    return {
      id: createHash('sha256').update(aes).digest('hex').slice(0, 12),
      aes,
      mac: derive(s, 'cityloop/pii-blind-index'),
    };
  });
  const current = ring[ring.length - 1]!;
  const mac = (key: RingKey, plain: string) => createHmac('sha256', key.mac).update(plain, 'utf8').digest('hex');
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current.aes, iv);
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return JSON.stringify({
        k: current.id,
        iv: iv.toString('base64'),
        tag: cipher.getAuthTag().toString('base64'),
        data: data.toString('base64'),
      });
    },
    decrypt(stored) {
      const box = JSON.parse(stored) as { k: string; iv: string; tag: string; data: string };
      const key = ring.find((r) => r.id === box.k);
      if (!key) throw new Error(`pii cipher: no secret with key id ${box.k} in the ring`);
      const decipher = createDecipheriv('aes-256-gcm', key.aes, Buffer.from(box.iv, 'base64'));
      decipher.setAuthTag(Buffer.from(box.tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(box.data, 'base64')), decipher.final()]).toString('utf8');
    },
    indexes: (plain) => [...ring].reverse().map((k) => mac(k, plain)),
    index: (plain) => mac(current, plain),
  };
}
