/**
 * The verifiable draw of a round (docs/night-market.md, "The draw"): the commitment is published with the name of a
 * future public value, the value is entered once known, and the draw takes the secret, checks it against the
 * commitment, shuffles the entrants fixed at the commitment and hands out the stalls in drawn order. Each step can
 * happen once; the guarded updates make a concurrent second attempt update nothing.
 */
import type { Commit, Draw, PublicValue } from '../../../../common/contracts/night-market.ts';
import {
  commitmentOf,
  drawOrder,
  LOTTERY_FORMAT,
  seedOf,
  toHex,
  type LotteryFile,
} from '../../../../common/domain/night-market-lottery.ts';
import type { Executor } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import { tenantColumns } from '../org/index.ts';
import { DRAW, parseJson, READ, type NmContext, type RoundRow } from './nm-context.ts';
import { nmErrors } from './night-market.errors.ts';
import * as repo from './night-market.repository.ts';

export function createNmLottery(
  ctx: NmContext,
  roundOf: (ex: Executor, tenantId: string, id: string) => Promise<RoundRow>,
) {
  const { db, audit, now } = ctx;

  /** The published file of a drawn round: everything a replay needs. */
  async function fileOf(ex: Executor, tenantId: string, r: RoundRow): Promise<LotteryFile> {
    if (!r.drawn_at || !r.secret || !r.seed || !r.commitment || r.public_value === null) throw nmErrors.notDrawn();
    const [tenant, placed] = await Promise.all([
      tenantColumns(ex, tenantId, ['name']),
      repo.applicationsOf(ex, tenantId, r.id, ['won', 'revoked', 'waiting']),
    ]);
    const stalls = placed
      .filter((a) => a.stall_code !== null && a.draw_position !== null)
      .sort((a, b) => Number(a.draw_position) - Number(b.draw_position))
      .map((a) => a.stall_code!);
    return {
      format: LOTTERY_FORMAT,
      city: tenant?.name ?? '',
      market: r.market_name,
      roundNo: r.round_no,
      roundName: r.name,
      commitment: r.commitment,
      committedAt: r.committed_at ?? '',
      publicValueSource: r.public_value_source ?? '',
      publicValue: r.public_value,
      secret: r.secret,
      entrants: parseJson<string[]>(r.entrants, []),
      seed: r.seed,
      order: parseJson<string[]>(r.drawn_order, []),
      stalls,
      drawnAt: r.drawn_at,
    };
  }

  return {
    /** 公布承诺值: fixes the entrants (every application reviewed, the window closed) and names the public value. */
    async commit(actor: Actor, id: string, input: Commit): Promise<void> {
      requirePermission(actor, DRAW);
      await db.transaction().execute(async (tx) => {
        const r = await roundOf(tx, actor.tenantId, id);
        if (r.committed_at) throw nmErrors.alreadyCommitted();
        const at = now();
        if (at < r.apply_to) throw nmErrors.windowOpen();
        const pending = await repo.applicationsOf(tx, actor.tenantId, id, ['submitted']);
        if (pending.length) throw nmErrors.unreviewed(pending.length);
        const entrants = (await repo.applicationsOf(tx, actor.tenantId, id, ['eligible'])).map((a) => a.application_no);
        if (!entrants.length) throw nmErrors.noEntrants();
        const patch = {
          commitment: input.commitment,
          public_value_source: input.publicValueSource.trim(),
          committed_at: at,
          committed_by: actor.userId,
          entrants: JSON.stringify(entrants),
          updated_at: at,
        };
        if (!(await repo.updateRound(tx, actor.tenantId, id, patch, 'uncommitted'))) throw nmErrors.alreadyCommitted();
        await audit.record(tx, actor, actor.tenantId, {
          action: 'night_market.lottery.commit',
          entity: 'night_market_round',
          entityId: id,
          after: { commitment: input.commitment, publicValueSource: patch.public_value_source, entrants },
        });
      });
    },

    /** 录入公开随机值: once, after the commitment. */
    async enterPublicValue(actor: Actor, id: string, input: PublicValue): Promise<void> {
      requirePermission(actor, DRAW);
      await db.transaction().execute(async (tx) => {
        const r = await roundOf(tx, actor.tenantId, id);
        if (!r.committed_at) throw nmErrors.notCommitted();
        if (r.public_value !== null) throw nmErrors.valueSet();
        const at = now();
        const value = input.publicValue.trim();
        if (!value) throw nmErrors.field('body.publicValue', 'required', 'enter the published value');
        const ok = await repo.updateRound(
          tx,
          actor.tenantId,
          id,
          { public_value: value, public_value_at: at, updated_at: at },
          'unvalued',
        );
        if (!ok) throw nmErrors.valueSet();
        await audit.record(tx, actor, actor.tenantId, {
          action: 'night_market.lottery.public_value',
          entity: 'night_market_round',
          entityId: id,
          after: { publicValue: value, source: r.public_value_source },
        });
      });
    },

    /** 摇号: the secret is checked, revealed and used; stalls go to the entrants in drawn order, the rest wait. */
    async draw(actor: Actor, id: string, input: Draw): Promise<void> {
      requirePermission(actor, DRAW);
      await db.transaction().execute(async (tx) => {
        const r = await roundOf(tx, actor.tenantId, id);
        if (r.drawn_at) throw nmErrors.alreadyDrawn();
        if (!r.committed_at || !r.commitment) throw nmErrors.notCommitted();
        if (r.public_value === null) throw nmErrors.noPublicValue();
        if ((await commitmentOf(input.secret)) !== r.commitment) throw nmErrors.secretMismatch();
        const entrants = parseJson<string[]>(r.entrants, []);
        const seed = await seedOf(input.secret, r.public_value);
        const order = await drawOrder(seed, entrants);
        // Stalls are handed out by code, ascending, leaving those still held from an earlier round of the market.
        const [all, held] = await Promise.all([
          repo.stallsOf(tx, actor.tenantId, r.market_id),
          repo.heldStalls(tx, actor.tenantId, r.market_id),
        ]);
        const busy = new Set(held.map((h) => h.stall_id));
        const stalls = all.filter((s) => !busy.has(s.id));
        const at = now();
        const ok = await repo.updateRound(
          tx,
          actor.tenantId,
          id,
          {
            secret: input.secret,
            seed: toHex(seed),
            drawn_order: JSON.stringify(order),
            drawn_at: at,
            drawn_by: actor.userId,
            updated_at: at,
          },
          'undrawn',
        );
        if (!ok) throw nmErrors.alreadyDrawn();
        const apps = new Map(
          (await repo.applicationsOf(tx, actor.tenantId, id, ['eligible'])).map((a) => [a.application_no, a.id]),
        );
        for (const [i, no] of order.entries()) {
          const stall = stalls[i];
          await repo.updateApplication(tx, actor.tenantId, apps.get(no)!, {
            status: stall ? 'won' : 'waiting',
            draw_position: i + 1,
            stall_id: stall?.id ?? null,
            updated_at: at,
          });
        }
        await audit.record(tx, actor, actor.tenantId, {
          action: 'night_market.lottery.draw',
          entity: 'night_market_round',
          entityId: id,
          after: {
            seed: toHex(seed),
            order,
            stalls: order.slice(0, stalls.length).map((no, i) => ({ applicationNo: no, stall: stalls[i]!.code })),
          },
        });
      });
    },

    async lotteryFile(actor: Actor, id: string): Promise<LotteryFile> {
      requirePermission(actor, READ);
      const r = await roundOf(db, actor.tenantId, id);
      return fileOf(db, actor.tenantId, r);
    },

    async publicLotteryFile(tenantId: string, roundNo: string): Promise<LotteryFile> {
      const r = await repo.findRoundByNo(db, tenantId, roundNo);
      if (!r) throw notFound('night_market_round');
      return fileOf(db, tenantId, r);
    },
  };
}
