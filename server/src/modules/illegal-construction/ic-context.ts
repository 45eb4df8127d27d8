/**
 * What the parts of the 查违控违 service share: the permission names, the business date, the report view and the
 * scope-checked lookups, the site status move and the duplicate-number guard (docs/illegal-construction.md).
 */
import { zonedDate } from '../../../../common/domain/zoned-time.ts';
import type { IcReport } from '../../../../common/contracts/illegal-construction.ts';
import { canMoveIcStatus, fromHundredths, type IcStatus } from '../../../../common/domain/illegal-construction.ts';
import type { IcReportsTable } from '../../db/schema-lines.ts';
import type { Clock } from '../../platform/clock.ts';
import { isUniqueViolation, type Database, type Executor } from '../../platform/db.ts';
import type { AuditService } from '../audit/index.ts';
import type { SiteDocuments } from '../enforcement/index.ts';
import { reaches, type Actor } from '../auth/index.ts';
import { orgGeography, orgNames } from '../org/index.ts';
import { icErrors } from './ic.errors.ts';
import * as repo from './ic.repository.ts';

/** 停工通知书 are issued (numbered, rendered, stored) by the enforcement module, which owns documents. */
export type StopNoticeDocuments = Pick<SiteDocuments, 'issueStopNotice' | 'file'>;

export const READ = 'construction.read';
export const MANAGE = 'construction.manage';

export const sorts = <S extends string, C extends string>(names: readonly S[], columns: Record<S, C>) =>
  Object.fromEntries(names.map((n) => [n, columns[n]])) as Record<S, C>;

/** The business date of an instant (YYYY-MM-DD in the city's time zone). */
export const businessDate = (at: Date, timeZone: string): string => zonedDate(at, timeZone);

export const reportView = (r: IcReportsTable, regions: Map<string, string>, units: Map<string, string>): IcReport => ({
  id: r.id,
  source: r.source,
  status: r.status,
  regionId: r.region_id,
  regionName: regions.get(r.region_id) ?? null,
  unitId: r.unit_id,
  unitName: r.unit_id ? (units.get(r.unit_id) ?? null) : null,
  address: r.address,
  lng: Number(r.lng),
  lat: Number(r.lat),
  description: r.description,
  partyName: r.party_name,
  areaM2: r.area_hm2 === null ? null : fromHundredths(Number(r.area_hm2)),
  reportedOn: r.reported_on,
  statusOn: r.status_on,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** The database, clock and audit of the service, with the lookups and checks every part of it shares. */
export function createIcContext(
  database: Database,
  clock: Clock,
  audit: AuditService,
  timeZone: string,
  stopNotices: StopNoticeDocuments,
) {
  const { db } = database;
  const today = () => businessDate(clock.now(), timeZone);

  async function names(tenantId: string, regionIds: readonly (string | null)[], unitIds: readonly (string | null)[]) {
    const ids = (xs: readonly (string | null)[]) => [...new Set(xs.filter((x): x is string => !!x))];
    const [regions, units] = await Promise.all([
      orgNames.regionNames(db, ids(regionIds)),
      unitIds.some(Boolean) ? orgNames.activeUnitNames(db, tenantId) : Promise.resolve(new Map<string, string>()),
    ]);
    return { regions, units };
  }

  /** A township is a top-level region (街道 or 乡镇) of the tenant; returns its path for the scope check. */
  async function township(ex: Executor, tenantId: string, id: string, field = 'body.regionId') {
    const region = await orgGeography.regionById(ex, tenantId, id);
    if (!region || region.kind === 'community') throw icErrors.unknownRegion(field);
    return region;
  }

  async function checkUnit(ex: Executor, tenantId: string, unitId: string | null | undefined) {
    if (unitId && !(await orgNames.activeUnitNames(ex, tenantId)).has(unitId)) throw icErrors.unknownUnit();
  }

  function notFuture(date: string, field: string) {
    if (date > today()) throw icErrors.futureDate(field);
  }

  /** A report the caller may act on; another township's is the same 404 as a missing one. */
  async function reportInScope(ex: Executor, actor: Actor, id: string, permission: typeof READ | typeof MANAGE) {
    const row = await repo.findReport(ex, actor.tenantId, id);
    if (!row || !reaches(actor, permission, row)) return null;
    return row;
  }
  /** Moves a site's status inside the caller's transaction, refusing what the status rule does not allow. */
  async function moveSite(tx: Executor, actor: Actor, site: IcReportsTable, to: IcStatus, on: string) {
    if (site.status === to) return;
    if (!canMoveIcStatus(site.status, to)) throw icErrors.statusNotAllowed(site.status, to);
    await repo.updateReport(tx, actor.tenantId, site.id, {
      status: to,
      status_on: on,
      updated_at: clock.now().toISOString(),
    });
    await audit.record(tx, actor, actor.tenantId, {
      action: 'ic_report.status',
      entity: 'ic_report',
      entityId: site.id,
      before: { status: site.status },
      after: { status: to, on },
    });
  }

  const uniqueOr = async <T>(field: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (err) {
      if (isUniqueViolation(err)) throw icErrors.duplicateNumber(field);
      throw err;
    }
  };

  return {
    db,
    clock,
    audit,
    stopNotices,
    today,
    names,
    township,
    checkUnit,
    notFuture,
    reportInScope,
    moveSite,
    uniqueOr,
  };
}
export type IcContext = ReturnType<typeof createIcContext>;
