import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { as, createTestApp, login, type Session, type TestContext } from '../../testing/test-app.ts';
import { createTenant } from '../../testing/app-parts.ts';

let ctx: TestContext;
let admin: Session;
let operator: Session;
beforeAll(async () => {
  ctx = await createTestApp();
  admin = await login(ctx.app, 'admin', 'Admin@12345');
  operator = await login(ctx.app, 'operator', 'Demo@12345');
});
afterAll(async () => ctx.close());

const api = () => as(ctx.app, admin);
const q = (s: string) => encodeURIComponent(s);
interface Entry {
  kind: string;
  code: string;
  name: string;
  oldCode: string | null;
  source: string;
  active: boolean;
}
const entries = async (query: string): Promise<{ items: Entry[]; total: number }> =>
  (await api().get(`/api/catalog/entries?${query}`)).json();

describe('national catalog', () => {
  it('has 153 components and 250 matters after the seed, in code order, with their major classes', async () => {
    expect((await entries('kind=component&pageSize=1')).total).toBe(153);
    expect((await entries('kind=matter&pageSize=1')).total).toBe(250);
    const first = await entries('pageSize=2');
    expect(first.items.map((e) => [e.kind, e.code, e.name])).toEqual([
      ['component', '01001', '供水井盖'],
      ['matter', '01001', '供水井盖异常'],
    ]);
    const majors = (await api().get('/api/catalog/majors')).json();
    expect(majors).toHaveLength(10);
    expect(majors[0]).toEqual({
      majorCode: '01',
      componentName: '市政公用设施',
      matterName: '市政公用设施类',
      components: 76,
      matters: 76,
      local: 0,
    });
    expect(majors[8]).toMatchObject({ majorCode: '09', componentName: null, components: 0, matters: 21 });
    expect(majors.reduce((n: number, m: { components: number }) => n + m.components, 0)).toBe(153);
  });

  it('finds by pinyin initials, by a 2-character name and by an old code', async () => {
    expect((await entries('q=zdjy')).items[0]).toMatchObject({ code: '09006', name: '占道经营', kind: 'matter' });
    const covers = await entries(`q=${q('井盖')}&kind=component&pageSize=100`);
    expect(covers.total).toBe(20);
    expect(covers.items.every((e) => e.name.endsWith('井盖'))).toBe(true);
    // Each cover also has its anomaly matter (01001 供水井盖异常 …).
    expect((await entries(`q=${q('井盖')}&pageSize=100`)).total).toBe(40);
    // 0406 was 占道经营 among old 事件 and 雕塑 among old 部件 (whose anomaly matter keeps the component's old code).
    const old = await entries('q=0406&kind=matter');
    expect(
      old.items
        .slice(0, 2)
        .map((e) => [e.code, e.oldCode])
        .sort(),
    ).toEqual([
      ['04006', '0406'],
      ['09006', '0406'],
    ]);
    expect((await entries('q=09006')).items[0]).toMatchObject({ code: '09006' });
    const paged = await entries(`q=${q('垃圾')}&pageSize=3&page=2`);
    expect(paged.items).toHaveLength(3);
    expect(paged.total).toBeGreaterThan(6);
  });

  it('maps old 4-digit codes by the documented rule and its exceptions, 404 when there is no counterpart', async () => {
    expect((await api().get('/api/catalog/map-old-code?code=0406&kind=matter')).json()).toMatchObject({
      code: '09006',
      name: '占道经营',
    });
    expect((await api().get('/api/catalog/map-old-code?code=0406&kind=component')).json()).toMatchObject({
      code: '04006',
      name: '雕塑',
    });
    expect((await api().get('/api/catalog/map-old-code?code=0508&kind=matter')).json()).toMatchObject({
      code: '10002',
      name: '架空线缆脱落',
    });
    const none = await api().get('/api/catalog/map-old-code?code=0506&kind=matter');
    expect(none.statusCode).toBe(404);
    expect(none.json().error).toMatchObject({ code: 'CATALOG_OLD_CODE_UNMAPPED', details: { oldCode: '0506' } });
    const bad = await api().get('/api/catalog/map-old-code?code=406');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('query.code');
  });
});

