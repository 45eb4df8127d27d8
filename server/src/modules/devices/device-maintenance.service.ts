import type { MaintenanceDone, MaintenanceQuery, MaintenanceTask } from '../../../../common/contracts/iot.ts';
import {
  batteryVerdict,
  DEFAULT_MAINTENANCE_SETTINGS,
  MAINTENANCE_SETTINGS_KEY,
  RECHARGE_MARGIN_PCT,
  type MaintenanceSettings,
} from '../../../../common/domain/iot.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import type { DeviceMaintenanceTasksTable } from '../../db/schema-iot.ts';
import type { Clock } from '../../platform/clock.ts';
import { csvField } from '../../platform/cell-text.ts';
import type { Database } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { listWindow } from '../../platform/paging.ts';
import type { AuditService } from '../audit/index.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import type { SettingsService } from '../settings/index.ts';
import { deviceErrors } from './device.errors.ts';
import * as repo from './device-maintenance.repository.ts';

export interface MaintenanceDeps {
  audit: AuditService;
  settings: Pick<SettingsService, 'get' | 'put'>;
}

/** Tasks a sweep raises or closes per tenant at most; the next sweep goes on with the rest. */
const BATCH = 500;
/** Rows of one CSV export. */
const EXPORT_ROWS = 10_000;
const SORTS = {
  raisedAt: 't.raised_at',
  doneAt: 't.done_at',
  deviceCode: 'd.code',
  batteryPct: 't.battery_pct',
} as const;

type Row = NonNullable<Awaited<ReturnType<typeof repo.findTask>>>;
const num = (v: number | string | null) => (v === null ? null : Number(v));

function view(r: Row): MaintenanceTask {
  return {
    id: r.id,
    deviceId: r.device_id,
    deviceCode: r.device_code,
    deviceName: r.device_name,
    deviceType: r.device_type,
    reason: r.reason,
    batteryPct: num(r.battery_pct),
    thresholdPct: Number(r.threshold_pct),
    currentBatteryPct: num(r.current_pct),
    raisedAt: r.raised_at,
    state: r.state,
    doneAt: r.done_at,
    doneBy: r.done_by_name,
    doneReason: r.done_reason,
    doneBatteryPct: num(r.done_battery_pct),
    note: r.note,
    version: r.version,
  };
}

/**
 * 维护任务 (docs/iot.md, "Maintenance tasks"): a device whose last battery reading is below the tenant's threshold gets
 * one open low-battery task, raised by the sweep; a technician closes it with a note, or the sweep closes it once
 * the device reports a battery back above the threshold by the recharge margin.
 */
