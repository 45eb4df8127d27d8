import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestApp, type TestContext } from '../../testing/test-app.ts';
import { haversineM } from '../geo/index.ts';
import { DUPLICATE_RADIUS_KEY, DUPLICATE_WINDOW_KEY, type RoutingService } from './index.ts';
import {
  insertCase,
  insertRule,
  mToLat,
  mToLng,
  must,
  regionIdsByName,
  tenantIdOf,
  unitIds,
} from '../../testing/routing.fixtures.ts';
import { createTenant } from '../../testing/app-parts.ts';

/** Service level, on a real migrated database (SQLite by default, PostgreSQL with TEST_DB=postgres). */
let ctx: TestContext;
let routing: RoutingService;
let tenantId: string;
let units: Map<string, string>;
let street: string;
let community: string;
beforeAll(async () => {
  ctx = await createTestApp();
  routing = ctx.app.services.routing;
  const db = ctx.database.db;
  tenantId = await tenantIdOf(db, '420281');
  units = await unitIds(db, tenantId);
  const regions = await regionIdsByName(db, tenantId);
  street = must(regions, '金湖街道');
  community = must(regions, '码头社区');
});
afterAll(async () => ctx.close());

const u = (code: string) => must(units, code);
const clearRules = () => ctx.database.db.deleteFrom('routing_rules').execute();

