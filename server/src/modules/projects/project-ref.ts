import type { Executor } from '../../platform/db.ts';
import * as repo from './projects.repository.ts';

/**
 * For a module that links its records to a project (e.g. a 养护工单): the project's id and name, or null when the
 * city has no such project. Takes the caller's executor, so it can run inside the caller's transaction.
 */
export async function projectRef(
  db: Executor,
  tenantId: string,
  id: string,
): Promise<{ id: string; name: string } | null> {
  const p = await repo.findProject(db, tenantId, id);
  return p ? { id: p.id, name: p.name } : null;
}
