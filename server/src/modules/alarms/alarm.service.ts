import type { Alarm, AlarmQuery, AlarmStep } from '../../../../common/contracts/iot.ts';
import { alarmNext, PRIMARY_METRIC, type AlarmAction } from '../../../../common/domain/iot.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import type { AlarmRulesTable, AlarmsTable, AlarmWatchesTable, DevicesTable } from '../../db/schema-iot.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import type { LiveHub } from '../../platform/live-events.ts';
import { listWindow } from '../../platform/paging.ts';
import type { AuditService } from '../audit/index.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import type { ExternalReport, IntakeResult } from '../cases/index.ts';
import type { DeviceService, MaintenanceService } from '../devices/index.ts';
import type { DuplicateCandidate, DuplicateQuery } from '../routing/index.ts';
import { alarmView, liveAlarm, withEvent } from './alarm-view.ts';
import { alarmErrors } from './alarm.errors.ts';
import { noticesOnDuty, TYPE_TEXT } from './alarm-notice.ts';
import * as repo from './alarm.repository.ts';
import { createAlarmRules } from './alarm-rules.service.ts';
import { clearedBySystem, createAlarmJudge, type Changes, type Judged } from './alarm-judge.ts';

export interface AlarmDeps {
  devices: DeviceService;
  /** the registry's 维护任务, raised and closed on the same sweep as the offline watch */
  maintenance?: Pick<MaintenanceService, 'sweep'>;
  audit: AuditService;
  live: LiveHub;
  /** the cases module's intake for outside channels (channel sensor) */
  intake: (
    tenantId: string,
    input: ExternalReport,
    idem: { scope: string; key: string | null },
  ) => Promise<IntakeResult>;
  /** the cases module's note on a case's timeline that a machine source joined it */
  joinSource: (
    tenantId: string,
    caseId: string,
    src: { channel: 'sensor'; source: string; externalNo: string; note: string | null },
  ) => Promise<void>;
  /** the routing module's duplicate finder (radius and window are the tenant's duplicate settings) */
  duplicates: (tenantId: string, q: DuplicateQuery) => Promise<DuplicateCandidate[]>;
  /** the tenant's zone, in which a rule's daily windows are read */
  timeZone?: string;
  log?: (err: unknown) => void;
}

/** What a transaction raised and cleared, published after its commit. */
interface Outcome {
  raised: AlarmsTable[];
  cleared: AlarmsTable[];
}

const TERMINAL_CASE = new Set(['closed', 'voided']);
const BATCH = 200;

/**
 * Alarm rules per device type (tenant data), the alarms they raise with their lifecycle raised → acknowledged → case
 * → cleared, the case filed through the cases intake (or joined to one open nearby), and the offline sweep
 * (docs/iot.md, "Rules", "Alarms").
 */
