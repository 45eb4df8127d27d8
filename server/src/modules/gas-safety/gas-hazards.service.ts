/**
 * Safety checks and the hazards they find (docs/gas-safety.md, "Hazards"): a hazard is open until its holder's
 * rectification is re-inspected and passes with a photo; a failed re-inspection sends it back with a new last day.
 * A superior authority's check and its findings are recorded alike and counted apart.
 */
import type {
  GasCheck,
  GasCheckCreate,
  GasCheckQuery,
  GasHazard,
  GasHazardCreate,
  GasHazardQuery,
  GasReinspect,
  GasRectify,
} from '../../../../common/contracts/gas-safety.ts';
import { gasHazardNo } from '../../../../common/domain/gas-safety.ts';
import { isValidDate } from '../../../../common/domain/kpi.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import type { GasHazardsTable } from '../../db/schema-gas.ts';
import type { Executor } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { listWindow } from '../../platform/paging.ts';
import { nextSequence } from '../../platform/sequences.ts';
import { assetLine } from '../assets/index.ts';
import { reaches, registerScope, requirePermission, type Actor } from '../auth/index.ts';
import { orgNames } from '../org/index.ts';
import { checkView, hazardView, MANAGE, photoIdsOf, READ, type GasContext } from './gas-context.ts';
import { gasErrors } from './gas.errors.ts';
import * as repo from './gas.repository.ts';

const text = (v: string | undefined, field: string) => {
  const t = (v ?? '').trim();
  if (!t) throw gasErrors.field(field, 'required', `${field.slice(5)} must not be blank`);
  return t;
};
const date = (v: string, field: string) => {
  if (!isValidDate(v)) throw gasErrors.field(field, 'date', 'not a calendar date');
  return v;
};
const audited = (h: Partial<GasHazardsTable>) => ({
  hazardNo: h.hazard_no,
  status: h.status,
  deadline: h.deadline,
  reinspections: h.reinspections,
});

