import { Type, type Static } from 'typebox';
import { CHECK_BY } from '../domain/workflow-options.ts';
import { WORKFLOW_PHOTO_STEPS } from './workflow-options.ts';
import { CASE_ACTIONS, CASE_STATES } from '../domain/case-status.ts';
import { CASE_CHANNELS, CLOSE_TYPES, INBOXES, VOID_REASONS } from '../domain/case-channels.ts';
import { LIMIT_UNITS } from '../domain/work-calendar.ts';
import { Nullable, PageQuery, Literals } from './common.ts';
import { EscalationOrder } from './supervision.ts';

export const CaseStatus = Literals(CASE_STATES);
export const CaseActionName = Literals(CASE_ACTIONS);
export const Crs = Literals(['wgs84', 'cgcs2000', 'gcj02', 'bd09']);

/** Staff intake (inspector patrol, operator for a caller, leader instruction). Photos are uploaded first. */
export const CaseCreate = Type.Object({
  channel: Type.Optional(Literals(['inspector', 'operator', 'leader'])),
  matterCode: Type.String({ pattern: '^[0-9]{5}$' }),
  componentCode: Type.Optional(Type.String({ pattern: '^[0-9]{17}$' })),
  description: Type.String({ minLength: 2, maxLength: 1000 }),
  address: Type.Optional(Type.String({ maxLength: 200 })),
  lng: Type.Number({ minimum: -180, maximum: 180 }),
  lat: Type.Number({ minimum: -90, maximum: 90 }),
  crs: Type.Optional(Crs),
  reporterName: Type.Optional(Type.String({ maxLength: 40 })),
  reporterPhone: Type.Optional(Type.String({ pattern: '^[0-9+-]{5,20}$' })),
  photoIds: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 9 })),
  /** 自行处置: the inspector fixed it on the spot; filed and closed in one step */
  selfHandled: Type.Optional(Type.Boolean()),
});
export type CaseCreate = Static<typeof CaseCreate>;

/** One transition. `version` is the case version the caller saw (optimistic concurrency: stale → 409). */
export const CaseTransition = Type.Object({
  action: CaseActionName,
  version: Type.Integer({ minimum: 1 }),
  note: Type.Optional(Type.String({ maxLength: 1000 })),
  photoIds: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 9 })),
  /** file, reclassify: a filing condition of the case's (new) matter */
  filingConditionId: Type.Optional(Type.String({ minLength: 1 })),
  /** reclassify: the matter the case really is */
  matterCode: Type.Optional(Type.String({ pattern: '^[0-9]{5}$' })),
  /** dispatch (unit), assign (handler), send_verify / send_check (inspector) */
  unitId: Type.Optional(Type.String({ minLength: 1 })),
  userId: Type.Optional(Type.String({ minLength: 1 })),
  /** request_extension: the amount asked; approve_extension may change it */
  amountValue: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 10000 })),
  amountUnit: Type.Optional(Literals([...LIMIT_UNITS])),
  /** request_suspension: until when (ISO date-time), capped by the maximum */
  until: Type.Optional(Type.String({ format: 'date-time' })),
  /** approve_* / reject: false rejects the pending request */
  approve: Type.Optional(Type.Boolean()),
  closeType: Type.Optional(Literals([...CLOSE_TYPES])),
  /**
   * close: 答复市民, the reply the reporter and the public see (masked); required when the case's channel is public.
   * The note stays internal (docs/security.md, "Public output").
   */
  publicReply: Type.Optional(Type.String({ maxLength: 500 })),
  voidReason: Type.Optional(Literals([...VOID_REASONS])),
  /** void as duplicate: merge into this parent case */
  parentId: Type.Optional(Type.String({ minLength: 1 })),
  /** escalate: the 督办单 it issues (level, target unit); absent: 一般 to the case's handling unit */
  supervision: Type.Optional(EscalationOrder),
});
export type CaseTransition = Static<typeof CaseTransition>;

export const Sla = Type.Object({
  level: Literals(['green', 'yellow', 'red', 'paused', 'none']),
  deadline: Nullable(Type.String()),
  usedRatio: Nullable(Type.Number()),
});

