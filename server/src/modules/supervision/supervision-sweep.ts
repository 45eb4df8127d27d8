import { nextLevel } from '../../../../common/domain/supervision.ts';
import type { Database } from '../../platform/db.ts';
import { dueFrom, type SupervisionDeps } from './supervision-deps.ts';
import { historyOf, type OrderEvent } from './supervision-view.ts';
import * as repo from './supervision.repository.ts';

const BATCH = 200;

/**
 * Escalation of unanswered orders (docs/supervision.md, "Escalation"): an open order past its deadline is marked
 * overdue for good (it no longer counts as replied on time), rises one level (一般 → 重点 → 挂牌; 挂牌 stays) and gets
 * the new level's reply limit from now. The issuer's leaders hear of it through a live event, and the list shows
 * it under 已超期. Each write is guarded by the deadline as read, so instances sweeping at once escalate once.
 */
export async function sweepOrders(
  database: Database,
  deps: Pick<SupervisionDeps, 'calendar' | 'live'>,
  now: Date,
): Promise<{ escalated: number }> {
  const { db } = database;
  const at = now.toISOString();
  let escalated = 0;
  for (;;) {
    const batch = await repo.overdueOpen(db, at, BATCH);
    let done = 0;
    for (const row of batch) {
      const calendar = await deps.calendar.forTenant(row.tenant_id);
      const level = nextLevel(row.level);
      const event: OrderEvent = { at, kind: 'escalated', level, by: null };
      const ok = await repo.updateOrder(db, row, {
        level,
        overdue: 1,
        due_at: dueFrom(calendar, now, level).toISOString(),
        escalation_count: row.escalation_count + 1,
        escalated_at: at,
        history: JSON.stringify([...historyOf(row), event]),
        updated_at: at,
      });
      if (!ok) continue;
      done++;
      deps.live.publish({
        type: 'supervision',
        tenantId: row.tenant_id,
        data: {
          id: row.id,
          orderNo: row.order_no,
          caseId: row.case_id,
          level,
          action: 'escalated',
          // the live stream shows an event to those who may see the case: its unit and regions
          unitId: row.target_unit_id,
          streetId: row.street_id,
          communityId: row.community_id,
        },
      });
    }
    escalated += done;
    if (batch.length < BATCH || done === 0) return { escalated };
  }
}
