import type { InspectorDaysTable, InspectorPositionsTable } from '../../db/schema-lines.ts';
import type {} from '../../db/schema-grid-terms.ts';
import type { Executor } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';

/** Kysely only, always filtered by tenant (docs/monitor.md). */

export const gridsOf = (db: Executor, tenantId: string, inspectorIds: readonly string[]) =>
  inspectorIds.length
    ? db
        .selectFrom('inspector_grids')
        .select(['inspector_id', 'grid_code'])
        .where('tenant_id', '=', tenantId)
        .where('inspector_id', 'in', inspectorIds)
        .orderBy('grid_code')
        .execute()
    : Promise.resolve([]);

/**
 * The current assignment is replaced as a whole; its history (`inspector_grid_terms`) only changes where the
 * assignment did: a grid given up ends its term at `at`, a grid taken on starts one, a grid kept stays untouched.
 */
export async function replaceGrids(
  tx: Executor,
  tenantId: string,
  inspectorId: string,
  codes: readonly string[],
  by: string,
  at: string,
) {
  const open = await tx
    .selectFrom('inspector_grid_terms')
    .select(['id', 'grid_code'])
    .where('tenant_id', '=', tenantId)
    .where('inspector_id', '=', inspectorId)
    .where('valid_to', 'is', null)
    .execute();
  const keep = new Set(codes);
  const ended = open.filter((t) => !keep.has(t.grid_code)).map((t) => t.id);
  if (ended.length)
    await tx
      .updateTable('inspector_grid_terms')
      .set({ valid_to: at, ended_by: by })
      .where('tenant_id', '=', tenantId)
      .where('id', 'in', ended)
      .execute();
  const held = new Set(open.map((t) => t.grid_code));
  const started = codes.filter((c) => !held.has(c));
  if (started.length)
    await tx
      .insertInto('inspector_grid_terms')
      .values(
        started.map((c) => ({
          id: newId(),
          tenant_id: tenantId,
          inspector_id: inspectorId,
          grid_code: c,
          valid_from: at,
          valid_to: null,
          assigned_by: by,
          ended_by: null,
        })),
      )
      .execute();
  await tx
    .deleteFrom('inspector_grids')
    .where('tenant_id', '=', tenantId)
    .where('inspector_id', '=', inspectorId)
    .execute();
  if (codes.length)
    await tx
      .insertInto('inspector_grids')
      .values(
        codes.map((c) => ({
          tenant_id: tenantId,
          inspector_id: inspectorId,
          grid_code: c,
          assigned_by: by,
          assigned_at: at,
        })),
      )
      .execute();
}

/**
 * The terms of these inspectors that began before `before` (a case reported later cannot fall in them), oldest
 * first: what 漏报 is counted against (docs/monitor.md, "Per-inspector 漏报").
 */
export const gridTermsOf = (db: Executor, tenantId: string, inspectorIds: readonly string[], before: string) =>
  inspectorIds.length
    ? db
        .selectFrom('inspector_grid_terms')
        .select(['inspector_id', 'grid_code', 'valid_from', 'valid_to'])
        .where('tenant_id', '=', tenantId)
        .where('inspector_id', 'in', inspectorIds)
        .where('valid_from', '<', before)
        .orderBy('inspector_id')
        .orderBy('valid_from')
        .execute()
    : Promise.resolve([]);

export const shiftsBetween = (
  db: Executor,
  tenantId: string,
  from: string,
  to: string,
  inspectorIds?: readonly string[],
) =>
  db
    .selectFrom('inspector_shifts')
    .select(['inspector_id', 'day', 'starts', 'ends'])
    .where('tenant_id', '=', tenantId)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .$if(inspectorIds !== undefined, (q) => q.where('inspector_id', 'in', inspectorIds!.length ? inspectorIds! : ['']))
    .orderBy('day')
    .orderBy('inspector_id')
    .execute();

export async function upsertShifts(
  tx: Executor,
  rows: readonly {
    tenant_id: string;
    inspector_id: string;
    day: string;
    starts: string;
    ends: string;
    created_by: string;
    created_at: string;
  }[],
) {
  for (let i = 0; i < rows.length; i += 200) {
    await tx
      .insertInto('inspector_shifts')
      .values(rows.slice(i, i + 200))
      .onConflict((oc) =>
        oc.columns(['inspector_id', 'day']).doUpdateSet((eb) => ({
          starts: eb.ref('excluded.starts'),
          ends: eb.ref('excluded.ends'),
          created_by: eb.ref('excluded.created_by'),
          created_at: eb.ref('excluded.created_at'),
        })),
      )
      .execute();
  }
}

