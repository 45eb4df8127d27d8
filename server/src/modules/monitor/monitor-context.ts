/**
 * What the parts of the 监督员管理 service share (docs/monitor.md): the settings, the city's zone and geography, and
 * the one visibility rule of positions: a supervisor (a grant carrying `inspector.supervise`) sees the inspectors
 * their grant reaches through the inspector's unit or the region of the inspector's grant (a street reaches its
 * communities). Anyone else, however senior, sees no position.
 */
import { DEFAULT_MONITOR_SETTINGS, type MonitorSettings } from '../../../../common/domain/monitor.ts';
import { zonedDate } from '../../../../common/domain/zoned-time.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db.ts';
import type { AuditService } from '../audit/index.ts';
import { requirePermission, scopeRule, type Actor } from '../auth/index.ts';
import type { CalendarService } from '../calendar/index.ts';
import type { GeoService } from '../geo/index.ts';
import { orgGeography, orgNames } from '../org/index.ts';
import type { SettingsService } from '../settings/index.ts';

export const SETTINGS_KEY = 'monitor.settings';
export const SUPERVISE = 'inspector.supervise';

export interface MonitorDeps {
  audit: AuditService;
  settings: SettingsService;
  calendar: CalendarService;
  geo: GeoService;
}

export interface Inspector {
  id: string;
  displayName: string;
  unitId: string | null;
  unitName: string | null;
}

export function createMonitorContext(database: Database, clock: Clock, deps: MonitorDeps) {
  const { db } = database;

  async function settingsOf(tenantId: string, ex: Executor = db): Promise<MonitorSettings> {
    const stored = await deps.settings.get(tenantId, SETTINGS_KEY, ex);
    return { ...DEFAULT_MONITOR_SETTINGS, ...((stored?.value as Partial<MonitorSettings> | undefined) ?? {}) };
  }

  async function timeZoneOf(tenantId: string): Promise<string> {
    return (await deps.calendar.forTenant(tenantId)).timeZone;
  }

  const today = async (tenantId: string) => zonedDate(clock.now(), await timeZoneOf(tenantId));

  /** Every active inspector of the tenant, with the unit and regions their grants put them in. */
  async function inspectors(tenantId: string, ex: Executor = db) {
    const rows = await orgNames.usersOfRoleWithScope(ex, tenantId, 'inspector');
    const regions = rows.some((r) => r.region_id) ? await orgGeography.allRegions(ex, tenantId) : [];
    const parent = new Map(regions.map((r) => [r.id, r.parent_id]));
    const byId = new Map<
      string,
      Inspector & { scopes: { unit_id: string | null; region_id: string | null; parent_id: string | null }[] }
    >();
    for (const r of rows) {
      const entry = byId.get(r.id) ?? {
        id: r.id,
        displayName: r.display_name,
        unitId: r.unit_id,
        unitName: r.unit_name,
        scopes: [],
      };
      entry.scopes.push({
        unit_id: r.unit_id,
        region_id: r.region_id,
        parent_id: r.region_id ? (parent.get(r.region_id) ?? null) : null,
      });
      byId.set(r.id, entry);
    }
    return [...byId.values()];
  }

  /** The inspectors whose positions the actor may see (the one visibility rule of positions). */
  async function supervised(actor: Actor, ex: Executor = db): Promise<Inspector[]> {
    requirePermission(actor, SUPERVISE);
    const rule = scopeRule(actor, SUPERVISE, { unit: 'unit_id', regions: ['region_id', 'parent_id'] });
    const all = await inspectors(actor.tenantId, ex);
    return all.filter((i) => rule.all || i.scopes.some((s) => rule.test(s))).map(({ scopes: _s, ...i }) => i);
  }

  return {
    database,
    db,
    clock,
    audit: deps.audit,
    settings: deps.settings,
    geo: deps.geo,
    settingsOf,
    timeZoneOf,
    today,
    inspectors,
    supervised,
  };
}
export type MonitorContext = ReturnType<typeof createMonitorContext>;