export function createGasHazardService(ctx: GasContext) {
  const { db } = ctx;
  const regionNamesOf = (rows: readonly { region_id: string | null }[]) =>
    orgNames.regionNames(db, [...new Set(rows.flatMap((r) => (r.region_id ? [r.region_id] : [])))]);

  async function loadHazard(actor: Actor, id: string, ex: Executor = db) {
    requirePermission(actor, READ);
    const row = await repo.findHazard(ex, actor.tenantId, id);
    if (!row || !reaches(actor, READ, row)) throw notFound('gas_hazard');
    return row;
  }

  async function hazardOut(row: GasHazardsTable, ex: Executor = db): Promise<GasHazard> {
    const [nos, regions] = await Promise.all([repo.checkNos(ex, [row.check_id]), regionNamesOf([row])]);
    return hazardView(row, nos.get(row.check_id) ?? '', regions, ctx.today());
  }

  /** One step on a hazard, on the version the caller saw, in one transaction with its audit row. */
  async function step(
    actor: Actor,
    id: string,
    version: number,
    action: string,
    build: (row: GasHazardsTable, tx: Executor) => Promise<Partial<GasHazardsTable>>,
  ): Promise<GasHazard> {
    requirePermission(actor, MANAGE);
    const after = await db.transaction().execute(async (tx) => {
      const row = await loadHazard(actor, id, tx);
      if (!reaches(actor, MANAGE, row)) throw notFound('gas_hazard');
      if (row.version !== version) throw gasErrors.stale();
      const patch = { ...(await build(row, tx)), updated_at: ctx.now() };
      if (!(await repo.updateHazard(tx, actor.tenantId, id, version, patch))) throw gasErrors.stale();
      const next = { ...row, ...patch, version: version + 1 };
      await ctx.record(tx, actor, `gas_hazard.${action}`, 'gas_hazard', id, audited(row), audited(next));
      return next;
    });
    return hazardOut(after);
  }

  return {
    async listChecks(actor: Actor, q: GasCheckQuery): Promise<Page<GasCheck>> {
      requirePermission(actor, READ);
      const w = listWindow(q, repo.CHECK_SORTS, 'checkedOn');
      const { rows, total } = await repo.listChecks(
        db,
        actor.tenantId,
        q,
        { ...w, order: q.order ?? 'desc' },
        registerScope(actor, READ, 'c', false),
      );
      const [counts, regions] = await Promise.all([
        repo.hazardCounts(
          db,
          rows.map((r) => r.id),
        ),
        regionNamesOf(rows),
      ]);
      return {
        items: rows.map((r) => checkView(r, regions, counts.get(r.id))),
        total,
        page: w.page,
        pageSize: w.limit,
      };
    },

    async createCheck(actor: Actor, input: GasCheckCreate): Promise<GasCheck> {
      requirePermission(actor, MANAGE);
      const title = text(input.title, 'body.title');
      ctx.notFuture(date(input.checkedOn, 'body.checkedOn'), 'body.checkedOn');
      const id = newId();
      const row = await db.transaction().execute(async (tx) => {
        if (input.regionId) await ctx.region(tx, actor, input.regionId, 'body.regionId', false);
        const year = input.checkedOn.slice(0, 4);
        const seq = await nextSequence(tx, actor.tenantId, `gas_check:${year}`);
        const r = {
          id,
          tenant_id: actor.tenantId,
          check_no: `JC${year}-${String(seq).padStart(4, '0')}`,
          source: input.source,
          title,
          checked_on: input.checkedOn,
          region_id: input.regionId ?? null,
          team: input.team?.trim() || null,
          note: input.note?.trim() || null,
          created_by: actor.userId,
          created_at: ctx.now(),
        };
        await repo.insertCheck(tx, r);
        await ctx.record(tx, actor, 'gas_check.create', 'gas_check', id, null, {
          checkNo: r.check_no,
          source: r.source,
          checkedOn: r.checked_on,
        });
        return r;
      });
      return checkView(row, await regionNamesOf([row]), { n: 0, open: 0 });
    },

    async listHazards(actor: Actor, q: GasHazardQuery): Promise<Page<GasHazard>> {
      requirePermission(actor, READ);
      const w = listWindow(q, repo.HAZARD_SORTS, 'foundOn');
      const today = ctx.today();
      const { rows, total } = await repo.listHazards(
        db,
        actor.tenantId,
        q,
        { ...w, order: q.order ?? 'desc' },
        today,
        registerScope(actor, READ, 'h', false),
      );
      const [nos, regions] = await Promise.all([
        repo.checkNos(db, [...new Set(rows.map((r) => r.check_id))]),
        regionNamesOf(rows),
      ]);
      return {
        items: rows.map((r) => hazardView(r, nos.get(r.check_id) ?? '', regions, today)),
        total,
        page: w.page,
        pageSize: w.limit,
      };
    },

    getHazard: async (actor: Actor, id: string) => hazardOut(await loadHazard(actor, id)),

    /** The photos module's question for a photo a hazard holds: may the actor see the hazard? */
    async canViewHazard(actor: Actor, id: string): Promise<boolean> {
      if (!actor.permissions.has(READ)) return false;
      const row = await repo.findHazard(db, actor.tenantId, id);
      return !!row && reaches(actor, READ, row);
    },

    async createHazard(actor: Actor, input: GasHazardCreate): Promise<GasHazard> {
      requirePermission(actor, MANAGE);
      const holder = text(input.holder, 'body.holder');
      const description = text(input.description, 'body.description');
      date(input.deadline, 'body.deadline');
      if (input.foundOn) ctx.notFuture(date(input.foundOn, 'body.foundOn'), 'body.foundOn');
      const id = newId();
      const row = await db.transaction().execute(async (tx) => {
        const check = await repo.findCheck(tx, actor.tenantId, input.checkId);
        if (!check) throw gasErrors.field('body.checkId', 'exists', 'no such check in this city');
        const foundOn = input.foundOn ?? check.checked_on;
        if (foundOn < check.checked_on)
          throw gasErrors.field('body.foundOn', 'min', 'a hazard cannot be found before its check');
        if (input.deadline < foundOn)
          throw gasErrors.field('body.deadline', 'min', 'the last day to rectify comes after the day it was found');
        if (input.regionId) await ctx.region(tx, actor, input.regionId, 'body.regionId', false);
        if (input.assetId) {
          if ((await assetLine(tx, actor.tenantId, input.assetId)) !== 'gas')
            throw gasErrors.field('body.assetId', 'exists', 'not a gas company or user in the register');
        }
        const seq = await nextSequence(tx, actor.tenantId, `gas_hazard:${foundOn.slice(0, 4)}`);
        const at = ctx.now();
        const r: GasHazardsTable = {
          id,
          tenant_id: actor.tenantId,
          hazard_no: gasHazardNo(foundOn.slice(0, 4), seq),
          check_id: check.id,
          source: check.source,
          asset_id: input.assetId ?? null,
          holder,
          address: input.address?.trim() || null,
          region_id: input.regionId ?? check.region_id,
          description,
          level: input.level,
          found_on: foundOn,
          deadline: input.deadline,
          status: 'open',
          rectified_on: null,
          rectify_note: null,
          closed_on: null,
          reinspections: 0,
          reinspect_note: null,
          reinspected_by_name: null,
          photo_ids: '[]',
          version: 1,
          created_by: actor.userId,
          created_at: at,
          updated_at: at,
        };
        await repo.insertHazard(tx, r);
        await ctx.record(tx, actor, 'gas_hazard.create', 'gas_hazard', id, null, audited(r));
        return r;
      });
      return hazardOut(row);
    },

    /** The holder reports the work done (an open hazard only); photos of the work are optional. */
    rectify: (actor: Actor, id: string, input: GasRectify) =>
      step(actor, id, input.version, 'rectify', async (row, tx) => {
        if (row.status !== 'open') throw gasErrors.state(row.status, 'rectify');
        ctx.notFuture(date(input.onDate, 'body.onDate'), 'body.onDate');
        if (input.onDate < row.found_on) throw gasErrors.field('body.onDate', 'min', 'before the hazard was found');
        const photos = await ctx.holdPhotos(tx, actor, `gas_hazard:${id}`, input.photoIds, 'body.photoIds');
        return {
          status: 'rectified',
          rectified_on: input.onDate,
          rectify_note: text(input.note, 'body.note'),
          photo_ids: JSON.stringify([...photoIdsOf(row.photo_ids), ...photos]),
        };
      }),

    /**
     * The re-inspection: passed closes the hazard and needs a photo; failed sends it back to open with a new last
     * day. It may follow a reported rectification or find the work done on the spot.
     */
    reinspect: (actor: Actor, id: string, input: GasReinspect) =>
      step(actor, id, input.version, 'reinspect', async (row, tx) => {
        if (row.status === 'closed') throw gasErrors.state(row.status, 'reinspect');
        ctx.notFuture(date(input.onDate, 'body.onDate'), 'body.onDate');
        if (input.onDate < row.found_on) throw gasErrors.field('body.onDate', 'min', 'before the hazard was found');
        const note = text(input.note, 'body.note');
        if (input.passed && !input.photoIds?.length) throw gasErrors.photoRequired();
        if (!input.passed) {
          if (!input.newDeadline)
            throw gasErrors.field('body.newDeadline', 'required', 'a failed re-inspection sets a new last day');
          if (date(input.newDeadline, 'body.newDeadline') < input.onDate)
            throw gasErrors.field('body.newDeadline', 'min', 'the new last day comes after the re-inspection');
        }
        const photos = await ctx.holdPhotos(tx, actor, `gas_hazard:${id}`, input.photoIds, 'body.photoIds');
        const common = {
          reinspections: Number(row.reinspections) + 1,
          reinspect_note: note,
          reinspected_by_name: actor.displayName,
          photo_ids: JSON.stringify([...photoIdsOf(row.photo_ids), ...photos]),
        };
        return input.passed
          ? { ...common, status: 'closed' as const, closed_on: input.onDate }
          : { ...common, status: 'open' as const, deadline: input.newDeadline! };
      }),
  };
}
export type GasHazardService = ReturnType<typeof createGasHazardService>;
