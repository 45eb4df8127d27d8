/**
 * SYNTHETIC demo geography for 大冶市 (Daye) — NOT real boundaries. Every shape here is invented and every
 * feature carries `synthetic: true`: the layout only has to be plausible for demos and tests
 * (docs/demo-city.md, "Synthetic geometry": placed plausibly and marked synthetic; docs/conventions.md, "Maps").
 *
 * How it is made: the central area (about 114.93–115.02° E, 30.06–30.13° N, docs/demo-city.md, unverified) is a 9 × 7
 * mesh of ~1 km blocks whose corners and edge midpoints are jittered by a fixed hash, so shapes look
 * hand-drawn but are identical on every run. Each block belongs to one community (the map below); streets
 * are unions of their communities and the tenant boundary is the union of all blocks. Because neighbours
 * share the very same vertices, streets tile the area exactly and communities tile their street.
 * Street codes match daye-org.ts (东岳路 001, 东风路 002, 金湖 003, 罗家桥 004; unverified); community
 * names come from roads named in the seed report and are invented, as are their codes.
 */
import type {
  FeatureCollection,
  Geometry,
  LineStringGeometry,
  PolygonGeometry,
  Position,
} from '../../../common/domain/geo.ts';
import { generateGrids, type GeneratedGrid } from '../modules/geo/index.ts';
import { DAYE, DAYE_STREETS } from './daye-org.ts';

// The central area is a 9 × 7 block of BLOCK-sized squares from its north-west corner.
const WEST = 114.93,
  NORTH = 30.13,
  BLOCK = 0.01;
const CORNER_JITTER = 0.0022,
  EDGE_BULGE = 0.0012;

/** Block → community letter, rows north→south, columns west→east; '.' is outside the demo area. */
const BLOCK_MAP = ['.aaeefh..', 'aabeefhh.', 'cbbggjjkk', 'cddiijlkk', 'cdmiilll.', '.mmnool..', '.mnnoo...'] as const;

const COMMUNITIES: Record<string, { street: string; code: string; name: string }> = {
  a: { street: '004', code: '001', name: '罗桥社区' },
  b: { street: '004', code: '002', name: '余府社区' },
  c: { street: '004', code: '003', name: '七里界社区' },
  d: { street: '004', code: '004', name: '伍桥社区' },
  e: { street: '002', code: '001', name: '东风社区' },
  f: { street: '002', code: '002', name: '育才社区' },
  h: { street: '002', code: '003', name: '高铁社区' },
  g: { street: '002', code: '004', name: '新冶社区' },
  i: { street: '001', code: '001', name: '儒学社区' },
  j: { street: '001', code: '002', name: '北门社区' },
  k: { street: '001', code: '003', name: '乾塔社区' },
  l: { street: '001', code: '004', name: '墈头社区' },
  m: { street: '003', code: '001', name: '码头社区' },
  n: { street: '003', code: '002', name: '尹家湖社区' },
  o: { street: '003', code: '003', name: '湖滨社区' },
};

export interface SeedArea {
  level: 'tenant' | 'street' | 'community';
  /** Full code: 6 (tenant), 9 (street) or 12 (community) digits. */
  fullCode: string;
  /** Last 3 digits (org.ts REGION_CODE_PATTERN); the admin code for the tenant. */
  code: string;
  name: string;
  parentCode: string | null;
  geometry: PolygonGeometry;
  synthetic: true;
}
export interface SeedRoad {
  name: string;
  geometry: LineStringGeometry;
  synthetic: true;
}
export type SeedGrid = GeneratedGrid & { synthetic: true };

/** Integer hash → [0, 1): the same on every platform, unlike Math.sin tricks. */
function hash(a: number, b: number, salt: number): number {
  let h = Math.imul(a, 374761393) ^ Math.imul(b, 668265263) ^ Math.imul(salt, 1442695041);
  h = Math.imul(h ^ (h >>> 13), 1274126177);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}
const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/** Mesh node (i = column line 0..9 west→east, j = row line 0..7 north→south). */
function node(i: number, j: number): Position {
  return [
    round6(WEST + i * BLOCK + (hash(i, j, 1) - 0.5) * 2 * CORNER_JITTER),
    round6(NORTH - j * BLOCK + (hash(i, j, 2) - 0.5) * 2 * CORNER_JITTER),
  ];
}

/** Midpoint of the mesh edge between two nodes, pushed sideways so borders are not straight. */
function bulge(a: [number, number], b: [number, number]): Position {
  const [p, q] = a[0] * 100 + a[1] < b[0] * 100 + b[1] ? [a, b] : [b, a]; // same point whichever way it is walked
  const [pa, pb] = [node(...p), node(...q)];
  const len = Math.hypot(pb[0] - pa[0], pb[1] - pa[1]);
  const off = (hash(p[0] * 16 + q[0], p[1] * 16 + q[1], 3) - 0.5) * 2 * EDGE_BULGE;
  return [
    round6((pa[0] + pb[0]) / 2 - ((pb[1] - pa[1]) / len) * off),
    round6((pa[1] + pb[1]) / 2 + ((pb[0] - pa[0]) / len) * off),
  ];
}

