import { Type, type Static } from 'typebox';
import { Literals, Nullable, PageQuery } from './common.ts';
import {
  BULLETIN_KINDS,
  INBOX_STATUSES,
  JOINT_ROLES,
  MESSAGE_KINDS,
  OUTBOX_STATUSES,
  PERSONAL_FIELDS,
  REPLY_STATUSES,
  TRANSFER_STATUSES,
} from '../domain/federation.ts';

/** Request and response schemas of the federation module (docs/federation.md). */

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const TenantCode = Type.String({ pattern: '^[A-Za-z0-9_-]{1,20}$' });
const PublicKey = Type.String({ pattern: '^[A-Za-z0-9+/]{43}=$', description: 'raw Ed25519 public key, base64' });
const KeyId = Type.String({ pattern: '^[0-9a-f]{16}$' });

export const Sharing = Type.Object(
  {
    bulletins: Type.Array(Literals(BULLETIN_KINDS), { maxItems: BULLETIN_KINDS.length, uniqueItems: true }),
    cases: Type.Boolean(),
    personal: Type.Array(Literals(PERSONAL_FIELDS), { maxItems: PERSONAL_FIELDS.length, uniqueItems: true }),
  },
  { additionalProperties: false },
);

export const OwnKey = Type.Object({
  keyId: Type.String(),
  publicKey: Type.String(),
  /** SHA-256 of the raw key in groups of four hex digits, to read aloud or print */
  fingerprint: Type.String(),
  status: Type.String(),
  validUntil: Nullable(Type.String()),
  createdAt: Type.String(),
});
export type OwnKey = Static<typeof OwnKey>;
export const OwnKeys = Type.Object({ tenantCode: Nullable(Type.String()), keys: Type.Array(OwnKey) });
export type OwnKeys = Static<typeof OwnKeys>;

export const RotateKey = Type.Object(
  { overlapHours: Type.Optional(Type.Integer({ minimum: 0, maximum: 720, default: 72 })) },
  { additionalProperties: false },
);
export type RotateKey = Static<typeof RotateKey>;

export const PeerKey = Type.Object({
  keyId: Type.String(),
  fingerprint: Type.String(),
  validUntil: Nullable(Type.String()),
  revokedAt: Nullable(Type.String()),
  createdAt: Type.String(),
});

export const Peer = Type.Object({
  id: Type.String(),
  name: Type.String(),
  url: Type.String(),
  peerCode: Type.String(),
  sharing: Sharing,
  status: Type.String(),
  keys: Type.Array(PeerKey),
  createdAt: Type.String(),
});
export type Peer = Static<typeof Peer>;

const Url = Type.String({ maxLength: 300, pattern: '^https?://[^\\s]+$' });

export const PeerCreate = Type.Object(
  { name: Text(60), url: Url, peerCode: TenantCode, publicKey: PublicKey, sharing: Sharing },
  { additionalProperties: false },
);
export type PeerCreate = Static<typeof PeerCreate>;

export const PeerUpdate = Type.Object(
  {
    name: Type.Optional(Text(60)),
    url: Type.Optional(Url),
    sharing: Type.Optional(Sharing),
    status: Type.Optional(Literals(['active', 'revoked'] as const)),
  },
  { additionalProperties: false },
);
export type PeerUpdate = Static<typeof PeerUpdate>;

export const PeerKeyAdd = Type.Object({ publicKey: PublicKey }, { additionalProperties: false });
export const PeerKeyParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }), keyId: KeyId });
export const PeerQuery = Type.Object({ ...PageQuery.properties });
export type PeerQuery = Static<typeof PeerQuery>;

