import { describe, expect, it } from 'vitest';
import type { AreaGeometry, Position } from '../../../../common/domain/geo.ts';
import { fromWgs84 } from './coords.ts';
import { buildComponentCollection, buildGridCollection, buildRegionCollection } from './geojson-export.ts';
import { parseComponentImport, parseGridImport, parseRegionImport } from './geojson-io.ts';

const square = (x: number, y: number, s: number): Position[] => [
  [x, y],
  [x + s, y],
  [x + s, y + s],
  [x, y + s],
  [x, y],
];
const poly = (x: number, y: number, s: number): AreaGeometry => ({ type: 'Polygon', coordinates: [square(x, y, s)] });
const feature = (properties: Record<string, unknown>, geometry: unknown) => ({ type: 'Feature', properties, geometry });
const fc = (...features: unknown[]) => ({ type: 'FeatureCollection', features });
const TENANT = poly(114.9, 30.0, 0.2);
const opts = { adminCode: '420281', tenantBoundary: TENANT };

describe('parseRegionImport', () => {
  const good = fc(
    feature({ code: '420281001', name: '东岳路街道' }, poly(114.95, 30.05, 0.05)),
    feature({ code: '420281001001', name: '儒学社区', synthetic: true }, poly(114.96, 30.06, 0.01)),
    feature({ code: '420281', name: '大冶市' }, TENANT),
  );

  it('reads tenant, streets and communities with levels and parents', () => {
    const res = parseRegionImport(good, opts);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.rows.map((r) => [r.level, r.fullCode, r.code, r.parentCode, r.synthetic])).toEqual([
      ['street', '420281001', '001', '420281', false],
      ['community', '420281001001', '001', '420281001', true],
      ['tenant', '420281', '420281', null, false],
    ]);
  });

  it('reports every problem by feature path and returns no rows', () => {
    const bad = fc(
      feature({ code: '420281001', name: 'A' }, poly(114.95, 30.05, 0.01)),
      feature({ code: '420281001', name: 'B' }, poly(114.97, 30.05, 0.01)), // duplicate
      feature({ code: '420281009001', name: 'C' }, poly(114.95, 30.07, 0.01)), // unknown street
      feature({ code: '430281001', name: 'D' }, poly(114.95, 30.09, 0.01)), // other tenant
      feature({ code: '4202810011', name: 'E' }, poly(114.95, 30.11, 0.01)), // wrong length
      feature({ code: '420281002' }, poly(114.95, 30.13, 0.01)), // no name
      feature(
        { code: '420281003', name: 'F' },
        {
          type: 'Polygon',
          coordinates: [
            [
              [114.95, 30.0],
              [114.96, 30.01],
              [114.96, 30.0],
              [114.95, 30.01],
              [114.95, 30.0],
            ],
          ],
        },
      ),
      feature({ code: '420281004', name: 'G' }, poly(116, 31, 0.01)), // outside the tenant
      'not a feature',
      feature({ code: '420281005', name: 'H', kind: 'community' }, poly(114.95, 30.15, 0.01)), // kind mismatch
    );
    const res = parseRegionImport(bad, opts);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    const paths = res.issues.map((i) => i.path);
    expect(paths).toContain('features[1].properties.code');
    expect(res.issues.find((i) => i.path === 'features[1].properties.code')?.message).toMatch(
      /duplicate code 420281001 \(also features\[0\]\)/,
    );
    expect(res.issues.find((i) => i.path === 'features[2].properties.code')?.message).toMatch(
      /unknown street\/town 420281009/,
    );
    expect(res.issues.find((i) => i.path === 'features[3].properties.code')?.message).toMatch(
      /tenant admin code 420281/,
    );
    expect(paths).toContain('features[4].properties.code');
    expect(paths).toContain('features[5].properties.name');
    expect(paths.some((p) => p.startsWith('features[6].geometry.coordinates[0]'))).toBe(true);
    expect(res.issues.find((i) => i.path === 'features[7].geometry')?.message).toMatch(/outside the tenant boundary/);
    expect(paths).toContain('features[8]');
    expect(paths).toContain('features[9].properties.kind');
  });

  it('accepts a community whose street is already stored, and vertices on the tenant border', () => {
    const res = parseRegionImport(fc(feature({ code: '420281009001', name: 'X' }, poly(114.9, 30.0, 0.01))), {
      ...opts,
      isKnownCode: (c) => c === '420281009',
    });
    expect(res.ok).toBe(true);
  });

  it('converts coordinates declared as GCJ-02', () => {
    const shown = square(114.97, 30.1, 0.01).map(([x, y]) => fromWgs84(x, y, 'gcj02'));
    const res = parseRegionImport(
      fc(feature({ code: '420281001', name: 'A' }, { type: 'Polygon', coordinates: [shown] })),
      { ...opts, crs: 'gcj02' },
    );
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const first = res.rows[0]?.geometry.coordinates[0] as unknown as Position[];
    expect(first[0]?.[0]).toBeCloseTo(114.97, 5);
    expect(first[0]?.[1]).toBeCloseTo(30.1, 5);
  });

  it('rejects something that is not a FeatureCollection', () => {
    expect(parseRegionImport({ type: 'Feature' }, opts)).toEqual({
      ok: false,
      issues: [{ path: '', message: expect.stringMatching(/FeatureCollection/) }],
    });
  });
});

