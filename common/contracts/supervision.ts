import { Type, type Static } from 'typebox';
import { SUPERVISION_LEVELS, SUPERVISION_STATUSES } from '../domain/supervision.ts';
import { Id, Literals, Nullable, PageQuery } from './common.ts';

/** 督办单 (docs/supervision.md). */
export const SupervisionLevelName = Literals(SUPERVISION_LEVELS);

export const SupervisionIssue = Type.Object({
  caseId: Id,
  level: SupervisionLevelName,
  /** the unit that must reply; absent: the case's handling unit */
  targetUnitId: Type.Optional(Id),
  reason: Type.String({ minLength: 1, maxLength: 1000 }),
});
export type SupervisionIssue = Static<typeof SupervisionIssue>;

/** 督办 from the case page's old note path: the level and target are optional there. */
export const EscalationOrder = Type.Object({
  level: Type.Optional(SupervisionLevelName),
  targetUnitId: Type.Optional(Id),
});
export type EscalationOrder = Static<typeof EscalationOrder>;

export const SupervisionReply = Type.Object({
  text: Type.String({ minLength: 1, maxLength: 2000 }),
  /** evidence: photos uploaded through /api/photos by the replying user */
  photoIds: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 9 }),
});
export type SupervisionReply = Static<typeof SupervisionReply>;

export const SupervisionEvent = Type.Object({
  at: Type.String(),
  kind: Literals(['issued', 'escalated', 'replied']),
  level: SupervisionLevelName,
  by: Nullable(Type.String()),
});

export const SupervisionOrder = Type.Object({
  id: Type.String(),
  orderNo: Type.String(),
  caseId: Type.String(),
  caseNo: Type.String(),
  level: SupervisionLevelName,
  status: Literals(SUPERVISION_STATUSES),
  issuerName: Type.String(),
  targetUnitId: Type.String(),
  targetUnitName: Nullable(Type.String()),
  reason: Type.String(),
  issuedAt: Type.String(),
  firstDueAt: Type.String(),
  dueAt: Type.String(),
  overdue: Type.Boolean(),
  /** replied by the first deadline; null while open */
  onTime: Nullable(Type.Boolean()),
  escalationCount: Type.Integer(),
  replyText: Nullable(Type.String()),
  replyPhotoIds: Type.Array(Type.String()),
  repliedByName: Nullable(Type.String()),
  repliedAt: Nullable(Type.String()),
  history: Type.Array(SupervisionEvent),
  /** the caller may reply (their unit is the target and the order is open) */
  canReply: Type.Boolean(),
});
export type SupervisionOrder = Static<typeof SupervisionOrder>;

export const SupervisionQuery = Type.Object({
  ...PageQuery.properties,
  level: Type.Optional(SupervisionLevelName),
  status: Type.Optional(Literals(['open', 'replied', 'overdue'])),
  targetUnitId: Type.Optional(Id),
  caseId: Type.Optional(Id),
  /** issued from (inclusive), to (exclusive): ISO date-times */
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
});
export type SupervisionQuery = Static<typeof SupervisionQuery>;

export const SupervisionFiguresQuery = Type.Object({
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
});
export type SupervisionFiguresQuery = Static<typeof SupervisionFiguresQuery>;

/** 督办数 and 按期回复率 over the orders issued in [from, to) that the caller may see. */
export const SupervisionFigures = Type.Object({
  issued: Type.Integer(),
  byLevel: Type.Object({ general: Type.Integer(), key: Type.Integer(), listed: Type.Integer() }),
  replied: Type.Integer(),
  decided: Type.Integer(),
  onTime: Type.Integer(),
  onTimeRate: Nullable(Type.Number()),
  escalated: Type.Integer(),
  open: Type.Integer(),
});
export type SupervisionFigures = Static<typeof SupervisionFigures>;
