import type { AreaGeometry } from '../../../../common/domain/geo.ts';
import type { Executor } from '../../platform/db.ts';
import { createLocator } from './locator.ts';
import * as repo from './geo.repository.ts';

/**
 * Called in the transaction that re-drew the grids of some communities (generated or imported), so rows placed in
 * those grids follow; returns how many rows changed grid. Components own their rows and depend on this module, so
 * the composition root passes their relocation in (docs/architecture.md, "Table ownership").
 */
export type GridsRedrawn = (tx: Executor, tenantId: string, communityIds: readonly string[]) => Promise<number>;

/**
 * The grids of the given communities as a point locator, read on the executor given: on SQLite a query outside
 * the open transaction would wait for it forever.
 */
export async function gridLocatorOf(tx: Executor, tenantId: string, communityIds: readonly string[]) {
  const grids = await repo.gridShapes(tx, tenantId, communityIds);
  return createLocator(
    grids.map((g) => ({
      code: g.code,
      communityCode: g.code.slice(0, 12),
      streetCode: g.code.slice(0, 9),
      polygon: JSON.parse(g.geometry) as AreaGeometry,
    })),
  );
}
