/**
 * The household 三件套 (docs/gas-safety.md, "Household installations"): households fitted per community and day,
 * the year's target per community and part, the progress against it, and the figures of a period, with the
 * commercial users' installation state read from the register.
 */
import type {
  GasFigures,
  GasInstall,
  GasInstallCreate,
  GasInstallQuery,
  GasProgress,
  GasTargetPut,
} from '../../../../common/contracts/gas-safety.ts';
import {
  GAS_INSTALL_KINDS,
  GAS_USER_SUPPLY,
  GAS_USER_TYPE,
  progressPct,
  type GasInstallKind,
} from '../../../../common/domain/gas-safety.ts';
import { isValidDate } from '../../../../common/domain/kpi.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import type { Executor } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import { listWindow } from '../../platform/paging.ts';
import { assetAttributesOfType } from '../assets/index.ts';
import { requirePermission, scopeOf, type Actor } from '../auth/index.ts';
import { forbidden } from '../../platform/errors.ts';
import { orgNames } from '../org/index.ts';
import { MANAGE, READ, type GasContext } from './gas-context.ts';
import { gasErrors } from './gas.errors.ts';
import * as repo from './gas.repository.ts';

const attrs = (text: string): Record<string, unknown> => {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return {};
  }
};

/**
 * The commercial users in the register: pipeline users with an alarm fitted, and bottled-gas users whose 三件套 is
 * done. The attributes are those of the `GAS-USER` type (docs/gas-safety.md).
 */
export async function commercialUsers(db: Executor, tenantId: string) {
  const rows = await assetAttributesOfType(db, tenantId, GAS_USER_TYPE);
  const tally = { pipeline: { users: 0, fitted: 0 }, lpg: { users: 0, fitted: 0 } };
  for (const r of rows) {
    const a = attrs(r.attributes);
    const kind = a.supply === GAS_USER_SUPPLY.pipeline ? 'pipeline' : a.supply === GAS_USER_SUPPLY.lpg ? 'lpg' : null;
    if (!kind) continue;
    tally[kind].users++;
    if (kind === 'pipeline' ? a.alarm === true : a.threeSet === true) tally[kind].fitted++;
  }
  const out = (t: { users: number; fitted: number }) => ({ ...t, pct: progressPct(t.fitted, t.users) });
  return { pipelineUsers: out(tally.pipeline), lpgUsers: out(tally.lpg) };
}

/** The figures of [from, to] for a tenant (the report section and the console's cards read the same). */
export async function figuresOf(db: Executor, tenantId: string, from: string, to: string, today: string) {
  const [counts, sums, users] = await Promise.all([
    repo.periodCounts(db, tenantId, from, to, today),
    repo.installSums(db, tenantId, from, to),
    commercialUsers(db, tenantId),
  ]);
  const checks = (s: string) => Number(counts.checks.find((c) => c.source === s)?.n ?? 0);
  const found = (s: string) => counts.found.find((c) => c.source === s);
  const installs = { alarm: 0, valve: 0, hose: 0 };
  for (const r of sums) installs[r.kind] += Number(r.n);
  const hazards = Number(found('bureau')?.n ?? 0);
  const hazardsClosed = Number(found('bureau')?.closed ?? 0);
  const superiorHazards = Number(found('superior')?.n ?? 0);
  const superiorClosed = Number(found('superior')?.closed ?? 0);
  const figures: GasFigures = {
    checks: checks('bureau'),
    superiorChecks: checks('superior'),
    hazards,
    hazardsClosed,
    superiorHazards,
    superiorClosed,
    rectifyRate: progressPct(hazardsClosed + superiorClosed, hazards + superiorHazards),
    overdue: counts.overdue,
    installs,
    ...users,
  };
  return figures;
}

