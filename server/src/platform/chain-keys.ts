import {
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  sign,
  timingSafeEqual,
  verify,
  type KeyObject,
} from 'node:crypto';

/**
 * Keys of the tamper evidence (docs/security.md "Tamper evidence"). Each secret is kept outside the database
 * (config.ts: AUDIT_HMAC_KEY or a generated file in DATA_DIR). From one secret two keys are derived, so a leak of
 * one use does not hand over the other: an HMAC-SHA-256 key for row hashes, and an Ed25519 key pair that signs
 * checkpoints (its public half lets anyone check an exported checkpoint without the secret).
 * A ring holds older secrets after a rotation, oldest first, so rows and checkpoints made under them still verify.
 */
export interface ChainKey {
  /** public fingerprint: the first 16 hex digits of SHA-256 over the raw Ed25519 public key */
  id: string;
  /** raw 32-byte Ed25519 public key, base64 */
  publicKey: string;
  /** HMAC-SHA-256 of the UTF-8 message under the row key, lowercase hex */
  hmac(message: string): string;
  /** Ed25519 signature of the UTF-8 message, base64 */
  sign(message: string): string;
}

/** PKCS#8 DER header of an Ed25519 private key (RFC 8410); followed by the 32-byte seed. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const derive = (secret: string, purpose: string): Buffer =>
  createHmac('sha256', Buffer.from(secret, 'utf8')).update(purpose).digest();

function chainKey(secret: string): ChainKey {
  const rowKey = derive(secret, 'cityloop/row-hmac');
  const privateKey = createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8_PREFIX, derive(secret, 'cityloop/checkpoint-ed25519')]),
    format: 'der',
    type: 'pkcs8',
  });
  const raw = rawPublicKey(createPublicKey(privateKey));
  return {
    id: fingerprint(raw),
    publicKey: raw.toString('base64'),
    hmac: (message) => createHmac('sha256', rowKey).update(message, 'utf8').digest('hex'),
    sign: (message) => sign(null, Buffer.from(message, 'utf8'), privateKey).toString('base64'),
  };
}

function rawPublicKey(key: KeyObject): Buffer {
  // SPKI DER of Ed25519 is a fixed 12-byte header followed by the 32-byte key.
  return key.export({ format: 'der', type: 'spki' }).subarray(-32);
}

const fingerprint = (raw: Buffer): string => createHash('sha256').update(raw).digest('hex').slice(0, 16);

/** Checks an Ed25519 signature with a raw public key (base64), as an auditor holding only the public key would. */
export function verifySignature(publicKeyBase64: string, message: string, signatureBase64: string): boolean {
  try {
    const raw = Buffer.from(publicKeyBase64, 'base64');
    if (raw.length !== 32) return false;
    const key = createPublicKey({
      key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), raw]),
      format: 'der',
      type: 'spki',
    });
    return verify(null, Buffer.from(message, 'utf8'), key, Buffer.from(signatureBase64, 'base64'));
  } catch {
    return false;
  }
}

export const sameHex = (a: string, b: string): boolean =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export class ChainKeys {
  /** oldest first; the last one signs new rows and checkpoints */
  readonly ring: readonly ChainKey[];

  constructor(secrets: readonly string[]) {
    if (!secrets.length) throw new Error('ChainKeys needs at least one secret');
    this.ring = secrets.map(chainKey);
  }

  get current(): ChainKey {
    return this.ring[this.ring.length - 1]!;
  }

  byId(id: string): ChainKey | undefined {
    return this.ring.find((k) => k.id === id);
  }
}

/**
 * The canonical serialisation that row hashes and seals cover (docs/security.md "Canonical form"): the UTF-8
 * bytes of a JSON array (ECMAScript JSON.stringify, no whitespace) whose first element names the table and format
 * version and whose other elements are the columns in a fixed order. Text is a JSON string exactly as stored
 * (columns holding JSON are hashed as their stored text, never re-parsed); SQL NULL is `null`; integers are JSON
 * numbers in decimal. Anything else (a fraction, a boolean, an object) is refused rather than guessed at.
 */
export function canonicalRow(tag: string, values: readonly unknown[]): string {
  for (const v of values) {
    if (v === null || typeof v === 'string') continue;
    if (typeof v === 'number' && Number.isSafeInteger(v)) continue;
    throw new Error(`canonicalRow(${tag}): only text, integers and null are hashed, got ${typeof v}`);
  }
  return JSON.stringify([tag, ...values]);
}

/** JSON with object keys sorted at every level and no whitespace: what checkpoint signatures cover. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('canonicalJson: non-finite number');
  return JSON.stringify(value);
}
