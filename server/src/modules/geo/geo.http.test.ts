import gcoord from 'gcoord';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isGridCode, type AreaGeometry, type PolygonGeometry, type Position } from '../../../../common/domain/geo.ts';

import { importOutcome } from '../../testing/imports.ts';
import { as, createTestApp, login, type Session, type TestContext } from '../../testing/test-app.ts';
import { centroid, pointInPolygon } from './geometry.ts';
import { createTenant } from '../../testing/app-parts.ts';

let ctx: TestContext;
let admin: Session;
let inspector: Session;
beforeAll(async () => {
  ctx = await createTestApp();
  admin = await login(ctx.app, 'admin', 'Admin@12345');
  inspector = await login(ctx.app, 'inspector', 'Demo@12345');
});
afterAll(async () => ctx.close());

const api = () => as(ctx.app, admin);
/** Imports run as jobs: the outcome is the finished job's result or error, in the shape the import always had. */
const importPost = async (url: string, body: unknown, headers?: Record<string, string>) =>
  importOutcome(ctx.app, admin, await api().post(url, body, headers));
interface Feature {
  type: 'Feature';
  geometry: AreaGeometry;
  properties: Record<string, unknown>;
}
interface Collection {
  type: 'FeatureCollection';
  features: Feature[];
}
const layer = async (level: string, query = ''): Promise<Collection> => {
  const res = await api().get(`/api/geo/layers/${level}${query}`);
  expect(res.statusCode).toBe(200);
  return res.json();
};
const count = async (table: 'regions' | 'grids') =>
  Number(
    (
      await ctx.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const square = (lng: number, lat: number, d: number): PolygonGeometry => ({
  type: 'Polygon',
  coordinates: [
    [
      [lng, lat],
      [lng + d, lat],
      [lng + d, lat + d],
      [lng, lat + d],
      [lng, lat],
    ],
  ],
});
const fc = (features: unknown[]) => ({ type: 'FeatureCollection', features });

/** A whole (unclipped) 100 m cell: its centroid is certainly inside it and nowhere else. */
async function fullGrid(): Promise<{ code: string; at: Position; communityName: string }> {
  const grids = await layer('grid');
  const g = grids.features.find(
    (f) => (f.properties.areaM2 as number) > 9990 && f.geometry.type === 'Polygon',
  ) as Feature;
  return {
    code: g.properties.code as string,
    at: centroid(g.geometry),
    communityName: g.properties.communityName as string,
  };
}

describe('demo geography (synthetic Daye)', () => {
  it('has a synthetic tenant boundary, four street polygons and 15 communities', async () => {
    const tenant = await layer('tenant');
    expect(tenant.features).toHaveLength(1);
    expect(tenant.features[0]?.properties).toMatchObject({ code: '420281', kind: 'tenant', synthetic: true });
    const streets = await layer('street');
    expect(streets.features.map((f) => f.properties.code)).toEqual([
      '420281001',
      '420281002',
      '420281003',
      '420281004',
    ]);
    expect(streets.features.every((f) => f.properties.synthetic === true && f.geometry.type === 'Polygon')).toBe(true);
    const communities = await layer('community');
    expect(communities.features).toHaveLength(15);
    expect(
      communities.features.every(
        (f) => /^420281\d{6}$/.test(f.properties.code as string) && f.properties.kind === 'community',
      ),
    ).toBe(true);
  });

  it('has ~6,000 grids with unique, valid 15-digit codes under their community', async () => {
    const grids = await layer('grid');
    expect(grids.features.length).toBeGreaterThan(5500);
    expect(grids.features.length).toBeLessThan(6500);
    const codes = grids.features.map((f) => f.properties.code as string);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.every(isGridCode)).toBe(true);
    expect(
      grids.features.every(
        (f) =>
          f.properties.communityCode === (f.properties.code as string).slice(0, 12) &&
          typeof f.properties.communityName === 'string',
      ),
    ).toBe(true);
  });

  it('filters the grid layer by bbox', async () => {
    const box = [114.97, 30.09, 114.98, 30.1];
    const some = await layer('grid', `?bbox=${box.join(',')}`);
    expect(some.features.length).toBeGreaterThan(50);
    expect(some.features.length).toBeLessThan(300);
    const bad = await api().get('/api/geo/layers/grid?bbox=115,30,114,31');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'GEO_INVALID_BBOX', details: [{ field: 'query.bbox' }] });
    expect((await api().get('/api/geo/layers/planet')).statusCode).toBe(400);
  });
});

