import { Type, type Static } from 'typebox';
import { VISION_CLASSES, VISION_EVENT_STATUSES, VISION_SOURCE_KINDS } from '../domain/vision.ts';
import { Id, Literals, Nullable, PageQuery } from './common.ts';

/** 城市之眼 (docs/vision.md): sources, class settings, the webhook payload, events, review, rates and missions. */
export const VisionClassName = Literals(VISION_CLASSES);
export const VisionSourceKindName = Literals(VISION_SOURCE_KINDS);
export const VisionEventStatusName = Literals(VISION_EVENT_STATUSES);

const Code = Type.String({ minLength: 1, maxLength: 40, pattern: '^[0-9A-Za-z_-]+$' });
const Lng = Type.Number({ minimum: -180, maximum: 180 });
const Lat = Type.Number({ minimum: -90, maximum: 90 });
const Heading = Type.Number({ minimum: 0, maximum: 360 });
const Confidence = Type.Number({ minimum: 0, maximum: 1 });
const Instant = Type.String({ format: 'date-time', maxLength: 40 });
/** class → threshold, for one source */
export const ThresholdMap = Type.Record(Type.String({ pattern: '^[a-z_]{1,40}$' }), Confidence);

export const VisionSourceCreate = Type.Object({
  code: Code,
  kind: VisionSourceKindName,
  name: Type.String({ minLength: 1, maxLength: 100 }),
  lng: Lng,
  lat: Lat,
  heading: Type.Optional(Nullable(Heading)),
  address: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
});
export type VisionSourceCreate = Static<typeof VisionSourceCreate>;

export const VisionSourceUpdate = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  lng: Type.Optional(Lng),
  lat: Type.Optional(Lat),
  heading: Type.Optional(Nullable(Heading)),
  address: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  active: Type.Optional(Type.Boolean()),
  /** per-class thresholds of this source; a class left out follows the tenant's class setting */
  thresholds: Type.Optional(ThresholdMap),
});
export type VisionSourceUpdate = Static<typeof VisionSourceUpdate>;

export const VisionSource = Type.Object({
  id: Type.String(),
  code: Type.String(),
  kind: VisionSourceKindName,
  name: Type.String(),
  lng: Type.Number(),
  lat: Type.Number(),
  heading: Nullable(Type.Number()),
  streetName: Nullable(Type.String()),
  address: Nullable(Type.String()),
  secretHint: Type.String(),
  secretIssuedAt: Type.String(),
  thresholds: ThresholdMap,
  active: Type.Boolean(),
  version: Type.Integer(),
  /** where the source posts its events */
  webhookPath: Type.String(),
  createdAt: Type.String(),
});
export type VisionSource = Static<typeof VisionSource>;

/** A source with its new secret, in the one answer that shows it. */
export const VisionSourceWithSecret = Type.Object({ source: VisionSource, secret: Type.String() });
export type VisionSourceWithSecret = Static<typeof VisionSourceWithSecret>;

export const VisionClassSetting = Type.Object({
  class: VisionClassName,
  name: Type.String(),
  matterCode: Type.String(),
  matterName: Nullable(Type.String()),
  threshold: Type.Number(),
  defaultThreshold: Type.Number(),
  active: Type.Boolean(),
});
export type VisionClassSetting = Static<typeof VisionClassSetting>;

export const VisionClassesUpdate = Type.Object({
  items: Type.Array(
    Type.Object({
      class: VisionClassName,
      matterCode: Type.String({ pattern: '^[0-9]{5}$' }),
      threshold: Confidence,
      active: Type.Boolean(),
    }),
    { minItems: 1, maxItems: VISION_CLASSES.length },
  ),
});
export type VisionClassesUpdate = Static<typeof VisionClassesUpdate>;

