import type { RoutingRulesTable } from '../../db/schema.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';

export type RuleSeed = Pick<RoutingRulesTable, 'matter_code' | 'major_code' | 'region_id' | 'unit_id' | 'note'>;

/** True when the tenant has routing rules of its own (an administrator's table is never overwritten by a seed). */
export async function hasRoutingRules(db: Executor, tenantId: string): Promise<boolean> {
  return !!(await db
    .selectFrom('routing_rules')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .limit(1)
    .executeTakeFirst());
}

/** Writes rules (priority 0, active) for a seed; not audited: no person made the change. Returns the count. */
export async function seedRoutingRules(
  db: Executor,
  tenantId: string,
  clock: Clock,
  rules: readonly RuleSeed[],
): Promise<number> {
  const now = clock.now().toISOString();
  const rows: RoutingRulesTable[] = rules.map((r) => ({
    id: newId(),
    tenant_id: tenantId,
    matter_code: r.matter_code,
    major_code: r.major_code,
    region_id: r.region_id,
    unit_id: r.unit_id,
    priority: 0,
    active: 1,
    note: r.note,
    created_at: now,
    updated_at: now,
  }));
  if (rows.length) await db.insertInto('routing_rules').values(rows).execute();
  return rows.length;
}
