import type { Database } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import { activeHandlerCounts } from '../org/index.ts';
import type { CaseDeps } from './case-deps.ts';
import { timelineWriter } from './case-timeline.ts';
import { decide } from './case-transitions.ts';

const BATCH = 500;

/**
 * The SLA sweep, run by the scheduler across instances once per interval (deadlines are columns,
 * not timers: docs/architecture.md, "Several instances"). Yellow past 80 % of a step's limit, red past 100 %
 * (docs/standards.md, "Time limits"); a handling step that goes red marks the case overdue; a suspension (挂账) that
 * reached its cap resumes by itself ("Abnormal flows"); a handling case whose unit has no active handler is marked
 * 单位无人处置 until it moves or someone can handle it ("Abnormal flows").
 * Each change is one small transaction so a crash mid-sweep loses nothing: the next sweep picks up the rest.
 */
export async function sweepSla(database: Database, deps: CaseDeps, now: Date) {
  const { db } = database;
  const appendEvent = timelineWriter(deps.chainKeys);
  const iso = now.toISOString();
  let warned = 0;
  let overdue = 0;
  let resumed = 0;

  const reds = await db
    .selectFrom('cases')
    .select(['id', 'tenant_id', 'status', 'unit_id', 'step_warned'])
    .where('step_deadline', '<', iso)
    .where('status', '!=', 'transferred')
    .where((eb) => eb.or([eb('step_warned', 'is', null), eb('step_warned', '=', 'yellow')]))
    .limit(BATCH)
    .execute();
  for (const c of reds) {
    await db.transaction().execute(async (tx) => {
      const handling = c.status === 'handling';
      const res = await tx
        .updateTable('cases')
        .set({ step_warned: 'red', ...(handling ? { overdue: 1 } : {}) })
        .where('id', '=', c.id)
        .where('status', '=', c.status)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) return;
      await tx
        .insertInto('case_warnings')
        .values({
          id: newId(),
          tenant_id: c.tenant_id,
          case_id: c.id,
          level: 'red',
          status: c.status,
          unit_id: c.unit_id,
          at: iso,
          read_at: null,
        })
        .execute();
      warned += 1;
      if (handling) overdue += 1;
    });
  }

  const yellows = await db
    .selectFrom('cases')
    .select(['id', 'tenant_id', 'status', 'unit_id'])
    .where('step_warn_at', '<', iso)
    .where('status', '!=', 'transferred')
    .where('step_warned', 'is', null)
    .limit(BATCH)
    .execute();
  for (const c of yellows) {
    await db.transaction().execute(async (tx) => {
      const res = await tx
        .updateTable('cases')
        .set({ step_warned: 'yellow' })
        .where('id', '=', c.id)
        .where('step_warned', 'is', null)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) return;
      await tx
        .insertInto('case_warnings')
        .values({
          id: newId(),
          tenant_id: c.tenant_id,
          case_id: c.id,
          level: 'yellow',
          status: c.status,
          unit_id: c.unit_id,
          at: iso,
          read_at: null,
        })
        .execute();
      warned += 1;
    });
  }

  const due = await db
    .selectFrom('cases')
    .selectAll()
    .where('status', '=', 'suspended')
    .where('suspended_until', '<=', iso)
    .limit(BATCH)
    .execute();
  for (const c of due) {
    // Read-only lookups go before the transaction: SQLite has one connection, held by an open transaction.
    const calendar = await deps.calendar.forTenant(c.tenant_id);
    const stepLimits = await deps.stepLimits.forTenant(c.tenant_id);
    await db.transaction().execute(async (tx) => {
      const out = await decide({
        tx,
        c,
        input: { action: 'resume', version: c.version },
        actorId: 'system',
        calendar,
        now,
        stepLimits,
        suggestUnit: async () => null,
      });
      const res = await tx
        .updateTable('cases')
        .set({ ...out.patch, status: out.to, updated_at: iso, version: c.version + 1 })
        .where('id', '=', c.id)
        .where('version', '=', c.version)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) return;
      await appendEvent(tx, {
        tenantId: c.tenant_id,
        caseId: c.id,
        at: iso,
        actorId: null,
        actorName: null,
        actorRole: 'system',
        action: 'resume',
        fromStatus: c.status,
        toStatus: out.to,
        note: null,
        data: { ...out.data, automatic: true },
      });
      await tx
        .insertInto('case_warnings')
        .values({
          id: newId(),
          tenant_id: c.tenant_id,
          case_id: c.id,
          level: 'resumed',
          status: out.to,
          unit_id: c.unit_id,
          at: iso,
          read_at: null,
        })
        .execute();
      resumed += 1;
    });
  }
  const unstaffed = await markUnstaffed(database, iso);
  return { warned, overdue, resumed, unstaffed };
}

/**
 * Marks handling cases whose unit has nobody to handle them and clears the mark once it no longer holds. One query
 * for the units holding handling cases, one count per tenant, then a statement per tenant each way; returns the
 * number newly marked.
 */
async function markUnstaffed(database: Database, iso: string): Promise<number> {
  const { db } = database;
  const held = await db
    .selectFrom('cases')
    .select(['tenant_id', 'unit_id'])
    .distinct()
    .where('status', '=', 'handling')
    .where('unit_id', 'is not', null)
    .execute();
  const byTenant = new Map<string, string[]>();
  for (const r of held) if (r.unit_id) byTenant.set(r.tenant_id, [...(byTenant.get(r.tenant_id) ?? []), r.unit_id]);
  const empty = new Map<string, string[]>();
  for (const [tenantId, unitIds] of byTenant) {
    const counts = await activeHandlerCounts(db, tenantId, unitIds);
    empty.set(
      tenantId,
      unitIds.filter((u) => !counts.get(u)),
    );
  }
  // Clear first: a mark stays only on a handling case still in a unit without handlers.
  const marked = await db
    .selectFrom('cases')
    .select(['id', 'tenant_id', 'unit_id', 'status'])
    // a range on the index rather than IS NOT NULL, which SQLite's planner answers with a full scan
    .where('unstaffed_since', '>', '')
    .execute();
  const stale = marked
    .filter((c) => c.status !== 'handling' || !c.unit_id || !empty.get(c.tenant_id)?.includes(c.unit_id))
    .map((c) => c.id);
  for (let i = 0; i < stale.length; i += BATCH)
    await db
      .updateTable('cases')
      .set({ unstaffed_since: null })
      .where('id', 'in', stale.slice(i, i + BATCH))
      .execute();
  let count = 0;
  for (const [tenantId, unitIds] of empty) {
    if (!unitIds.length) continue;
    const res = await db
      .updateTable('cases')
      .set({ unstaffed_since: iso })
      .where('tenant_id', '=', tenantId)
      .where('unit_id', 'in', unitIds)
      .where('status', '=', 'handling')
      .where('unstaffed_since', 'is', null)
      .executeTakeFirst();
    count += Number(res.numUpdatedRows);
  }
  return count;
}
