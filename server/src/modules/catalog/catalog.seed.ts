import type { CatalogEntry } from '../../../../common/domain/catalog.ts';
import type { CatalogEntriesTable, FilingConditionsTable } from '../../db/schema.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import { loadNationalCatalog } from './catalog-data.ts';
import { FILING_DEFAULTS, type FilingUnitKind } from './filing-defaults.ts';
import * as repo from './catalog.repository.ts';

/** One catalog row of a tenant, pinyin keys included (computed once here, searched in memory later). */
export function entryRow(tenantId: string, e: CatalogEntry, now: string): CatalogEntriesTable {
  return {
    id: newId(),
    tenant_id: tenantId,
    kind: e.kind,
    code: e.code,
    old_code: e.oldCode,
    name: e.name,
    major_code: e.majorCode,
    major_name: e.majorName,
    pinyin: e.pinyin,
    initials: e.pinyinInitials,
    local: e.source === 'local' ? 1 : 0,
    active: 1,
    created_at: now,
    updated_at: now,
  };
}

/**
 * Gives a tenant the national GB/T 47678.5 catalog (153 部件, 250 事项). Entries it already has are kept as they are
 * (an administrator may have deactivated some), so calling it twice is harmless. Seeds are not audited: no person
 * made the change. Returns how many entries were added.
 */
export async function seedNationalCatalog(db: Executor, tenantId: string, clock: Clock): Promise<number> {
  const now = clock.now().toISOString();
  const have = new Set((await repo.allEntries(db, tenantId)).map((r) => `${r.kind}:${r.code}`));
  const rows = loadNationalCatalog()
    .filter((e) => !have.has(`${e.kind}:${e.code}`))
    .map((e) => entryRow(tenantId, e, now));
  await repo.insertEntries(db, rows);
  return rows.length;
}

/**
 * The catalog plus the default 立结案标准 (FILING_DEFAULTS) for a city whose units exist. Each default's unit kind
 * maps to the unit the caller names for it (sanitation → 环卫所 …); a kind with no unit, and 'street' always, stays
 * null so that routing picks the street office by the case's location (属地). Conditions are seeded only into a
 * tenant that has none, so an administrator's edits are never overwritten.
 */
export async function seedCatalog(
  db: Executor,
  tenantId: string,
  clock: Clock,
  unitIdsByKind: ReadonlyMap<string, string>,
): Promise<{ entries: number; conditions: number }> {
  const entries = await seedNationalCatalog(db, tenantId, clock);
  if ((await repo.countConditions(db, tenantId)) > 0) return { entries, conditions: 0 };
  const unitOf = (kind: FilingUnitKind): string | null =>
    kind === 'street' ? null : (unitIdsByKind.get(kind) ?? null);
  const now = clock.now().toISOString();
  const seqs = new Map<string, number>();
  const rows: FilingConditionsTable[] = FILING_DEFAULTS.map((d) => {
    const seq = (seqs.get(d.matterCode) ?? 0) + 1;
    seqs.set(d.matterCode, seq);
    return {
      id: newId(),
      tenant_id: tenantId,
      matter_code: d.matterCode,
      seq,
      condition: d.condition,
      limit_value: d.handlingLimit.value,
      limit_unit: d.handlingLimit.unit,
      closing_condition: d.closingCondition,
      unit_id: unitOf(d.defaultUnitKind),
      active: 1,
      created_at: now,
      updated_at: now,
    };
  });
  await repo.insertConditions(db, rows);
  return { entries, conditions: rows.length };
}

/** Active matters, each with its active 立结案标准 (limit and unit), for seeds that file cases (the demo history). */
export async function seededMatters(db: Executor, tenantId: string) {
  const { matters, conditions } = await repo.activeMattersWithConditions(db, tenantId);
  return matters.map((m) => ({
    code: m.code,
    name: m.name,
    conditions: conditions
      .filter((c) => c.matter_code === m.code)
      .map((c) => ({
        id: c.id,
        condition: c.condition,
        limitValue: c.limit_value,
        limitUnit: c.limit_unit,
        unitId: c.unit_id,
      })),
  }));
}
