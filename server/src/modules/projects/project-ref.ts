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

/** The names of these projects by id, in one query (a page of linked records, without a read per row). */
export async function projectNames(
  db: Executor,
  tenantId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await repo.projectNamesByIds(db, tenantId, unique);
  return new Map(rows.map((r) => [r.id, r.name]));
}