export function createAlarmService(database: Database, clock: Clock, deps: AlarmDeps) {
  const { db } = database;
  const { newAlarm, noChanges, clearIn, judge } = createAlarmJudge(clock, deps.timeZone);

  async function view(tenantId: string, row: AlarmsTable): Promise<Alarm> {
    const names = await repo.ruleNames(db, tenantId, row.rule_id ? [row.rule_id] : []);
    return alarmView(row, names[0]?.name ?? null);
  }

  async function load(actor: Actor, id: string, permission: 'alarm.read' | 'alarm.handle') {
    requirePermission(actor, permission);
    const row = await repo.findAlarm(db, actor.tenantId, id);
    if (!row) throw notFound('alarm');
    return row;
  }

  const publish = (row: AlarmsTable, action: string) => deps.live.publish(liveAlarm(row, action));

  /**
   * The case of an alarm: joined to an open case of the same or a neighbouring matter within the tenant's duplicate
   * radius and window (a citizen or inspector reported it first), else filed through the intake on channel `sensor`,
   * once per alarm whatever the retries (the alarm id is the idempotency key).
   */
  async function fileCase(row: AlarmsTable, by: string | null): Promise<AlarmsTable | null> {
    if (!row.rule_id) throw alarmErrors.noMatter();
    const rule = await repo.findRule(db, row.tenant_id, row.rule_id);
    if (!rule) throw alarmErrors.noMatter();
    const device = await deps.devices.findRow(db, row.tenant_id, row.device_id);
    const candidates = await deps.duplicates(row.tenant_id, {
      matterCode: rule.matter_code,
      lng: Number(row.lng),
      lat: Number(row.lat),
      at: new Date(row.raised_at),
    });
    const open = candidates.find((c) => !TERMINAL_CASE.has(c.status));
    const unit = PRIMARY_METRIC[row.device_type].unit;
    const value = row.value === null ? '' : `${Number(row.value)}${unit}`;
    const limit = row.threshold === null ? '' : `（阈值 ${Number(row.threshold)}${unit}）`;
    const description = `物联感知告警：${TYPE_TEXT[row.device_type]} ${value}${limit}，设备 ${row.device_code}${device?.component_code ? `，部件 ${device.component_code}` : ''}`;
    const source = `物联感知 · ${device?.name ?? row.device_code}`;
    let caseId: string;
    let caseNo: string;
    if (open) {
      caseId = open.id;
      caseNo = open.caseNo;
      // the case a person reported shows the machine source beside them on its timeline
      await deps.joinSource(row.tenant_id, caseId, {
        channel: 'sensor',
        source,
        externalNo: row.id,
        note: description,
      });
    } else {
      const filed = await deps.intake(
        row.tenant_id,
        {
          channel: 'sensor',
          matterCode: rule.matter_code,
          description,
          lng: Number(row.lng),
          lat: Number(row.lat),
          address: device?.address ?? null,
          deviceId: row.device_code,
          externalNo: row.id,
          source,
        },
        { scope: 'alarm', key: row.id },
      );
      caseId = filed.caseId;
      caseNo = filed.caseNo;
    }
    const at = clock.now().toISOString();
    const patch: Partial<AlarmsTable> = {
      state: 'case',
      case_id: caseId,
      case_no: caseNo,
      merged: open ? 1 : 0,
      history: withEvent(row, { at, action: open ? 'merged' : 'case', by, note: caseNo }),
      updated_at: at,
    };
    if (!(await repo.updateAlarm(db, row, patch))) return null;
    const updated = { ...row, ...patch, version: row.version + 1 };
    publish(updated, 'case');
    return updated;
  }

  async function act(actor: Actor, id: string, action: AlarmAction, step: AlarmStep): Promise<Alarm> {
    const row = await load(actor, id, 'alarm.handle');
    if (row.version !== step.version) throw alarmErrors.stale(row.version);
    const to = alarmNext(row.state, action);
    if (!to) throw alarmErrors.notAllowed(row.state, action);
    if (action === 'case') {
      if (row.kind !== 'threshold') throw alarmErrors.noMatter();
      const updated = await fileCase(row, actor.displayName);
      if (!updated) throw alarmErrors.stale(row.version);
      await db.transaction().execute((tx) =>
        deps.audit.record(tx, actor, actor.tenantId, {
          action: 'alarm.case',
          entity: 'alarm',
          entityId: id,
          before: { state: row.state },
          after: { state: 'case', caseNo: updated.case_no, merged: updated.merged === 1 },
        }),
      );
      return view(actor.tenantId, updated);
    }
    const at = clock.now().toISOString();
    const note = step.note?.trim() || null;
    const patch: Partial<AlarmsTable> =
      action === 'acknowledge'
        ? { state: to, acknowledged_at: at, acknowledged_by: actor.userId }
        : { state: to, cleared_at: at, cleared_by: actor.userId, clear_reason: 'manual', open_key: null };
    patch.history = withEvent(row, { at, action: to, by: actor.displayName, note });
    patch.updated_at = at;
    await db.transaction().execute(async (tx) => {
      if (!(await repo.updateAlarm(tx, row, patch))) throw alarmErrors.stale(row.version);
      await deps.audit.record(tx, actor, actor.tenantId, {
        action: `alarm.${action}`,
        entity: 'alarm',
        entityId: id,
        before: { state: row.state },
        after: { state: to, ...(note ? { note } : {}) },
      });
    });
    const updated = { ...row, ...patch, version: row.version + 1 };
    publish(updated, to);
    return view(actor.tenantId, updated);
  }

  /** Clears an open alarm by the system (the value recovered, or the device is heard from again). */
  async function clearOpen(tx: Executor, tenantId: string, openKey: string, reason: 'recovered' | 'online') {
    const open = await repo.openAlarm(tx, tenantId, openKey);
    return open ? clearRow(tx, open, reason) : null;
  }

  async function clearRow(tx: Executor, open: AlarmsTable, reason: 'recovered' | 'online') {
    const patch = clearedBySystem(open, clock.now().toISOString(), reason);
    return (await repo.updateAlarm(tx, open, patch)) ? { ...open, ...patch, version: open.version + 1 } : null;
  }

  /**
   * Writes what `ch` decided, with the outcome the statements one alarm at a time had: new alarms in one multi-row
   * insert that skips an open key another writer took meanwhile (such an alarm is neither raised nor cleared here),
   * cleared alarms in one versioned multi-row update (one changed meanwhile is left as it is and not reported), and
   * the notices of the raised alarms to the staff on duty.
   */
  async function writeChanges(tx: Executor, ch: Changes, out: Outcome): Promise<void> {
    const inserted = await repo.insertAlarms(tx, [...ch.inserted.values()]);
    const updated = await repo.clearAlarms(
      tx,
      [...ch.updated.values()].map((u) => ({ ...u.row, version: u.readVersion })),
    );
    const raised = ch.raised.filter((r) => inserted.has(r.row.id));
    await noticesOnDuty(tx, raised);
    out.raised.push(...raised.map((r) => r.row));
    out.cleared.push(...ch.cleared.filter((r) => inserted.has(r.id) || updated.has(r.id)));
  }

  /** After commit: the live events, then the cases of the automatic rules. */
  function after(out: Outcome, rules: readonly AlarmRulesTable[]) {
    const autos = new Set(rules.filter((r) => r.auto_case === 1).map((r) => r.id));
    return async () => {
      for (const row of out.cleared) publish(row, 'cleared');
      for (const row of out.raised) {
        publish(row, 'raised');
        if (row.rule_id && autos.has(row.rule_id)) await autoCase(row);
      }
    };
  }

  const autoCase = async (row: AlarmsTable) => {
    try {
      await fileCase(row, null);
    } catch (err) {
      // left raised without a case: the sweep tries again
      deps.log?.(err);
    }
  };

  return {
    ...createAlarmRules(database, clock, deps),

    // ---- alarms ----
    async list(actor: Actor, query: AlarmQuery): Promise<Page<Alarm>> {
      requirePermission(actor, 'alarm.read');
      const w = listWindow(query, { raisedAt: 'raised_at', deviceCode: 'device_code' }, 'raisedAt');
      const order = query.order ?? (w.sort === 'raised_at' ? 'desc' : 'asc');
      const { rows, total } = await repo.listAlarms(
        db,
        actor.tenantId,
        {
          ...(query.state ? { state: query.state } : {}),
          ...(query.kind ? { kind: query.kind } : {}),
          ...(query.deviceId ? { deviceId: query.deviceId } : {}),
          ...(query.q ? { q: query.q } : {}),
        },
        { ...w, order },
      );
      const ruleIds = [...new Set(rows.flatMap((r) => (r.rule_id ? [r.rule_id] : [])))];
      const names = new Map((await repo.ruleNames(db, actor.tenantId, ruleIds)).map((r) => [r.id, r.name]));
      return {
        items: rows.map((r) => alarmView(r, r.rule_id ? (names.get(r.rule_id) ?? null) : null)),
        total,
        page: w.page,
        pageSize: w.limit,
      };
    },

    async get(actor: Actor, id: string): Promise<Alarm> {
      return view(actor.tenantId, await load(actor, id, 'alarm.read'));
    },

    acknowledge: (actor: Actor, id: string, step: AlarmStep) => act(actor, id, 'acknowledge', step),
    makeCase: (actor: Actor, id: string, step: AlarmStep) => act(actor, id, 'case', step),
    clear: (actor: Actor, id: string, step: AlarmStep) => act(actor, id, 'clear', step),

    // ---- the telemetry watch (inside the message's transaction; the returned step runs after commit) ----
    watch: {
      async readings(tx: Executor, device: DevicesTable, readings: readonly Judged[]) {
        const rules = (await repo.rulesOf(tx, device.tenant_id, device.type)).filter((r) => r.active === 1);
        const out: Outcome = { raised: [], cleared: [] };
        const judged = rules.filter((rule) => readings.some((r) => r.metric === rule.metric));
        const ch = noChanges(
          await repo.openAlarms(
            tx,
            device.tenant_id,
            judged.map((rule) => `${device.id}:${rule.id}`),
          ),
        );
        for (const rule of judged) {
          const mine = readings.filter((r) => r.metric === rule.metric);
          const next = judge(device, rule, await repo.findWatch(tx, device.id, rule.id), mine, ch);
          if (next) await repo.saveWatch(tx, next);
        }
        await writeChanges(tx, ch, out);
        return after(out, rules);
      },

      async seen(tx: Executor, device: DevicesTable) {
        const done = await clearOpen(tx, device.tenant_id, `${device.id}:offline`, 'online');
        return async () => {
          if (done) publish(done, 'cleared');
        };
      },

      /**
       * A batch of messages from the consumer: each device was heard from (its device-offline alarm clears) and its
       * new readings are judged, with the semantics of `seen` and `readings` one device at a time, reading the rules,
       * the watches and the open offline alarms in a few queries for the whole batch.
       */
      async batch(tx: Executor, items: readonly { device: DevicesTable; readings: readonly Judged[] }[]) {
        const out: Outcome = { raised: [], cleared: [] };
        const offline: AlarmsTable[] = [];
        const tenants = new Map<string, typeof items>();
        for (const item of items) {
          const list = tenants.get(item.device.tenant_id);
          if (list) (list as (typeof items)[number][]).push(item);
          else tenants.set(item.device.tenant_id, [item]);
        }
        const allRules: AlarmRulesTable[] = [];
        for (const [tenantId, mine] of tenants) {
          const rules = (await repo.rulesOf(tx, tenantId)).filter((r) => r.active === 1);
          allRules.push(...rules);
          const judging = mine.filter((i) => i.readings.length && rules.some((r) => r.device_type === i.device.type));
          // the open alarms the batch can clear, read in one go: device offline, and those of the rules judged
          const keys = mine.map((i) => `${i.device.id}:offline`);
          for (const { device, readings } of judging)
            for (const rule of rules)
              if (rule.device_type === device.type && readings.some((r) => r.metric === rule.metric))
                keys.push(`${device.id}:${rule.id}`);
          const ch = noChanges(await repo.openAlarms(tx, tenantId, keys));
          for (const { device } of mine) clearIn(ch, `${device.id}:offline`, 'online');
          const offlineCleared = ch.cleared.length;
          if (judging.length === 0) {
            const done: Outcome = { raised: [], cleared: [] };
            await writeChanges(tx, ch, done);
            offline.push(...done.cleared);
            continue;
          }
          const watches = new Map(
            (
              await repo.watchesOf(
                tx,
                judging.map((i) => i.device.id),
              )
            ).map((w) => [`${w.device_id}:${w.rule_id}`, w]),
          );
          const saved: AlarmWatchesTable[] = [];
          for (const { device, readings } of judging)
            for (const rule of rules) {
              if (rule.device_type !== device.type) continue;
              const mineOf = readings.filter((r) => r.metric === rule.metric);
              if (mineOf.length === 0) continue;
              const next = judge(device, rule, watches.get(`${device.id}:${rule.id}`), mineOf, ch);
              if (next) saved.push(next);
            }
          await repo.saveWatches(tx, saved);
          // the device-offline clears are published before the rules' outcome, as one device at a time did
          const offlineRows = new Set(ch.cleared.slice(0, offlineCleared).map((r) => r.id));
          const done: Outcome = { raised: [], cleared: [] };
          await writeChanges(tx, ch, done);
          offline.push(...done.cleared.filter((r) => offlineRows.has(r.id)));
          out.raised.push(...done.raised);
          out.cleared.push(...done.cleared.filter((r) => !offlineRows.has(r.id)));
        }
        const step = after(out, allRules);
        return async () => {
          for (const row of offline) publish(row, 'cleared');
          await step();
        };
      },
    },

    /**
     * The sweep (scheduler job): devices past their heartbeat raise a device-offline alarm (once: the device is no
     * longer watched until heard from), alarms of auto-case rules still without a case are filed again, and devices
     * whose battery ran low get a maintenance task (closed again once recharged).
     */
    async sweep(
      now: Date,
    ): Promise<{ offline: number; filed: number; maintenance: { raised: number; closed: number } }> {
      let offline = 0;
      for (;;) {
        const batch = await deps.devices.overdue(now, BATCH);
        for (const device of batch) {
          const row = newAlarm(device, now.toISOString(), {
            kind: 'offline',
            severity: 'major',
            open_key: `${device.id}:offline`,
          });
          const inserted = await db.transaction().execute(async (tx) => {
            if (!device.offline_due_at || !(await deps.devices.stopWatching(tx, device.id, device.offline_due_at)))
              return false;
            return repo.insertAlarm(tx, row);
          });
          if (inserted) {
            offline++;
            publish(row, 'raised');
          }
        }
        if (batch.length < BATCH) break;
      }
      let filed = 0;
      for (const row of await repo.awaitingAutoCase(db, BATCH)) {
        try {
          if (await fileCase(row, null)) filed++;
        } catch (err) {
          deps.log?.(err);
        }
      }
      const maintenance = deps.maintenance ? await deps.maintenance.sweep(now) : { raised: 0, closed: 0 };
      return { offline, filed, maintenance };
    },
  };
}
export type AlarmService = ReturnType<typeof createAlarmService>;
