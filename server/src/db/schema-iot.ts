/** Tables of migrations 0046_iot and 0093_device_maintenance (modules devices, telemetry, alarms; docs/iot.md). */
import type {
  AlarmKind,
  AlarmState,
  DeviceType,
  RejectReason,
  RuleMeasure,
  RuleOp,
} from '../../../common/domain/iot.ts';

/** A sensor registered by the bureau, with its key sealed under the server's secret ring. */
export interface DevicesTable {
  id: string;
  tenant_id: string;
  /** the device's name in its MQTT topic, unique per tenant */
  code: string;
  name: string;
  type: DeviceType;
  model: string | null;
  /** the 17-digit 部件 id the device sits on, or null for a free point */
  component_code: string | null;
  lng: number;
  lat: number;
  address: string | null;
  /** calendar date YYYY-MM-DD */
  install_date: string | null;
  firmware: string | null;
  battery_pct: number | null;
  /** the interval the device promises heartbeats at; offline after three missed */
  heartbeat_s: number;
  active: number;
  /** AES-256-GCM box of the device key (docs/iot.md, "Device keys") */
  key_sealed: string;
  key_fingerprint: string;
  key_issued_at: string;
  last_seen_at: string | null;
  /** when the device counts as offline unless heard from; null once the offline alarm is raised */
  offline_due_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface TelemetryReadingsTable {
  tenant_id: string;
  device_id: string;
  metric: string;
  /** the device's timestamp */
  at: string;
  value: number;
  received_at: string;
}

/** An hour roll-up bucket (ISO text of the hour's start). */
export interface TelemetryBucketsTable {
  tenant_id: string;
  device_id: string;
  metric: string;
  bucket: string;
  n: number;
  sum: number;
  min: number;
  max: number;
}

/**
 * Minute buckets of one device, metric and hour, packed (telemetry/minute-pack.ts). The consumer appends a pack per
 * batch; the hourly job merges a closed hour's packs into one row with `compacted` 1. Readers merge all of an hour's.
 */
export interface TelemetryMinutePacksTable {
  tenant_id: string;
  device_id: string;
  metric: string;
  /** ISO text of the hour's start */
  hour: string;
  /** 0 appended by the consumer, 1 written by compaction */
  compacted: number;
  minutes: Buffer;
}

export interface TelemetryRejectedTable {
  id: string;
  /** null when the topic names no known tenant */
  tenant_id: string | null;
  topic: string;
  device_code: string | null;
  reason: RejectReason;
  detail: string | null;
  /** the first bytes of the payload as text */
  payload: string;
  payload_bytes: number;
  received_at: string;
}

export interface AlarmRulesTable {
  id: string;
  tenant_id: string;
  device_type: DeviceType;
  name: string;
  metric: string;
  op: RuleOp;
  threshold: number;
  hysteresis: number;
  min_duration_s: number;
  matter_code: string;
  auto_case: number;
  severity: 'major' | 'critical';
  active: number;
  version: number;
  created_at: string;
  updated_at: string;
  /** 'value' or 'rate' (migration 0070) */
  measure: RuleMeasure;
  /** JSON array of daily windows {from, to} in the tenant's zone; null: at any time (migration 0070) */
  windows: string | null;
}

export interface AlarmWatchesTable {
  device_id: string;
  rule_id: string;
  tenant_id: string;
  breach_since: string | null;
  latched: number;
  last_at: string;
  /** the value of the reading at last_at, for rules on the rate of change (migration 0070) */
  last_value: number | null;
}

export interface AlarmsTable {
  id: string;
  tenant_id: string;
  device_id: string;
  device_code: string;
  device_type: DeviceType;
  rule_id: string | null;
  kind: AlarmKind;
  state: AlarmState;
  severity: string;
  metric: string | null;
  value: number | null;
  threshold: number | null;
  lng: number;
  lat: number;
  raised_at: string;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  case_id: string | null;
  case_no: string | null;
  /** 1 when the alarm joined a case already open nearby instead of filing its own */
  merged: number;
  cleared_at: string | null;
  cleared_by: string | null;
  clear_reason: 'recovered' | 'manual' | 'online' | null;
  open_key: string | null;
  /** JSON array of { at, action, by, note } */
  history: string;
  version: number;
  updated_at: string;
}

export interface DeviceMaintenanceTasksTable {
  id: string;
  tenant_id: string;
  device_id: string;
  reason: 'low_battery';
  /** the device's battery when the task was raised */
  battery_pct: number | null;
  /** the tenant's threshold at that moment */
  threshold_pct: number;
  raised_at: string;
  state: 'open' | 'done';
  done_at: string | null;
  /** the user who closed it; null when the sweep closed it after a recharge */
  done_by: string | null;
  done_by_name: string | null;
  done_reason: 'staff' | 'recharged' | null;
  done_battery_pct: number | null;
  note: string | null;
  open_key: string | null;
  version: number;
  updated_at: string;
}
