import { Type, type Static } from 'typebox';
import { CatalogCode } from './catalog.ts';
import { Literals, Nullable, PageQuery } from './common.ts';

/**
 * HTTP contract of the hotline module: work orders from 12345热线, 民情通 and 阳光信访 — import, webhook,
 * 签收 with its own clock, 退回 with a reason, conversion into a case, 办理答复 and 回访 (docs/hotline.md, "Intake
 * from 12345").
 */
export const HOTLINE_SOURCES = ['12345', 'minqingtong', 'petition'] as const;
export type HotlineSource = (typeof HOTLINE_SOURCES)[number];
/** 阳光信访 becomes a case of channel 'petition'; the two hotline systems of channel 'hotline'. */
export const channelOfSource = (source: HotlineSource): 'hotline' | 'petition' =>
  source === 'petition' ? 'petition' : 'hotline';

/** 一般 / 紧急 / 特急 (default 办理时限 7 天, 24 小时, 2 小时: docs/hotline.md, "Intake from 12345"). */
export const HOTLINE_URGENCIES = ['normal', 'urgent', 'emergency'] as const;
export type HotlineUrgency = (typeof HOTLINE_URGENCIES)[number];

/**
 * pending_sign 待签收 → signed 已签收 → converted 已转案件 → replied 已答复 → closed 已回访;
 * pending_sign / signed → returned 已退回 (to the hotline, with a reason).
 */
export const HOTLINE_STATUSES = ['pending_sign', 'signed', 'converted', 'replied', 'closed', 'returned'] as const;
export type HotlineStatus = (typeof HOTLINE_STATUSES)[number];
export const SATISFACTIONS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];

export const HotlineSourceSchema = Literals(HOTLINE_SOURCES);
const Urgency = Literals(HOTLINE_URGENCIES);
const Status = Literals(HOTLINE_STATUSES);

/** What a partner system sends (webhook body; one import row has the same fields). */
export const HotlineOrderInput = Type.Object({
  externalNo: Type.String({
    minLength: 1,
    maxLength: 64,
    pattern: '^[^\\s]+$',
    description: 'the hotline’s own work-order number',
  }),
  requesterName: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
  requesterPhone: Type.Optional(Nullable(Type.String({ maxLength: 30, pattern: '^[0-9+\\-() ]*$' }))),
  content: Type.String({ minLength: 1, maxLength: 4000 }),
  address: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  deadline: Type.Optional(
    Nullable(Type.String({ format: 'date-time', description: '办理时限 (ISO 8601); default by urgency' })),
  ),
  urgency: Type.Optional(Urgency),
});
export type HotlineOrderInput = Static<typeof HotlineOrderInput>;

export const HotlineSourceParams = Type.Object({ source: HotlineSourceSchema });

export const HotlineEvent = Type.Object({
  at: Type.String(),
  action: Type.String(),
  actorName: Nullable(Type.String()),
  fromStatus: Nullable(Type.String()),
  toStatus: Nullable(Type.String()),
  note: Nullable(Type.String()),
});
export type HotlineEvent = Static<typeof HotlineEvent>;

export const HotlineOrderSummary = Type.Object({
  id: Type.String(),
  source: HotlineSourceSchema,
  externalNo: Type.String(),
  status: Status,
  urgency: Urgency,
  requesterName: Nullable(Type.String()),
  /** masked in lists (common/domain/privacy.ts) */
  requesterPhone: Nullable(Type.String()),
  content: Type.String(),
  address: Nullable(Type.String()),
  receivedAt: Type.String(),
  receivedVia: Literals(['webhook', 'import'] as const),
  signDeadline: Type.String(),
  signedAt: Nullable(Type.String()),
  signOverdue: Type.Boolean(),
  dueAt: Type.String(),
  /** open and past 签收 or 办理 deadline now */
  overdue: Type.Boolean(),
  caseId: Nullable(Type.String()),
  caseNo: Nullable(Type.String()),
  satisfaction: Nullable(Literals(SATISFACTIONS)),
  updatedAt: Type.String(),
  version: Type.Integer(),
});
export type HotlineOrderSummary = Static<typeof HotlineOrderSummary>;

