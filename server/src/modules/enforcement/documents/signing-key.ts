import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  sign,
  type KeyObject,
} from 'node:crypto';
import type { Executor } from '../../../platform/db.ts';

/**
 * Each city's Ed25519 key that signs its case bundles (docs/enforcement.md, "Bundle"). Generated on first use; the
 * private key is stored only as AES-256-GCM ciphertext under a key derived from the secret ring kept outside the
 * database (its own derivation label, as pii-cipher.ts does for ID numbers), so a database copy cannot sign.
 * The public key is published with its fingerprint, so a bundle can be checked against a key obtained separately.
 */
export interface SigningKey {
  publicKey: string;
  fingerprint: string;
  createdAt: string;
  sign(bytes: Buffer): string;
}

const derive = (secret: string) =>
  createHmac('sha256', Buffer.from(secret, 'utf8')).update('cityloop/enforcement-signing-key').digest();
const keyId = (aes: Buffer) => createHash('sha256').update(aes).digest('hex').slice(0, 12);
const rawPublic = (k: KeyObject) => k.export({ format: 'der', type: 'spki' }).subarray(-32);
/** first 16 hex digits of SHA-256 over the raw 32-byte public key (the audit checkpoints' fingerprint form) */
export const fingerprintOf = (raw: Buffer) => createHash('sha256').update(raw).digest('hex').slice(0, 16);

export function createSigningKeys(secrets: readonly string[]) {
  if (!secrets.length) throw new Error('createSigningKeys: no secret configured');
  const ring = secrets.map((s) => {
    const aes = derive(s);
    return { id: keyId(aes), aes };
  });
  const current = ring[ring.length - 1]!;

  function seal(der: Buffer): string {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', current.aes, iv);
    const data = Buffer.concat([c.update(der), c.final()]);
    const box = { k: current.id, iv: iv.toString('base64'), tag: c.getAuthTag().toString('base64') };
    return JSON.stringify({ ...box, data: data.toString('base64') });
  }
  function open(stored: string): KeyObject {
    const box = JSON.parse(stored) as { k: string; iv: string; tag: string; data: string };
    const key = ring.find((r) => r.id === box.k);
    if (!key) throw new Error(`signing key: no secret with key id ${box.k} in the ring`);
    const d = createDecipheriv('aes-256-gcm', key.aes, Buffer.from(box.iv, 'base64'));
    d.setAuthTag(Buffer.from(box.tag, 'base64'));
    const der = Buffer.concat([d.update(Buffer.from(box.data, 'base64')), d.final()]);
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  }

  /** The tenant's key, generated and stored on first use (concurrent first users keep the one stored first). */
  async function forTenant(db: Executor, tenantId: string, now: string): Promise<SigningKey> {
    let row = await db
      .selectFrom('enforcement_signing_keys')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .executeTakeFirst();
    if (!row) {
      const { publicKey, privateKey } = generateKeyPairSync('ed25519');
      const raw = rawPublic(publicKey);
      await db
        .insertInto('enforcement_signing_keys')
        .values({
          tenant_id: tenantId,
          public_key: raw.toString('base64'),
          fingerprint: fingerprintOf(raw),
          private_key_cipher: seal(privateKey.export({ format: 'der', type: 'pkcs8' })),
          created_at: now,
        })
        .onConflict((oc) => oc.column('tenant_id').doNothing())
        .execute();
      row = await db
        .selectFrom('enforcement_signing_keys')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .executeTakeFirstOrThrow();
    }
    const stored = row;
    return {
      publicKey: stored.public_key,
      fingerprint: stored.fingerprint,
      createdAt: stored.created_at,
      sign: (bytes) => {
        const key = open(stored.private_key_cipher);
        // The stored public half must belong to the private half, or the bundle could never verify.
        if (!rawPublic(createPublicKey(key)).equals(Buffer.from(stored.public_key, 'base64')))
          throw new Error('signing key: the stored public key does not match the private key');
        return sign(null, bytes, key).toString('base64');
      },
    };
  }
  return { forTenant };
}
export type SigningKeys = ReturnType<typeof createSigningKeys>;
