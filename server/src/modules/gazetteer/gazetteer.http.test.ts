import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlaceHit } from '../../../../common/contracts/gazetteer.ts';
import { importOutcome } from '../../testing/imports.ts';
import { as, createTestApp, login, type Session, type TestContext } from '../../testing/test-app.ts';
import { TEST_DIALECT } from '../../testing/test-db.ts';

let ctx: TestContext;
let admin: Session;
let operator: Session;
beforeAll(async () => {
  ctx = await createTestApp();
  admin = await login(ctx.app, 'admin', 'Admin@12345');
  operator = await login(ctx.app, 'operator', 'Demo@12345');
});
afterAll(async () => ctx.close());

const search = async (q: string): Promise<PlaceHit[]> => {
  const res = await as(ctx.app, operator).get(`/api/gazetteer/search?q=${encodeURIComponent(q)}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: PlaceHit[] }).items;
};
const importFile = async (body: string, type: string) =>
  importOutcome(
    ctx.app,
    admin,
    await ctx.app.inject({
      method: 'POST',
      url: '/api/gazetteer/import',
      payload: body,
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': type },
    }),
  );

describe(`gazetteer search (${TEST_DIALECT})`, () => {
  it('finds a road by full pinyin, initials, prefix and a homophone, the exact name first', async () => {
    for (const q of ['dyl', 'dayelu', 'DaYe Lu', '大冶路', '大业路'])
      expect((await search(q))[0]?.name, q).toBe('大冶路');
    const prefix = await search('大冶');
    // 大冶路 and 大冶北站 start with the query; the road ranks before the POI, both before infix matches.
    expect(prefix.slice(0, 2).map((h) => h.name)).toEqual(['大冶路', '大冶北站']);
    expect(prefix.findIndex((h) => h.name === '大冶市人民医院')).toBeGreaterThan(1);
  });

  it('answers a house number with the interpolated point and the grid and community it falls in', async () => {
    const [first, ...rest] = await search('大冶路12号');
    expect(first).toMatchObject({ kind: 'house', name: '大冶路12号', interpolated: true });
    expect(first?.gridCode).toMatch(/^\d{15}$/);
    expect(first?.communityName).toMatch(/社区$/);
    expect(first?.streetName).toMatch(/街道$/);
    expect(rest[0]?.name).toBe('大冶路');
    // Further along the road for a higher number, and the same answer typed in pinyin initials.
    const far = (await search('大冶路180号'))[0];
    expect(far?.lng).toBeGreaterThan(first?.lng ?? Infinity);
    expect((await search('dyl 12'))[0]).toMatchObject({ kind: 'house', lng: first?.lng, lat: first?.lat });
  });

  it('finds communities and streets from the geography, and ranks an exact road above its community', async () => {
    const hits = await search('儒学');
    expect(hits.map((h) => `${h.kind}:${h.name}`)).toEqual(
      expect.arrayContaining(['road:儒学路', 'community:儒学社区']),
    );
    expect((await search('儒学社区'))[0]).toMatchObject({ kind: 'community', communityName: '儒学社区' });
    expect((await search('rxsq'))[0]?.name).toBe('儒学社区');
  });

  it('gives the pickers streets with their communities and a community its grids', async () => {
    const tree = (await as(ctx.app, operator).get('/api/gazetteer/areas')).json() as {
      streets: { label: string; children: { value: string }[] }[];
    };
    expect(tree.streets.length).toBeGreaterThanOrEqual(4);
    const community = tree.streets.flatMap((s) => s.children)[0]?.value as string;
    const grids = (await as(ctx.app, operator).get(`/api/gazetteer/areas/${community}/grids`)).json() as {
      items: { value: string }[];
    };
    expect(grids.items.length).toBeGreaterThan(10);
    expect(grids.items.every((g) => g.value.startsWith(community))).toBe(true);
    const roads = (await as(ctx.app, operator).get('/api/gazetteer/roads')).json() as { features: unknown[] };
    expect(roads.features.length).toBeGreaterThanOrEqual(16);
  });

  it('refuses bad input with a field message', async () => {
    const res = await as(ctx.app, operator).get('/api/gazetteer/search?q=');
    expect(res.statusCode).toBe(400);
  });
});

describe(`public place search (${TEST_DIALECT})`, () => {
  it('needs no session and answers names and points only', async () => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/public/places?q=${encodeURIComponent('大冶路12号')}`,
    });
    expect(res.statusCode).toBe(200);
    const items = (res.json() as { items: Record<string, unknown>[] }).items;
    expect(items[0]?.name).toBe('大冶路12号');
    for (const item of items) expect(Object.keys(item).sort()).toEqual(['lat', 'lng', 'name']);
    expect(res.body).not.toMatch(/gridCode|community|street|420281/);
  });

  it('keeps staff routes closed to anonymous callers', async () => {
    for (const url of ['/api/gazetteer/search?q=dyl', '/api/gazetteer/export.csv'])
      expect((await ctx.app.inject({ method: 'GET', url })).statusCode).toBe(401);
  });
});

