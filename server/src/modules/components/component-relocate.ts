import type { Executor } from '../../platform/db.ts';
import { gridLocatorOf } from '../geo/index.ts';
import * as repo from './component.repository.ts';

/**
 * After the grids of some communities were re-drawn, components there get the grid their position now falls in
 * (null where no grid covers it), in the same transaction. The geo module calls this through the composition root.
 * Returns how many components changed grid.
 */
export async function relocateComponents(
  tx: Executor,
  tenantId: string,
  communityIds: readonly string[],
): Promise<number> {
  const components = await repo.componentsInCommunities(tx, tenantId, communityIds);
  if (components.length === 0) return 0;
  const locator = await gridLocatorOf(tx, tenantId, communityIds);
  const moves = new Map<string | null, string[]>();
  let moved = 0;
  for (const c of components) {
    const gridCode = locator.locate(c.lng, c.lat)?.gridCode ?? null;
    if (gridCode === c.grid_code) continue;
    const ids = moves.get(gridCode);
    if (ids) ids.push(c.id);
    else moves.set(gridCode, [c.id]);
    moved++;
  }
  await repo.setComponentGrids(tx, tenantId, moves);
  return moved;
}
