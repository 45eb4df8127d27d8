import { Type, type Static } from 'typebox';
import {
  ALARM_KINDS,
  ALARM_STATES,
  DEVICE_TYPES,
  MAINTENANCE_REASONS,
  MAINTENANCE_STATES,
  MAX_WINDOWS,
  MESSAGE_KINDS,
  REJECT_REASONS,
  RULE_MEASURES,
  RULE_OPS,
} from '../domain/iot.ts';
import { Id, Literals, Nullable, PageQuery } from './common.ts';

/** 城市之感 (docs/iot.md): devices, readings, rejected messages, alarm rules and alarms. */
export const DeviceTypeName = Literals(DEVICE_TYPES);

const Code = Type.String({ minLength: 1, maxLength: 40, pattern: '^[0-9A-Za-z_-]+$' });
const ComponentCode = Type.String({ pattern: '^[0-9]{17}$' });
const CalendarDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const Lng = Type.Number({ minimum: -180, maximum: 180 });
const Lat = Type.Number({ minimum: -90, maximum: 90 });

export const DeviceCreate = Type.Object({
  code: Code,
  name: Type.String({ minLength: 1, maxLength: 100 }),
  type: DeviceTypeName,
  model: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  /** the 部件 it sits on; its position is taken from the component registry */
  componentCode: Type.Optional(Nullable(ComponentCode)),
  /** a free point inside the city (WGS84) when the device sits on no component */
  lng: Type.Optional(Lng),
  lat: Type.Optional(Lat),
  address: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  installDate: Type.Optional(Nullable(CalendarDate)),
  firmware: Type.Optional(Nullable(Type.String({ maxLength: 60 }))),
  heartbeatS: Type.Optional(Type.Integer({ minimum: 10, maximum: 86_400 })),
});
export type DeviceCreate = Static<typeof DeviceCreate>;

export const DeviceUpdate = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  model: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  componentCode: Type.Optional(Nullable(ComponentCode)),
  lng: Type.Optional(Lng),
  lat: Type.Optional(Lat),
  address: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  installDate: Type.Optional(Nullable(CalendarDate)),
  firmware: Type.Optional(Nullable(Type.String({ maxLength: 60 }))),
  heartbeatS: Type.Optional(Type.Integer({ minimum: 10, maximum: 86_400 })),
  active: Type.Optional(Type.Boolean()),
});
export type DeviceUpdate = Static<typeof DeviceUpdate>;

export const Device = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  type: DeviceTypeName,
  model: Nullable(Type.String()),
  componentCode: Nullable(Type.String()),
  lng: Type.Number(),
  lat: Type.Number(),
  address: Nullable(Type.String()),
  installDate: Nullable(Type.String()),
  firmware: Nullable(Type.String()),
  batteryPct: Nullable(Type.Number()),
  heartbeatS: Type.Integer(),
  active: Type.Boolean(),
  online: Type.Boolean(),
  keyFingerprint: Type.String(),
  keyIssuedAt: Type.String(),
  lastSeenAt: Nullable(Type.String()),
  /** the MQTT topic prefix the device publishes under */
  topic: Type.String(),
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type Device = Static<typeof Device>;

/** A new or rotated key: shown once, never stored in the clear. */
export const DeviceWithKey = Type.Object({ device: Device, key: Type.String() });
export type DeviceWithKey = Static<typeof DeviceWithKey>;

export const DeviceQuery = Type.Object({
  ...PageQuery.properties,
  type: Type.Optional(DeviceTypeName),
  status: Type.Optional(Literals(['online', 'offline', 'inactive'])),
});
export type DeviceQuery = Static<typeof DeviceQuery>;

export const ReadingsQuery = Type.Object({
  metric: Type.Optional(Type.String({ maxLength: 32 })),
  /** raw readings within the retention window, else minute or hour roll-ups */
  resolution: Type.Optional(Literals(['raw', 'minute', 'hour'])),
  hours: Type.Optional(Type.Integer({ minimum: 1, maximum: 24 * 90 })),
});
export type ReadingsQuery = Static<typeof ReadingsQuery>;

export const ReadingPoint = Type.Object({
  at: Type.String(),
  value: Type.Number(),
  min: Type.Number(),
  max: Type.Number(),
});
export const Readings = Type.Object({
  metric: Type.String(),
  resolution: Literals(['raw', 'minute', 'hour']),
  points: Type.Array(ReadingPoint),
});
export type Readings = Static<typeof Readings>;

export const RejectedMessage = Type.Object({
  id: Type.String(),
  topic: Type.String(),
  deviceCode: Nullable(Type.String()),
  reason: Literals(REJECT_REASONS),
  detail: Nullable(Type.String()),
  payload: Type.String(),
  payloadBytes: Type.Integer(),
  receivedAt: Type.String(),
});
export type RejectedMessage = Static<typeof RejectedMessage>;

export const RejectedQuery = Type.Object({
  ...PageQuery.properties,
  reason: Type.Optional(Literals(REJECT_REASONS)),
});
export type RejectedQuery = Static<typeof RejectedQuery>;

/** The consumer's state in this process: connected, and what it has counted since start. */
export const ConsumerStatus = Type.Object({
  enabled: Type.Boolean(),
  connected: Type.Boolean(),
  received: Type.Integer(),
  accepted: Type.Integer(),
  rejected: Type.Record(Type.String(), Type.Integer()),
});
export type ConsumerStatus = Static<typeof ConsumerStatus>;