export const deleteShift = (tx: Executor, tenantId: string, inspectorId: string, day: string) =>
  tx
    .deleteFrom('inspector_shifts')
    .where('tenant_id', '=', tenantId)
    .where('inspector_id', '=', inspectorId)
    .where('day', '=', day)
    .executeTakeFirst();

/** The latest plausible position before `at` (the reference for the speed of the next one). */
export const plausibleBefore = (db: Executor, tenantId: string, inspectorId: string, at: string) =>
  db
    .selectFrom('inspector_positions')
    .select(['at', 'lng', 'lat'])
    .where('inspector_id', '=', inspectorId)
    .where('tenant_id', '=', tenantId)
    .where('at', '<', at)
    .where('implausible', '=', 0)
    .orderBy('at', 'desc')
    .limit(1)
    .executeTakeFirst();

/** Inserts the new positions; a capture time already stored is skipped (a re-sent batch). Returns how many were new. */
export async function insertPositions(tx: Executor, rows: readonly InspectorPositionsTable[]): Promise<number> {
  let stored = 0;
  for (let i = 0; i < rows.length; i += 100) {
    const res = await tx
      .insertInto('inspector_positions')
      .values(rows.slice(i, i + 100))
      .onConflict((oc) => oc.columns(['inspector_id', 'at']).doNothing())
      .executeTakeFirst();
    stored += Number(res.numInsertedOrUpdatedRows ?? 0);
  }
  return stored;
}

/** One inspector's positions between two instants (an index range of the primary key), in time order. */
export const track = (db: Executor, tenantId: string, inspectorId: string, from: string, to: string) =>
  db
    .selectFrom('inspector_positions')
    .select(['at', 'lng', 'lat', 'grid_code', 'implausible'])
    .where('inspector_id', '=', inspectorId)
    .where('at', '>=', from)
    .where('at', '<', to)
    .where('tenant_id', '=', tenantId)
    .orderBy('at')
    .execute();

export async function upsertDay(tx: Executor, row: InspectorDaysTable) {
  const { tenant_id: _t, inspector_id: _i, day: _d, ...rest } = row;
  await tx
    .insertInto('inspector_days')
    .values(row)
    .onConflict((oc) => oc.columns(['inspector_id', 'day']).doUpdateSet(rest))
    .execute();
}

export const daysOf = (db: Executor, tenantId: string, day: string, inspectorIds: readonly string[]) =>
  inspectorIds.length
    ? db
        .selectFrom('inspector_days')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('day', '=', day)
        .where('inspector_id', 'in', inspectorIds)
        .execute()
    : Promise.resolve([]);

/** Tenants holding any roll-up older than a day (the retention purge visits only these). */
export const tenantsWithDaysBefore = (db: Executor, day: string) =>
  db.selectFrom('inspector_days').select('tenant_id').where('day', '<', day).distinct().execute();

/**
 * Deletes the tenant's positions captured before `before` and the roll-ups of days before `beforeDay`. Positions are
 * deleted per inspector so each delete is a range of the primary key.
 */
export async function purge(tx: Executor, tenantId: string, beforeDay: string, before: string) {
  const who = await tx
    .selectFrom('inspector_days')
    .select('inspector_id')
    .where('tenant_id', '=', tenantId)
    .where('day', '<', beforeDay)
    .distinct()
    .execute();
  let positions = 0;
  for (const { inspector_id } of who) {
    const res = await tx
      .deleteFrom('inspector_positions')
      .where('inspector_id', '=', inspector_id)
      .where('at', '<', before)
      .where('tenant_id', '=', tenantId)
      .executeTakeFirst();
    positions += Number(res.numDeletedRows);
  }
  const days = await tx
    .deleteFrom('inspector_days')
    .where('tenant_id', '=', tenantId)
    .where('day', '<', beforeDay)
    .executeTakeFirst();
  return { positions, days: Number(days.numDeletedRows) };
}