describe(`gazetteer import and export (${TEST_DIALECT})`, () => {
  it('names every bad CSV row and writes nothing', async () => {
    const csv = [
      'kind,name,road,from,to,parity,lng,lat,path',
      'poi,好望角公园,,,,,114.97,30.09,',
      'lake,镜湖,,,,,114.97,30.09,',
      'poi,无坐标点,,,,,,,',
      'road,断头路,,,,,,,114.97 30.09',
      'house_range,幸福路门牌,幸福路,9,3,odd,,,114.97 30.09;114.98 30.09',
      'poi,越界点,,,,,214.97,30.09,',
    ].join('\n');
    const res = await importFile(csv, 'text/csv');
    expect(res.statusCode).toBe(400);
    const body = res.json() as { error: { code: string; details: { field: string }[] } };
    expect(body.error.code).toBe('GAZETTEER_IMPORT_INVALID');
    expect(body.error.details.map((d) => d.field)).toEqual([
      'rows[2].kind',
      'rows[3].lng',
      'rows[4].path',
      'rows[5].from',
      'rows[6].lng',
    ]);
    expect(await search('好望角')).toEqual([]);
  });

  it('names every bad GeoJSON feature, and a range whose road is nowhere', async () => {
    const fc = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
    const bad = await importFile(
      fc([
        { type: 'Feature', geometry: { type: 'Polygon', coordinates: [] }, properties: { kind: 'poi', name: 'x' } },
        { type: 'Feature', geometry: { type: 'Point', coordinates: [114.97, 30.09] }, properties: { kind: 'poi' } },
      ]),
      'application/geo+json',
    );
    expect(bad.statusCode).toBe(400);
    const fields = (bad.json() as { error: { details: { field: string }[] } }).error.details.map((d) => d.field);
    expect(fields).toEqual(['features[0].geometry', 'features[1].properties.name']);
    const orphan = await importFile(
      fc([
        {
          type: 'Feature',
          geometry: null,
          properties: { kind: 'house_range', name: 'n', road: '无名路', from: 1, to: 9 },
        },
      ]),
      'application/geo+json',
    );
    expect((orphan.json() as { error: { details: { field: string }[] } }).error.details[0]?.field).toBe(
      'features[0].road',
    );
  });

  it('imports CSV and GeoJSON, upserts by name, and exports what it holds', async () => {
    const csv = [
      'kind,name,road,from,to,parity,lng,lat,path',
      'road,观山路,,,,,,,114.95 30.105;114.96 30.105',
      'house_range,观山路全段,观山路,1,50,all,,,',
      'poi,观山公园,,,,,114.955,30.104,',
    ].join('\r\n');
    const first = await importFile(csv, 'text/csv');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ created: 3, updated: 0 });
    expect((await search('gsl'))[0]?.name).toBe('观山路');
    const house = (await search('观山路25号'))[0];
    expect(house?.kind).toBe('house');
    expect(house?.lng).toBeCloseTo(114.955, 3);
    const again = await importFile(
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [114.956, 30.104] },
            properties: { kind: 'poi', name: '观山公园' },
          },
        ],
      }),
      'application/geo+json',
    );
    expect(again.json()).toEqual({ created: 0, updated: 1 });
    expect((await search('观山公园'))[0]?.lng).toBe(114.956);
    const exported = await as(ctx.app, admin).get('/api/gazetteer/export.csv');
    expect(exported.statusCode).toBe(200);
    expect(exported.body).toContain('poi,观山公园,,,,,114.956,30.104,');
    expect(exported.body).toContain('house_range,观山路全段,观山路,1,50,all');
    const geojson = (await as(ctx.app, admin).get('/api/gazetteer/export.geojson')).json() as { features: unknown[] };
    expect(geojson.features.length).toBeGreaterThan(50);
  });
});
