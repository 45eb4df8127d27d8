import type { Executor } from '../../platform/db.ts';

/** Reads of the component census for other modules (docs/architecture.md, "Table ownership"). */

/** Where the component with this code stands (lng, lat) and its name, or undefined. */
export const componentAt = (db: Executor, tenantId: string, code: string) =>
  db
    .selectFrom('components')
    .select(['lng', 'lat', 'name'])
    .where('tenant_id', '=', tenantId)
    .where('code', '=', code)
    .executeTakeFirst();
