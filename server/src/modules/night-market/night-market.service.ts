import type {
  Application,
  ApplicationQuery,
  Market,
  MarketCreate,
  MarketDetail,
  Review,
  Round,
  RoundCreate,
  RoundQuery,
  StallsCreate,
} from '../../../../common/contracts/night-market.ts';
import {
  defaultRules,
  localHouseholdCheck,
  type EligibilityRules,
  type RuleCheck,
} from '../../../../common/domain/night-market.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import type { NmRoundsTable } from '../../db/schema-night-market.ts';
import type { Clock } from '../../platform/clock.ts';
import { isUniqueViolation, type Database, type Executor } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { listWindow } from '../../platform/paging.ts';
import { nextSequence } from '../../platform/sequences.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import { tenantColumns } from '../org/index.ts';
import {
  applicationView,
  auditedApplication,
  createNmContext,
  MANAGE,
  READ,
  roundView,
  type NmDeps,
  type RoundRow,
} from './nm-context.ts';
import { createNmLedger } from './nm-ledger.ts';
import { createNmLottery } from './nm-lottery.ts';
import { createNmPublic } from './nm-public.ts';
import { nmErrors } from './night-market.errors.ts';
import * as repo from './night-market.repository.ts';

const ROUND_SORTS = { applyFrom: 'apply_from', roundNo: 'round_no' } as const;
const APPLICATION_SORTS = { applicationNo: 'application_no', drawPosition: 'draw_position', points: 'points' } as const;

/**
 * 夜市摊位分配 (docs/night-market.md): markets and stalls, allocation rounds, applications from the citizen page,
 * their review against the round's rules, the verifiable lottery, the ledger and violation points. Reads need
 * market.read, the registers and reviews market.manage, the commitment and the draw market.draw; every staff
 * decision is audited in its transaction.
 */