describe('local extensions', () => {
  it('numbers them down from 099 in the major class and finds them by pinyin at once', async () => {
    const a = await api().post('/api/catalog/entries', { kind: 'matter', majorCode: '09', name: '占道摆摊设点' });
    expect(a.statusCode).toBe(201);
    expect(a.json()).toMatchObject({
      code: '09099',
      source: 'local',
      majorName: '街面秩序类',
      oldCode: '0499',
      active: true,
      pinyinInitials: 'zdbtsd',
    });
    const b = await api().post('/api/catalog/entries', { kind: 'matter', majorCode: '09', name: '违规占用盲道' });
    expect(b.json().code).toBe('09098');
    expect((await entries('q=zdbt')).items.map((e) => e.code)).toEqual(['09099']);
    expect((await entries('local=true')).items.map((e) => e.code)).toEqual(['09098', '09099']);
  });

  it('a local component brings its anomaly matter with the same code', async () => {
    const res = await api().post('/api/catalog/entries', {
      kind: 'component',
      majorCode: '03',
      name: '智能垃圾分类箱',
    });
    expect(res.json()).toMatchObject({ kind: 'component', code: '03099' });
    const both = await entries('q=03099');
    expect(both.items.map((e) => [e.kind, e.name])).toEqual([
      ['component', '智能垃圾分类箱'],
      ['matter', '智能垃圾分类箱异常'],
    ]);
  });

  it('refuses a duplicate name in the class (409), wrong majors and matters in component classes (400)', async () => {
    for (const name of ['占道经营', '占道摆摊设点', ' 占道摆摊 设点 ']) {
      const dup = await api().post('/api/catalog/entries', { kind: 'matter', majorCode: '09', name });
      expect(dup.statusCode, name).toBe(409);
      expect(dup.json().error).toMatchObject({ code: 'CATALOG_DUPLICATE_NAME', details: [{ field: 'body.name' }] });
    }
    // Same name in another class is fine.
    expect(
      (await api().post('/api/catalog/entries', { kind: 'matter', majorCode: '10', name: '占道摆摊设点' })).json().code,
    ).toBe('10099');
    const anomaly = await api().post('/api/catalog/entries', { kind: 'matter', majorCode: '01', name: '某某异常' });
    expect(anomaly.json().error).toMatchObject({
      code: 'CATALOG_ANOMALY_NEEDS_COMPONENT',
      details: [{ field: 'body.kind' }],
    });
    const major = await api().post('/api/catalog/entries', { kind: 'component', majorCode: '07', name: 'x' });
    expect(major.json().error).toMatchObject({ code: 'CATALOG_UNKNOWN_MAJOR', details: [{ field: 'body.majorCode' }] });
    const schema = await api().post('/api/catalog/entries', { kind: 'thing', majorCode: '11', name: '' });
    expect(
      schema
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['body.kind', 'body.majorCode', 'body.name']);
  });

  it('renames local entries (with their anomaly), only deactivates national ones, and audits each change', async () => {
    const renamed = await api().patch('/api/catalog/entries/03099?kind=component', { name: '智能分类垃圾箱' });
    expect(renamed.json()).toMatchObject({ name: '智能分类垃圾箱', pinyinInitials: 'znflljx' });
    expect((await entries('q=03099&kind=matter')).items[0]?.name).toBe('智能分类垃圾箱异常');
    expect((await entries('q=znfl')).items[0]?.code).toBe('03099');
    const national = await api().patch('/api/catalog/entries/09006', { name: '摆摊' });
    expect(national.statusCode).toBe(400);
    expect(national.json().error).toMatchObject({
      code: 'CATALOG_NATIONAL_READONLY',
      details: [{ field: 'body.name' }],
    });
    expect((await api().patch('/api/catalog/entries/09021', { active: false })).json()).toMatchObject({
      code: '09021',
      active: false,
    });
    expect((await entries('active=false')).items.map((e) => e.code)).toEqual(['09021']);
    const ambiguous = await api().patch('/api/catalog/entries/01001', { active: false });
    expect(ambiguous.json().error).toMatchObject({
      code: 'CATALOG_AMBIGUOUS_CODE',
      details: [{ field: 'query.kind' }],
    });
    expect((await api().patch('/api/catalog/entries/09097', { active: false })).statusCode).toBe(404);
    const audit = (await api().get('/api/audit?entity=catalog_entry&pageSize=50')).json();
    expect(audit.items.filter((a: { action: string }) => a.action === 'catalog.entry.update')).toHaveLength(3);
    expect(audit.items.filter((a: { action: string }) => a.action === 'catalog.entry.create')).toHaveLength(5);
  });
});

describe('permissions and tenancy', () => {
  it('an operator reads the catalog but cannot change it', async () => {
    const op = as(ctx.app, operator);
    expect((await op.get('/api/catalog/entries?q=zdjy')).statusCode).toBe(200);
    expect((await op.get('/api/catalog/majors')).statusCode).toBe(200);
    expect((await op.get('/api/catalog/map-old-code?code=0406')).statusCode).toBe(200);
    expect(
      (await op.post('/api/catalog/entries', { kind: 'matter', majorCode: '09', name: '无权新增' })).statusCode,
    ).toBe(403);
    expect((await op.patch('/api/catalog/entries/09006', { active: false })).statusCode).toBe(403);
    expect((await as(ctx.app, null).get('/api/catalog/entries')).statusCode).toBe(401);
  });

  it("a second tenant has the national catalog, numbers its own extensions and sees none of the first's", async () => {
    await createTenant(
      ctx.database.db,
      ctx.clock,
      { code: '420202', name: '黄石港区' },
      { username: 'admin', password: 'Other#2024x' },
    );
    const other = as(ctx.app, await login(ctx.app, 'admin', 'Other#2024x', '420202'));
    expect((await other.get('/api/catalog/entries?kind=component&pageSize=1')).json().total).toBe(153);
    expect((await other.get('/api/catalog/entries?kind=matter&pageSize=1')).json().total).toBe(250);
    expect((await other.get('/api/catalog/entries?q=zdbt')).json().total).toBe(0);
    expect((await other.get('/api/catalog/entries?local=true')).json().total).toBe(0);
    expect((await other.get('/api/catalog/entries?active=false')).json().total).toBe(0);
    expect(
      (await other.post('/api/catalog/entries', { kind: 'matter', majorCode: '09', name: '占道摆摊设点' })).json().code,
    ).toBe('09099');
    // The first tenant's search is unaffected by the second tenant's extension.
    expect((await entries('q=zdbt')).items.map((e) => e.code)).toEqual(['09099', '10099']);
  });
});
