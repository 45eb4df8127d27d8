/**
 * What the parts of the 燃气安全 service share (docs/gas-safety.md): the permissions (the registers' verbs: 燃气 is
 * one of their lines), the tenant's today, the region checks, the photo hold and the audit row.
 */
import type { GasCheck, GasHazard } from '../../../../common/contracts/gas-safety.ts';
import { hazardOverdue } from '../../../../common/domain/gas-safety.ts';
import { zonedDate } from '../../../../common/domain/zoned-time.ts';
import type { GasChecksTable, GasHazardsTable } from '../../db/schema-gas.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db.ts';
import type { AuditService } from '../audit/index.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import { orgGeography } from '../org/index.ts';
import { gasErrors } from './gas.errors.ts';

export const READ = 'assets.read';
export const MANAGE = 'assets.manage';

export interface GasDeps {
  audit: AuditService;
  timeZone: string;
  /** keeps the caller's own unattached uploads for a record (refused ids come back by their index) */
  holdPhotos(tx: Executor, tenantId: string, holder: string, ids: readonly string[], userId: string): Promise<string[]>;
}

export const photoIdsOf = (text: string) => JSON.parse(text) as string[];

export const checkView = (
  r: GasChecksTable,
  regions: Map<string, string>,
  counts: { n: number; open: number } | undefined,
): GasCheck => ({
  id: r.id,
  checkNo: r.check_no,
  source: r.source,
  title: r.title,
  checkedOn: r.checked_on,
  regionId: r.region_id,
  regionName: r.region_id ? (regions.get(r.region_id) ?? null) : null,
  team: r.team,
  note: r.note,
  hazards: counts?.n ?? 0,
  openHazards: counts?.open ?? 0,
  createdAt: r.created_at,
});

export const hazardView = (
  r: GasHazardsTable,
  checkNo: string,
  regions: Map<string, string>,
  today: string,
): GasHazard => ({
  id: r.id,
  hazardNo: r.hazard_no,
  checkId: r.check_id,
  checkNo,
  source: r.source,
  assetId: r.asset_id,
  holder: r.holder,
  address: r.address,
  regionId: r.region_id,
  regionName: r.region_id ? (regions.get(r.region_id) ?? null) : null,
  description: r.description,
  level: r.level,
  foundOn: r.found_on,
  deadline: r.deadline,
  status: r.status,
  overdue: hazardOverdue(r, today),
  rectifiedOn: r.rectified_on,
  rectifyNote: r.rectify_note,
  closedOn: r.closed_on,
  reinspections: Number(r.reinspections),
  reinspectNote: r.reinspect_note,
  reinspectedByName: r.reinspected_by_name,
  photoIds: photoIdsOf(r.photo_ids),
  version: Number(r.version),
  createdAt: r.created_at,
});

export function createGasContext(database: Database, clock: Clock, deps: GasDeps) {
  const { db } = database;
  const now = () => clock.now().toISOString();
  const today = () => zonedDate(clock.now(), deps.timeZone);

  /**
   * A region of the tenant of the wanted kind (checks and hazards sit in a street or township, installations in a
   * community), and the actor's right to manage in it: a grant narrowed to one region covers that region only.
   */
  async function region(ex: Executor, actor: Actor, id: string, field: string, community: boolean) {
    const r = await orgGeography.regionById(ex, actor.tenantId, id);
    if (!r || (community ? r.kind !== 'community' : r.kind === 'community'))
      throw gasErrors.field(
        field,
        'region',
        community ? 'not a community of this city' : 'not a street or township of this city',
      );
    requirePermission(actor, MANAGE, { regionPath: r.path });
    return r;
  }

  /** A date the user gave: not after today (a check or an installation cannot be recorded ahead). */
  function notFuture(date: string, field: string) {
    if (date > today()) throw gasErrors.field(field, 'max', 'the date is in the future');
  }

  async function holdPhotos(
    tx: Executor,
    actor: Actor,
    holder: string,
    ids: readonly string[] | undefined,
    field: string,
  ) {
    if (!ids?.length) return [];
    const refused = await deps.holdPhotos(tx, actor.tenantId, holder, ids, actor.userId);
    if (refused.length) throw gasErrors.photos(refused.map((i) => `${field}.${i}`));
    return [...new Set(ids)];
  }

  const record = (
    tx: Executor,
    actor: Actor,
    action: string,
    entity: string,
    entityId: string,
    before: unknown,
    after: unknown,
  ) => deps.audit.record(tx, actor, actor.tenantId, { action, entity, entityId, before, after });

  return { db, database, clock, deps, now, today, region, notFuture, holdPhotos, record };
}
export type GasContext = ReturnType<typeof createGasContext>;
