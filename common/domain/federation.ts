/**
 * 全域与跨区域 vocabulary (docs/federation.md): what peers exchange, what a sharing agreement may allow, and the
 * outbox's back-off. Pure; both the server and the console use it.
 */

/** Kinds of 通报 (bulletins) a peer may agree to receive. */
export const BULLETIN_KINDS = ['blacklisted_truck', 'repeat_offender'] as const;
export type BulletinKind = (typeof BULLETIN_KINDS)[number];

/** Personal data a bulletin may carry, each only where the peer's agreement lists it. */
export const PERSONAL_FIELDS = ['plate', 'company', 'name', 'idNumber', 'phone'] as const;
export type PersonalField = (typeof PERSONAL_FIELDS)[number];

/** What travels between instances; every kind is signed the same way. */
export const MESSAGE_KINDS = [
  'bulletin',
  'transfer',
  'transfer_reply',
  'progress',
  'key_rotation',
  'recognition', // 互认: an offence record the peer is asked to count as a prior offence
  'joint_action', // 联合执法邀请
  'request_reply', // the answer to a recognition request or a joint-action invitation
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const OUTBOX_STATUSES = ['pending', 'delivered', 'failed'] as const;
export const INBOX_STATUSES = ['received', 'accepted', 'returned', 'applied'] as const;
export const TRANSFER_STATUSES = ['pending', 'accepted', 'returned'] as const;
/** Kinds an operator answers with a request_reply (accepted, or declined with a note). */
export const REQUEST_KINDS = ['recognition', 'joint_action'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];
/** The peer's answer to a request, kept on the request's outbound message. */
export const REPLY_STATUSES = ['accepted', 'declined'] as const;

/** What a joint-action invitation asks the peer to send (联合执法邀请). */
export const JOINT_ROLES = [
  'enforcement', // 执法队员
  'inspector', // 监督员
  'muck', // 渣土管理
  'traffic_police', // 交警
  'environment', // 生态环境
  'market', // 市场监管
] as const;
export type JointRole = (typeof JOINT_ROLES)[number];

/**
 * 互认 travels only where the agreement shares 多次违法当事人 (repeat_offender): the offence record is the same kind
 * of data. Its personal fields follow the agreement's `personal` list like a bulletin's; an organisation's unified
 * credit code is a public register entry and always travels.
 */
export const recognitionShared = (a: SharingAgreement): boolean => a.bulletins.includes('repeat_offender');

export interface SharingAgreement {
  /** bulletin kinds sent to and accepted from this peer */
  bulletins: BulletinKind[];
  /** whether cases are transferred (移送) both ways */
  cases: boolean;
  /** personal fields a bulletin to this peer may keep; the others are dropped before signing */
  personal: PersonalField[];
}

export const NO_SHARING: SharingAgreement = { bulletins: [], cases: false, personal: [] };

/** The subject of a bulletin as entered; only the agreed personal fields leave the instance. */
export type BulletinSubject = Partial<Record<PersonalField, string>>;

export function allowedSubject(subject: BulletinSubject, agreement: SharingAgreement): BulletinSubject {
  const out: BulletinSubject = {};
  for (const f of agreement.personal) if (subject[f]) out[f] = subject[f];
  return out;
}

/** The message as signed: the canonical JSON of this object is what the signature covers (docs/federation.md). */
export interface FederationMessage {
  v: 1;
  id: string;
  kind: MessageKind;
  /** sender's tenant code and the id of the key that signed */
  sender: { tenant: string; key: string };
  recipient: string;
  /** ISO-8601 UTC instant */
  time: string;
  /** 128 random bits, base64url */
  nonce: string;
  body: Record<string, unknown>;
}

export interface SignedEnvelope {
  message: FederationMessage;
  /** Ed25519 signature over the canonical UTF-8 bytes of `message`, base64 */
  signature: string;
}

/**
 * The outbox's back-off after the n-th failed attempt (n ≥ 1): 30 s doubling, capped at one hour, so a peer down
 * for a day is tried about thirty times; after MAX_ATTEMPTS the message waits for an operator's retry.
 */
/**
 * Photos travel inside the signed transfer message, base64 (docs/federation.md, "Photos of a transfer"): at most this
 * many, and this many bytes in all before encoding, so one message stays a few MiB.
 */
export const MAX_TRANSFER_PHOTOS = 9;
export const MAX_TRANSFER_PHOTO_BYTES = 8 * 1024 * 1024;
export const TRANSFER_PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
/** The inbox takes a message this large: the photos base64-encoded (4/3) plus room for the rest. */
export const MAX_INBOX_BYTES = Math.ceil((MAX_TRANSFER_PHOTO_BYTES * 4) / 3) + 1024 * 1024;

export const MAX_ATTEMPTS = 40;
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

/** Default allowed difference between a message's time and the receiver's clock (setting federation.maxSkewSeconds). */
export const DEFAULT_MAX_SKEW_SECONDS = 300;
export const MAX_SKEW_KEY = 'federation.maxSkewSeconds';

/** Groups a hex fingerprint in fours, upper case, to read aloud or print: `3F2A 91C0 …`. */
export function groupedFingerprint(hex: string): string {
  return (hex.toUpperCase().match(/.{1,4}/g) ?? []).join(' ');
}
