import { Type, type Static } from 'typebox';
import { Literals, Nullable } from './common.ts';

/*
 * Citizens taking part in reported cases (docs/participation.md): nearby open reports before submitting, "我也遇到"
 * supports, the public map and list, and subscriptions to a case's updates. Every answer follows the public-output
 * rule (docs/security.md, "Public output"): no reporter, no internal notes, masked text, coarse coordinates.
 */

/** How far and how many the nearby check looks: enough to recognise the same problem, never a map of the city. */
export const NEARBY_MAX_RADIUS_M = 500;
export const NEARBY_DEFAULT_RADIUS_M = 200;
export const NEARBY_MAX_ITEMS = 5;
export const PUBLIC_LIST_PAGE_SIZE = 20;

export const PublicNearbyQuery = Type.Object({
  matterCode: Type.String({ pattern: '^[0-9]{5}$' }),
  lng: Type.Number({ minimum: -180, maximum: 180 }),
  lat: Type.Number({ minimum: -90, maximum: 90 }),
  radius: Type.Optional(Type.Integer({ minimum: 10, maximum: NEARBY_MAX_RADIUS_M })),
});
export type PublicNearbyQuery = Static<typeof PublicNearbyQuery>;

/** One public report on the citizen's map, list or nearby check: only what the public-output rule allows. */
export const PublicReportCard = Type.Object({
  caseNo: Type.String(),
  status: Type.String(),
  open: Type.Boolean(),
  matterCode: Type.String(),
  matterName: Nullable(Type.String()),
  description: Type.String(),
  address: Nullable(Type.String()),
  lng: Type.Number(),
  lat: Type.Number(),
  reportedAt: Type.String(),
  supporters: Type.Integer({ minimum: 0 }),
  thumbUrl: Nullable(Type.String()),
  /** nearby only: metres from the citizen's point, rounded to 10 m */
  distanceM: Type.Optional(Type.Integer({ minimum: 0 })),
});
export type PublicReportCard = Static<typeof PublicReportCard>;

export const PublicNearby = Type.Object({ items: Type.Array(PublicReportCard), radiusM: Type.Integer() });
export type PublicNearby = Static<typeof PublicNearby>;

export const PublicReportsQuery = Type.Object({
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  open: Type.Optional(Type.Boolean()),
  matterCode: Type.Optional(Type.String({ pattern: '^[0-9]{5}$' })),
});
export type PublicReportsQuery = Static<typeof PublicReportsQuery>;

/** A page without a total: counting every public case on each anonymous request costs more than the page. */
export const PublicReportsPage = Type.Object({
  items: Type.Array(PublicReportCard),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  hasMore: Type.Boolean(),
});
export type PublicReportsPage = Static<typeof PublicReportsPage>;

export const CaseNoParams = Type.Object({ caseNo: Type.String({ pattern: '^[0-9]{6}-[0-9]{8}-[0-9]{5}$' }) });

/** "我也遇到": one per phone, or per device when no phone is given. */
export const PublicSupport = Type.Object({
  phone: Type.Optional(Type.String({ pattern: '^1[3-9][0-9]{9}$' })),
});
export type PublicSupport = Static<typeof PublicSupport>;

export const PublicSupportResult = Type.Object({
  supporters: Type.Integer({ minimum: 0 }),
  /** false: this phone or device had already supported the case */
  added: Type.Boolean(),
});
export type PublicSupportResult = Static<typeof PublicSupportResult>;

export const SUBSCRIPTION_CHANNELS = ['sms', 'wechat'] as const;
export type SubscriptionChannel = (typeof SUBSCRIPTION_CHANNELS)[number];

export const PublicSubscribe = Type.Object({
  channel: Literals(SUBSCRIPTION_CHANNELS),
  /** sms: a mainland mobile number; wechat: the openid the WeChat page obtained */
  address: Type.String({ minLength: 5, maxLength: 64 }),
});
export type PublicSubscribe = Static<typeof PublicSubscribe>;

export const PublicSubscribed = Type.Object({ subscribed: Type.Boolean(), unsubscribeUrl: Type.String() });
export type PublicSubscribed = Static<typeof PublicSubscribed>;

/** Which subscription channels this city can deliver (a channel without a configured gateway is refused). */
export const PublicSubscribeChannels = Type.Object({ sms: Type.Boolean(), wechat: Type.Boolean() });
export type PublicSubscribeChannels = Static<typeof PublicSubscribeChannels>;

export const UnsubscribeParams = Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{16,128}$' }) });

/** Staff: how many citizens said "我也遇到" on a case. */
export const CaseSupporters = Type.Object({ supporters: Type.Integer({ minimum: 0 }) });
export type CaseSupporters = Static<typeof CaseSupporters>;
