/**
 * 城市之感: devices, their readings and the alarms raised from them (docs/iot.md). Closed vocabularies and the pure
 * rules both sides need: the signing string of a device message and the evaluation of one reading against a rule.
 */

/** Device types and the metric each reports (unit in docs/iot.md, "Device types"). */
export const DEVICE_TYPES = [
  'manhole_tilt',
  'water_level',
  'gas_detector',
  'bin_fill',
  'pump_station',
  'site_dust',
  'site_noise',
] as const;
export type DeviceType = (typeof DEVICE_TYPES)[number];

/** Metric names are lower-case ASCII: they go into the signing string as they are. */
export const METRIC_NAME = /^[a-z][a-z0-9_]{0,31}$/;

/** The metric a type's default rule watches and its unit. */
export const PRIMARY_METRIC: Readonly<Record<DeviceType, { metric: string; unit: string }>> = {
  manhole_tilt: { metric: 'tilt_deg', unit: '°' },
  water_level: { metric: 'water_cm', unit: 'cm' },
  gas_detector: { metric: 'lel_pct', unit: '%LEL' },
  bin_fill: { metric: 'fill_pct', unit: '%' },
  pump_station: { metric: 'level_m', unit: 'm' },
  site_dust: { metric: 'pm10_ugm3', unit: 'µg/m³' },
  site_noise: { metric: 'noise_dba', unit: 'dB(A)' },
};

export const RULE_OPS = ['gt', 'lt'] as const;
export type RuleOp = (typeof RULE_OPS)[number];

export const ALARM_STATES = ['raised', 'acknowledged', 'case', 'cleared'] as const;
export type AlarmState = (typeof ALARM_STATES)[number];
export const OPEN_ALARM_STATES: readonly AlarmState[] = ['raised', 'acknowledged', 'case'];
export const ALARM_KINDS = ['threshold', 'offline'] as const;
export type AlarmKind = (typeof ALARM_KINDS)[number];
export const ALARM_ACTIONS = ['acknowledge', 'case', 'clear'] as const;
export type AlarmAction = (typeof ALARM_ACTIONS)[number];

/** raised → acknowledged → case → cleared; a case can be made from raised too, and any open alarm can be cleared. */
export function alarmNext(from: AlarmState, action: AlarmAction): AlarmState | null {
  if (from === 'cleared') return null;
  if (action === 'acknowledge') return from === 'raised' ? 'acknowledged' : null;
  if (action === 'case') return from === 'raised' || from === 'acknowledged' ? 'case' : null;
  return 'cleared';
}

export const REJECT_REASONS = [
  'bad_topic',
  'unknown_device',
  'inactive_device',
  'bad_json',
  'bad_payload',
  'bad_signature',
  'stale',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export const MESSAGE_KINDS = ['telemetry', 'heartbeat'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];
/** Kinds a device key signs: the telemetry topics', and `gps` for vehicle positions (docs/vehicles.md). */
export type SignedKind = MessageKind | 'gps';

/** The topic of a device message: cityloop/{tenant code}/{device code}/{telemetry|heartbeat}. */
export const TOPIC_PATTERN = /^cityloop\/([0-9A-Za-z_-]{1,20})\/([0-9A-Za-z_-]{1,40})\/(telemetry|heartbeat)$/;
export const DEVICE_CODE = /^[0-9A-Za-z_-]{1,40}$/;

/** A value in the signing string: fixed three decimals, as C's printf("%.3f") writes it (docs/iot.md, "Signature"). */
export const signedNumber = (n: number): string => n.toFixed(3);

/**
 * The string a device signs (docs/iot.md, "Signature"): version, tenant, device, kind, ts and seq as sent, then the
 * values sorted by name, `name=value` joined by `;`. The signature is the lower-case hex HMAC-SHA256 of its UTF-8
 * bytes under the device key.
 */
export function signingString(m: {
  tenant: string;
  device: string;
  kind: SignedKind;
  ts: string;
  seq: number;
  values: Readonly<Record<string, number>>;
}): string {
  const names = Object.keys(m.values).sort();
  const values = names.map((k) => `${k}=${signedNumber(m.values[k]!)}`).join(';');
  return ['v1', m.tenant, m.device, m.kind, m.ts, String(m.seq), values].join('\n');
}

/** What a rule compares with its threshold: the reading itself, or its rate of change per minute. */
export const RULE_MEASURES = ['value', 'rate'] as const;
export type RuleMeasure = (typeof RULE_MEASURES)[number];

/** A daily window in the tenant's zone, `HH:MM`; `from` after `to` runs over midnight (22:00–06:00). */
export interface TimeWindow {
  from: string;
  to: string;
}
export const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
export const MAX_WINDOWS = 4;

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const clocks = new Map<string, Intl.DateTimeFormat>();

/** Minutes after local midnight of an instant in a zone. */
export function localMinutes(at: string, timeZone: string): number {
  let f = clocks.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    clocks.set(timeZone, f);
  }
  const parts = f.formatToParts(new Date(at));
  const h = Number(parts.find((p) => p.type === 'hour')?.value ?? 0);
  const m = Number(parts.find((p) => p.type === 'minute')?.value ?? 0);
  return h * 60 + m;
}