export const CaseSummary = Type.Object({
  id: Type.String(),
  caseNo: Type.String(),
  status: Type.String(),
  channel: Type.String(),
  matterCode: Type.String(),
  matterName: Nullable(Type.String()),
  description: Type.String(),
  address: Nullable(Type.String()),
  lng: Type.Number(),
  lat: Type.Number(),
  gridCode: Nullable(Type.String()),
  streetName: Nullable(Type.String()),
  communityName: Nullable(Type.String()),
  unitId: Nullable(Type.String()),
  unitName: Nullable(Type.String()),
  reportedAt: Type.String(),
  stepDeadline: Nullable(Type.String()),
  handlingDeadline: Nullable(Type.String()),
  overdue: Type.Boolean(),
  escalated: Type.Boolean(),
  pendingRequest: Nullable(Type.String()),
  /** 单位无人处置: the sweep found no active handler in the handling unit */
  unstaffed: Type.Boolean(),
  sla: Sla,
  version: Type.Integer(),
});
export type CaseSummary = Static<typeof CaseSummary>;

export const CaseEvent = Type.Object({
  seq: Type.Integer(),
  at: Type.String(),
  actorName: Nullable(Type.String()),
  actorRole: Nullable(Type.String()),
  action: Type.String(),
  fromStatus: Nullable(Type.String()),
  toStatus: Nullable(Type.String()),
  note: Nullable(Type.String()),
  data: Type.Unknown(),
});
export type CaseEvent = Static<typeof CaseEvent>;

export const CasePhoto = Type.Object({
  id: Type.String(),
  phase: Type.String(),
  width: Type.Integer(),
  height: Type.Integer(),
  url: Type.String(),
  thumbUrl: Type.String(),
  createdAt: Type.String(),
});
export type CasePhoto = Static<typeof CasePhoto>;

export const CaseDetail = Type.Object({
  ...CaseSummary.properties,
  ...{
    componentCode: Nullable(Type.String()),
    reporterName: Nullable(Type.String({ description: 'masked unless the viewer handles intake' })),
    reporterPhone: Nullable(Type.String({ description: 'masked' })),
    filingConditionId: Nullable(Type.String()),
    filingCondition: Nullable(Type.String()),
    handlingLimit: Nullable(Type.Object({ value: Type.Number(), unit: Type.String() })),
    handlerId: Nullable(Type.String()),
    handlerName: Nullable(Type.String()),
    taskUserId: Nullable(Type.String()),
    taskUserName: Nullable(Type.String()),
    parentId: Nullable(Type.String()),
    mergedCount: Type.Integer(),
    extensionCount: Type.Integer(),
    reworkCount: Type.Integer(),
    suspendedUntil: Nullable(Type.String()),
    closeType: Nullable(Type.String()),
    voidReason: Nullable(Type.String()),
    closedAt: Nullable(Type.String()),
    suggestedUnitId: Nullable(Type.String()),
    /** shown on the public side (tracking page, Open311): closing it needs 答复市民 (publicReply) */
    publicCase: Type.Boolean(),
    allowedActions: Type.Array(Type.String({ description: 'actions the caller may take now' })),
    timeline: Type.Array(CaseEvent),
    photos: Type.Array(CasePhoto),
    /** steps of this case that need photos: the tenant's rule for the matter's class */
    photosRequiredFor: Type.Optional(Type.Array(Literals([...WORKFLOW_PHOTO_STEPS]))),
    /** who takes this case's 核查 under the tenant's workflow options (the 发核查 form follows it) */
    checkBy: Type.Optional(Literals([...CHECK_BY])),
  },
});
export type CaseDetail = Static<typeof CaseDetail>;

export const CaseQuery = Type.Intersect([
  PageQuery,
  Type.Object({
    inbox: Type.Optional(Literals([...INBOXES])),
    matterCode: Type.Optional(Type.String({ pattern: '^[0-9]{5}$' })),
    regionId: Type.Optional(Type.String()),
    unitId: Type.Optional(Type.String()),
    channel: Type.Optional(Literals([...CASE_CHANNELS])),
    deadlineBefore: Type.Optional(Type.String({ format: 'date-time' })),
    mine: Type.Optional(Type.Boolean({ description: 'only tasks assigned to me (inspector 核实/核查, handler)' })),
    awaitingApproval: Type.Optional(
      Type.Boolean({
        description:
          '回退/延期/挂账 requests waiting for a decision, in the caller’s approval scope (needs case.approve)',
      }),
    ),
  }),
]);
export type CaseQuery = Static<typeof CaseQuery>;

export const CountsQuery = Type.Object({
  mine: Type.Optional(
    Type.Boolean({ description: 'count only tasks assigned to me, as the list does with mine=true' }),
  ),
});
export type CountsQuery = Static<typeof CountsQuery>;

export const InboxCounts = Type.Record(Type.String(), Type.Integer());
export type InboxCounts = Static<typeof InboxCounts>;
