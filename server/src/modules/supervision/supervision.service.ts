import type { CaseTransition } from '../../../../common/contracts/cases.ts';
import type {
  SupervisionFigures,
  SupervisionFiguresQuery,
  SupervisionIssue,
  SupervisionOrder,
  SupervisionQuery,
  SupervisionReply,
} from '../../../../common/contracts/supervision.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import { onTimeRate } from '../../../../common/domain/supervision.ts';
import type { CasesTable } from '../../db/schema.ts';
import type { SupervisionOrdersTable } from '../../db/schema-supervision.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { listWindow } from '../../platform/paging.ts';
import { nextSequence } from '../../platform/sequences.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import { orgNames, orgReadModel } from '../org/index.ts';
import { orderRule, reachesUnit, type PlacedUnit } from './supervision-scope.ts';
import { dueFrom, type SupervisionDeps } from './supervision-deps.ts';
import { sweepOrders } from './supervision-sweep.ts';
import { historyOf, orderView, type OrderEvent } from './supervision-view.ts';
import { supervisionErrors } from './supervision.errors.ts';
import * as repo from './supervision.repository.ts';

/** 督办单: issued through the case's 督办 step, replied by the target unit, escalated by the sweep. */
export function createSupervisionService(database: Database, clock: Clock, deps: SupervisionDeps) {
  const { db } = database;

  const mayReply = (actor: Actor, row: SupervisionOrdersTable) =>
    row.status === 'open' && orderRule(actor, 'supervision.reply').test(row);

  async function view(actor: Actor, row: SupervisionOrdersTable): Promise<SupervisionOrder> {
    const names = await orgNames.unitNames(db, [row.target_unit_id]);
    return orderView(row, names.get(row.target_unit_id) ?? null, mayReply(actor, row));
  }

  async function load(actor: Actor, id: string): Promise<SupervisionOrdersTable> {
    requirePermission(actor, 'supervision.read');
    const row = await repo.findOrder(db, actor.tenantId, id);
    if (!row || !orderRule(actor).test(row)) throw notFound('supervision');
    return row;
  }

  return {
    /**
     * Inside the case's 督办 step: issues the order, or refuses (which undoes the step). The old note path sends no
     * order details: it issues a 一般 order to the case's handling unit, and a case without one stays a note.
     */
    async escalated(tx: Executor, actor: Actor, c: CasesTable, input: CaseTransition, at: string): Promise<void> {
      const level = input.supervision?.level ?? 'general';
      const targetId = input.supervision?.targetUnitId ?? c.unit_id;
      if (!targetId) {
        if (input.supervision)
          throw supervisionErrors.field('body.targetUnitId', 'required', 'the case has no handling unit: name one');
        return;
      }
      const units = new Map<string, PlacedUnit & { active: number }>(
        (await orgReadModel.unitsWithPlace(tx, c.tenant_id)).map((u) => [u.id, u]),
      );
      const target = units.get(targetId);
      if (!target || target.active !== 1)
        throw supervisionErrors.field('body.targetUnitId', 'exists', 'no such active unit');
      if (!reachesUnit(actor.grants, 'case.escalate', target, units)) throw supervisionErrors.outOfScope();
      const calendar = await deps.calendar.forTenant(c.tenant_id, tx);
      const now = new Date(at);
      const due = dueFrom(calendar, now, level).toISOString();
      const year = calendar.localDate(now).slice(0, 4);
      const seq = await nextSequence(tx, c.tenant_id, `supervision-${year}`);
      const event: OrderEvent = { at, kind: 'issued', level, by: actor.displayName };
      await repo.insertOrder(tx, {
        id: newId(),
        tenant_id: c.tenant_id,
        order_no: `DB${year}-${String(seq).padStart(5, '0')}`,
        case_id: c.id,
        case_no: c.case_no,
        street_id: c.street_id,
        community_id: c.community_id,
        level,
        status: 'open',
        issuer_id: actor.userId,
        issuer_name: actor.displayName,
        target_unit_id: targetId,
        reason: input.note?.trim() || '—',
        issued_at: at,
        first_due_at: due,
        due_at: due,
        overdue: 0,
        escalation_count: 0,
        escalated_at: null,
        reply_text: null,
        reply_photo_ids: null,
        replied_by: null,
        replied_by_name: null,
        replied_at: null,
        history: JSON.stringify([event]),
        created_at: at,
        updated_at: at,
      });
    },

    /** Issues a 督办单 on a case the caller may 督办: the case's 督办 step with the order's details. */
    async issue(actor: Actor, input: SupervisionIssue): Promise<SupervisionOrder> {
      requirePermission(actor, 'case.escalate');
      const c = await deps.cases.get(actor, input.caseId);
      await deps.cases.transition(actor, c.id, {
        action: 'escalate',
        version: c.version,
        note: input.reason,
        supervision: { level: input.level, ...(input.targetUnitId ? { targetUnitId: input.targetUnitId } : {}) },
      });
      const row = await repo.newestOfCase(db, actor.tenantId, c.id);
      if (!row) throw notFound('supervision');
      return view(actor, row);
    },

    async get(actor: Actor, id: string): Promise<SupervisionOrder> {
      return view(actor, await load(actor, id));
    },

    /** The row itself for the printed order, under the same visibility. */
    load,

    async list(actor: Actor, query: SupervisionQuery): Promise<Page<SupervisionOrder>> {
      requirePermission(actor, 'supervision.read');
      const w = listWindow(
        query,
        { issuedAt: 'issued_at', dueAt: 'due_at', orderNo: 'order_no', level: 'level' } as const,
        'issuedAt',
      );
      const order = query.order ?? (query.sort ? 'asc' : 'desc');
      const { rows, total } = await repo.listOrders(
        db,
        actor.tenantId,
        { ...query, visibility: orderRule(actor).where('o') },
        { ...w, order },
      );
      const names = await orgNames.unitNames(db, [...new Set(rows.map((r) => r.target_unit_id))]);
      return {
        items: rows.map((r) => orderView(r, names.get(r.target_unit_id) ?? null, mayReply(actor, r))),
        total,
        page: w.page,
        pageSize: w.limit,
      };
    },

    /** 督办数 and 按期回复率 of the orders issued in [from, to) (docs/supervision.md, "Figures"). */
    async figures(actor: Actor, q: SupervisionFiguresQuery): Promise<SupervisionFigures> {
      requirePermission(actor, 'supervision.read');
      if (q.to <= q.from) throw supervisionErrors.field('query.to', 'after', 'to must be after from');
      const rows = await repo.figureRows(db, actor.tenantId, {
        from: q.from,
        to: q.to,
        visibility: orderRule(actor).where('o'),
      });
      const byLevel = { general: 0, key: 0, listed: 0 };
      for (const r of rows) byLevel[r.level]++;
      const rate = onTimeRate(
        rows.map((r) => ({ repliedAt: r.replied_at, firstDueAt: r.first_due_at })),
        clock.now().toISOString(),
      );
      return {
        issued: rows.length,
        byLevel,
        replied: rows.filter((r) => r.status === 'replied').length,
        decided: rate.decided,
        onTime: rate.onTime,
        onTimeRate: rate.rate,
        escalated: rows.filter((r) => r.escalation_count > 0).length,
        open: rows.filter((r) => r.status === 'open').length,
      };
    },

    /** The target unit's reply, with photos as evidence (they join the case's after-photos). */
    async reply(actor: Actor, id: string, input: SupervisionReply): Promise<SupervisionOrder> {
      requirePermission(actor, 'supervision.reply');
      const row = await load(actor, id);
      if (row.status !== 'open') throw supervisionErrors.alreadyReplied();
      if (!orderRule(actor, 'supervision.reply').test(row)) throw notFound('supervision');
      const text = input.text.trim();
      if (!text) throw supervisionErrors.field('body.text', 'required', 'write the reply');
      const at = clock.now().toISOString();
      const history: OrderEvent[] = [
        ...historyOf(row),
        { at, kind: 'replied', level: row.level, by: actor.displayName },
      ];
      await db.transaction().execute(async (tx) => {
        await deps.photos.attachPhotos(tx, actor.tenantId, row.case_id, input.photoIds, 'after', actor.userId);
        const ok = await repo.updateOrder(tx, row, {
          status: 'replied',
          reply_text: text,
          reply_photo_ids: JSON.stringify([...new Set(input.photoIds)]),
          replied_by: actor.userId,
          replied_by_name: actor.displayName,
          replied_at: at,
          history: JSON.stringify(history),
          updated_at: at,
        });
        if (!ok) throw supervisionErrors.alreadyReplied();
      });
      return this.get(actor, id);
    },

    /** The sweep (scheduler job): open orders past their deadline are marked overdue and rise one level. */
    sweep: (now: Date) => sweepOrders(database, deps, now),
  };
}
export type SupervisionService = ReturnType<typeof createSupervisionService>;