/** Whether a local time (minutes after midnight) falls in one of the windows; no windows = always. */
export function inWindows(minutes: number, windows: readonly TimeWindow[] | null | undefined): boolean {
  if (!windows || windows.length === 0) return true;
  return windows.some((w) => {
    const from = minutesOf(w.from);
    const to = minutesOf(w.to);
    return from <= to ? minutes >= from && minutes < to : minutes >= from || minutes < to;
  });
}

export interface Rule {
  metric: string;
  op: RuleOp;
  threshold: number;
  /** how far back across the threshold a value must come before the condition counts as over */
  hysteresis: number;
  /** how long the condition must hold before an alarm is raised (0: at once) */
  minDurationS: number;
  /** `rate`: the threshold is a change per minute between consecutive readings (default `value`) */
  measure?: RuleMeasure;
  /** the rule raises only inside these daily windows, in the tenant's zone (none: at any time) */
  windows?: readonly TimeWindow[] | null;
}

/** What is kept per device and rule between readings. */
export interface Watch {
  /** when the current run of breaching readings began (null: not breaching) */
  breachSince: string | null;
  /** an alarm of this rule is open (or was cleared by hand while the value stayed over: it waits for recovery) */
  latched: boolean;
  /** the previous reading judged (a rate needs it) */
  last?: { value: number; at: string } | null;
}

export type Verdict = 'raise' | 'recover' | 'none';

const breaches = (r: Rule, v: number) => (r.op === 'gt' ? v > r.threshold : v < r.threshold);
/** back on the safe side of the threshold by at least the hysteresis */
const recovered = (r: Rule, v: number) =>
  r.op === 'gt' ? v <= r.threshold - r.hysteresis : v >= r.threshold + r.hysteresis;

/** The figure a rule judges: the value, or the change per minute since the previous reading (null: none yet). */
function measured(rule: Rule, watch: Watch, value: number, at: string): number | null {
  if (rule.measure !== 'rate') return value;
  if (!watch.last) return null;
  const minutes = (Date.parse(at) - Date.parse(watch.last.at)) / 60_000;
  return minutes > 0 ? (value - watch.last.value) / minutes : null;
}

/**
 * One reading against a rule (docs/iot.md, "Rules"): raise when the measure (the value, or its rate of change per
 * minute) has been over the threshold without a break for at least the minimum duration (measured on the devices'
 * own timestamps), inside the rule's daily windows if it has any; once raised, the condition ends only when the
 * measure comes back past the threshold by the hysteresis, so a value hovering at the threshold raises one alarm, not
 * a stream of them. Outside the windows nothing is raised and a run of breaching readings starts over, but an open
 * alarm can still recover.
 */