describe('suggestUnit precedence', () => {
  it('each level wins over the next: matter+community > matter+street > matter > class+region > class > filing condition > fallback', async () => {
    await clearRules();
    const db = ctx.database.db;
    // Less specific levels get higher priorities, so only the level decides.
    const levels: [string, string, Parameters<typeof insertRule>[2]][] = [
      ['matter_community', 'SQUAD1', { unit_id: u('SQUAD1'), matter_code: '09006', region_id: community, priority: 0 }],
      ['matter_street', 'SQUAD2', { unit_id: u('SQUAD2'), matter_code: '09006', region_id: street, priority: 10 }],
      ['matter', 'SQUAD3', { unit_id: u('SQUAD3'), matter_code: '09006', priority: 20 }],
      ['major_community', 'SQUAD4', { unit_id: u('SQUAD4'), major_code: '09', region_id: community, priority: 30 }],
      ['major_street', 'ST-JINHU', { unit_id: u('ST-JINHU'), major_code: '09', region_id: street, priority: 40 }],
      ['major', 'MUCK', { unit_id: u('MUCK'), major_code: '09', priority: 50 }],
    ];
    const ids: string[] = [];
    for (const [, , row] of levels) ids.push(await insertRule(db, tenantId, row));
    await insertRule(db, tenantId, { unit_id: u('ENFORCE'), priority: 100 });
    const input = { matterCode: '09006', streetId: street, communityId: community, filingConditionUnitId: u('PARKS') };
    for (const [i, [reason, code]] of levels.entries()) {
      expect(await routing.suggestUnit(tenantId, input)).toEqual({ unitId: u(code), ruleId: ids[i], reason });
      await db
        .deleteFrom('routing_rules')
        .where('id', '=', ids[i] as string)
        .execute();
    }
    expect(await routing.suggestUnit(tenantId, input)).toMatchObject({
      unitId: u('PARKS'),
      ruleId: null,
      reason: 'filing_condition',
    });
    expect(await routing.suggestUnit(tenantId, { ...input, filingConditionUnitId: null })).toMatchObject({
      unitId: u('ENFORCE'),
      reason: 'fallback',
    });
  });

  it('uses the fallback when nothing matches, and answers null without one', async () => {
    await clearRules();
    const db = ctx.database.db;
    await insertRule(db, tenantId, { unit_id: u('SANITATION'), matter_code: '06010' });
    await insertRule(db, tenantId, {
      unit_id: u('ST-DONGFENG'),
      major_code: '09',
      region_id: must(await regionIdsByName(db, tenantId), '东风路街道'),
    });
    const fallback = await insertRule(db, tenantId, { unit_id: u('ENFORCE') });
    const input = { matterCode: '09006', streetId: street, communityId: null };
    expect(await routing.suggestUnit(tenantId, input)).toEqual({
      unitId: u('ENFORCE'),
      ruleId: fallback,
      reason: 'fallback',
    });
    // Outside every street (no street/community): matter and class rules without a region still apply.
    expect(
      await routing.suggestUnit(tenantId, { matterCode: '06010', streetId: null, communityId: null }),
    ).toMatchObject({ unitId: u('SANITATION'), reason: 'matter' });
    await db.deleteFrom('routing_rules').where('id', '=', fallback).execute();
    expect(await routing.suggestUnit(tenantId, input)).toBeNull();
  });

  it('ignores inactive rules and rules of deactivated units; a deactivated filing-condition unit falls through', async () => {
    await clearRules();
    const db = ctx.database.db;
    await insertRule(db, tenantId, { unit_id: u('SQUAD1'), matter_code: '09006', active: 0 });
    await insertRule(db, tenantId, { unit_id: u('SQUAD2'), matter_code: '09006', region_id: street });
    await insertRule(db, tenantId, { unit_id: u('ENFORCE') });
    await db
      .updateTable('units')
      .set({ active: 0 })
      .where('id', 'in', [u('SQUAD2'), u('GAS')])
      .execute();
    try {
      const input = { matterCode: '09006', streetId: street, communityId: community };
      expect(await routing.suggestUnit(tenantId, input)).toMatchObject({ unitId: u('ENFORCE'), reason: 'fallback' });
      expect(await routing.suggestUnit(tenantId, { ...input, filingConditionUnitId: u('GAS') })).toMatchObject({
        reason: 'fallback',
      });
    } finally {
      await db
        .updateTable('units')
        .set({ active: 1 })
        .where('id', 'in', [u('SQUAD2'), u('GAS')])
        .execute();
    }
  });

  it('a region-only rule takes what no matter rule or filing condition claims in its street', async () => {
    await clearRules();
    const db = ctx.database.db;
    await insertRule(db, tenantId, { unit_id: u('ST-JINHU'), region_id: street });
    await insertRule(db, tenantId, { unit_id: u('ENFORCE') });
    const input = { matterCode: '09021', streetId: street, communityId: community };
    expect(await routing.suggestUnit(tenantId, input)).toMatchObject({
      unitId: u('ST-JINHU'),
      reason: 'region_street',
    });
    expect(await routing.suggestUnit(tenantId, { ...input, filingConditionUnitId: u('SANITATION') })).toMatchObject({
      reason: 'filing_condition',
    });
  });

  it("runs inside the caller's transaction when given one", async () => {
    await clearRules();
    const db = ctx.database.db;
    await insertRule(db, tenantId, { unit_id: u('ENFORCE') });
    const found = await db.transaction().execute(async (tx) => {
      const rule = await insertRule(tx, tenantId, { unit_id: u('SQUAD4'), matter_code: '09006' });
      const suggestion = await routing.suggestUnit(
        tenantId,
        { matterCode: '09006', streetId: null, communityId: null },
        tx,
      );
      const dups = await routing.findDuplicates(
        tenantId,
        { matterCode: '09006', lng: 114.9, lat: 30.1, at: new Date() },
        tx,
      );
      return { rule, suggestion, dups };
    });
    expect(found.suggestion).toEqual({ unitId: u('SQUAD4'), ruleId: found.rule, reason: 'matter' });
    expect(found.dups).toEqual([]);
  });
});

