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
 * answers, in the same order; edits move an asset in and out of the hits. PostgreSQL reads the narrow search tables
 * (migration 0100), which follow every writer and never answer another tenant's rows.
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
const search = async (q: string, extra = '', pageSize = 100) => {
  const res = await api('leader').get(`/api/assets/items?q=${encodeURIComponent(q)}&pageSize=${pageSize}${extra}`);
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
  // code-shaped text inside codes (not at their start), a name and an address
  await repo.insertAssets(
    ctx.database.db,
    Array.from({ length: 12 }, (_, i) => ({
      ...model,
      id: newId(),
      code: `T-PUMP-STA-${100 + i}`,
      name: i === 0 ? '备用泵站 PUMP-STA-900' : `编码泵站 ${i}`,
      address: i === 1 ? 'ROAD-ABC-12号' : `编码路${i}号`,
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

  it('finds code-shaped terms that begin no code inside codes, names and addresses, and only the exact text', async () => {
    const cases: [string, string[]][] = [
      ['PUMP-STA-100', ['T-PUMP-STA-100']],
      ['pump-sta-900', ['T-PUMP-STA-100']],
      ['road-abc', ['T-PUMP-STA-101']],
      ['PUMP-STA-10', Array.from({ length: 10 }, (_, i) => `T-PUMP-STA-10${i}`)],
      // the same pieces with other separators: candidates of the index, not matches
      ['PUMP.STA-100', []],
      ['PUMP_STA_100', []],
    ];
    for (const [q, codes] of cases) {
      expect((await search(q)).codes, q).toEqual(codes);
      for (const [sort, order] of [
        ['code', 'asc'],
        ['name', 'desc'],
      ] as const) {
        const expected = await substring(q, sort, order);
        const got = await search(q, `&sort=${sort}&order=${order}`);
        expect(got.codes, `${q} by ${sort} ${order}`).toEqual(expected);
        expect(got.total, q).toBe(expected.length);
      }
    }
  });

  it('counts the matches on a page past the last one, and caps the count of a broad term', async () => {
    const expected = await substring('东风路1', 'code', 'asc');
    expect(await search('东风路1', '&page=5')).toEqual({ codes: [], total: expected.length });
    const second = await search('东风路1', '&page=2', 20);
    expect(second).toEqual({ codes: expected.slice(20, 40), total: expected.length });

    // with a cap below the matches, the page is still the first of all of them in order, and the count says "more"
    const broad = await substring('批量泵站', 'name', 'desc');
    expect(broad.length).toBeGreaterThan(50);
    const capped = await repo.listAssets(
      ctx.database.db,
      tenantId,
      { q: '批量泵站' },
      null,
      {
        limit: 20,
        offset: 20,
        sort: 'name',
        order: 'desc',
      },
      50,
    );
    expect(capped.rows.map((r) => r.code)).toEqual(broad.slice(20, 40));
    expect([capped.total, capped.totalCapped]).toEqual([50, true]);
    const within = await repo.listAssets(
      ctx.database.db,
      tenantId,
      { q: '批量泵站' },
      null,
      {
        limit: 20,
        offset: 280,
        sort: 'name',
        order: 'desc',
      },
      1000,
    );
    expect(within.rows.map((r) => r.code)).toEqual(broad.slice(280, 300));
    expect([within.total, within.totalCapped]).toEqual([broad.length, false]);
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
    }
    await expectSearchInStep();
  });
});

describe('the search index under other writers', () => {
  it('follows a changed code, deletes and new assets, and a whole-tenant page in code order is capped like the rest', async () => {
    const db = ctx.database.db;
    await db.updateTable('assets').set({ code: 'T-QS-99' }).where('id', '=', target).execute();
    expect((await search('白沙洲')).codes).toEqual(['T-QS-99']);
    expect((await search('qs-99')).codes).toEqual(['T-QS-99']);
    expect((await search('QS-01')).codes).toEqual([]);
    const gone = (await db.selectFrom('assets').select('id').where('code', 'like', 'T-PL-00%').execute()).map(
      (r) => r.id,
    );
    expect(gone).toHaveLength(10);
    await db.deleteFrom('assets').where('id', 'in', gone).execute();
    expect((await search('T-PL-00')).codes).toEqual([]);
    // a new name alone, at an address other assets share
    await db.updateTable('assets').set({ name: '改名泵站' }).where('code', '=', 'T-PL-100').execute();
    expect((await search('改名泵')).codes).toEqual(['T-PL-100']);
    expect((await search('东风路20号')).codes).toContain('T-PL-100');
    const broad = await substring('批量泵站', 'code', 'asc');
    expect(broad).toHaveLength(289);
    expect(await search('批量泵站', '&page=3', 20)).toEqual({ codes: broad.slice(40, 60), total: 289 });
    const capped = await repo.listAssets(
      db,
      tenantId,
      { q: '批量泵站' },
      null,
      { limit: 20, offset: 20, sort: 'code', order: 'desc' },
      50,
    );
    expect(capped.rows.map((r) => r.code)).toEqual([...broad].reverse().slice(20, 40));
    expect([capped.total, capped.totalCapped]).toEqual([50, true]);
    await expectSearchInStep();
  });

  it("never answers another tenant's assets, though their codes and text are the same", async () => {
    const db = ctx.database.db;
    const model = await db.selectFrom('assets').selectAll().where('id', '=', target).executeTakeFirstOrThrow();
    await db
      .insertInto('tenants')
      .values({
        id: 't-search-other',
        code: '420299',
        name: '他区',
        timezone: 'Asia/Shanghai',
        created_at: '2024-01-01T00:00:00Z',
        updated_at: '2024-01-01T00:00:00Z',
      })
      .execute();
    const type = await db
      .selectFrom('asset_types')
      .selectAll()
      .where('id', '=', model.type_id)
      .executeTakeFirstOrThrow();
    const theirType = { ...type, id: newId(), tenant_id: 't-search-other' };
    await repo.insertTypes(db, [theirType]);
    const theirAsset = { ...model, tenant_id: 't-search-other', type_id: theirType.id };
    await repo.insertAssets(db, [
      { ...theirAsset, id: newId() },
      { ...theirAsset, id: newId(), code: 'T-QS-98', name: '他区白沙洲泵站' },
    ]);
    expect(await search('白沙洲')).toEqual({ codes: ['T-QS-99'], total: 1 });
    expect(await search('QS-98')).toEqual({ codes: [], total: 0 });
    const theirs = await repo.listAssets(db, 't-search-other', { q: '白沙洲' }, null, {
      limit: 20,
      offset: 0,
      sort: 'code',
      order: 'asc',
    });
    expect(theirs.rows.map((r) => [r.tenant_id, r.code])).toEqual([
      ['t-search-other', 'T-QS-98'],
      ['t-search-other', 'T-QS-99'],
    ]);
    await expectSearchInStep();
  });
});

/**
 * The search index holds exactly the register's text: SQLite's FTS5 integrity check compares the index with its
 * content table; PostgreSQL's search tables (migration 0100) are compared with every asset's code, name and address.
 */
async function expectSearchInStep() {
  const db = ctx.database.db;
  if (ctx.database.dialect === 'sqlite') {
    await sql`insert into assets_fts (assets_fts) values ('integrity-check')`.execute(db);
    return;
  }
  const sorted = <T>(xs: T[]) => xs.map((x) => JSON.stringify(x)).sort();
  const rows = await db.selectFrom('assets').select(['tenant_id', 'code', 'name', 'address']).execute();
  const names = await sql<{ tenant_id: string; code: string; name: string }>`select n.tenant_id, s.code, s.name
    from asset_search s join asset_search_tenants n on n.no = s.tenant_no`.execute(db);
  expect(sorted(names.rows)).toEqual(
    sorted(rows.map((r) => ({ tenant_id: r.tenant_id, code: r.code, name: r.name.toLowerCase() }))),
  );
  const addresses = await sql<{ tenant_id: string; address: string; code: string }>`select n.tenant_id, d.address,
    unnest(d.codes) as code from asset_search_addresses d join asset_search_tenants n on n.no = d.tenant_no`.execute(
    db,
  );
  expect(sorted(addresses.rows)).toEqual(
    sorted(
      rows.flatMap((r) =>
        r.address ? [{ tenant_id: r.tenant_id, address: r.address.toLowerCase(), code: r.code }] : [],
      ),
    ),
  );
  const empty = await sql<{ n: number }>`select count(*)::int as n from asset_search_addresses
    where cardinality(codes) = 0`.execute(db);
  expect(empty.rows[0]?.n).toBe(0);
}
