import { evaluate, type Rule, type TimeWindow, type Watch } from '../../../../common/domain/iot.ts';
import type { AlarmRulesTable, AlarmsTable, AlarmWatchesTable, DevicesTable } from '../../db/schema-iot.ts';
import type { Clock } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { withEvent } from './alarm-view.ts';

/** A reading handed to the rules. */
export type Judged = { metric: string; value: number; at: string };

/**
 * The alarms a transaction raises and clears, decided in memory from the open alarms read up front and written by
 * the alarm service's `writeChanges` in a few statements: `open` is, per open key, the open alarm as it stands after what was decided
 * so far (null: none), `inserted` the new alarms in their final state, `updated` the stored alarms cleared (with
 * the version they were read at), `raised` the new alarms as raised (for the notices and the live stream).
 */
export interface Changes {
  open: Map<string, AlarmsTable | null>;
  inserted: Map<string, AlarmsTable>;
  updated: Map<string, { readVersion: number; row: AlarmsTable }>;
  raised: { device: DevicesTable; row: AlarmsTable }[];
  cleared: AlarmsTable[];
}

/** What clearing an open alarm by the system changes (the value recovered, or the device is heard from again). */
export function clearedBySystem(open: AlarmsTable, at: string, reason: 'recovered' | 'online') {
  return {
    state: 'cleared',
    cleared_at: at,
    clear_reason: reason,
    open_key: null,
    history: withEvent(open, { at, action: 'cleared', by: null, note: reason }),
    updated_at: at,
  } satisfies Partial<AlarmsTable>;
}

/**
 * The rules' verdicts on a batch, decided in memory (docs/iot.md, "Rules"): which alarms the readings raise and
 * clear, from the open alarms and watches read up front, for the alarm service to write in a few statements.
 * `timeZone` is the tenant's, in which a rule's daily windows are read.
 */
export function createAlarmJudge(clock: Clock, timeZone: string | undefined) {
  const noChanges = (open: readonly AlarmsTable[]): Changes => ({
    open: new Map(open.map((a) => [a.open_key!, a])),
    inserted: new Map(),
    updated: new Map(),
    raised: [],
    cleared: [],
  });

  /** Clears the open alarm of `openKey` (if any) in `ch`: what the alarm service's `clearRow` writes, decided in memory. */
  function clearIn(ch: Changes, openKey: string, reason: 'recovered' | 'online') {
    const open = ch.open.get(openKey);
    if (!open) return;
    const row: AlarmsTable = {
      ...open,
      ...clearedBySystem(open, clock.now().toISOString(), reason),
      version: open.version + 1,
    };
    ch.open.set(openKey, null);
    if (ch.inserted.has(row.id)) ch.inserted.set(row.id, row);
    else ch.updated.set(row.id, { readVersion: ch.updated.get(row.id)?.readVersion ?? open.version, row });
    ch.cleared.push(row);
  }

  function newAlarm(device: DevicesTable, at: string, fields: Partial<AlarmsTable>): AlarmsTable {
    return {
      id: newId(),
      tenant_id: device.tenant_id,
      device_id: device.id,
      device_code: device.code,
      device_type: device.type,
      rule_id: null,
      kind: 'threshold',
      state: 'raised',
      severity: 'major',
      metric: null,
      value: null,
      threshold: null,
      lng: Number(device.lng),
      lat: Number(device.lat),
      raised_at: at,
      acknowledged_at: null,
      acknowledged_by: null,
      case_id: null,
      case_no: null,
      merged: 0,
      cleared_at: null,
      cleared_by: null,
      clear_reason: null,
      open_key: null,
      history: JSON.stringify([{ at, action: 'raised', by: null, note: null }]),
      version: 1,
      updated_at: at,
      ...fields,
    };
  }

  /**
   * Judges one device's new readings of one rule's metric from the stored watch (docs/iot.md, "Rules"): the alarms
   * it raises and clears are decided in `ch` (written by `writeChanges`). Returns the watch to store, or null when
   * every reading was older than the last one judged.
   */
  function judge(
    device: DevicesTable,
    rule: AlarmRulesTable,
    stored: AlarmWatchesTable | undefined,
    readings: readonly Judged[],
    ch: Changes,
  ): AlarmWatchesTable | null {
    const sorted = [...readings].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    let state: Watch = {
      breachSince: stored?.breach_since ?? null,
      latched: stored?.latched === 1,
      last: stored && stored.last_value !== null ? { value: Number(stored.last_value), at: stored.last_at } : null,
    };
    const judged: Rule = {
      metric: rule.metric,
      op: rule.op,
      threshold: Number(rule.threshold),
      hysteresis: Number(rule.hysteresis),
      minDurationS: rule.min_duration_s,
      measure: rule.measure,
      windows: rule.windows ? (JSON.parse(rule.windows) as TimeWindow[]) : null,
    };
    // a reading older than the last one evaluated arrived late (redelivery after an outage): it is kept, not judged
    const fresh = sorted.filter((r) => !stored || r.at >= stored.last_at);
    for (const r of fresh) {
      const res = evaluate(judged, state, r.value, r.at, timeZone);
      state = res.watch;
      const openKey = `${device.id}:${rule.id}`;
      if (res.verdict === 'raise') {
        // one open alarm per device and rule: the insert would be skipped
        if (ch.open.get(openKey)) continue;
        const row = newAlarm(device, clock.now().toISOString(), {
          rule_id: rule.id,
          severity: rule.severity,
          metric: rule.metric,
          value: r.value,
          threshold: Number(rule.threshold),
          open_key: openKey,
          history: JSON.stringify([{ at: clock.now().toISOString(), action: 'raised', by: null, note: r.at }]),
        });
        ch.open.set(openKey, row);
        ch.inserted.set(row.id, row);
        ch.raised.push({ device, row });
      } else if (res.verdict === 'recover') {
        clearIn(ch, openKey, 'recovered');
      }
    }
    if (!fresh.length) return null;
    return {
      device_id: device.id,
      rule_id: rule.id,
      tenant_id: device.tenant_id,
      breach_since: state.breachSince,
      latched: state.latched ? 1 : 0,
      last_at: fresh[fresh.length - 1]!.at,
      last_value: fresh[fresh.length - 1]!.value,
    };
  }

  return { newAlarm, noChanges, clearIn, judge };
}
