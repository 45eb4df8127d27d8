/**
 * After the draw (docs/night-market.md, "Ledger and points"): the stall fee and deposit of each holder in fen, and
 * violation points; reaching the round's threshold takes the stall away (the holder's status becomes revoked and
 * the stall is free for the next round). Every entry is audited.
 */
import type {
  Ledger,
  LedgerCreate,
  ViolationCreate,
  ViolationResult,
} from '../../../../common/contracts/night-market.ts';
import { loseStall } from '../../../../common/domain/night-market.ts';
import { zonedDate } from '../../../../common/domain/zoned-time.ts';
import type { Executor } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import { auditedApplication, MANAGE, READ, type NmContext, type RoundRow } from './nm-context.ts';
import { nmErrors } from './night-market.errors.ts';
import * as repo from './night-market.repository.ts';

export function createNmLedger(
  ctx: NmContext,
  roundOf: (ex: Executor, tenantId: string, id: string) => Promise<RoundRow>,
) {
  const { db, audit, now } = ctx;

  /** A holder of the round: an application that won a stall (still holding it, or revoked for a refund entry). */
  async function holderOf(ex: Executor, actor: Actor, round: RoundRow, applicationId: string) {
    const app = await repo.findApplication(ex, actor.tenantId, applicationId);
    if (!app || app.round_id !== round.id) throw nmErrors.field('body.applicationId', 'exists', 'no such application');
    if (!app.stall_id || (app.status !== 'won' && app.status !== 'revoked')) throw nmErrors.notHolder();
    return app;
  }

  return {
    async ledger(actor: Actor, roundId: string): Promise<Ledger> {
      requirePermission(actor, READ);
      const round = await roundOf(db, actor.tenantId, roundId);
      const [holders, sums] = await Promise.all([
        repo.applicationsOf(db, actor.tenantId, roundId, ['won', 'revoked']),
        repo.ledgerSums(db, actor.tenantId, roundId),
      ]);
      const sum = new Map<string, number>();
      for (const s of sums) sum.set(`${s.application_id}:${s.kind}`, Number(s.fen ?? 0));
      const fee = Number(round.stall_fee_fen);
      const lines = holders
        .filter((h) => h.stall_code !== null)
        .map((h) => ({
          applicationId: h.id,
          applicationNo: h.application_no,
          name: h.name,
          stallCode: h.stall_code,
          status: h.status,
          feeDueFen: fee,
          feePaidFen: sum.get(`${h.id}:fee`) ?? 0,
          depositPaidFen: sum.get(`${h.id}:deposit`) ?? 0,
          depositRefundedFen: sum.get(`${h.id}:refund`) ?? 0,
          depositForfeitedFen: sum.get(`${h.id}:forfeit`) ?? 0,
          points: Number(h.points),
        }));
      return {
        lines,
        totals: {
          feeDueFen: lines.reduce((n, l) => n + l.feeDueFen, 0),
          feePaidFen: lines.reduce((n, l) => n + l.feePaidFen, 0),
          depositHeldFen: lines.reduce(
            (n, l) => n + l.depositPaidFen - l.depositRefundedFen - l.depositForfeitedFen,
            0,
          ),
        },
      };
    },

    async addLedgerEntry(actor: Actor, roundId: string, input: LedgerCreate): Promise<void> {
      requirePermission(actor, MANAGE);
      await db.transaction().execute(async (tx) => {
        const round = await roundOf(tx, actor.tenantId, roundId);
        const app = await holderOf(tx, actor, round, input.applicationId);
        const row = {
          id: newId(),
          tenant_id: actor.tenantId,
          round_id: roundId,
          application_id: app.id,
          kind: input.kind,
          amount_fen: input.amountFen,
          on_date: input.onDate,
          note: input.note?.trim() || null,
          created_by: actor.userId,
          created_at: now(),
        };
        await repo.insertLedger(tx, row);
        await audit.record(tx, actor, actor.tenantId, {
          action: `night_market.ledger.${input.kind}`,
          entity: 'night_market_application',
          entityId: app.id,
          after: { ...auditedApplication(app), kind: input.kind, amountFen: input.amountFen, onDate: input.onDate },
        });
      });
    },

    async addViolation(actor: Actor, roundId: string, input: ViolationCreate): Promise<ViolationResult> {
      requirePermission(actor, MANAGE);
      return db.transaction().execute(async (tx) => {
        const round = await roundOf(tx, actor.tenantId, roundId);
        const app = await holderOf(tx, actor, round, input.applicationId);
        if (app.status !== 'won') throw nmErrors.notHolder();
        const at = now();
        await repo.insertViolation(tx, {
          id: newId(),
          tenant_id: actor.tenantId,
          round_id: roundId,
          application_id: app.id,
          kind: input.kind,
          points: input.points,
          on_date: input.onDate,
          note: input.note?.trim() || null,
          created_by: actor.userId,
          created_at: at,
        });
        const points = Number(app.points) + input.points;
        const threshold = Number(round.point_threshold);
        const lost = loseStall(points, threshold);
        await repo.updateApplication(tx, actor.tenantId, app.id, {
          points,
          ...(lost ? { status: 'revoked' as const } : {}),
          updated_at: at,
        });
        await audit.record(tx, actor, actor.tenantId, {
          action: 'night_market.violation.create',
          entity: 'night_market_application',
          entityId: app.id,
          before: { ...auditedApplication(app), points: Number(app.points) },
          after: {
            ...auditedApplication({ ...app, status: lost ? 'revoked' : app.status }),
            kind: input.kind,
            points,
            threshold,
          },
        });
        if (lost)
          await audit.record(tx, actor, actor.tenantId, {
            action: 'night_market.stall.revoke',
            entity: 'night_market_application',
            entityId: app.id,
            before: { status: 'won', points: Number(app.points) },
            after: { status: 'revoked', points, threshold },
          });
        return { applicationId: app.id, points, threshold, status: lost ? 'revoked' : app.status, stallLost: lost };
      });
    },

    /** Figures of the statistics report (no permission: the report service checks report.read). */
    async figures(tenantId: string, from: string, to: string) {
      const day = 86_400_000;
      const f = await repo.periodFigures(
        db,
        tenantId,
        {
          from: new Date(Date.parse(`${from}T00:00:00Z`) - day).toISOString(),
          to: new Date(Date.parse(`${to}T00:00:00Z`) + 2 * day).toISOString(),
        },
        { from, to },
      );
      const inPeriod = f.drawn.filter((r) => {
        const date = zonedDate(r.drawn_at!, ctx.timeZone);
        return date >= from && date <= to;
      });
      const won = new Map(f.won.map((w) => [w.round_id, Number(w.n)]));
      return {
        rounds: inPeriod.map((r) => ({
          name: r.name,
          market: r.market_name,
          entrants: (JSON.parse(r.entrants ?? '[]') as string[]).length,
          allocated: won.get(r.id) ?? 0,
          drawnAt: r.drawn_at!,
        })),
        violations: Number(f.violations.n ?? 0),
        points: Number(f.violations.points ?? 0),
      };
    },
  };
}
