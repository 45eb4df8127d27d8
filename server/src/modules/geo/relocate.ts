import type { AreaGeometry } from '../../../../common/domain/geo.ts';
import type { Executor } from '../../platform/db.ts';
import { createLocator } from './locator.ts';
import * as repo from './geo.repository.ts';

/**
 * After the grids of some communities were re-drawn (generated or imported), components there get the grid
 * their position now falls in (null where no grid covers it), in the same transaction. Runs on the executor
 * given: on SQLite a query outside the open transaction would wait for it forever.
 * Returns how many components changed grid.
 */
export async function relocateComponents(tx: Executor, tenantId: string, communityIds: readonly string[]): Promise<number> {
  const components = await repo.componentsInCommunities(tx, tenantId, communityIds);
  if (components.length === 0) return 0;
  const grids = await repo.gridShapes(tx, tenantId, communityIds);
  const locator = createLocator(grids.map((g) => ({
    code: g.code, communityCode: g.code.slice(0, 12), streetCode: g.code.slice(0, 9), polygon: JSON.parse(g.geometry) as AreaGeometry,
  })));
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
