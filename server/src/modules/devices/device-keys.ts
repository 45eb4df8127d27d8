import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';

/**
 * Device keys (docs/iot.md, "Device keys"). The server must verify each message's HMAC, so it needs the key itself
 * (a hash would not do): a key is 32 random bytes shown once as 64 hex characters, and stored sealed with
 * AES-256-GCM under a key derived from the secrets kept outside the database (config `audit.keys`, the same ring as
 * the tamper evidence, with its own derivation). A copy of the database alone therefore forges no device. The ring's
 * last secret seals; older ones still open after a rotation of the ring.
 */
export interface DeviceKeyBox {
  /** a new key: the text shown once, its sealed box and its fingerprint */
  issue(): { key: string; sealed: string; fingerprint: string };
  open(sealed: string): string;
}

const derive = (secret: string) =>
  createHmac('sha256', Buffer.from(secret, 'utf8')).update('cityloop/device-key').digest();

/** The first 12 hex characters of the key's SHA-256: enough to tell which key a device holds, useless to forge. */
export const keyFingerprint = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 12);

export function createDeviceKeyBox(secrets: readonly string[]): DeviceKeyBox {
  if (secrets.length === 0) throw new Error('device keys: no secret configured');
  const ring = secrets.map((s) => {
    const aes = derive(s);
    return { id: createHash('sha256').update(aes).digest('hex').slice(0, 12), aes };
  });
  const current = ring[ring.length - 1]!;
  return {
    issue() {
      const key = randomBytes(32).toString('hex');
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current.aes, iv);
      const data = Buffer.concat([cipher.update(key, 'utf8'), cipher.final()]);
      const sealed = JSON.stringify({
        k: current.id,
        iv: iv.toString('base64'),
        tag: cipher.getAuthTag().toString('base64'),
        data: data.toString('base64'),
      });
      return { key, sealed, fingerprint: keyFingerprint(key) };
    },
    open(sealed) {
      const box = JSON.parse(sealed) as { k: string; iv: string; tag: string; data: string };
      const entry = ring.find((r) => r.id === box.k);
      if (!entry) throw new Error(`device keys: no secret with key id ${box.k} in the ring`);
      const decipher = createDecipheriv('aes-256-gcm', entry.aes, Buffer.from(box.iv, 'base64'));
      decipher.setAuthTag(Buffer.from(box.tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(box.data, 'base64')), decipher.final()]).toString('utf8');
    },
  };
}