/** The webhook's JSON (the body, or the multipart field `event` beside the image in `image`). */
export const VisionEventPayload = Type.Object(
  {
    eventId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[0-9A-Za-z._:-]+$' }),
    at: Instant,
    class: VisionClassName,
    confidence: Confidence,
    lng: Type.Optional(Lng),
    lat: Type.Optional(Lat),
    heading: Type.Optional(Heading),
    imageUrl: Type.Optional(Type.String({ minLength: 8, maxLength: 2000 })),
    missionId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type VisionEventPayload = Static<typeof VisionEventPayload>;

export const VisionReceipt = Type.Object({
  accepted: Type.Boolean(),
  duplicate: Type.Boolean(),
  status: VisionEventStatusName,
  caseNo: Nullable(Type.String()),
});
export type VisionReceipt = Static<typeof VisionReceipt>;

export const VisionEvent = Type.Object({
  id: Type.String(),
  sourceId: Type.String(),
  sourceName: Type.String(),
  sourceKind: VisionSourceKindName,
  eventId: Type.String(),
  missionId: Nullable(Type.String()),
  class: Type.String(),
  confidence: Type.Number(),
  threshold: Type.Number(),
  at: Type.String(),
  lng: Type.Number(),
  lat: Type.Number(),
  heading: Nullable(Type.Number()),
  status: VisionEventStatusName,
  caseId: Nullable(Type.String()),
  caseNo: Nullable(Type.String()),
  caseStatus: Nullable(Type.String()),
  caseVersion: Nullable(Type.Integer()),
  /** the stored image (full size at this URL, for whoever may see the case) */
  photoUrl: Nullable(Type.String()),
  imageUrl: Nullable(Type.String()),
  reviewedAt: Nullable(Type.String()),
  reviewNote: Nullable(Type.String()),
  receivedAt: Type.String(),
});
export type VisionEvent = Static<typeof VisionEvent>;

/** A 核实 confirmation's answer: the event, and the 线索 it handed to enforcement (null when it handed none). */
export const VisionConfirmed = Type.Object({
  ...VisionEvent.properties,
  lead: Nullable(Type.Object({ id: Type.String(), leadNo: Type.String() })),
});
export type VisionConfirmed = Static<typeof VisionConfirmed>;

export const VisionEventQuery = Type.Object({
  ...PageQuery.properties,
  status: Type.Optional(VisionEventStatusName),
  sourceId: Type.Optional(Id),
  caseId: Type.Optional(Id),
  missionId: Type.Optional(Id),
});
export type VisionEventQuery = Static<typeof VisionEventQuery>;

export const VisionReview = Type.Object({
  note: Type.Optional(Type.String({ maxLength: 500 })),
  /** where the city requires 核实 for camera reports: the inspector to send (default: the picker's first) */
  inspectorId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
});
export type VisionReview = Static<typeof VisionReview>;

export const VisionRate = Type.Object({
  sourceId: Type.String(),
  sourceName: Type.String(),
  class: Type.String(),
  events: Type.Integer(),
  reviewed: Type.Integer(),
  rejected: Type.Integer(),
  /** rejected ÷ reviewed over the window; null before any review */
  fpRate: Nullable(Type.Number()),
  threshold: Type.Number(),
  suggested: Nullable(Type.Number()),
});
export type VisionRate = Static<typeof VisionRate>;
export const VisionRates = Type.Object({ windowDays: Type.Integer(), items: Type.Array(VisionRate) });
export type VisionRates = Static<typeof VisionRates>;

const Route = Type.Array(Type.Tuple([Lng, Lat]), { minItems: 2, maxItems: 5000 });
export const VisionMissionCreate = Type.Object({
  sourceId: Id,
  name: Type.String({ minLength: 1, maxLength: 100 }),
  operatorName: Type.String({ minLength: 1, maxLength: 60 }),
  startedAt: Instant,
  endedAt: Type.Optional(Nullable(Instant)),
  route: Route,
  note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
});
export type VisionMissionCreate = Static<typeof VisionMissionCreate>;

export const VisionMission = Type.Object({
  id: Type.String(),
  sourceId: Type.String(),
  sourceName: Type.String(),
  name: Type.String(),
  operatorName: Type.String(),
  startedAt: Type.String(),
  endedAt: Nullable(Type.String()),
  route: Type.Array(Type.Array(Type.Number())),
  note: Nullable(Type.String()),
  eventCount: Type.Integer(),
  createdAt: Type.String(),
});
export type VisionMission = Static<typeof VisionMission>;
