import { createHash, createPrivateKey, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import type { FederationMessage, SignedEnvelope } from '../../../../common/domain/federation.ts';
import { canonicalJson, verifySignature } from '../../platform/chain-keys.ts';
import type { PiiCipher } from '../../platform/pii-cipher.ts';

/**
 * The federation's keys and signatures (docs/federation.md, "Keys" and "Canonical form"). A tenant's Ed25519 key
 * pair is made with node:crypto; the private half is stored only encrypted under the secret ring kept outside the
 * database (platform/pii-cipher.ts), and nothing ever serves it.
 */
export interface GeneratedKey {
  keyId: string;
  /** raw 32-byte public key, base64 */
  publicKey: string;
  privateCipher: string;
  fingerprint: string;
}

/** SHA-256 over the raw public key, lowercase hex: the full fingerprint; its first 16 digits are the key id. */
export const fingerprintOf = (publicKeyBase64: string): string =>
  createHash('sha256').update(Buffer.from(publicKeyBase64, 'base64')).digest('hex');
export const keyIdOf = (publicKeyBase64: string): string => fingerprintOf(publicKeyBase64).slice(0, 16);

export function generateKey(pii: PiiCipher): GeneratedKey {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  // SPKI DER of Ed25519 is a fixed 12-byte header followed by the 32-byte key.
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('base64');
  const pkcs8 = privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
  return { keyId: keyIdOf(raw), publicKey: raw, privateCipher: pii.encrypt(pkcs8), fingerprint: fingerprintOf(raw) };
}

/** The UTF-8 text a signature covers: canonical JSON of the message (sorted keys, no whitespace). */
export const signedText = (message: FederationMessage): string => canonicalJson(message);

export function signMessage(pii: PiiCipher, privateCipher: string, message: FederationMessage): SignedEnvelope {
  const key = createPrivateKey({
    key: Buffer.from(pii.decrypt(privateCipher), 'base64'),
    format: 'der',
    type: 'pkcs8',
  });
  return { message, signature: sign(null, Buffer.from(signedText(message), 'utf8'), key).toString('base64') };
}

export const verifyEnvelope = (publicKey: string, envelope: SignedEnvelope): boolean =>
  verifySignature(publicKey, signedText(envelope.message), envelope.signature);

export const newNonce = (): string => randomBytes(16).toString('base64url');
