import type { AlarmRule, AlarmRuleCreate, AlarmRuleUpdate } from '../../../../common/contracts/iot.ts';
import { DEFAULT_RULES, DEVICE_TYPES } from '../../../../common/domain/iot.ts';
import type { AlarmRulesTable } from '../../db/schema-iot.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { AuditService } from '../audit/index.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import { ruleView } from './alarm-view.ts';
import { alarmErrors } from './alarm.errors.ts';
import { TYPE_TEXT } from './alarm-notice.ts';
import * as repo from './alarm.repository.ts';

/** The windows as stored; a window that starts where it ends would never be open, so it is refused. */
function windowsOf(w: AlarmRuleCreate['windows']): string | null {
  if (!w || w.length === 0) return null;
  w.forEach((x, i) => {
    if (x.from === x.to)
      throw alarmErrors.ruleField(`body.windows.${i}.to`, 'empty', 'a window must not start where it ends');
  });
  return JSON.stringify(w);
}

/** The columns a rule's create and edit both set from the request. */
function ruleFields(input: AlarmRuleCreate | AlarmRuleUpdate) {
  return {
    name: input.name.trim(),
    metric: input.metric,
    op: input.op,
    threshold: input.threshold,
    hysteresis: input.hysteresis,
    min_duration_s: input.minDurationS,
    matter_code: input.matterCode,
    auto_case: input.autoCase ? 1 : 0,
    severity: input.severity,
    measure: input.measure ?? 'value',
    windows: windowsOf(input.windows),
  } satisfies Partial<AlarmRulesTable>;
}

/**
 * Alarm rules per device type, tenant data (docs/iot.md, "Rules"): listed with device.read, created, edited (with
 * the version read) and loaded from the defaults with device.manage; every change audited in its transaction.
 */
export function createAlarmRules(database: Database, clock: Clock, deps: { audit: AuditService }) {
  const { db } = database;
  const api = {
    async rules(actor: Actor): Promise<AlarmRule[]> {
      requirePermission(actor, 'device.read');
      return (await repo.rulesOf(db, actor.tenantId)).map(ruleView);
    },

    async createRule(actor: Actor, input: AlarmRuleCreate): Promise<AlarmRule> {
      requirePermission(actor, 'device.manage');
      const now = clock.now().toISOString();
      const row: AlarmRulesTable = {
        id: newId(),
        tenant_id: actor.tenantId,
        device_type: input.deviceType,
        ...ruleFields(input),
        active: 1,
        version: 1,
        created_at: now,
        updated_at: now,
      };
      await db.transaction().execute(async (tx) => {
        await repo.insertRule(tx, row);
        await deps.audit.record(tx, actor, actor.tenantId, {
          action: 'alarm_rule.create',
          entity: 'alarm_rule',
          entityId: row.id,
          before: null,
          after: ruleView(row),
        });
      });
      return ruleView(row);
    },

    async updateRule(actor: Actor, id: string, input: AlarmRuleUpdate): Promise<AlarmRule> {
      requirePermission(actor, 'device.manage');
      const cur = await repo.findRule(db, actor.tenantId, id);
      if (!cur) throw notFound('alarm_rule');
      if (cur.version !== input.version) throw alarmErrors.ruleStale(cur.version);
      const patch: Partial<AlarmRulesTable> = {
        ...ruleFields(input),
        active: input.active ? 1 : 0,
        updated_at: clock.now().toISOString(),
      };
      await db.transaction().execute(async (tx) => {
        if (!(await repo.updateRule(tx, actor.tenantId, id, cur.version, patch)))
          throw alarmErrors.ruleStale(cur.version);
        await deps.audit.record(tx, actor, actor.tenantId, {
          action: 'alarm_rule.update',
          entity: 'alarm_rule',
          entityId: id,
          before: ruleView(cur),
          after: ruleView({ ...cur, ...patch }),
        });
      });
      return ruleView({ ...cur, ...patch, version: cur.version + 1 });
    },

    /** Loads the default rule of every device type that has none yet (docs/iot.md, "Default rules"). */
    async loadDefaultRules(actor: Actor): Promise<AlarmRule[]> {
      requirePermission(actor, 'device.manage');
      const have = new Set((await repo.rulesOf(db, actor.tenantId)).map((r) => r.device_type));
      for (const type of DEVICE_TYPES) {
        if (have.has(type)) continue;
        const d = DEFAULT_RULES[type];
        await api.createRule(actor, {
          deviceType: type,
          name: TYPE_TEXT[type],
          metric: d.metric,
          op: d.op,
          threshold: d.threshold,
          hysteresis: d.hysteresis,
          minDurationS: d.minDurationS,
          matterCode: d.matterCode,
          autoCase: d.autoCase,
          severity: d.severity,
        });
      }
      return api.rules(actor);
    },
  };
  return api;
}