describe('locate', () => {
  it('answers the grid, community and street of a grid centroid', async () => {
    const { code, at, communityName } = await fullGrid();
    const res = await api().get(`/api/geo/locate?lng=${at[0]}&lat=${at[1]}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      gridCode: code,
      community: { code: code.slice(0, 12), name: communityName },
      street: { code: code.slice(0, 9) },
    });
    expect(res.json().street.id).toEqual(expect.any(String));
  });

  it('converts GCJ-02 and BD-09 input with gcoord before locating', async () => {
    const { code, at } = await fullGrid();
    for (const [crs, system] of [
      ['gcj02', gcoord.GCJ02],
      ['bd09', gcoord.BD09],
    ] as const) {
      const [x, y] = gcoord.transform(at, gcoord.WGS84, system) as Position;
      expect(Math.hypot(x - at[0], y - at[1])).toBeGreaterThan(0.001); // the offset is hundreds of metres
      const res = (await api().get(`/api/geo/locate?lng=${x}&lat=${y}&crs=${crs}`)).json();
      expect(res.gridCode).toBe(code);
      const back = gcoord.transform([x, y], system, gcoord.WGS84) as Position;
      expect(res.lng).toBeCloseTo(back[0], 9);
      expect(res.lat).toBeCloseTo(back[1], 9);
      expect(Math.abs(res.lng - at[0])).toBeLessThan(1e-5);
    }
  });

  it('answers 404 outside the tenant and 400 naming query.lng for a bad coordinate', async () => {
    const out = await api().get('/api/geo/locate?lng=116.397&lat=39.909');
    expect(out.statusCode).toBe(404);
    expect(out.json().error.code).toBe('GEO_OUTSIDE_TENANT');
    for (const lng of ['200', 'abc', '']) {
      const bad = await api().get(`/api/geo/locate?lng=${lng}&lat=30.1`);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details.map((d: { field: string }) => d.field)).toContain('query.lng');
    }
    const crs = await api().get('/api/geo/locate?lng=114.97&lat=30.1&crs=mars');
    expect(crs.json().error.details[0].field).toBe('query.crs');
  });
});

describe('GeoJSON import and export', () => {
  it('rejects a self-intersecting polygon naming the feature path, and writes nothing', async () => {
    const before = await count('regions');
    const bowTie: AreaGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [114.97, 30.09],
          [114.975, 30.095],
          [114.975, 30.09],
          [114.97, 30.095],
          [114.97, 30.09],
        ],
      ],
    };
    const res = await importPost(
      '/api/geo/import/community',
      fc([
        {
          type: 'Feature',
          properties: { code: '420281001091', name: '好社区' },
          geometry: square(114.97, 30.09, 0.002),
        },
        { type: 'Feature', properties: { code: '420281001092', name: '坏社区' }, geometry: bowTie },
      ]),
    );
    expect(res.statusCode).toBe(400);
    const { code, details } = res.json().error;
    expect(code).toBe('GEO_IMPORT_INVALID');
    expect(details.length).toBeGreaterThan(0);
    expect(details.every((d: { path: string }) => d.path.startsWith('features[1].geometry'))).toBe(true);
    expect(details[0].message).toMatch(/self-intersect/);
    expect(await count('regions')).toBe(before);
  });

  it('lists every problem at once: outside the tenant, unknown street, wrong level, missing name', async () => {
    const res = await importPost(
      '/api/geo/import/community',
      fc([
        { type: 'Feature', properties: { code: '420281001093', name: '远方' }, geometry: square(116.39, 39.9, 0.001) },
        {
          type: 'Feature',
          properties: { code: '420281009001', name: '无街道' },
          geometry: square(114.97, 30.09, 0.001),
        },
        {
          type: 'Feature',
          properties: { code: '420281001093001', name: '网格' },
          geometry: square(114.97, 30.09, 0.001),
        },
        { type: 'Feature', properties: { code: '420281001094' }, geometry: square(114.97, 30.09, 0.001) },
      ]),
    );
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'features[0].geometry',
        'features[1].properties.code',
        'features[2].properties.code',
        'features[3].properties.name',
      ]),
    );
    expect(res.json().error.details.find((d: { path: string }) => d.path === 'features[0].geometry').message).toMatch(
      /outside the tenant/,
    );
  });

  it('imports a community declared in GCJ-02, audits it, and exports a file that re-imports as updates', async () => {
    const wgs = square(114.975, 30.095, 0.002);
    const gcj: PolygonGeometry = {
      type: 'Polygon',
      coordinates: [
        (wgs.coordinates[0] as Position[]).map((p) => gcoord.transform(p, gcoord.WGS84, gcoord.GCJ02) as Position),
      ],
    };
    const created = await importPost(
      '/api/geo/import/community?crs=gcj02',
      fc([{ type: 'Feature', properties: { code: '420281001095', name: '测试社区' }, geometry: gcj }]),
    );
    expect(created.statusCode).toBe(200);
    expect(created.json()).toEqual({ created: 1, updated: 0 });
    const stored = (await layer('community')).features.find((f) => f.properties.code === '420281001095') as Feature;
    expect(stored.properties).toMatchObject({ name: '测试社区', parentCode: '420281001', synthetic: false });
    const corner = (stored.geometry.coordinates[0] as Position[])[0] as Position;
    expect(Math.abs(corner[0] - 114.975) + Math.abs(corner[1] - 30.095)).toBeLessThan(2e-6);
    const audit = (await api().get('/api/audit?entity=region&entityId=community')).json();
    expect(audit.items[0]).toMatchObject({ action: 'geo.import', after: { created: ['420281001095'], updated: [] } });

    const file = await api().get('/api/geo/export/community');
    expect(file.headers['content-disposition']).toContain('420281-community.geojson');
    const again = await importPost('/api/geo/import/community', file.json(), {
      'content-type': 'application/geo+json',
    });
    expect(again.json()).toEqual({ created: 0, updated: 16 });
  });

  it('needs region.manage to import', async () => {
    expect((await as(ctx.app, inspector).get('/api/geo/layers/street')).statusCode).toBe(200);
    expect((await as(ctx.app, inspector).post('/api/geo/import/street', fc([]))).statusCode).toBe(403);
  });
});

describe('grid generation', () => {
  it('refuses to overwrite grids unless asked, then redraws them and moves the components', async () => {
    const community = (await layer('community')).features.find((f) => f.properties.code === '420281001001') as Feature;
    const id = community.properties.id as string;
    const url = `/api/geo/communities/${id}/grids/generate`;
    const refused = await api().post(url, { cellMeters: 200 });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('GEO_GRIDS_EXIST');
    expect((await api().post(url, { cellMeters: 20, replace: true })).json().error.details[0].field).toBe(
      'body.cellMeters',
    );

    const redrawn = await api().post(url, { cellMeters: 200, replace: true });
    expect(redrawn.statusCode).toBe(200);
    const { count: n, droppedAreaM2 } = redrawn.json();
    const grids = (await layer('grid')).features.filter((f) =>
      (f.properties.code as string).startsWith('420281001001'),
    );
    expect(grids).toHaveLength(n);
    expect(n).toBeGreaterThan(10);
    expect(droppedAreaM2).toBeGreaterThanOrEqual(0);
    // every component of the community now names one of the new grids, and lies in it
    const shapes = new Map(grids.map((g) => [g.properties.code as string, g.geometry]));
    const components = (await api().get(`/api/components?communityId=${id}&pageSize=200`)).json();
    expect(components.total).toBeGreaterThan(0);
    for (const c of components.items) {
      if (c.gridCode === null) continue;
      expect(pointInPolygon(shapes.get(c.gridCode) as AreaGeometry, c.lng, c.lat)).toBe(true);
    }
    // the locator sees the new grids at once (a whole 200 m cell: its centroid is inside it)
    const whole = grids.find(
      (g) => (g.properties.areaM2 as number) > 39_900 && g.geometry.type === 'Polygon',
    ) as Feature;
    const [x, y] = centroid(whole.geometry);
    expect((await api().get(`/api/geo/locate?lng=${x}&lat=${y}`)).json().gridCode).toBe(whole.properties.code);
    const community2 = await api().post('/api/geo/communities/no-such-id/grids/generate', {});
    expect(community2.statusCode).toBe(404);
  });
});

describe('tenancy', () => {
  it("a second tenant sees none of the first tenant's geography", async () => {
    await createTenant(
      ctx.database.db,
      ctx.clock,
      { code: '420202', name: '黄石港区' },
      { username: 'admin', password: 'Other#2024x' },
    );
    const other = as(ctx.app, await login(ctx.app, 'admin', 'Other#2024x', '420202'));
    for (const level of ['tenant', 'street', 'community', 'grid']) {
      expect((await other.get(`/api/geo/layers/${level}`)).json().features).toEqual([]);
    }
    const { at } = await fullGrid();
    const res = await other.get(`/api/geo/locate?lng=${at[0]}&lat=${at[1]}`);
    expect(res.statusCode).toBe(404);
    const id = (await layer('community')).features[0]?.properties.id;
    expect((await other.post(`/api/geo/communities/${String(id)}/grids/generate`, { replace: true })).statusCode).toBe(
      404,
    );
    expect(await count('grids')).toBeGreaterThan(5000);
  });
});