/** Outline of a set of blocks: edges shared by two blocks of the set cancel, the rest chain into one CCW ring. */
function outline(blocks: [number, number][]): PolygonGeometry {
  const key = (a: [number, number], b: [number, number]) => `${a[0]},${a[1]}>${b[0]},${b[1]}`;
  const edges = new Map<string, [[number, number], [number, number]]>();
  for (const [c, r] of blocks) {
    const sw: [number, number] = [c, r + 1],
      se: [number, number] = [c + 1, r + 1],
      ne: [number, number] = [c + 1, r],
      nw: [number, number] = [c, r];
    for (const [a, b] of [
      [sw, se],
      [se, ne],
      [ne, nw],
      [nw, sw],
    ] as const) {
      if (edges.has(key(b, a))) edges.delete(key(b, a));
      else edges.set(key(a, b), [a, b]);
    }
  }
  const from = new Map<string, [number, number]>();
  for (const [a, b] of edges.values()) {
    if (from.has(`${a[0]},${a[1]}`)) throw new Error(`synthetic map: blocks touch only at corner ${a.join(',')}`);
    from.set(`${a[0]},${a[1]}`, b);
  }
  const start = edges.values().next().value?.[0];
  if (!start) throw new Error('synthetic map: empty block set');
  const ring: Position[] = [];
  let at: [number, number] = start;
  do {
    const next = from.get(`${at[0]},${at[1]}`) as [number, number];
    ring.push(node(...at), bulge(at, next));
    at = next;
  } while (at[0] !== start[0] || at[1] !== start[1]);
  if (ring.length !== edges.size * 2) throw new Error('synthetic map: a block set is not one simple ring');
  ring.push(ring[0] as Position);
  return { type: 'Polygon', coordinates: [ring] };
}

function blocksWhere(test: (letter: string) => boolean): [number, number][] {
  const out: [number, number][] = [];
  BLOCK_MAP.forEach((row, r) => [...row].forEach((letter, c) => letter !== '.' && test(letter) && out.push([c, r])));
  return out;
}

export function dayeTenantBoundary(): SeedArea {
  return {
    level: 'tenant',
    fullCode: DAYE.code,
    code: DAYE.code,
    name: `${DAYE.name}（中心城区示意范围）`,
    parentCode: null,
    geometry: outline(blocksWhere(() => true)),
    synthetic: true,
  };
}

export function dayeStreets(): SeedArea[] {
  return DAYE_STREETS.filter((s) => s.kind === 'street').map((s) => ({
    level: 'street',
    fullCode: DAYE.code + s.code,
    code: s.code,
    name: s.name,
    parentCode: DAYE.code,
    geometry: outline(blocksWhere((l) => COMMUNITIES[l]?.street === s.code)),
    synthetic: true,
  }));
}

export function dayeCommunities(): SeedArea[] {
  return Object.entries(COMMUNITIES).map(([letter, c]) => ({
    level: 'community',
    fullCode: DAYE.code + c.street + c.code,
    code: c.code,
    name: c.name,
    parentCode: DAYE.code + c.street,
    geometry: outline(blocksWhere((l) => l === letter)),
    synthetic: true,
  }));
}

/** Roads named in the seed report; their courses are invented. */
const ROADS: [string, Position[]][] = [
  [
    '新冶大道',
    [
      [114.937, 30.1],
      [114.955, 30.0985],
      [114.975, 30.098],
      [114.995, 30.0995],
      [115.013, 30.101],
    ],
  ],
  [
    '金湖大道',
    [
      [114.972, 30.094],
      [114.978, 30.088],
      [114.982, 30.081],
      [114.984, 30.071],
    ],
  ],
  [
    '高铁大道',
    [
      [114.945, 30.124],
      [114.947, 30.11],
      [114.948, 30.1],
      [114.952, 30.083],
    ],
  ],
  [
    '建设路',
    [
      [114.965, 30.106],
      [114.966, 30.095],
      [114.968, 30.086],
    ],
  ],
  [
    '儒学路',
    [
      [114.958, 30.094],
      [114.972, 30.0935],
      [114.986, 30.0945],
    ],
  ],
  [
    '北门路',
    [
      [114.97, 30.113],
      [114.971, 30.106],
      [114.972, 30.1],
    ],
  ],
  [
    '墈头街',
    [
      [114.976, 30.091],
      [114.983, 30.0905],
      [114.991, 30.09],
    ],
  ],
  [
    '码头路',
    [
      [114.955, 30.078],
      [114.965, 30.0765],
      [114.975, 30.074],
    ],
  ],
  [
    '育才路',
    [
      [114.985, 30.116],
      [114.995, 30.114],
      [115.004, 30.112],
    ],
  ],
  [
    '黄狮海路',
    [
      [114.95, 30.092],
      [114.953, 30.082],
      [114.957, 30.072],
    ],
  ],
];

export function dayeRoads(): SeedRoad[] {
  return ROADS.map(([name, coordinates]) => ({ name, geometry: { type: 'LineString', coordinates }, synthetic: true }));
}

/** Unit grids of every community from the generator (~6,000 cells at 100 m). */
export function dayeGrids(cellMeters = 100): SeedGrid[] {
  return dayeCommunities().flatMap((c) =>
    generateGrids({ code: c.fullCode, polygon: c.geometry }, cellMeters).grids.map((g) => ({
      ...g,
      synthetic: true as const,
    })),
  );
}

/** Tenant, streets, communities and roads as one FeatureCollection (for the map layer or a file export). */
export function dayeGeographyFeatures(): FeatureCollection<Geometry> {
  const areas = [dayeTenantBoundary(), ...dayeStreets(), ...dayeCommunities()];
  return {
    type: 'FeatureCollection',
    features: [
      ...areas.map((a) => ({
        type: 'Feature' as const,
        geometry: a.geometry,
        properties: { code: a.fullCode, name: a.name, kind: a.level, synthetic: true },
      })),
      ...dayeRoads().map((r) => ({
        type: 'Feature' as const,
        geometry: r.geometry,
        properties: { name: r.name, kind: 'road', synthetic: true },
      })),
    ],
  };
}