/** What arrives at the inbox: the message exactly as signed, and its signature. */
export const Envelope = Type.Object(
  {
    message: Type.Object(
      {
        v: Type.Literal(1),
        id: Type.String({ minLength: 1, maxLength: 64 }),
        kind: Literals(MESSAGE_KINDS),
        sender: Type.Object({ tenant: TenantCode, key: KeyId }, { additionalProperties: false }),
        recipient: TenantCode,
        time: Type.String({ format: 'date-time', maxLength: 40 }),
        nonce: Type.String({ pattern: '^[A-Za-z0-9_-]{16,64}$' }),
        body: Type.Record(Type.String(), Type.Unknown()),
      },
      { additionalProperties: false },
    ),
    signature: Type.String({ pattern: '^[A-Za-z0-9+/]{86}==$' }),
  },
  { additionalProperties: false },
);
export type Envelope = Static<typeof Envelope>;
export const InboxReceipt = Type.Object({ status: Literals(['received', 'duplicate'] as const), id: Type.String() });

export const Message = Type.Object({
  id: Type.String(),
  messageId: Type.String(),
  peerId: Type.String(),
  peerName: Type.String(),
  direction: Type.String(),
  kind: Type.String(),
  status: Type.String(),
  attempts: Type.Integer(),
  nextAttemptAt: Nullable(Type.String()),
  lastError: Nullable(Type.String()),
  /** the message's body, personal data masked */
  body: Type.Unknown(),
  localCaseId: Nullable(Type.String()),
  decisionNote: Nullable(Type.String()),
  /** out, a request (互认, joint action): the peer's answer and note once it arrives */
  replyStatus: Nullable(Literals(REPLY_STATUSES)),
  replyNote: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type Message = Static<typeof Message>;

export const MessageQuery = Type.Object({
  ...PageQuery.properties,
  direction: Literals(['in', 'out'] as const),
  status: Type.Optional(Literals([...INBOX_STATUSES, ...OUTBOX_STATUSES] as const)),
  kind: Type.Optional(Literals(MESSAGE_KINDS)),
  peerId: Type.Optional(Type.String({ maxLength: 64 })),
});
export type MessageQuery = Static<typeof MessageQuery>;

export const ReturnBody = Type.Object({ reason: Text(500) }, { additionalProperties: false });
export type ReturnBody = Static<typeof ReturnBody>;

export const BulletinSubject = Type.Object(
  {
    plate: Type.Optional(Type.String({ maxLength: 20 })),
    company: Type.Optional(Type.String({ maxLength: 100 })),
    name: Type.Optional(Type.String({ maxLength: 40 })),
    idNumber: Type.Optional(Type.String({ maxLength: 18 })),
    phone: Type.Optional(Type.String({ maxLength: 20 })),
  },
  { additionalProperties: false },
);

export const BulletinCreate = Type.Object(
  {
    peerIds: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 50, uniqueItems: true }),
    kind: Literals(BULLETIN_KINDS),
    summary: Text(500),
    subject: BulletinSubject,
  },
  { additionalProperties: false },
);
export type BulletinCreate = Static<typeof BulletinCreate>;
export const Queued = Type.Object({ ids: Type.Array(Type.String()) });

export const TransferCreate = Type.Object(
  {
    caseId: Type.String({ minLength: 1, maxLength: 64 }),
    peerId: Type.String({ minLength: 1, maxLength: 64 }),
    note: Text(500),
  },
  { additionalProperties: false },
);
export type TransferCreate = Static<typeof TransferCreate>;

