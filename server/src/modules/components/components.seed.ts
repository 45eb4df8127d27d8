import type { ComponentsTable } from '../../db/schema.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import * as repo from './component.repository.ts';

/** A component as a seed has it: placed already (grid, street and community ids), every row synthetic. */
export type ComponentSeed = Omit<ComponentsTable, 'id' | 'tenant_id' | 'synthetic' | 'created_at' | 'updated_at'>;

/** Writes a census for the demo seed (server/src/seed/); not audited: no person made the change. Returns the count. */
export async function seedComponents(
  db: Executor,
  tenantId: string,
  clock: Clock,
  rows: readonly ComponentSeed[],
): Promise<number> {
  const now = clock.now().toISOString();
  await repo.insertComponents(
    db,
    rows.map((r) => ({ ...r, id: newId(), tenant_id: tenantId, synthetic: 1, created_at: now, updated_at: now })),
  );
  return rows.length;
}
