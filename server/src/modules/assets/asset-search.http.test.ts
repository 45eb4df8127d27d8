import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../platform/ids.ts';
import { containsAny } from '../../platform/search.ts';
import { as, createTestApp, login, type Session, type TestContext } from '../../testing/test-app.ts';
import * as repo from './assets.repository.ts';

/**
 * The register's text search (docs/assets.md, "At scale") on the seeded demo city with 300 more assets of like names
 * and addresses: terms of 3 characters or more go through the trigram index (migration 0092), shorter ones through
 * the substring match, and either way the list answers what the plain substring match over code, name and address
 * answers, in the same order; edits move an asset in and out of the hits.
 */
let ctx: TestContext;
const sessions: Record<string, Session> = {};
const api = (who: string) => as(ctx.app, sessions[who] ?? null);
let tenantId = '';
let target = '';

interface Item {
  id: string;
  code: string;
}
const search = async (q: string, extra = '') => {
  const res = await api('leader').get(`/api/assets/items?q=${encodeURIComponent(q)}&pageSize=100${extra}`);
  expect(res.statusCode, res.body).toBe(200);
  const page = res.json() as { items: Item[]; total: number };
  return { codes: page.items.map((a) => a.code), total: page.total };
};

/** What the substring match over the register itself answers, in the list's order for a sort. */
const substring = async (q: string, sort: 'code' | 'name', order: 'asc' | 'desc') =>
  (
    await ctx.database.db
      .selectFrom('assets as a')
      .select('a.code')
      .where('a.tenant_id', '=', tenantId)
      .where(containsAny(['a.code', 'a.name', 'a.address'], q))
      .orderBy(`a.${sort}`, order)
      .orderBy('a.id', order)
      .execute()
  ).map((r) => r.code);

beforeAll(async () => {
  ctx = await createTestApp();
  sessions.admin = await login(ctx.app, 'admin', 'Admin@12345');
  sessions.leader = await login(ctx.app, 'leader', 'Demo@12345');
  const model = await ctx.database.db
    .selectFrom('assets')
    .selectAll()
    .where('code', '=', 'DY-BZ-01')
    .executeTakeFirstOrThrow();
  tenantId = model.tenant_id;
  await repo.insertAssets(
    ctx.database.db,
    Array.from({ length: 300 }, (_, i) => ({
      ...model,
      id: newId(),
      code: `T-PL-${String(i).padStart(3, '0')}`,
      name: `批量泵站 ${(i * 7) % 300}`,
      address: `东风路${i % 40}号`,
    })),
  );
  const res = await api('admin').post('/api/assets/items', {
    code: 'T-QS-01',
    name: '青石岭排涝泵站',
    typeCode: 'DRN-PUMP',
    geometry: { type: 'Point', coordinates: [114.98, 30.1] },
    address: '金湖街道桂林路88号',
    attributes: { pumps: 2 },
  });
  expect(res.statusCode, res.body).toBe(201);
  target = (res.json() as Item).id;
}, 120_000);
afterAll(async () => ctx.close());

describe('searching the register', () => {
  it('finds one asset among many by a piece of its name or of its address', async () => {
    expect((await search('石岭排')).codes).toEqual(['T-QS-01']);
    expect((await search('桂林路8')).codes).toEqual(['T-QS-01']);
    expect((await search('不存在的名字')).codes).toEqual([]);
  });

  it('answers what the substring match answers, in the same order, for long and short terms', async () => {
    for (const q of ['批量泵站 1', '东风路1', '风路3号', '泵站', '1号', 'zz-0', 'Y-B'])
      for (const [sort, order] of [
        ['code', 'asc'],
        ['name', 'desc'],
      ] as const) {
        const expected = await substring(q, sort, order);
        const got = await search(q, `&sort=${sort}&order=${order}`);
        expect(got.codes, `${q} by ${sort} ${order}`).toEqual(expected.slice(0, 100));
        expect(got.total, q).toBe(expected.length);
      }
    // letters in any case: the seeded transfer stations DY-ZZ-01 and DY-ZZ-02, found inside their codes
    expect((await search('zz-0')).codes).toEqual(['DY-ZZ-01', 'DY-ZZ-02']);
  });

  it('follows edits of the name and the address', async () => {
    const res = await api('admin').patch(`/api/assets/items/${target}`, {
      name: '白沙洲排涝泵站',
      address: '东岳路街道新港路7号',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await search('石岭排')).codes).toEqual([]);
    expect((await search('桂林路8')).codes).toEqual([]);
    expect((await search('白沙洲')).codes).toEqual(['T-QS-01']);
    expect((await search('新港路7')).codes).toEqual(['T-QS-01']);
    // the index itself holds the new text and not the old
    if (ctx.database.dialect === 'sqlite') {
      const hits = async (term: string) =>
        Number(
          (
            await sql<{
              n: number;
            }>`select count(*) as n from assets_fts where assets_fts match ${`"${term}"`}`.execute(ctx.database.db)
          ).rows[0]?.n,
        );
      expect(await hits('白沙洲')).toBe(1);
      expect(await hits('石岭排')).toBe(0);
    } else {
      const indexes = await sql<{
        indexname: string;
      }>`select indexname from pg_indexes where schemaname = current_schema() and tablename = 'assets' and indexname like '%trgm'`.execute(
        ctx.database.db,
      );
      expect(indexes.rows.map((r) => r.indexname).sort()).toEqual([
        'assets_address_trgm',
        'assets_code_trgm',
        'assets_name_trgm',
      ]);
    }
  });
});