describe('findDuplicates', () => {
  const lng = 114.975;
  const lat = 30.095;
  const at = new Date('2024-03-12T02:00:00.000Z');
  const hours = (h: number) => new Date(at.getTime() + h * 3_600_000);
  const east = (m: number) => lng + mToLng(m, lat);
  const ids = new Map<string, string>();

  beforeAll(async () => {
    const db = ctx.database.db;
    const add = async (name: string, c: Parameters<typeof insertCase>[2]) =>
      ids.set(name, (await insertCase(db, tenantId, c)).id);
    await add('self', { matterCode: '09006', lng, lat, reportedAt: at });
    await add('sameMatter20m', { matterCode: '09006', lng: east(20), lat, reportedAt: hours(-5) });
    await add('sameClass40m', { matterCode: '09005', lng, lat: lat + mToLat(40), reportedAt: hours(30) });
    await add('closedSameMatter45m', {
      matterCode: '09006',
      lng: east(-45),
      lat,
      reportedAt: hours(-70),
      status: 'closed',
    });
    await add('otherClass10m', { matterCode: '06010', lng: east(10), lat, reportedAt: at });
    await add('sameMatter80m', { matterCode: '09006', lng: east(80), lat, reportedAt: at });
    await add('sameMatter10mOld', { matterCode: '09006', lng: east(10), lat, reportedAt: hours(-80) });
    await add('sameMatter10mLater', { matterCode: '09006', lng: east(10), lat, reportedAt: hours(75) });
    await add('voided5m', {
      matterCode: '09006',
      lng: east(5),
      lat,
      reportedAt: at,
      status: 'voided',
      void_reason: 'invalid',
    });
    await add('merged5m', {
      matterCode: '09006',
      lng: east(-5),
      lat,
      reportedAt: at,
      status: 'voided',
      void_reason: 'duplicate',
      parent_id: ids.get('sameMatter20m'),
    });
    const { tenantId: other } = await createTenant(db, ctx.clock, { code: '420202', name: '黄石港区' });
    await insertCase(db, other, { matterCode: '09006', lng, lat, reportedAt: at });
  });

  const names = (list: { id: string }[]) => list.map((c) => [...ids].find(([, id]) => id === c.id)?.[0] ?? 'foreign');

  it('finds the same matter or class within 50 m and ±72 h, nearest first, excluding itself, voided, merged and other classes', async () => {
    const found = await routing.findDuplicates(tenantId, {
      caseId: ids.get('self'),
      matterCode: '09006',
      lng,
      lat,
      at,
    });
    expect(names(found)).toEqual(['sameMatter20m', 'sameClass40m', 'closedSameMatter45m']);
    const first = found[0];
    expect(first).toMatchObject({ status: 'reported', matterCode: '09006', reportedAt: hours(-5).toISOString() });
    expect(first?.caseNo).toMatch(/^420281-/);
    expect(first?.distanceM).toBeCloseTo(haversineM(lng, lat, east(20), lat), 0);
    expect(first?.distanceM).toBeGreaterThan(19);
    expect(first?.distanceM).toBeLessThan(21);
    // Without caseId (a report being typed) the case itself shows up at 0 m.
    expect(names(await routing.findDuplicates(tenantId, { matterCode: '09006', lng, lat, at }))[0]).toBe('self');
  });

  it('follows the radius and window settings', async () => {
    const db = ctx.database.db;
    const now = ctx.clock.now().toISOString();
    const put = (key: string, value: number) =>
      db
        .insertInto('tenant_settings')
        .values({ tenant_id: tenantId, key, value_json: JSON.stringify(value), updated_at: now })
        .onConflict((oc) => oc.columns(['tenant_id', 'key']).doUpdateSet({ value_json: JSON.stringify(value) }))
        .execute();
    try {
      await put(DUPLICATE_RADIUS_KEY, 100);
      await put(DUPLICATE_WINDOW_KEY, 96);
      const found = await routing.findDuplicates(tenantId, {
        caseId: ids.get('self'),
        matterCode: '09006',
        lng,
        lat,
        at,
      });
      expect(names(found).sort()).toEqual([
        'closedSameMatter45m',
        'sameClass40m',
        'sameMatter10mLater',
        'sameMatter10mOld',
        'sameMatter20m',
        'sameMatter80m',
      ]);
      await put(DUPLICATE_RADIUS_KEY, 5);
      await put(DUPLICATE_WINDOW_KEY, 1);
      expect(
        await routing.findDuplicates(tenantId, { caseId: ids.get('self'), matterCode: '09006', lng, lat, at }),
      ).toEqual([]);
    } finally {
      await db
        .deleteFrom('tenant_settings')
        .where('tenant_id', '=', tenantId)
        .where('key', 'in', [DUPLICATE_RADIUS_KEY, DUPLICATE_WINDOW_KEY])
        .execute();
    }
  });

  it("another class at the same spot is not a duplicate, and another tenant's cases never are", async () => {
    expect(names(await routing.findDuplicates(tenantId, { matterCode: '06042', lng, lat, at }))).toEqual([
      'otherClass10m',
    ]);
    const other = await tenantIdOf(ctx.database.db, '420202');
    expect(await routing.findDuplicates(other, { matterCode: '07001', lng, lat, at })).toEqual([]);
    expect(names(await routing.findDuplicates(other, { matterCode: '09001', lng, lat, at }))).toEqual(['foreign']);
  });
});