export const HotlineOrderDetail = Type.Intersect([
  HotlineOrderSummary,
  Type.Object({
    signedBy: Nullable(Type.String()),
    returnReason: Nullable(Type.String()),
    returnedAt: Nullable(Type.String()),
    convertedAt: Nullable(Type.String()),
    caseStatus: Nullable(Type.String()),
    caseClosed: Type.Boolean(),
    replyText: Nullable(Type.String()),
    repliedAt: Nullable(Type.String()),
    pushStatus: Nullable(Type.String()),
    /** the 办理答复 to the caller by SMS: queued (in the notice outbox), off (not for this source), no_phone; null before the reply */
    callerReplyStatus: Nullable(Literals(['queued', 'off', 'no_phone'] as const)),
    callerRepliedAt: Nullable(Type.String()),
    revisitNote: Nullable(Type.String()),
    revisitAt: Nullable(Type.String()),
    allowedActions: Type.Array(Literals(['sign', 'return', 'convert', 'reply', 'revisit'] as const)),
    events: Type.Array(HotlineEvent),
  }),
]);
export type HotlineOrderDetail = Static<typeof HotlineOrderDetail>;
export type HotlineAction = HotlineOrderDetail['allowedActions'][number];

export const HotlineQuery = Type.Intersect([
  PageQuery,
  Type.Object({
    source: Type.Optional(HotlineSourceSchema),
    status: Type.Optional(Status),
    overdue: Type.Optional(Type.Boolean()),
  }),
]);
export type HotlineQuery = Static<typeof HotlineQuery>;

const Note = Type.String({ minLength: 1, maxLength: 1000 });
export const HotlineVersioned = Type.Object({ version: Type.Integer({ minimum: 1 }) });
export type HotlineVersioned = Static<typeof HotlineVersioned>;
export const HotlineReturn = Type.Object({ version: Type.Integer({ minimum: 1 }), reason: Note });
export type HotlineReturn = Static<typeof HotlineReturn>;
export const HotlineConvert = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  matterCode: CatalogCode,
  lng: Type.Number({ minimum: -180, maximum: 180 }),
  lat: Type.Number({ minimum: -90, maximum: 90 }),
  crs: Type.Optional(Literals(['wgs84', 'gcj02', 'bd09'] as const)),
  address: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  description: Type.Optional(Type.String({ minLength: 1, maxLength: 4000 })),
});
export type HotlineConvert = Static<typeof HotlineConvert>;
export const HotlineReply = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  text: Type.String({ minLength: 1, maxLength: 4000 }),
});
export type HotlineReply = Static<typeof HotlineReply>;
export const HotlineRevisit = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  satisfaction: Literals(SATISFACTIONS),
  note: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
  /** 不满意 → 重办: the closed case goes back to dispatch (within the setting case.reopenDays) and the order is open again */
  reopen: Type.Optional(Type.Boolean()),
});
export type HotlineRevisit = Static<typeof HotlineRevisit>;
export const ReplyDraft = Type.Object({ text: Type.String() });

/** Webhook answer: the order as the partner system needs it (never the requester). */
export const WebhookReceipt = Type.Object({
  id: Type.String(),
  source: HotlineSourceSchema,
  externalNo: Type.String(),
  status: Status,
  receivedAt: Type.String(),
  signDeadline: Type.String(),
});
export type WebhookReceipt = Static<typeof WebhookReceipt>;

export const HotlineImportQuery = Type.Object({ source: HotlineSourceSchema });
export const HotlineImportResult = Type.Object({
  source: HotlineSourceSchema,
  imported: Type.Integer(),
  /** rows whose 工单编号 is already registered: skipped, not an error (external numbers dedupe) */
  skipped: Type.Array(Type.Object({ row: Type.Integer(), externalNo: Type.String() })),
});
export type HotlineImportResult = Static<typeof HotlineImportResult>;

export const HotlineSourceConfig = Type.Object({
  source: HotlineSourceSchema,
  configured: Type.Boolean(),
  /** last 4 characters of the secret, to tell secrets apart */
  hint: Nullable(Type.String()),
  updatedAt: Nullable(Type.String()),
  /** whether the 办理答复 of this source's orders is also sent to the caller by SMS (setting hotline.callerReply) */
  callerReply: Type.Boolean(),
});
export type HotlineSourceConfig = Static<typeof HotlineSourceConfig>;
export const HotlineSecret = Type.Object({ source: HotlineSourceSchema, secret: Type.String(), hint: Type.String() });
export type HotlineSecret = Static<typeof HotlineSecret>;
export const HotlineCallerReply = Type.Object({ enabled: Type.Boolean() }, { additionalProperties: false });
export type HotlineCallerReply = Static<typeof HotlineCallerReply>;
