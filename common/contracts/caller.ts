import { Type, type Static } from 'typebox';
import { Nullable } from './common.ts';

/**
 * 来电弹屏 (docs/caller-popup.md): the call centre announces a ringing call through a signed webhook; the operators'
 * consoles pop up the caller's previous cases and hotline orders.
 */
export const CallNotice = Type.Object(
  {
    callId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._:-]+$' }),
    callerNumber: Type.String({ pattern: '^\\+?[0-9]{3,20}$', description: 'digits, an optional leading +' }),
    line: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'the called line or queue' })),
    timestamp: Type.Integer({ minimum: 0, maximum: 99_999_999_999, description: 'Unix seconds when the call rang' }),
  },
  { additionalProperties: false },
);
export type CallNotice = Static<typeof CallNotice>;
export const CallReceipt = Type.Object({ accepted: Type.Boolean(), duplicate: Type.Boolean() });
export const CallTenantParams = Type.Object({ tenantCode: Type.String({ pattern: '^[0-9]{6}$' }) });
export const CallIdParams = Type.Object({ callId: Type.String({ minLength: 1, maxLength: 64 }) });

export const CallerCase = Type.Object({
  id: Type.String(),
  caseNo: Type.String(),
  status: Type.String(),
  channel: Type.String(),
  description: Type.String(),
  address: Nullable(Type.String()),
  reportedAt: Type.String(),
});
export const CallerOrder = Type.Object({
  id: Type.String(),
  source: Type.String(),
  externalNo: Type.String(),
  status: Type.String(),
  content: Type.String(),
  receivedAt: Type.String(),
  caseNo: Nullable(Type.String()),
});
export const CallerHistory = Type.Object({
  callId: Type.String(),
  line: Nullable(Type.String()),
  calledAt: Type.String(),
  /** in full only for those who take calls (hotline.handle); masked for everyone else */
  phone: Type.String(),
  phoneMasked: Type.Boolean(),
  cases: Type.Array(CallerCase),
  orders: Type.Array(CallerOrder),
});
export type CallerHistory = Static<typeof CallerHistory>;

export const CallCentreConfig = Type.Object({
  configured: Type.Boolean(),
  hint: Nullable(Type.String()),
  updatedAt: Nullable(Type.String()),
});
export type CallCentreConfig = Static<typeof CallCentreConfig>;
export const CallCentreSecret = Type.Object({ secret: Type.String(), hint: Type.String() });
export type CallCentreSecret = Static<typeof CallCentreSecret>;
