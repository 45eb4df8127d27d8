import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoutingService } from '../modules/routing/index.ts';
import { must, regionIdsByName, tenantIdOf, unitIds } from '../testing/routing.fixtures.ts';
import { createTestApp, type TestContext } from '../testing/test-app.ts';
import { seedDemoRouting } from './demo-routing.ts';

/** The demo city's 处置责任分解表 (demo-routing.ts) routes the way its header says. */
let ctx: TestContext;
let routing: RoutingService;
let tenantId: string;
let units: Map<string, string>;
let regions: Map<string, string>;
let seeded: number;
beforeAll(async () => {
  ctx = await createTestApp();
  routing = ctx.app.services.routing;
  const db = ctx.database.db;
  tenantId = await tenantIdOf(db, '420281');
  // The demo seed already wrote the table; clear it to count what one run of the seed writes.
  await db.deleteFrom('routing_rules').where('tenant_id', '=', tenantId).execute();
  seeded = await db.transaction().execute((tx) => seedDemoRouting(tx, tenantId, ctx.clock));
  units = await unitIds(db, tenantId);
  regions = await regionIdsByName(db, tenantId);
});
afterAll(async () => ctx.close());

/** The unit code the demo table routes a matter to in a street (with its community, if given). */
async function routeOf(matterCode: string, streetName: string | null, communityName?: string) {
  const condition = await ctx.database.db
    .selectFrom('filing_conditions')
    .select('unit_id')
    .where('tenant_id', '=', tenantId)
    .where('matter_code', '=', matterCode)
    .where('active', '=', 1)
    .orderBy('seq')
    .limit(1)
    .executeTakeFirst();
  const s = await routing.suggestUnit(tenantId, {
    matterCode,
    streetId: streetName ? must(regions, streetName) : null,
    communityId: communityName ? must(regions, communityName) : null,
    filingConditionUnitId: condition?.unit_id ?? null,
  });
  const code = [...units].find(([, id]) => id === s?.unitId)?.[0];
  return [code, s?.reason];
}

describe('demo routing seed', () => {
  it('writes one fallback and the street, matter and squad rules, once', async () => {
    // 1 fallback + 4 enforcement matters + 4 street offices × (09 class + 06036) + 2 渣土 + 2 squads
    expect(seeded).toBe(1 + 4 + 4 * 2 + 2 + 2);
    const fallbacks = await ctx.database.db
      .selectFrom('routing_rules')
      .select('unit_id')
      .where('tenant_id', '=', tenantId)
      .where('matter_code', 'is', null)
      .where('major_code', 'is', null)
      .where('region_id', 'is', null)
      .execute();
    expect(fallbacks.map((f) => f.unit_id)).toEqual([must(units, 'ENFORCE')]);
    expect(await ctx.database.db.transaction().execute((tx) => seedDemoRouting(tx, tenantId, ctx.clock))).toBe(0);
  });

  it("routes street-type matters to the street office of the case's street (属地)", async () => {
    expect(await routeOf('09005', '东风路街道')).toEqual(['ST-DONGFENG', 'major_street']);
    expect(await routeOf('09010', '罗家桥街道', '罗桥社区')).toEqual(['ST-LUOJIAQIAO', 'major_street']);
    expect(await routeOf('09021', '东岳路街道')).toEqual(['ST-DONGYUE', 'major_street']);
    expect(await routeOf('06036', '金湖街道')).toEqual(['ST-JINHU', 'matter_street']);
  });

  it('keeps enforcement matters with enforcement, and the squads in their streets', async () => {
    expect(await routeOf('09006', '金湖街道', '码头社区')).toEqual(['SQUAD3', 'matter_street']);
    expect(await routeOf('09006', '东岳路街道')).toEqual(['SQUAD1', 'matter_street']);
    expect(await routeOf('09006', '东风路街道')).toEqual(['ENFORCE', 'matter']);
    expect(await routeOf('09001', '金湖街道')).toEqual(['ENFORCE', 'matter']);
    expect(await routeOf('08011', '金湖街道')).toEqual(['MUCK', 'matter']);
  });

  it('leaves professional matters to their filing condition and the rest to the fallback', async () => {
    expect(await routeOf('06010', '金湖街道')).toEqual(['SANITATION', 'filing_condition']);
    expect(await routeOf('01037', '东风路街道')).toEqual(['MUNICIPAL', 'filing_condition']);
    // A town has no street office in the demo: street-type matters fall back to the 执法大队.
    expect(await routeOf('09005', '金牛镇')).toEqual(['ENFORCE', 'fallback']);
    expect(await routeOf('06036', null)).toEqual(['ENFORCE', 'fallback']);
  });
});