export function createMaintenanceService(database: Database, clock: Clock, deps: MaintenanceDeps) {
  const { db } = database;

  async function settingsOf(tenantId: string): Promise<MaintenanceSettings> {
    const stored = await deps.settings.get(tenantId, MAINTENANCE_SETTINGS_KEY);
    const v = stored?.value as Partial<MaintenanceSettings> | undefined;
    return {
      lowBatteryPct:
        typeof v?.lowBatteryPct === 'number' ? v.lowBatteryPct : DEFAULT_MAINTENANCE_SETTINGS.lowBatteryPct,
    };
  }

  function filterOf(query: MaintenanceQuery): repo.MaintenanceFilter {
    return {
      ...(query.state ? { state: query.state } : {}),
      ...(query.deviceId ? { deviceId: query.deviceId } : {}),
      ...(query.q ? { q: query.q } : {}),
    };
  }

  return {
    async list(actor: Actor, query: MaintenanceQuery): Promise<Page<MaintenanceTask>> {
      requirePermission(actor, 'device.read');
      const w = listWindow(query, SORTS, 'raisedAt');
      const order = query.order ?? 'desc';
      const { rows, total } = await repo.listTasks(db, actor.tenantId, filterOf(query), { ...w, order });
      return { items: rows.map(view), total, page: w.page, pageSize: w.limit };
    },

    /** The list as CSV (same filters and order), for the technicians' round. */
    async exportCsv(actor: Actor, query: MaintenanceQuery): Promise<{ filename: string; body: string }> {
      requirePermission(actor, 'device.read');
      const w = listWindow({ ...query, page: 1, pageSize: 1 }, SORTS, 'raisedAt');
      const { rows } = await repo.listTasks(db, actor.tenantId, filterOf(query), {
        ...w,
        order: query.order ?? 'desc',
        limit: EXPORT_ROWS,
        offset: 0,
      });
      const head = [
        'device_code',
        'device_name',
        'device_type',
        'reason',
        'battery_pct',
        'threshold_pct',
        'raised_at',
        'state',
        'done_at',
        'done_by',
        'done_reason',
        'note',
      ];
      const lines = rows
        .map(view)
        .map((t) =>
          [
            t.deviceCode,
            t.deviceName,
            t.deviceType,
            t.reason,
            t.batteryPct,
            t.thresholdPct,
            t.raisedAt,
            t.state,
            t.doneAt,
            t.doneBy,
            t.doneReason,
            t.note,
          ]
            .map(csvField)
            .join(','),
        );
      // The byte-order mark makes Excel and WPS read the Chinese names as UTF-8.
      return {
        filename: `device-maintenance-${clock.now().toISOString().slice(0, 10)}.csv`,
        body: `\uFEFF${[head.join(','), ...lines].join('\r\n')}\r\n`,
      };
    },

    async get(actor: Actor, id: string): Promise<MaintenanceTask> {
      requirePermission(actor, 'device.read');
      const row = await repo.findTask(db, actor.tenantId, id);
      if (!row) throw notFound('maintenance task');
      return view(row);
    },

    /** A technician closes the task with what was done; the version guards against a concurrent close. */
    async done(actor: Actor, id: string, input: MaintenanceDone): Promise<MaintenanceTask> {
      requirePermission(actor, 'device.manage');
      const cur = await repo.findTask(db, actor.tenantId, id);
      if (!cur) throw notFound('maintenance task');
      if (cur.version !== input.version) throw deviceErrors.taskStale(cur.version);
      if (cur.state !== 'open') throw deviceErrors.taskDone();
      const now = clock.now().toISOString();
      const patch = {
        state: 'done' as const,
        done_at: now,
        done_by: actor.userId,
        done_by_name: actor.displayName,
        done_reason: 'staff' as const,
        done_battery_pct: num(cur.current_pct),
        note: input.note.trim(),
        open_key: null,
        updated_at: now,
      };
      await db.transaction().execute(async (tx) => {
        if (!(await repo.updateTask(tx, actor.tenantId, id, cur.version, patch)))
          throw deviceErrors.taskStale(cur.version);
        await deps.audit.record(tx, actor, actor.tenantId, {
          action: 'device.maintenance_done',
          entity: 'device_maintenance_task',
          entityId: id,
          before: { state: cur.state },
          after: { state: 'done', note: patch.note },
        });
      });
      return this.get(actor, id);
    },

    async settings(actor: Actor): Promise<MaintenanceSettings> {
      requirePermission(actor, 'device.read');
      return settingsOf(actor.tenantId);
    },

    async putSettings(actor: Actor, input: MaintenanceSettings): Promise<MaintenanceSettings> {
      requirePermission(actor, 'device.manage');
      const value: MaintenanceSettings = { lowBatteryPct: input.lowBatteryPct };
      await db.transaction().execute((tx) => deps.settings.put(tx, actor, MAINTENANCE_SETTINGS_KEY, value));
      return value;
    },

    /**
     * The sweep (run by the alarms.sweep job): a task for each active device below its tenant's threshold without
     * one open, and tasks closed whose device reports the threshold plus the recharge margin again.
     */
    async sweep(now: Date): Promise<{ raised: number; closed: number }> {
      const at = now.toISOString();
      let raised = 0;
      let closed = 0;
      for (const tenantId of await repo.tenantsWithBatteries(db)) {
        const { lowBatteryPct } = await settingsOf(tenantId);
        for (const d of await repo.lowWithoutTask(db, tenantId, lowBatteryPct, BATCH)) {
          const battery = num(d.battery_pct);
          if (batteryVerdict(battery, lowBatteryPct, false) !== 'raise') continue;
          const row: DeviceMaintenanceTasksTable = {
            id: newId(),
            tenant_id: tenantId,
            device_id: d.id,
            reason: 'low_battery',
            battery_pct: battery,
            threshold_pct: lowBatteryPct,
            raised_at: at,
            state: 'open',
            done_at: null,
            done_by: null,
            done_by_name: null,
            done_reason: null,
            done_battery_pct: null,
            note: null,
            open_key: `${d.id}:low_battery`,
            version: 1,
            updated_at: at,
          };
          if (await repo.insertTask(db, row)) raised++;
        }
        const recharged = lowBatteryPct + RECHARGE_MARGIN_PCT;
        for (const t of await repo.rechargedOpen(db, tenantId, recharged, BATCH)) {
          const battery = num(t.battery_pct);
          // The sweep's close is audited as a technician's is, by the system (no user): the audit log then answers
          // who or what closed each task, not only the closes staff made.
          const ok = await db.transaction().execute(async (tx) => {
            const updated = await repo.updateTask(tx, tenantId, t.id, t.version, {
              state: 'done',
              done_at: at,
              done_reason: 'recharged',
              done_battery_pct: battery,
              open_key: null,
              updated_at: at,
            });
            if (updated)
              await deps.audit.record(tx, null, tenantId, {
                action: 'device.maintenance_recharged',
                entity: 'device_maintenance_task',
                entityId: t.id,
                before: { state: 'open', deviceCode: t.device_code },
                after: { state: 'done', doneReason: 'recharged', batteryPct: battery },
              });
            return updated;
          });
          if (ok) closed++;
        }
      }
      return { raised, closed };
    },
  };
}
export type MaintenanceService = ReturnType<typeof createMaintenanceService>;