describe('parseGridImport', () => {
  const known = new Set(['420281001001']);
  const gopts = { ...opts, isKnownCode: (c: string) => known.has(c) };

  it('reads grids with derived community and street codes, area and bbox', () => {
    const res = parseGridImport(fc(feature({ code: '420281001001001' }, poly(114.97, 30.1, 0.001))), gopts);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.rows[0]).toMatchObject({
      code: '420281001001001',
      communityCode: '420281001001',
      streetCode: '420281001',
      serial: 1,
    });
    expect(res.rows[0]?.bbox.map((v) => v.toFixed(6))).toEqual(['114.970000', '30.100000', '114.971000', '30.101000']);
    expect(res.rows[0]?.areaM2).toBeGreaterThan(9_000);
  });

  it('names bad, duplicate and unknown-community codes', () => {
    const res = parseGridImport(
      fc(
        feature({ code: '420281001001001' }, poly(114.97, 30.1, 0.001)),
        feature({ code: '420281001001001' }, poly(114.971, 30.1, 0.001)),
        feature({ code: '420281001002001' }, poly(114.972, 30.1, 0.001)),
        feature({ code: '42028100100100' }, poly(114.973, 30.1, 0.001)),
        feature({ code: '421281001001001' }, poly(114.974, 30.1, 0.001)),
      ),
      gopts,
    );
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.issues.map((i) => i.path)).toEqual([
      'features[1].properties.code',
      'features[2].properties.code',
      'features[3].properties.code',
      'features[4].properties.code',
    ]);
    expect(res.issues[1]?.message).toMatch(/unknown community 420281001002/);
  });
});

describe('parseComponentImport', () => {
  const copts = {
    ...opts,
    isKnownCode: (c: string) => c === '420281001001001',
    isKnownClassCode: (c: string) => c === '01037',
  };

  it('reads points with id, class and grid', () => {
    const res = parseComponentImport(
      fc(
        feature(
          { code: '42028101037000001', name: '路灯', gridCode: '420281001001001' },
          { type: 'Point', coordinates: [114.97, 30.1] },
        ),
      ),
      copts,
    );
    expect(res).toEqual({
      ok: true,
      rows: [
        {
          index: 0,
          code: '42028101037000001',
          classCode: '01037',
          name: '路灯',
          gridCode: '420281001001001',
          geometry: { type: 'Point', coordinates: [114.97, 30.1] },
        },
      ],
    });
  });

  it('names unknown classes, unknown grids, duplicates and bad geometry', () => {
    const res = parseComponentImport(
      fc(
        feature({ code: '42028101037000001' }, { type: 'Point', coordinates: [114.97, 30.1] }),
        feature({ code: '42028101037000001' }, { type: 'Point', coordinates: [114.97, 30.1] }),
        feature({ code: '42028109999000001' }, { type: 'Point', coordinates: [114.97, 30.1] }),
        feature(
          { code: '42028101037000002', gridCode: '420281001001002' },
          { type: 'Point', coordinates: [114.97, 30.1] },
        ),
        feature(
          { code: '42028101037000003' },
          {
            type: 'LineString',
            coordinates: [
              [114.97, 30.1],
              [114.98, 30.1],
            ],
          },
        ),
        feature({ code: '42028101037000004' }, { type: 'Point', coordinates: [120, 30.1] }),
      ),
      copts,
    );
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.issues.map((i) => i.path)).toEqual([
      'features[1].properties.code',
      'features[2].properties.code',
      'features[3].properties.gridCode',
      'features[4].geometry',
      'features[5].geometry',
    ]);
  });
});

describe('export', () => {
  it('round-trips regions, grids and components through import', () => {
    const regions = buildRegionCollection([
      {
        level: 'street',
        fullCode: '420281001',
        name: '东岳路街道',
        geometry: poly(114.95, 30.05, 0.05),
        synthetic: true,
      },
      { level: 'community', fullCode: '420281001001', name: '儒学社区', geometry: poly(114.96, 30.06, 0.01) },
    ]);
    expect(regions.features[0]?.properties).toEqual({
      code: '420281001',
      name: '东岳路街道',
      kind: 'street',
      synthetic: true,
    });
    const back = parseRegionImport(JSON.parse(JSON.stringify(regions)), opts);
    expect(back.ok && back.rows.map((r) => r.fullCode)).toEqual(['420281001', '420281001001']);

    const grids = buildGridCollection([{ code: '420281001001001', geometry: poly(114.97, 30.1, 0.001) }]);
    expect(grids.features[0]?.properties).toEqual({
      code: '420281001001001',
      communityCode: '420281001001',
      streetCode: '420281001',
    });
    expect(parseGridImport(grids, { ...opts, isKnownCode: () => true }).ok).toBe(true);

    const comps = buildComponentCollection([
      {
        code: '42028101037000001',
        geometry: { type: 'Point', coordinates: [114.97, 30.1] },
        gridCode: '420281001001001',
      },
    ]);
    expect(comps.features[0]?.properties).toEqual({
      code: '42028101037000001',
      classCode: '01037',
      gridCode: '420281001001001',
    });
    expect(parseComponentImport(comps, { ...opts, isKnownCode: () => true }).ok).toBe(true);
  });
});