const ClockTime = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' });
const TimeWindowSchema = Type.Object({ from: ClockTime, to: ClockTime }, { additionalProperties: false });
const RuleFields = {
  name: Type.String({ minLength: 1, maxLength: 100 }),
  metric: Type.String({ pattern: '^[a-z][a-z0-9_]{0,31}$' }),
  op: Literals(RULE_OPS),
  threshold: Type.Number({ minimum: -1e9, maximum: 1e9 }),
  hysteresis: Type.Number({ minimum: 0, maximum: 1e9 }),
  minDurationS: Type.Integer({ minimum: 0, maximum: 86_400 }),
  matterCode: Type.String({ pattern: '^[0-9]{5}$' }),
  autoCase: Type.Boolean(),
  severity: Literals(['major', 'critical']),
  /** `rate`: threshold and hysteresis are a change per minute between consecutive readings (default `value`) */
  measure: Type.Optional(Literals(RULE_MEASURES)),
  /** daily windows in the tenant's zone in which the rule raises; empty or absent: at any time */
  windows: Type.Optional(Type.Array(TimeWindowSchema, { maxItems: MAX_WINDOWS })),
};
export const AlarmRuleCreate = Type.Object({ deviceType: DeviceTypeName, ...RuleFields });
export type AlarmRuleCreate = Static<typeof AlarmRuleCreate>;
export const AlarmRuleUpdate = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  ...RuleFields,
  active: Type.Boolean(),
});
export type AlarmRuleUpdate = Static<typeof AlarmRuleUpdate>;
export const AlarmRule = Type.Object({
  id: Type.String(),
  deviceType: DeviceTypeName,
  ...RuleFields,
  measure: Literals(RULE_MEASURES),
  windows: Type.Array(TimeWindowSchema),
  active: Type.Boolean(),
  version: Type.Integer(),
});
export type AlarmRule = Static<typeof AlarmRule>;

export const AlarmEvent = Type.Object({
  at: Type.String(),
  action: Type.String(),
  by: Nullable(Type.String()),
  note: Nullable(Type.String()),
});

export const Alarm = Type.Object({
  id: Type.String(),
  deviceId: Type.String(),
  deviceCode: Type.String(),
  deviceType: DeviceTypeName,
  ruleId: Nullable(Type.String()),
  ruleName: Nullable(Type.String()),
  kind: Literals(ALARM_KINDS),
  state: Literals(ALARM_STATES),
  severity: Type.String(),
  metric: Nullable(Type.String()),
  value: Nullable(Type.Number()),
  threshold: Nullable(Type.Number()),
  lng: Type.Number(),
  lat: Type.Number(),
  raisedAt: Type.String(),
  acknowledgedAt: Nullable(Type.String()),
  caseId: Nullable(Type.String()),
  caseNo: Nullable(Type.String()),
  merged: Type.Boolean(),
  clearedAt: Nullable(Type.String()),
  clearReason: Nullable(Type.String()),
  history: Type.Array(AlarmEvent),
  version: Type.Integer(),
});
export type Alarm = Static<typeof Alarm>;

export const AlarmQuery = Type.Object({
  ...PageQuery.properties,
  state: Type.Optional(Literals([...ALARM_STATES, 'open'])),
  kind: Type.Optional(Literals(ALARM_KINDS)),
  deviceId: Type.Optional(Id),
});
export type AlarmQuery = Static<typeof AlarmQuery>;

export const AlarmStep = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  note: Type.Optional(Type.String({ maxLength: 500 })),
});
export type AlarmStep = Static<typeof AlarmStep>;

/** The JSON body a device publishes (docs/iot.md, "Payload"). */
export const DeviceMessage = Type.Object(
  {
    v: Type.Literal(1),
    ts: Type.String({ minLength: 20, maxLength: 30 }),
    seq: Type.Integer({ minimum: 0, maximum: 2 ** 53 - 1 }),
    values: Type.Record(Type.String({ pattern: '^[a-z][a-z0-9_]{0,31}$' }), Type.Number(), {
      maxProperties: 16,
    }),
    sig: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  },
  { additionalProperties: false },
);
export type DeviceMessage = Static<typeof DeviceMessage>;
export const MessageKindName = Literals(MESSAGE_KINDS);

/** A 维护任务 of a device (docs/iot.md, "Maintenance tasks"). */
export const MaintenanceTask = Type.Object({
  id: Type.String(),
  deviceId: Type.String(),
  deviceCode: Type.String(),
  deviceName: Type.String(),
  deviceType: DeviceTypeName,
  reason: Literals(MAINTENANCE_REASONS),
  batteryPct: Nullable(Type.Number()),
  thresholdPct: Type.Number(),
  /** the device's battery now */
  currentBatteryPct: Nullable(Type.Number()),
  raisedAt: Type.String(),
  state: Literals(MAINTENANCE_STATES),
  doneAt: Nullable(Type.String()),
  doneBy: Nullable(Type.String()),
  doneReason: Nullable(Literals(['staff', 'recharged'])),
  doneBatteryPct: Nullable(Type.Number()),
  note: Nullable(Type.String()),
  version: Type.Integer(),
});
export type MaintenanceTask = Static<typeof MaintenanceTask>;

export const MaintenanceQuery = Type.Object({
  ...PageQuery.properties,
  state: Type.Optional(Literals(MAINTENANCE_STATES)),
  deviceId: Type.Optional(Id),
});
export type MaintenanceQuery = Static<typeof MaintenanceQuery>;

/** Closing a task by hand: the version seen and what was done (battery replaced, device swapped …). */
export const MaintenanceDone = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    note: Type.String({ minLength: 1, maxLength: 500, pattern: '\\S' }),
  },
  { additionalProperties: false },
);
export type MaintenanceDone = Static<typeof MaintenanceDone>;

export const MaintenanceSettingsBody = Type.Object(
  { lowBatteryPct: Type.Number({ minimum: 1, maximum: 80 }) },
  { additionalProperties: false },
);
export type MaintenanceSettingsBody = Static<typeof MaintenanceSettingsBody>;
