/**
 * What the parts of the 文明黄线 service share: permissions, dependencies, the row views (the contact's phone
 * masked) and the checks of a zone's fields (docs/yellow-line.md).
 */
import type { Inspection, Zone, ZoneGeometry } from '../../../../common/contracts/yellow-line.ts';
import { maskPhone } from '../../../../common/domain/privacy.ts';
import { MAX_PERMIT_DAYS, daysBetween, permitState, type HolderKind } from '../../../../common/domain/yellow-line.ts';
import { zonedDate } from '../../../../common/domain/zoned-time.ts';
import type { YlInspectionsTable, YlZonesTable } from '../../db/schema-yellow-line.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db.ts';
import type { AuditService } from '../audit/index.ts';
import type { GeoService } from '../geo/index.ts';
import type { SettingsService } from '../settings/index.ts';
import { ylErrors } from './yellow-line.errors.ts';

export const READ = 'yellowline.read';
export const MANAGE = 'yellowline.manage';
export const INSPECT = 'yellowline.inspect';
export const SETTINGS_KEY = 'yellowLine.enforcement';

export interface YlDeps {
  audit: AuditService;
  geo: Pick<GeoService, 'geographyOf'>;
  settings: SettingsService;
  /** the photos module's hold on the caller's free uploads; returns the refused indexes */
  holdPhotos(tx: Executor, tenantId: string, holder: string, ids: readonly string[], userId: string): Promise<string[]>;
  timeZone: string;
}

export const parseJson = <T>(text: string | null, fallback: T): T => (text ? (JSON.parse(text) as T) : fallback);

/** The same holder: the same kind and business name, ignoring case and spacing. */
export const holderKey = (kind: HolderKind, name: string) =>
  `${kind}:${name.trim().replace(/\s+/g, ' ').toLowerCase()}`;

export function zoneView(r: YlZonesTable, today: string, regions: Map<string, string>): Zone {
  return {
    id: r.id,
    zoneNo: r.zone_no,
    holderKind: r.holder_kind,
    holderName: r.holder_name,
    contactName: r.contact_name,
    // personal data: masked in every staff answer (docs/security.md)
    contactPhone: maskPhone(r.contact_phone),
    address: r.address,
    regionName: r.region_id ? (regions.get(r.region_id) ?? null) : null,
    geometry: JSON.parse(r.geometry) as ZoneGeometry,
    lng: Number(r.lng),
    lat: Number(r.lat),
    goods: parseJson<string[]>(r.goods, []),
    hoursFrom: r.hours_from,
    hoursTo: r.hours_to,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    status: r.status,
    permitState: permitState({ status: r.status, validFrom: r.valid_from, validTo: r.valid_to }, today),
    warnings: Number(r.warnings),
    approvalId: r.approval_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export const inspectionView = (r: YlInspectionsTable, names: Map<string, string>): Inspection => ({
  id: r.id,
  inspectedOn: r.inspected_on,
  result: r.result,
  action: r.action,
  note: r.note,
  inspector: r.inspector_id ? (names.get(r.inspector_id) ?? null) : null,
  photos: parseJson<string[]>(r.photo_ids, []).map((id) => ({
    id,
    url: `/api/photos/${id}`,
    thumbUrl: `/api/photos/${id}/thumb`,
  })),
  createdAt: r.created_at,
});

/** What an audit row keeps of a zone: no contact phone. */
export const auditedZone = (r: YlZonesTable) => {
  const { contact_phone: _phone, geometry, ...rest } = r;
  return { ...rest, geometry: JSON.parse(geometry) as unknown, contact_phone: maskPhone(_phone) };
};

/** A permit's dates: start ≤ end, at most three years, not over already, not starting over a year ahead. */
export function checkPermitDates(from: string, to: string, today: string, fresh: boolean) {
  if (to < from) throw ylErrors.dates('body.validTo', 'the permit ends before it starts');
  if (daysBetween(from, to) > MAX_PERMIT_DAYS)
    throw ylErrors.dates('body.validTo', 'a permit runs for at most three years');
  if (fresh && to < today) throw ylErrors.dates('body.validTo', 'this permit would already have ended');
  if (fresh && daysBetween(today, from) > 366)
    throw ylErrors.dates('body.validFrom', 'a permit starts within a year from today');
}

export function checkHours(from: string, to: string) {
  if (from === to) throw ylErrors.field('body.hoursTo', 'hours', 'the trading hours end when they start');
}

export function cleanGoods(goods: readonly string[]): string[] {
  const out = [...new Set(goods.map((g) => g.trim()).filter(Boolean))];
  if (!out.length) throw ylErrors.field('body.goods', 'required', 'name at least one kind of goods');
  return out;
}

export function createYlContext(database: Database, clock: Clock, deps: YlDeps) {
  return {
    db: database.db,
    dialect: database.dialect,
    clock,
    ...deps,
    now: () => clock.now().toISOString(),
    today: () => zonedDate(clock.now(), deps.timeZone),
  };
}
export type YlContext = ReturnType<typeof createYlContext>;
