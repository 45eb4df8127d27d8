/**
 * What the parts of the 门前三包 service share: the permission names, the business date, the row views (phones
 * masked) and the street/township lookup every write checks its region against (docs/frontage.md).
 */
import type { Agreement, Committee, Shift, Volunteer } from '../../../../common/contracts/frontage.ts';
import { maskPhone } from '../../../../common/domain/privacy.ts';
import { zonedDate } from '../../../../common/domain/zoned-time.ts';
import type {
  FrAgreementsTable,
  FrCommitteesTable,
  FrShiftsTable,
  FrVolunteersTable,
} from '../../db/schema-frontage.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db.ts';
import type { AuditService } from '../audit/index.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import { orgGeography, orgNames } from '../org/index.ts';
import type { SettingsService } from '../settings/index.ts';
import { areaSquareMetres } from './fr-area.ts';
import { frErrors } from './frontage.errors.ts';

export const READ = 'frontage.read';
export const MANAGE = 'frontage.manage';
export const PUBLISH = 'frontage.publish';

export interface FrDeps {
  audit: AuditService;
  settings: SettingsService;
  timeZone: string;
}

type Names = Map<string, string>;

const withArea = (area: Agreement['area']) => ({ area, areaM2: areaSquareMetres(area) });

export const agreementView = (
  r: FrAgreementsTable & { inspections?: number | string | null; last_score?: number | null; last_on?: string | null },
  regions: Names,
): Agreement => ({
  id: r.id,
  agreementNo: r.agreement_no,
  shopName: r.shop_name,
  creditCode: r.credit_code,
  operatorName: r.operator_name,
  // the operator's phone is personal data: masked in every answer and export (docs/security.md)
  operatorPhone: maskPhone(r.operator_phone),
  address: r.address,
  regionId: r.region_id,
  regionName: regions.get(r.region_id) ?? null,
  lng: Number(r.lng),
  lat: Number(r.lat),
  ...withArea(r.area ? (JSON.parse(r.area) as Agreement['area']) : null),
  scope: r.scope,
  periodFrom: r.period_from,
  periodTo: r.period_to,
  signedOn: r.signed_on,
  status: r.status,
  inspections: Number(r.inspections ?? 0),
  lastScore: r.last_score === null || r.last_score === undefined ? null : Number(r.last_score),
  lastInspectedOn: r.last_on ?? null,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const volunteerView = (
  r: FrVolunteersTable & { shifts_served?: number | string | null; minutes?: number | string | null },
): Volunteer => ({
  id: r.id,
  volunteerNo: r.volunteer_no,
  name: r.name,
  // never public; masked in staff lists (docs/frontage.md, "城管体验岗")
  phone: maskPhone(r.phone),
  note: r.note,
  status: r.status,
  shiftsServed: Number(r.shifts_served ?? 0),
  minutesServed: Number(r.minutes ?? 0),
  createdAt: r.created_at,
});

export const shiftView = (r: FrShiftsTable & { volunteer_name: string }, regions: Names): Shift => ({
  id: r.id,
  volunteerId: r.volunteer_id,
  volunteerName: r.volunteer_name,
  regionName: r.region_id ? (regions.get(r.region_id) ?? null) : null,
  place: r.place,
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  status: r.status,
  minutesServed: Number(r.minutes_served),
});

export const committeeView = (
  r: FrCommitteesTable & { reports?: number | string | null; last_on?: string | null },
  regions: Names,
): Committee => ({
  id: r.id,
  name: r.name,
  streetName: r.street_name,
  regionId: r.region_id,
  regionName: regions.get(r.region_id) ?? null,
  chairName: r.chair_name,
  chairPhone: maskPhone(r.chair_phone),
  shopCount: Number(r.shop_count),
  foundedOn: r.founded_on,
  reports: Number(r.reports ?? 0),
  lastReportedOn: r.last_on ?? null,
  createdAt: r.created_at,
});

/** The database, clock, audit and settings of the service, with the lookups every part of it checks input against. */
export function createFrContext(database: Database, clock: Clock, deps: FrDeps) {
  const { db } = database;
  const now = () => clock.now().toISOString();
  const today = () => zonedDate(clock.now(), deps.timeZone);

  const regionNamesOf = (rows: readonly { region_id: string | null }[]) =>
    orgNames.regionNames(db, [...new Set(rows.flatMap((r) => (r.region_id ? [r.region_id] : [])))]);

  /**
   * A street or township of the tenant (the line reaches the townships: docs/frontage.md), and the actor's right to
   * manage in it: a grant narrowed to one region covers that region only.
   */
  async function township(ex: Executor, actor: Actor, id: string, field = 'body.regionId') {
    const region = await orgGeography.regionById(ex, actor.tenantId, id);
    if (!region || region.kind === 'community') throw frErrors.unknownRegion(field);
    requirePermission(actor, MANAGE, { regionPath: region.path });
    return region;
  }

  function notFuture(date: string | null | undefined, field: string) {
    if (date && date > today()) throw frErrors.field(field, 'max', 'the date is in the future');
  }

  return { db, clock, ...deps, now, today, regionNamesOf, township, notFuture };
}
export type FrContext = ReturnType<typeof createFrContext>;
