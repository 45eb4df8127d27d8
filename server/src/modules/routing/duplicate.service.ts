import {
  DUPLICATE_RADIUS_RANGE,
  DUPLICATE_WINDOW_HOURS_RANGE,
  type DuplicateCandidate,
  type RoutingSettings,
} from '../../../../common/contracts/routing.ts';
import type { Expression, SqlBool } from 'kysely';
import type { Database, Executor } from '../../platform/db.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import type { SettingsService } from '../settings/index.ts';
import { haversineM } from '../geo/index.ts';
import { boxAround, majorCodeRange } from './duplicate-geometry.ts';
import { majorOf } from './routing-precedence.ts';
import { routingErrors } from './routing.errors.ts';
import * as repo from './routing.repository.ts';

/**
 * tenant_settings keys. They carry the `case.` prefix, not `routing.`, because they describe cases: the case
 * module reads the same keys if it ever needs them, and the admin sees them as case settings.
 */
export const DUPLICATE_RADIUS_KEY = 'case.duplicateRadiusM';
export const DUPLICATE_WINDOW_KEY = 'case.duplicateWindowHours';

/** At most this many candidates are offered; the nearest ones are the likely duplicates. */
export const MAX_DUPLICATES = 50;

const HOUR_MS = 3_600_000;

export interface DuplicateQuery {
  /** the case being checked, excluded from its own answer (absent while the report is still being typed) */
  caseId?: string | null;
  matterCode: string;
  /** WGS84 */
  lng: number;
  lat: number;
  /** the report time of the case: the window is ± around it, not around "now", so old cases can be re-checked */
  at: Date;
  /** only cases the caller may open: the case module's visibility filter on the unaliased `cases` table */
  visibility?: Expression<SqlBool> | null;
}

type Issue = { field: string; rule: string; message: string };

function rangeIssue(field: string, value: unknown, range: { min: number; max: number }): Issue[] {
  if (typeof value === 'number' && Number.isInteger(value) && value >= range.min && value <= range.max) return [];
  return [{ field, rule: 'range', message: `must be a whole number from ${range.min} to ${range.max}` }];
}

export function settingsIssues(input: RoutingSettings, base = 'body'): Issue[] {
  return [
    ...rangeIssue(`${base}.duplicateRadiusM`, input.duplicateRadiusM, DUPLICATE_RADIUS_RANGE),
    ...rangeIssue(`${base}.duplicateWindowHours`, input.duplicateWindowHours, DUPLICATE_WINDOW_HOURS_RANGE),
  ];
}

/** Duplicate detection (受理: 重复判定, docs/standards.md, "Workflow stages and roles", step 2) and its two settings. */
export function createDuplicateService(database: Database, settings: SettingsService) {
  const { db } = database;

  async function numberSetting(tenantId: string, key: string, fallback: number, ex: Executor): Promise<number> {
    const stored = await settings.get(tenantId, key, ex);
    if (!stored) return fallback;
    // Written only after validation; anything else means the row was edited by hand: fail loudly, never guess.
    if (typeof stored.value !== 'number' || !Number.isFinite(stored.value))
      throw new Error(`tenant ${tenantId}: setting ${key} is not a number`);
    return stored.value;
  }

  async function readSettings(tenantId: string, ex: Executor = db): Promise<RoutingSettings> {
    const [duplicateRadiusM, duplicateWindowHours] = await Promise.all([
      numberSetting(tenantId, DUPLICATE_RADIUS_KEY, DUPLICATE_RADIUS_RANGE.default, ex),
      numberSetting(tenantId, DUPLICATE_WINDOW_KEY, DUPLICATE_WINDOW_HOURS_RANGE.default, ex),
    ]);
    return { duplicateRadiusM, duplicateWindowHours };
  }

  /**
   * Possible duplicates of a report, nearest first: same matter or same major class (an inspector and a citizen
   * often file one problem under neighbouring matters), within the radius and ± the window of `at`, not voided
   * and not already merged. Pass `ex` when calling inside a transaction (SQLite has one connection).
   */
  async function findDuplicates(tenantId: string, q: DuplicateQuery, ex: Executor = db): Promise<DuplicateCandidate[]> {
    const { duplicateRadiusM, duplicateWindowHours } = await readSettings(tenantId, ex);
    const box = boxAround(q.lng, q.lat, duplicateRadiusM);
    const { from: majorFrom, to: majorTo } = majorCodeRange(majorOf(q.matterCode));
    const windowMs = duplicateWindowHours * HOUR_MS;
    const rows = await repo.nearbyCases(ex, tenantId, {
      majorFrom,
      majorTo,
      ...box,
      from: new Date(q.at.getTime() - windowMs).toISOString(),
      to: new Date(q.at.getTime() + windowMs).toISOString(),
      excludeId: q.caseId ?? null,
      visibility: q.visibility ?? null,
    });
    return rows
      .map((r) => ({ r, d: haversineM(q.lng, q.lat, r.lng, r.lat) }))
      .filter(({ d }) => d <= duplicateRadiusM)
      .sort((a, b) => a.d - b.d || (a.r.reported_at < b.r.reported_at ? 1 : a.r.reported_at > b.r.reported_at ? -1 : 0))
      .slice(0, MAX_DUPLICATES)
      .map(({ r, d }) => ({
        id: r.id,
        caseNo: r.case_no,
        status: r.status,
        matterCode: r.matter_code,
        distanceM: Math.round(d * 10) / 10,
        reportedAt: r.reported_at,
      }));
  }

  return {
    findDuplicates,
    /** For other modules: the tenant's duplicate settings, defaults filled in. */
    duplicateSettings: readSettings,

    async getSettings(actor: Actor): Promise<RoutingSettings> {
      requirePermission(actor, 'org.read');
      return readSettings(actor.tenantId);
    },

    async putSettings(actor: Actor, input: RoutingSettings): Promise<RoutingSettings> {
      requirePermission(actor, 'settings.manage');
      const issues = settingsIssues(input);
      if (issues.length) throw routingErrors.invalidSettings(issues);
      // Two keys, one transaction: each write leaves its own audit row (setting.update, before → after).
      await db.transaction().execute(async (tx) => {
        await settings.put(tx, actor, DUPLICATE_RADIUS_KEY, input.duplicateRadiusM);
        await settings.put(tx, actor, DUPLICATE_WINDOW_KEY, input.duplicateWindowHours);
      });
      return readSettings(actor.tenantId);
    },
  };
}
export type DuplicateService = ReturnType<typeof createDuplicateService>;
