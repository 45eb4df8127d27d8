/**
 * Test helpers for the routing tests: ids of the demo city's units and regions, and cases inserted straight
 * into the table (the case service is written in parallel; these fill exactly its NOT NULL columns).
 */
import type { CasesTable, RoutingRulesTable } from '../db/schema.ts';
import type { Executor } from '../platform/db.ts';
import { newId } from '../platform/ids.ts';

/** Metres → degrees near the demo city (30°N): enough for test geometry, checked against haversine in the tests. */
export const M_PER_DEG_LAT = 111_195;
export const mToLat = (m: number) => m / M_PER_DEG_LAT;
export const mToLng = (m: number, lat: number) => m / (M_PER_DEG_LAT * Math.cos((lat * Math.PI) / 180));

export async function tenantIdOf(db: Executor, code: string): Promise<string> {
  return (await db.selectFrom('tenants').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}

export async function unitIds(db: Executor, tenantId: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('units').select(['id', 'code']).where('tenant_id', '=', tenantId).execute();
  return new Map(rows.map((u) => [u.code, u.id]));
}

export async function regionIdsByName(db: Executor, tenantId: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('regions').select(['id', 'name']).where('tenant_id', '=', tenantId).execute();
  return new Map(rows.map((r) => [r.name, r.id]));
}

export const must = <T>(map: ReadonlyMap<string, T>, key: string): T => {
  const v = map.get(key);
  if (v === undefined) throw new Error(`fixture: no ${key}`);
  return v;
};

export async function insertRule(
  db: Executor,
  tenantId: string,
  r: Partial<RoutingRulesTable> & { unit_id: string },
  at = '2024-03-01T00:00:00.000Z',
): Promise<string> {
  const id = newId();
  await db
    .insertInto('routing_rules')
    .values({
      id,
      tenant_id: tenantId,
      matter_code: null,
      major_code: null,
      region_id: null,
      priority: 0,
      active: 1,
      note: null,
      created_at: at,
      updated_at: at,
      ...r,
    })
    .execute();
  return id;
}

let serial = 0;
export async function insertCase(
  db: Executor,
  tenantId: string,
  c: { matterCode: string; lng: number; lat: number; reportedAt: Date } & Partial<
    Pick<CasesTable, 'status' | 'parent_id' | 'void_reason'>
  >,
): Promise<{ id: string; caseNo: string }> {
  const id = newId();
  const caseNo = `420281-20240312-${String(++serial).padStart(5, '0')}`;
  const at = c.reportedAt.toISOString();
  // Only the NOT NULL columns (and the few this module reads): nullable ones default to null, so the fixture
  // keeps working while the case module adds nullable columns of its own.
  await db
    .insertInto('cases')
    .values({
      id,
      tenant_id: tenantId,
      case_no: caseNo,
      status: c.status ?? 'reported',
      channel: 'inspector',
      matter_code: c.matterCode,
      description: '测试案件',
      lng: c.lng,
      lat: c.lat,
      parent_id: c.parent_id ?? null,
      void_reason: c.void_reason ?? null,
      overdue: 0,
      extension_count: 0,
      suspension_count: 0,
      rework_count: 0,
      return_count: 0,
      escalation_count: 0,
      self_handled: 0,
      reported_at: at,
      search_text: `${caseNo} 测试案件`,
      version: 1,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return { id, caseNo };
}