export const Transfer = Type.Object({
  id: Type.String(),
  caseId: Type.String(),
  caseNo: Type.String(),
  peerId: Type.String(),
  peerName: Type.String(),
  status: Literals(TRANSFER_STATUSES),
  peerCaseNo: Nullable(Type.String()),
  peerStatus: Nullable(Type.String()),
  reason: Nullable(Type.String()),
  note: Nullable(Type.String()),
  progress: Type.Array(Type.Object({ at: Type.String(), status: Type.String(), caseNo: Nullable(Type.String()) })),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type Transfer = Static<typeof Transfer>;
export const TransferQuery = Type.Object({
  ...PageQuery.properties,
  caseId: Type.Optional(Type.String({ maxLength: 64 })),
});
export type TransferQuery = Static<typeof TransferQuery>;

export const ReportUpState = Type.Object({
  lastDay: Nullable(Type.String()),
  files: Type.Array(Type.String()),
});
export type ReportUpState = Static<typeof ReportUpState>;

/** Steps whose first time a report-up record carries (docs/federation.md, "Report-up"). */
export const REPORT_STEPS = [
  'reported',
  'verifying',
  'pending_filing',
  'pending_dispatch',
  'handling',
  'reported_back',
  'checking',
  'pending_close',
  'closed',
  'voided',
] as const;

const StepTime = Nullable(Type.String({ format: 'date-time' }));

/** One case in a report-up file: the national data-exchange fields (GB/T 47678.7-style). */
export const ReportUpRecord = Type.Object(
  {
    /** stable per case version (`<tenant code>:<case number>@<updatedAt>`): a receiver deduplicates by it */
    key: Type.String({ minLength: 1 }),
    caseNo: Type.String(),
    source: Type.String(),
    classCode: Type.String({ pattern: '^[0-9]{2}$' }),
    subclassCode: Type.String(),
    address: Nullable(Type.String()),
    lng: Type.Number(),
    lat: Type.Number(),
    gridCode: Nullable(Type.String()),
    steps: Type.Object(
      {
        reported: StepTime,
        verifying: StepTime,
        pending_filing: StepTime,
        pending_dispatch: StepTime,
        handling: StepTime,
        reported_back: StepTime,
        checking: StepTime,
        pending_close: StepTime,
        closed: StepTime,
        voided: StepTime,
      },
      { additionalProperties: false },
    ),
    status: Type.String(),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);
export type ReportUpRecord = Static<typeof ReportUpRecord>;

export const ReportUpFile = Type.Object(
  {
    format: Type.Literal('cityloop.report-up/1'),
    tenantCode: Type.String(),
    day: Type.String({ format: 'date' }),
    timeZone: Type.String(),
    generatedAt: Type.String({ format: 'date-time' }),
    cases: Type.Array(ReportUpRecord),
  },
  { additionalProperties: false },
);
export type ReportUpFile = Static<typeof ReportUpFile>;

/** 互认: the offence record sent to a peer (only the fields its agreement allows leave this instance). */
export const RecognitionCreate = Type.Object(
  {
    peerId: Type.String({ minLength: 1, maxLength: 64 }),
    /** this city's record number: the decision 文号 or the enforcement case number */
    recordNo: Text(60),
    violationCode: Type.String({ minLength: 1, maxLength: 40 }),
    violationOn: Type.String({ format: 'date', maxLength: 10 }),
    partyKind: Literals(['person', 'organisation'] as const),
    partyName: Type.Optional(Type.String({ maxLength: 100 })),
    idNumber: Type.Optional(Type.String({ maxLength: 18 })),
    creditCode: Type.Optional(Type.String({ maxLength: 18 })),
    /** what was decided, e.g. 罚款 500 元 */
    decision: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type RecognitionCreate = Static<typeof RecognitionCreate>;

const Point = Type.Tuple([Type.Number({ minimum: -180, maximum: 180 }), Type.Number({ minimum: -90, maximum: 90 })]);

/** 联合执法邀请: when, where (text and an optional polygon of [lng, lat] WGS84 points), whom, and who to call. */
export const JointActionCreate = Type.Object(
  {
    peerId: Type.String({ minLength: 1, maxLength: 64 }),
    startsAt: Type.String({ format: 'date-time', maxLength: 40 }),
    endsAt: Type.String({ format: 'date-time', maxLength: 40 }),
    area: Text(200),
    polygon: Type.Optional(Type.Array(Point, { minItems: 3, maxItems: 200 })),
    roles: Type.Array(
      Type.Object(
        { role: Literals(JOINT_ROLES), count: Type.Integer({ minimum: 1, maximum: 500 }) },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: JOINT_ROLES.length },
    ),
    contactName: Text(40),
    contactPhone: Type.String({ minLength: 5, maxLength: 20, pattern: '^[0-9+ -]+$' }),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type JointActionCreate = Static<typeof JointActionCreate>;

/** An operator's accept of what arrived, with an optional note (a joint action's answer carries it back). */
export const AcceptBody = Type.Object(
  { note: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);
export type AcceptBody = Static<typeof AcceptBody>;