export function evaluate(
  rule: Rule,
  watch: Watch,
  value: number,
  at: string,
  timeZone = 'Asia/Shanghai',
): { verdict: Verdict; watch: Watch } {
  const m = measured(rule, watch, value, at);
  const last = { value, at };
  if (watch.latched) {
    if (m !== null && recovered(rule, m))
      return { verdict: 'recover', watch: { breachSince: null, latched: false, last } };
    return { verdict: 'none', watch: { ...watch, last } };
  }
  const open = !rule.windows?.length || inWindows(localMinutes(at, timeZone), rule.windows);
  if (m === null || !open || !breaches(rule, m))
    return { verdict: 'none', watch: { breachSince: null, latched: false, last } };
  const since = watch.breachSince && watch.breachSince <= at ? watch.breachSince : at;
  const heldMs = Date.parse(at) - Date.parse(since);
  if (heldMs >= rule.minDurationS * 1000)
    return { verdict: 'raise', watch: { breachSince: since, latched: true, last } };
  return { verdict: 'none', watch: { breachSince: since, latched: false, last } };
}

/** Default rules per type (tenant data once loaded; values and sources in docs/iot.md, "Default rules"). */
export const DEFAULT_RULES: Readonly<
  Record<DeviceType, Rule & { matterCode: string; autoCase: boolean; severity: 'major' | 'critical' }>
> = {
  manhole_tilt: {
    metric: 'tilt_deg',
    op: 'gt',
    threshold: 15,
    hysteresis: 3,
    minDurationS: 10,
    matterCode: '01003',
    autoCase: true,
    severity: 'major',
  },
  water_level: {
    metric: 'water_cm',
    op: 'gt',
    threshold: 15,
    hysteresis: 2,
    minDurationS: 180,
    matterCode: '01004',
    autoCase: true,
    severity: 'major',
  },
  gas_detector: {
    metric: 'lel_pct',
    op: 'gt',
    threshold: 20,
    hysteresis: 5,
    minDurationS: 0,
    matterCode: '01011',
    autoCase: true,
    severity: 'critical',
  },
  bin_fill: {
    metric: 'fill_pct',
    op: 'gt',
    threshold: 90,
    hysteresis: 10,
    minDurationS: 300,
    matterCode: '06042',
    autoCase: false,
    severity: 'major',
  },
  pump_station: {
    metric: 'level_m',
    op: 'gt',
    threshold: 3,
    hysteresis: 0.3,
    minDurationS: 60,
    matterCode: '01072',
    autoCase: false,
    severity: 'critical',
  },
  site_dust: {
    metric: 'pm10_ugm3',
    op: 'gt',
    threshold: 150,
    hysteresis: 20,
    minDurationS: 900,
    matterCode: '06011',
    autoCase: false,
    severity: 'major',
  },
  site_noise: {
    metric: 'noise_dba',
    op: 'gt',
    threshold: 70,
    hysteresis: 3,
    minDurationS: 600,
    matterCode: '06028',
    autoCase: false,
    severity: 'major',
  },
};

/** 维护任务 of a device (docs/iot.md, "Maintenance tasks"). */
export const MAINTENANCE_STATES = ['open', 'done'] as const;
export type MaintenanceState = (typeof MAINTENANCE_STATES)[number];
export const MAINTENANCE_REASONS = ['low_battery'] as const;
export type MaintenanceReason = (typeof MAINTENANCE_REASONS)[number];
/** How a task was closed: by a technician, or by the sweep once the device reported a recharged battery. */
export type MaintenanceDoneReason = 'staff' | 'recharged';

/** The tenant setting (settings key `devices.maintenance`) and its default. */
export interface MaintenanceSettings {
  /** a battery strictly below this percentage raises a low-battery task */
  lowBatteryPct: number;
}
export const MAINTENANCE_SETTINGS_KEY = 'devices.maintenance';
export const DEFAULT_MAINTENANCE_SETTINGS: MaintenanceSettings = { lowBatteryPct: 20 };
/**
 * A low-battery task closes by itself only once the battery is this many points above the threshold: a battery
 * that reads 19, 21, 19 around a threshold of 20 (cold mornings, a load during transmission) keeps one task open
 * instead of opening and closing a stream of them.
 */
export const RECHARGE_MARGIN_PCT = 10;

/** What the sweep does with a device's last battery reading, given whether a low-battery task is open. */
export function batteryVerdict(
  batteryPct: number | null,
  threshold: number,
  open: boolean,
): 'raise' | 'close' | 'none' {
  if (batteryPct === null) return 'none';
  if (!open) return batteryPct < threshold ? 'raise' : 'none';
  return batteryPct >= threshold + RECHARGE_MARGIN_PCT ? 'close' : 'none';
}
