import { compiledStatement } from '../../platform/compiled-statements.ts';
import type { Executor } from '../../platform/db.ts';

/**
 * Reads of the matter catalog for other modules (names for lists and reports, existence checks for routing rules,
 * the active matter for intake); the catalog owns the table (docs/architecture.md, "Table ownership").
 */

/** Matter code → name for the given codes (no query for none). */
export async function matterNames(
  db: Executor,
  tenantId: string,
  codes: readonly string[],
): Promise<Map<string, string>> {
  if (!codes.length) return new Map<string, string>();
  const rows = await db
    .selectFrom('catalog_entries')
    .select(['code', 'name'])
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', 'matter')
    .where('code', 'in', [...new Set(codes)])
    .execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** Every matter code → its major class code (inactive matters included: old cases keep their matter). */
export async function matterMajors(db: Executor, tenantId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('catalog_entries')
    .select(['code', 'major_code'])
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', 'matter')
    .execute();
  return new Map(rows.map((r) => [r.code, r.major_code]));
}

/** Major class code → name (a major class has no row of its own: its name is on every matter of the class). */
export async function majorNames(db: Executor, tenantId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('catalog_entries')
    .select(['major_code', 'major_name'])
    .distinct()
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', 'matter')
    .execute();
  return new Map(rows.map((r) => [r.major_code, r.major_name]));
}

/**
 * The active matters every intake looks up, kept for a few seconds per (database, tenant, code)
 * (docs/decisions/0010-intake-cost.md). Every write of catalog entries forgets them all, and for a short window
 * after it nothing is stored: the write's transaction may not have committed yet, and a read racing it would keep
 * the old answer. Another app process sees a change once its entry is older than MATTER_ENTRY_MS.
 */
export const MATTER_ENTRY_MS = 3000;
/** Longer than any transaction that writes catalog entries. */
const MATTER_QUIET_MS = 2000;
const MATTER_MAX_ENTRIES = 10_000;
type MatterAnswer = Promise<{ code: string; name: string } | undefined>;
const matterEntries = new WeakMap<Executor, Map<string, { value: MatterAnswer; until: number; generation: number }>>();
let matterGeneration = 0;
let matterQuietUntil = 0;

/** Called by every write of catalog entries (catalog.repository.ts), before it runs. */
export function forgetMatters(): void {
  matterGeneration += 1;
  matterQuietUntil = Date.now() + MATTER_QUIET_MS;
}

/** The matter with this code if it is active. Inside a transaction it is read, so the transaction sees its own writes. */
export function activeMatter(db: Executor, tenantId: string, code: string): MatterAnswer {
  if (db.isTransaction) return activeMatterRow.first(db, { tenantId, code });
  let entries = matterEntries.get(db);
  if (!entries)
    matterEntries.set(db, (entries = new Map<string, { value: MatterAnswer; until: number; generation: number }>()));
  const id = `${tenantId}\u0000${code}`;
  const now = Date.now();
  const hit = entries.get(id);
  if (hit && hit.until > now && hit.generation === matterGeneration) return hit.value;
  const value = activeMatterRow.first(db, { tenantId, code });
  if (now >= matterQuietUntil) {
    if (entries.size >= MATTER_MAX_ENTRIES) entries.clear();
    const kept = entries;
    kept.set(id, { value, until: now + MATTER_ENTRY_MS, generation: matterGeneration });
    value.catch(() => {
      if (kept.get(id)?.value === value) kept.delete(id);
    });
  }
  return value;
}
// Compiled once: every intake reads it (platform/compiled-statements.ts).
const activeMatterRow = compiledStatement((db, p: { tenantId: string; code: string }) =>
  db
    .selectFrom('catalog_entries')
    .select(['code', 'name'])
    .where('tenant_id', '=', p.tenantId)
    .where('kind', '=', 'matter')
    .where('code', '=', p.code)
    .where('active', '=', 1),
);

export async function matterExists(db: Executor, tenantId: string, code: string): Promise<boolean> {
  return !!(await db
    .selectFrom('catalog_entries')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', 'matter')
    .where('code', '=', code)
    .executeTakeFirst());
}

export async function majorExists(db: Executor, tenantId: string, majorCode: string): Promise<boolean> {
  return !!(await db
    .selectFrom('catalog_entries')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', 'matter')
    .where('major_code', '=', majorCode)
    .limit(1)
    .executeTakeFirst());
}

/** Component class code (5 digits) → name, for the given codes (no query for none). */
export async function componentClassNames(
  db: Executor,
  tenantId: string,
  codes: readonly string[],
): Promise<Map<string, string>> {
  if (!codes.length) return new Map<string, string>();
  const rows = await db
    .selectFrom('catalog_entries')
    .select(['code', 'name'])
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', 'component')
    .where('code', 'in', [...new Set(codes)])
    .execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}
