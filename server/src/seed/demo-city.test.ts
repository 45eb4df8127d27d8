import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../../common/domain/roles.ts';
import { createTestApp, login, type TestContext } from '../testing/test-app.ts';
import { seedDemoCity } from './demo-city.ts';
import { DAYE_USERS } from './daye-org.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => ctx.close());

describe('demo city', () => {
  it("seeds 大冶市 with its four streets, the seed report's units and one account per role", async () => {
    const db = ctx.database.db;
    const tenant = await db.selectFrom('tenants').selectAll().executeTakeFirstOrThrow();
    expect(tenant).toMatchObject({ code: '420281', name: '大冶市' });
    const streets = await db
      .selectFrom('regions')
      .select('name')
      .where('kind', '=', 'street')
      .orderBy('full_code')
      .execute();
    expect(streets.map((s) => s.name)).toEqual(['东岳路街道', '东风路街道', '金湖街道', '罗家桥街道']);
    const units = (await db.selectFrom('units').select('name').execute()).map((u) => u.name);
    expect(units).toEqual(
      expect.arrayContaining(['燃气管理处', '大冶华润燃气公司', '环卫所', '园林所', '市政所', '排水所']),
    );
    const roles = new Set(DAYE_USERS.map((u) => u.role));
    // the prefecture's viewer belongs to the prefecture tenant 黄石市, not to the county (demo-prefecture.ts)
    expect([...roles].sort()).toEqual(ROLES.filter((r) => r !== 'prefectureViewer').sort());
  });

  it('every demo account can sign in', async () => {
    for (const u of DAYE_USERS) await login(ctx.app, u.username, u.username === 'admin' ? 'Admin@12345' : 'Demo@12345');
  });

  it('is idempotent', async () => {
    expect(await seedDemoCity(ctx.database.db, ctx.clock)).toBe(false);
    const n = await ctx.database.db
      .selectFrom('tenants')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(1);
  });
});