export function createNightMarketService(database: Database, clock: Clock, deps: NmDeps) {
  const ctx = createNmContext(database, clock, deps);
  const { db, audit, pii, fines, now } = ctx;

  async function roundOf(ex: Executor, tenantId: string, id: string): Promise<RoundRow> {
    const row = await repo.findRound(ex, tenantId, id);
    if (!row) throw notFound('night_market_round');
    return row;
  }

  async function countsOf(tenantId: string, ids: string[]) {
    const rows = await repo.statusCounts(db, tenantId, ids);
    const out = new Map<string, Record<string, number>>();
    for (const r of rows) {
      const c = out.get(r.round_id) ?? {};
      c[r.status] = Number(r.n);
      out.set(r.round_id, c);
    }
    return out;
  }

  async function getRound(actor: Actor, id: string): Promise<Round> {
    requirePermission(actor, READ);
    const row = await roundOf(db, actor.tenantId, id);
    const [stalls, counts] = await Promise.all([
      repo.stallCount(db, actor.tenantId, row.market_id),
      countsOf(actor.tenantId, [id]),
    ]);
    return roundView(row, now(), stalls, counts.get(id) ?? {});
  }

  async function getMarket(actor: Actor, id: string): Promise<MarketDetail> {
    requirePermission(actor, READ);
    const market = await repo.findMarket(db, actor.tenantId, id);
    if (!market) throw notFound('night_market');
    const [stalls, held] = await Promise.all([
      repo.stallsOf(db, actor.tenantId, id),
      repo.heldStalls(db, actor.tenantId, id),
    ]);
    const holders = new Map(held.map((h) => [h.stall_id, { applicationNo: h.application_no, name: h.name }]));
    return {
      id: market.id,
      name: market.name,
      address: market.address,
      openingHours: market.opening_hours,
      stallCount: stalls.length,
      createdAt: market.created_at,
      stalls: stalls.map((s) => ({
        id: s.id,
        code: s.code,
        widthCm: Number(s.width_cm),
        depthCm: Number(s.depth_cm),
        location: s.location,
        holder: holders.get(s.id) ?? null,
      })),
    };
  }

  /** The automatic checks of the round's rules for one applicant, as the reviewer sees them. */
  async function checksOf(actor: Actor, rules: EligibilityRules, idNumber: string): Promise<RuleCheck[]> {
    const checks: RuleCheck[] = [];
    const local = localHouseholdCheck(rules, idNumber);
    if (local) checks.push(local);
    if (rules.noUnpaidFines.enabled) {
      const unpaid = await fines.unpaidFines(actor, idNumber);
      checks.push({ rule: 'noUnpaidFines', result: unpaid === null ? 'unknown' : unpaid ? 'fail' : 'pass' });
    }
    return checks;
  }

  return {
    getRound,
    getMarket,

    async listMarkets(actor: Actor): Promise<Market[]> {
      requirePermission(actor, READ);
      const rows = await repo.listMarkets(db, actor.tenantId);
      return rows.map((m) => ({
        id: m.id,
        name: m.name,
        address: m.address,
        openingHours: m.opening_hours,
        stallCount: Number(m.stall_count ?? 0),
        createdAt: m.created_at,
      }));
    },

    async createMarket(actor: Actor, input: MarketCreate): Promise<MarketDetail> {
      requirePermission(actor, MANAGE);
      const at = now();
      const row = {
        id: newId(),
        tenant_id: actor.tenantId,
        name: input.name.trim(),
        address: input.address.trim(),
        opening_hours: input.openingHours?.trim() || null,
        created_at: at,
        updated_at: at,
      };
      try {
        await db.transaction().execute(async (tx) => {
          await repo.insertMarket(tx, row);
          await audit.record(tx, actor, actor.tenantId, {
            action: 'night_market.market.create',
            entity: 'night_market',
            entityId: row.id,
            after: row,
          });
        });
      } catch (e) {
        if (isUniqueViolation(e)) throw nmErrors.field('body.name', 'unique', 'a market of this name exists');
        throw e;
      }
      return getMarket(actor, row.id);
    },

    async addStalls(actor: Actor, marketId: string, input: StallsCreate): Promise<MarketDetail> {
      requirePermission(actor, MANAGE);
      const codes = input.stalls.map((s) => s.code.trim().toUpperCase());
      const repeated = codes.filter((c, i) => codes.indexOf(c) !== i);
      if (repeated.length) throw nmErrors.stallTaken([...new Set(repeated)]);
      await db.transaction().execute(async (tx) => {
        const market = await repo.findMarket(tx, actor.tenantId, marketId);
        if (!market) throw notFound('night_market');
        const taken = await repo.existingStallCodes(tx, marketId, codes);
        if (taken.length) throw nmErrors.stallTaken(taken);
        const at = now();
        const rows = input.stalls.map((s, i) => ({
          id: newId(),
          tenant_id: actor.tenantId,
          market_id: marketId,
          code: codes[i]!,
          width_cm: s.widthCm,
          depth_cm: s.depthCm,
          location: s.location.trim(),
          created_at: at,
        }));
        await repo.insertStalls(tx, rows);
        await audit.record(tx, actor, actor.tenantId, {
          action: 'night_market.stalls.add',
          entity: 'night_market',
          entityId: marketId,
          after: { codes },
        });
      });
      return getMarket(actor, marketId);
    },

    async listRounds(actor: Actor, q: RoundQuery): Promise<Page<Round>> {
      requirePermission(actor, READ);
      const w = listWindow(q, ROUND_SORTS, 'applyFrom');
      const { rows, total } = await repo.listRounds(
        db,
        actor.tenantId,
        { marketId: q.marketId, q: q.q },
        { ...w, order: q.order ?? (q.sort ? 'asc' : 'desc') },
      );
      const counts = await countsOf(
        actor.tenantId,
        rows.map((r) => r.id),
      );
      const stalls = new Map<string, number>();
      for (const m of new Set(rows.map((r) => r.market_id)))
        stalls.set(m, await repo.stallCount(db, actor.tenantId, m));
      return {
        items: rows.map((r) => roundView(r, now(), stalls.get(r.market_id) ?? 0, counts.get(r.id) ?? {})),
        total,
        page: w.page,
        pageSize: w.limit,
      };
    },

    async createRound(actor: Actor, input: RoundCreate): Promise<Round> {
      requirePermission(actor, MANAGE);
      const from = new Date(input.applyFrom).toISOString();
      const to = new Date(input.applyTo).toISOString();
      if (to <= from) throw nmErrors.field('body.applyTo', 'order', 'the window must end after it starts');
      const id = newId();
      await db.transaction().execute(async (tx) => {
        const market = await repo.findMarket(tx, actor.tenantId, input.marketId);
        if (!market) throw nmErrors.field('body.marketId', 'exists', 'no such market');
        const tenant = await tenantColumns(tx, actor.tenantId, ['code']);
        const rules = input.rules ?? defaultRules(tenant?.code ?? '');
        const year = from.slice(0, 4);
        const seq = await nextSequence(tx, actor.tenantId, `nm-round-${year}`);
        const at = now();
        const row: NmRoundsTable = {
          id,
          tenant_id: actor.tenantId,
          market_id: market.id,
          round_no: `YS${year}-${String(seq).padStart(2, '0')}`,
          name: input.name.trim(),
          apply_from: from,
          apply_to: to,
          rules: JSON.stringify(rules),
          stall_fee_fen: input.stallFeeFen,
          deposit_fen: input.depositFen,
          point_threshold: input.pointThreshold,
          commitment: null,
          public_value_source: null,
          committed_at: null,
          committed_by: null,
          entrants: null,
          public_value: null,
          public_value_at: null,
          secret: null,
          seed: null,
          drawn_order: null,
          drawn_at: null,
          drawn_by: null,
          created_at: at,
          updated_at: at,
        };
        await repo.insertRound(tx, row);
        await audit.record(tx, actor, actor.tenantId, {
          action: 'night_market.round.create',
          entity: 'night_market_round',
          entityId: id,
          after: row,
        });
      });
      return getRound(actor, id);
    },

    async listApplications(actor: Actor, roundId: string, q: ApplicationQuery): Promise<Page<Application>> {
      requirePermission(actor, READ);
      await roundOf(db, actor.tenantId, roundId);
      const w = listWindow(q, APPLICATION_SORTS, 'applicationNo');
      const { rows, total } = await repo.listApplications(db, actor.tenantId, roundId, q, w);
      return { items: rows.map(applicationView), total, page: w.page, pageSize: w.limit };
    },

    /** 资格审核: the rules are checked again here; a failed rule cannot be waved through. */
    async review(actor: Actor, roundId: string, applicationId: string, input: Review): Promise<Application> {
      requirePermission(actor, MANAGE);
      const round = await roundOf(db, actor.tenantId, roundId);
      if (round.committed_at) throw nmErrors.frozen();
      const app = await repo.findApplication(db, actor.tenantId, applicationId);
      if (!app || app.round_id !== roundId) throw notFound('night_market_application');
      const checks = await checksOf(actor, JSON.parse(round.rules) as EligibilityRules, pii.decrypt(app.id_cipher));
      const failed = checks.filter((c) => c.result === 'fail').map((c) => c.rule);
      if (input.decision === 'eligible' && failed.length) throw nmErrors.ruleFailed(failed);
      await db.transaction().execute(async (tx) => {
        const fresh = await repo.findRound(tx, actor.tenantId, roundId);
        if (fresh?.committed_at) throw nmErrors.frozen();
        const at = now();
        await repo.updateApplication(tx, actor.tenantId, app.id, {
          status: input.decision,
          checks: JSON.stringify(checks),
          review_note: input.note?.trim() || null,
          reviewed_by: actor.userId,
          reviewed_at: at,
          updated_at: at,
        });
        await audit.record(tx, actor, actor.tenantId, {
          action: 'night_market.application.review',
          entity: 'night_market_application',
          entityId: app.id,
          before: auditedApplication(app),
          after: { ...auditedApplication({ ...app, status: input.decision }), checks, note: input.note ?? null },
        });
      });
      const { rows } = await repo.listApplications(
        db,
        actor.tenantId,
        roundId,
        { q: app.application_no },
        { limit: 1, offset: 0, sort: 'application_no', order: 'asc' },
      );
      return applicationView(rows[0]!);
    },

    ...createNmPublic(ctx),
    ...createNmLottery(ctx, roundOf),
    ...createNmLedger(ctx, roundOf),
  };
}
export type NightMarketService = ReturnType<typeof createNightMarketService>;
