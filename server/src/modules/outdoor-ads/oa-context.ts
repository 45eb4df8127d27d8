/**
 * What the parts of the 户外广告 service share: the permission names, the business date, the row views and the
 * scope-checked lookups (docs/outdoor-ads.md).
 */
import { zonedDate } from '../../../../common/domain/zoned-time.ts';
import type { AdInspection, OutdoorAd } from '../../../../common/contracts/outdoor-ads.ts';
import type { AdType } from '../../../../common/domain/outdoor-ads.ts';
import { fromHundredths } from '../../../../common/domain/illegal-construction.ts';
import { maskPhone } from '../../../../common/domain/privacy.ts';
import type { OaAdsTable, OaInspectionsTable } from '../../db/schema-lines.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db.ts';
import type { AuditService } from '../audit/index.ts';
import { reaches, type Actor } from '../auth/index.ts';
import { orgGeography, orgNames } from '../org/index.ts';
import { oaErrors } from './oa.errors.ts';
import * as repo from './oa.repository.ts';

export const READ = 'ads.read';
export const MANAGE = 'ads.manage';

const businessDate = (at: Date, timeZone: string): string => zonedDate(at, timeZone);

export const adView = (r: OaAdsTable, regions: Map<string, string>): OutdoorAd => ({
  id: r.id,
  adType: r.ad_type as AdType,
  status: r.status,
  regionId: r.region_id,
  regionName: r.region_id ? (regions.get(r.region_id) ?? null) : null,
  address: r.address,
  lng: Number(r.lng),
  lat: Number(r.lat),
  geometry: r.geometry ? (JSON.parse(r.geometry) as OutdoorAd['geometry']) : null,
  sizeM2: fromHundredths(Number(r.size_hm2)),
  content: r.content,
  ownerName: r.owner_name,
  // the owner's phone is personal data: masked in every answer and export (docs/security.md)
  ownerPhone: maskPhone(r.owner_phone),
  permitNo: r.permit_no,
  permitFrom: r.permit_from,
  permitTo: r.permit_to,
  lastInspectedOn: r.last_inspected_on,
  lastResult: r.last_result,
  nextInspectionOn: r.next_inspection_on,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const inspectionView = (r: OaInspectionsTable): AdInspection => ({
  id: r.id,
  inspectedOn: r.inspected_on,
  result: r.result,
  inspector: r.inspector,
  note: r.note,
});

/** The database, clock and audit of the service, with the lookups every part of it checks input against. */
export function createOaContext(database: Database, clock: Clock, audit: AuditService, timeZone: string) {
  const { db } = database;
  const today = () => businessDate(clock.now(), timeZone);

  const regionNamesOf = (rows: readonly { region_id: string | null }[]) =>
    orgNames.regionNames(db, [...new Set(rows.flatMap((r) => (r.region_id ? [r.region_id] : [])))]);

  async function township(ex: Executor, tenantId: string, id: string | null | undefined, field = 'body.regionId') {
    if (!id) return null;
    const region = await orgGeography.regionById(ex, tenantId, id);
    if (!region || region.kind === 'community') throw oaErrors.unknownRegion(field);
    return region;
  }

  function notFuture(date: string | null | undefined, field: string) {
    if (date && date > today()) throw oaErrors.futureDate(field);
  }

  async function adInScope(ex: Executor, actor: Actor, id: string, permission: typeof READ | typeof MANAGE) {
    const row = await repo.findAd(ex, actor.tenantId, id);
    return row && reaches(actor, permission, row) ? row : null;
  }

  return { db, clock, audit, today, regionNamesOf, township, notFuture, adInScope };
}
export type OaContext = ReturnType<typeof createOaContext>;