export function createGasInstallService(ctx: GasContext) {
  const { db } = ctx;

  return {
    async listInstalls(actor: Actor, q: GasInstallQuery): Promise<Page<GasInstall>> {
      requirePermission(actor, READ);
      const w = listWindow(q, repo.INSTALL_SORTS, 'onDate');
      const { rows, total } = await repo.listInstalls(db, actor.tenantId, q, { ...w, order: q.order ?? 'desc' });
      const names = await orgNames.regionNames(db, [...new Set(rows.map((r) => r.region_id))]);
      return {
        items: rows.map((r) => ({
          id: r.id,
          regionId: r.region_id,
          regionName: names.get(r.region_id) ?? null,
          kind: r.kind,
          households: Number(r.households),
          onDate: r.on_date,
          note: r.note,
          createdAt: r.created_at,
        })),
        total,
        page: w.page,
        pageSize: w.limit,
      };
    },

    async addInstall(actor: Actor, input: GasInstallCreate): Promise<GasInstall> {
      requirePermission(actor, MANAGE);
      if (!isValidDate(input.onDate)) throw gasErrors.field('body.onDate', 'date', 'not a calendar date');
      ctx.notFuture(input.onDate, 'body.onDate');
      const id = newId();
      const at = ctx.now();
      const row = await db.transaction().execute(async (tx) => {
        const region = await ctx.region(tx, actor, input.regionId, 'body.regionId', true);
        const r = {
          id,
          tenant_id: actor.tenantId,
          region_id: region.id,
          kind: input.kind,
          households: input.households,
          on_date: input.onDate,
          note: input.note?.trim() || null,
          created_by: actor.userId,
          created_at: at,
        };
        await repo.insertInstall(tx, r);
        await ctx.record(tx, actor, 'gas_install.create', 'gas_install', id, null, {
          region: region.name,
          kind: r.kind,
          households: r.households,
          onDate: r.on_date,
        });
        return { ...r, regionName: region.name };
      });
      return {
        id,
        regionId: row.region_id,
        regionName: row.regionName,
        kind: row.kind,
        households: row.households,
        onDate: row.on_date,
        note: row.note,
        createdAt: at,
      };
    },

    async putTarget(actor: Actor, input: GasTargetPut): Promise<GasProgress> {
      requirePermission(actor, MANAGE);
      await db.transaction().execute(async (tx) => {
        const region = await ctx.region(tx, actor, input.regionId, 'body.regionId', true);
        await repo.upsertTarget(tx, {
          tenant_id: actor.tenantId,
          year: input.year,
          region_id: region.id,
          kind: input.kind,
          households: input.households,
          updated_by: actor.userId,
          updated_at: ctx.now(),
        });
        await ctx.record(tx, actor, 'gas_target.put', 'gas_target', `${input.year}:${region.id}:${input.kind}`, null, {
          region: region.name,
          ...input,
        });
      });
      return this.progress(actor, input.year);
    },

    /** Per community with a target or an installation in the year: target, done and share for each part. */
    async progress(actor: Actor, year: number): Promise<GasProgress> {
      requirePermission(actor, READ);
      const [targets, sums] = await Promise.all([
        repo.targetsOf(db, actor.tenantId, year),
        repo.installSums(db, actor.tenantId, `${year}-01-01`, `${year}-12-31`),
      ]);
      const empty = () => ({
        alarm: { target: 0, done: 0 },
        valve: { target: 0, done: 0 },
        hose: { target: 0, done: 0 },
      });
      const by = new Map<string, Record<GasInstallKind, { target: number; done: number }>>();
      const at = (id: string) => by.get(id) ?? by.set(id, empty()).get(id)!;
      for (const t of targets) at(t.region_id)[t.kind].target = Number(t.households);
      for (const s of sums) at(s.region_id)[s.kind].done += Number(s.n);
      const names = await orgNames.regionNames(db, [...by.keys()]);
      const withPct = (p: { target: number; done: number }) => ({ ...p, pct: progressPct(p.done, p.target) });
      const total = empty();
      const rows = [...by.entries()]
        .map(([regionId, p]) => {
          for (const k of GAS_INSTALL_KINDS) {
            total[k].target += p[k].target;
            total[k].done += p[k].done;
          }
          return {
            regionId,
            regionName: names.get(regionId) ?? '',
            alarm: withPct(p.alarm),
            valve: withPct(p.valve),
            hose: withPct(p.hose),
          };
        })
        .sort((a, b) => a.regionName.localeCompare(b.regionName, 'zh-CN'));
      return {
        year,
        rows,
        total: { alarm: withPct(total.alarm), valve: withPct(total.valve), hose: withPct(total.hose) },
      };
    },

    /** City-wide counts, like the report's: a reader narrowed to a street gets the lists of that street only. */
    async figures(actor: Actor, q: { from: string; to: string }): Promise<GasFigures> {
      requirePermission(actor, READ);
      if (!scopeOf(actor, READ).all) throw forbidden(READ);
      if (!isValidDate(q.from)) throw gasErrors.field('query.from', 'date', 'not a calendar date');
      if (!isValidDate(q.to)) throw gasErrors.field('query.to', 'date', 'not a calendar date');
      if (q.to < q.from) throw gasErrors.field('query.to', 'min', 'the period ends before it begins');
      return figuresOf(db, actor.tenantId, q.from, q.to, ctx.today());
    },
  };
}
export type GasInstallService = ReturnType<typeof createGasInstallService>;
