import type { Alarm, AlarmRule } from '../../../../common/contracts/iot.ts';
import type { AlarmRulesTable, AlarmsTable } from '../../db/schema-iot.ts';

export interface AlarmEventRow {
  at: string;
  action: string;
  by: string | null;
  note: string | null;
}

export const historyOf = (row: Pick<AlarmsTable, 'history'>): AlarmEventRow[] =>
  JSON.parse(row.history) as AlarmEventRow[];

export const withEvent = (row: Pick<AlarmsTable, 'history'>, e: AlarmEventRow): string =>
  JSON.stringify([...historyOf(row), e]);

export function alarmView(row: AlarmsTable, ruleName: string | null): Alarm {
  return {
    id: row.id,
    deviceId: row.device_id,
    deviceCode: row.device_code,
    deviceType: row.device_type,
    ruleId: row.rule_id,
    ruleName,
    kind: row.kind,
    state: row.state,
    severity: row.severity,
    metric: row.metric,
    value: row.value === null ? null : Number(row.value),
    threshold: row.threshold === null ? null : Number(row.threshold),
    lng: Number(row.lng),
    lat: Number(row.lat),
    raisedAt: row.raised_at,
    acknowledgedAt: row.acknowledged_at,
    caseId: row.case_id,
    caseNo: row.case_no,
    merged: row.merged === 1,
    clearedAt: row.cleared_at,
    clearReason: row.clear_reason,
    history: historyOf(row),
    version: row.version,
  };
}

export function ruleView(r: AlarmRulesTable): AlarmRule {
  return {
    id: r.id,
    deviceType: r.device_type,
    name: r.name,
    metric: r.metric,
    op: r.op,
    threshold: Number(r.threshold),
    hysteresis: Number(r.hysteresis),
    minDurationS: r.min_duration_s,
    matterCode: r.matter_code,
    autoCase: r.auto_case === 1,
    severity: r.severity,
    measure: r.measure,
    windows: r.windows ? (JSON.parse(r.windows) as AlarmRule['windows']) : [],
    active: r.active === 1,
    version: r.version,
  };
}

/** The live event the 大屏 and the alarm page hear (docs/iot.md, "Live events"). */
export function liveAlarm(row: AlarmsTable, action: string) {
  return {
    type: 'alarm',
    tenantId: row.tenant_id,
    permission: 'alarm.read',
    data: {
      id: row.id,
      action,
      state: row.state,
      kind: row.kind,
      deviceId: row.device_id,
      deviceCode: row.device_code,
      deviceType: row.device_type,
      severity: row.severity,
      metric: row.metric,
      value: row.value === null ? null : Number(row.value),
      lng: Number(row.lng),
      lat: Number(row.lat),
      caseNo: row.case_no,
      at: row.updated_at,
    },
  };
}
