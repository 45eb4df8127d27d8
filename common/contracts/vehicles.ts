import { Type, type Static } from 'typebox';
import { LEAD_STATES, MAX_BATCH, VEHICLE_KINDS, VIOLATION_KINDS } from '../domain/vehicles.ts';
import { DeviceMessage } from './iot.ts';
import { Literals, Nullable, PageQuery } from './common.ts';

/**
 * 车辆监管 API (docs/vehicles.md): the vehicle register, the signed GPS batch, tracks for the replay, the daily road
 * coverage and the leads the muck-truck checks raise.
 */
export const VehicleKindSchema = Literals(VEHICLE_KINDS);
export const ViolationKindSchema = Literals(VIOLATION_KINDS);
export const LeadStateSchema = Literals(LEAD_STATES);

const CalendarDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const Hhmm = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'HH:MM' });
const Position = Type.Tuple([Type.Number({ minimum: -180, maximum: 180 }), Type.Number({ minimum: -90, maximum: 90 })]);
export const RouteLine = Type.Object({
  type: Type.Literal('LineString'),
  coordinates: Type.Array(Position, { minItems: 2, maxItems: 2000 }),
});

export const Vehicle = Type.Object({
  id: Type.String(),
  code: Type.String(),
  plate: Type.String(),
  kind: VehicleKindSchema,
  unitId: Nullable(Type.String()),
  unitName: Nullable(Type.String()),
  company: Nullable(Type.String()),
  permitAssetId: Nullable(Type.String()),
  route: Nullable(RouteLine),
  windowFrom: Nullable(Type.String()),
  windowTo: Nullable(Type.String()),
  speedLimitKmh: Nullable(Type.Integer()),
  keyFingerprint: Type.String(),
  topic: Type.String(),
  active: Type.Boolean(),
  synthetic: Type.Boolean(),
  lastAt: Nullable(Type.String()),
  lastLng: Nullable(Type.Number()),
  lastLat: Nullable(Type.Number()),
  lastSpeedKmh: Nullable(Type.Number()),
  version: Type.Integer(),
});
export type Vehicle = Static<typeof Vehicle>;
export const VehicleWithKey = Type.Object({ vehicle: Vehicle, key: Type.String() });
export type VehicleWithKey = Static<typeof VehicleWithKey>;

const VehicleFields = {
  plate: Type.String({ minLength: 2, maxLength: 16 }),
  kind: VehicleKindSchema,
  unitId: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
  company: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  permitAssetId: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
  route: Type.Optional(Nullable(RouteLine)),
  windowFrom: Type.Optional(Nullable(Hhmm)),
  windowTo: Type.Optional(Nullable(Hhmm)),
  speedLimitKmh: Type.Optional(Nullable(Type.Integer({ minimum: 5, maximum: 120 }))),
  active: Type.Optional(Type.Boolean()),
};
export const VehicleCreate = Type.Object(
  { code: Type.String({ pattern: '^[0-9A-Za-z_-]{1,40}$' }), ...VehicleFields },
  { additionalProperties: false },
);
export type VehicleCreate = Static<typeof VehicleCreate>;
export const VehicleUpdate = Type.Object(
  {
    ...VehicleFields,
    plate: Type.Optional(VehicleFields.plate),
    kind: Type.Optional(VehicleKindSchema),
    version: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
);
export type VehicleUpdate = Static<typeof VehicleUpdate>;
export const VehicleQuery = Type.Intersect([PageQuery, Type.Object({ kind: Type.Optional(VehicleKindSchema) })]);
export type VehicleQuery = Static<typeof VehicleQuery>;

/** A batch of GPS messages from one vehicle, each signed on its own like an MQTT message of kind `gps`. */
export const GpsBatch = Type.Object(
  {
    tenant: Type.String({ pattern: '^[0-9A-Za-z_-]{1,20}$' }),
    vehicle: Type.String({ pattern: '^[0-9A-Za-z_-]{1,40}$' }),
    messages: Type.Array(DeviceMessage, { minItems: 1, maxItems: MAX_BATCH }),
  },
  { additionalProperties: false },
);
export type GpsBatch = Static<typeof GpsBatch>;
export const GpsRejected = Type.Object({ index: Type.Integer(), field: Type.String(), rule: Type.String() });
export type GpsRejected = Static<typeof GpsRejected>;
export const GpsBatchResult = Type.Object({
  accepted: Type.Integer(),
  duplicates: Type.Integer(),
  flagged: Type.Integer(),
  rejected: Type.Array(GpsRejected),
});
export type GpsBatchResult = Static<typeof GpsBatchResult>;

/** Either a calendar day in the city's zone or two instants. */
export const TrackQuery = Type.Object({
  day: Type.Optional(CalendarDate),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
});
export type TrackQuery = Static<typeof TrackQuery>;
export const TrackPoint = Type.Object({
  at: Type.String(),
  lng: Type.Number(),
  lat: Type.Number(),
  speedKmh: Nullable(Type.Number()),
  headingDeg: Nullable(Type.Number()),
  jump: Type.Boolean(),
});
export type TrackPoint = Static<typeof TrackPoint>;
export const Track = Type.Object({ vehicleId: Type.String(), points: Type.Array(TrackPoint), capped: Type.Boolean() });
export type Track = Static<typeof Track>;

export const CoverageQuery = Type.Object({
  day: CalendarDate,
  kind: Type.Optional(Literals(['sprinkler', 'sweeper'] as const)),
});
export type CoverageQuery = Static<typeof CoverageQuery>;
export const CoverageRow = Type.Object({
  road: Type.String(),
  kind: VehicleKindSchema,
  lengthM: Type.Integer(),
  coveredM: Type.Integer(),
  share: Type.Number(),
  passes: Type.Number(),
  vehicles: Type.Integer(),
});
export type CoverageRow = Static<typeof CoverageRow>;
export const CoverageReport = Type.Object({
  day: Type.String(),
  computedAt: Nullable(Type.String()),
  lengthM: Type.Integer(),
  coveredM: Type.Integer(),
  rows: Type.Array(CoverageRow),
});
export type CoverageReport = Static<typeof CoverageReport>;
export const CoverageCompute = Type.Object({ day: CalendarDate }, { additionalProperties: false });

export const Lead = Type.Object({
  id: Type.String(),
  vehicleId: Type.String(),
  plate: Type.String(),
  kind: ViolationKindSchema,
  day: Type.String(),
  startedAt: Type.String(),
  endedAt: Type.String(),
  lng: Type.Number(),
  lat: Type.Number(),
  episodes: Type.Integer(),
  detail: Type.Record(Type.String(), Type.Unknown()),
  evidenceSha256: Type.String(),
  state: LeadStateSchema,
  note: Nullable(Type.String()),
  version: Type.Integer(),
});
export type Lead = Static<typeof Lead>;
export const LeadQuery = Type.Intersect([
  PageQuery,
  Type.Object({
    state: Type.Optional(LeadStateSchema),
    kind: Type.Optional(ViolationKindSchema),
    vehicleId: Type.Optional(Type.String({ maxLength: 64 })),
  }),
]);
export type LeadQuery = Static<typeof LeadQuery>;
export const LeadAction = Type.Object(
  {
    state: Literals(['dismissed', 'referred'] as const),
    note: Type.String({ minLength: 1, maxLength: 500 }),
    version: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
);
export type LeadAction = Static<typeof LeadAction>;
export const CheckMuck = Type.Object(
  { vehicleId: Type.String({ maxLength: 64 }), day: CalendarDate },
  { additionalProperties: false },
);
export type CheckMuck = Static<typeof CheckMuck>;
