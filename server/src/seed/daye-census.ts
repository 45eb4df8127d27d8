/**
 * SYNTHETIC component census (部件普查) for the demo city — NOT real data. Every component is invented, placed
 * along the invented roads of daye-geography.ts at spacings typical of a Chinese city street (lamps every
 * ~50 m a side, manholes every 60–200 m, bins every 100 m …), and marked synthetic. Only the facility counts
 * come from the bureau's 2023 work report (docs/demo-city.md): 19 drainage pump houses, 2 garbage transfer stations and
 * 14 collection stations. Classes and names are GB/T 47678.5 entries from the national catalog file; GB/T 47678.5
 * has no separate class for transfer/collection stations, so both are 03004 垃圾间（楼）(old 0304 垃圾中转站).
 * Owners and maintainers are the demo city's units where one fits, otherwise a generic name marked （示意）.
 */
import type { ComponentState } from '../../../common/contracts/components.ts';
import type { Position } from '../../../common/domain/geo.ts';
import { loadNationalCatalog } from '../modules/catalog/index.ts';
import { centroid, pointInPolygon } from '../modules/geo/index.ts';
import { dayeCommunities, dayeRoads, dayeTenantBoundary } from './daye-geography.ts';

export interface CensusComponent {
  classCode: string;
  name: string;
  lng: number;
  lat: number;
  state: ComponentState;
  deptName: string;
  ownerName: string | null;
  maintainerName: string | null;
  /** YYYY-MM-DD */
  initialDate: string;
  source: string;
  notes: string;
  synthetic: true;
}

const BUREAU = '大冶市城市管理执法局';
interface Keeper {
  owner: string | null;
  maintainer: string | null;
}
const DRAINAGE: Keeper = { owner: '排水所', maintainer: '排水所' };
const MUNICIPAL: Keeper = { owner: '市政所', maintainer: '市政所' };
const SANITATION: Keeper = { owner: '环卫所', maintainer: '城区保洁公司（市场化保洁）' };
const PARKS: Keeper = { owner: '园林所', maintainer: '园林所' };

/** What lines a road: class, spacing along it (m), first position (m), sideways offset (m), which sides. */
interface RoadSpec {
  classCode: string;
  every: number;
  start: number;
  offset: number;
  sides: 'both' | 'one' | 'alternate';
  keeper: Keeper;
}
const ROAD_SPECS: readonly RoadSpec[] = [
  { classCode: '01037', every: 25, start: 10, offset: 12, sides: 'alternate', keeper: MUNICIPAL }, // 路灯: 50 m a side, staggered
  { classCode: '04002', every: 50, start: 20, offset: 15, sides: 'both', keeper: PARKS }, // 行道树
  { classCode: '01004', every: 80, start: 35, offset: 9, sides: 'both', keeper: DRAINAGE }, // 雨水箅子
  { classCode: '01003', every: 60, start: 5, offset: 3, sides: 'one', keeper: DRAINAGE }, // 雨水井盖
  { classCode: '01002', every: 60, start: 35, offset: -3, sides: 'one', keeper: DRAINAGE }, // 污水井盖
  {
    classCode: '01001',
    every: 120,
    start: 50,
    offset: 6,
    sides: 'one',
    keeper: { owner: '供水公司（示意）', maintainer: '供水公司（示意）' },
  },
  {
    classCode: '01005',
    every: 150,
    start: 70,
    offset: -7,
    sides: 'one',
    keeper: { owner: '供电公司（示意）', maintainer: '供电公司（示意）' },
  },
  {
    classCode: '01007',
    every: 150,
    start: 145,
    offset: 7,
    sides: 'one',
    keeper: { owner: '通信运营商（示意）', maintainer: '通信运营商（示意）' },
  },
  {
    classCode: '01011',
    every: 200,
    start: 95,
    offset: -8,
    sides: 'one',
    keeper: { owner: '大冶华润燃气公司', maintainer: '大冶华润燃气公司' },
  },
  {
    classCode: '01013',
    every: 120,
    start: 80,
    offset: 10,
    sides: 'alternate',
    keeper: { owner: '供水公司（示意）', maintainer: '供水公司（示意）' },
  }, // 消防栓
  { classCode: '03005', every: 100, start: 40, offset: 11, sides: 'alternate', keeper: SANITATION }, // 垃圾箱
  {
    classCode: '03006',
    every: 250,
    start: 120,
    offset: 18,
    sides: 'alternate',
    keeper: { owner: '广告经营单位（示意）', maintainer: '广告经营单位（示意）' },
  },
  {
    classCode: '02004',
    every: 500,
    start: 200,
    offset: 14,
    sides: 'alternate',
    keeper: { owner: '公交公司（示意）', maintainer: '公交公司（示意）' },
  },
  { classCode: '02012', every: 400, start: 15, offset: 13, sides: 'alternate', keeper: MUNICIPAL }, // 路名牌
];

const PUMP_STATIONS = 19;
const COLLECTION_STATIONS = 14;
const TRANSFER_STATIONS: readonly [string, string, number][] = [
  ['城北垃圾转运站', '高铁大道', 0.08],
  ['城南垃圾转运站', '码头路', 0.85],
];

/** Integer hash → [0, 1), the same on every platform. */
function hash(a: number, b: number, salt: number): number {
  let h = Math.imul(a, 374761393) ^ Math.imul(b, 668265263) ^ Math.imul(salt, 1442695041);
  h = Math.imul(h ^ (h >>> 13), 1274126177);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

const M_PER_DEG = 6_371_008.8 * (Math.PI / 180);
const round7 = (v: number) => Math.round(v * 1e7) / 1e7;

/** Position `s` metres along a polyline, `offset` metres to its left (negative: right); null past its end. */
export function alongLine(line: readonly Position[], s: number, offset: number): Position | null {
  let rest = s;
  for (let i = 1; i < line.length; i++) {
    const [ax, ay] = line[i - 1] as Position;
    const [bx, by] = line[i] as Position;
    const kx = Math.cos((ay * Math.PI) / 180) * M_PER_DEG;
    const dx = (bx - ax) * kx,
      dy = (by - ay) * M_PER_DEG;
    const len = Math.hypot(dx, dy);
    if (rest <= len) {
      const [ux, uy] = [dx / len, dy / len];
      return [round7(ax + (ux * rest - uy * offset) / kx), round7(ay + (uy * rest + ux * offset) / M_PER_DEG)];
    }
    rest -= len;
  }
  return null;
}

function lineLength(line: readonly Position[]): number {
  let total = 0;
  for (let i = 1; i < line.length; i++) {
    const [ax, ay] = line[i - 1] as Position;
    const [bx, by] = line[i] as Position;
    total += Math.hypot((bx - ax) * Math.cos((ay * Math.PI) / 180) * M_PER_DEG, (by - ay) * M_PER_DEG);
  }
  return total;
}

/** Mostly 完好, a few 破损 and the odd 丢失: enough for the map and the anomaly statistics to show something. */
function stateOf(n: number): ComponentState {
  const h = hash(n, 7, 11);
  return h < 0.035 ? 'damaged' : h < 0.042 ? 'lost' : 'intact';
}

/** The census of 2023 (dates spread over May–June), in a fixed order: the same rows on every run. */
export function dayeCensus(): CensusComponent[] {
  const names = new Map(
    loadNationalCatalog()
      .filter((e) => e.kind === 'component')
      .map((e) => [e.code, e.name]),
  );
  const nameOf = (code: string) => {
    const name = names.get(code);
    if (!name) throw new Error(`census: ${code} is not a GB/T 47678.5 component class`);
    return name;
  };
  const boundary = dayeTenantBoundary().geometry;
  const out: CensusComponent[] = [];
  const add = (classCode: string, name: string, p: Position | null, keeper: Keeper) => {
    if (!p || !pointInPolygon(boundary, p[0], p[1])) return;
    const n = out.length;
    const day = 1 + Math.floor(hash(n, 3, 5) * 61);
    const date = new Date(Date.UTC(2023, 4, day)).toISOString().slice(0, 10);
    out.push({
      classCode,
      name,
      lng: p[0],
      lat: p[1],
      state: stateOf(n),
      deptName: BUREAU,
      ownerName: keeper.owner,
      maintainerName: keeper.maintainer,
      initialDate: date,
      source: '其他（示意数据）',
      notes: '合成示意数据，非真实普查成果',
      synthetic: true,
    });
  };

  const roads = dayeRoads();
  for (const spec of ROAD_SPECS) {
    const name = nameOf(spec.classCode);
    for (const road of roads) {
      const line = road.geometry.coordinates;
      const length = lineLength(line);
      for (let s = spec.start, k = 0; s < length; s += spec.every, k++) {
        const sides = spec.sides === 'both' ? [1, -1] : spec.sides === 'one' ? [1] : [k % 2 === 0 ? 1 : -1];
        for (const side of sides) add(spec.classCode, name, alongLine(line, s, side * spec.offset), spec.keeper);
      }
    }
  }

  // 19 pump houses spread evenly over the road network, set back 40 m from the carriageway.
  const total = roads.reduce((sum, r) => sum + lineLength(r.geometry.coordinates), 0);
  const perRoad = new Map<string, number>();
  for (let i = 0, at = total / (PUMP_STATIONS * 2); i < PUMP_STATIONS; i++, at += total / PUMP_STATIONS) {
    let rest = at;
    const road = roads.find((r) =>
      rest < lineLength(r.geometry.coordinates) ? true : ((rest -= lineLength(r.geometry.coordinates)), false),
    );
    if (!road) continue;
    const n = (perRoad.get(road.name) ?? 0) + 1;
    perRoad.set(road.name, n);
    add('01072', `${road.name}${n}号排水泵站`, alongLine(road.geometry.coordinates, rest, 40), DRAINAGE);
  }
  for (const [name, roadName, fraction] of TRANSFER_STATIONS) {
    const road = roads.find((r) => r.name === roadName);
    if (road)
      add(
        '03004',
        name,
        alongLine(road.geometry.coordinates, lineLength(road.geometry.coordinates) * fraction, 60),
        SANITATION,
      );
  }
  // One collection station and one public toilet per community (the first 14 get a station), near its centre.
  dayeCommunities().forEach((c, i) => {
    const [x, y] = centroid(c.geometry);
    const inside = pointInPolygon(c.geometry, x, y)
      ? ([x, y] as Position)
      : (c.geometry.coordinates[0]?.[0] as Position);
    const short = c.name.replace(/社区$/, '');
    if (i < COLLECTION_STATIONS) add('03004', `${short}垃圾收集站`, inside, SANITATION);
    add('03001', `${short}公共厕所`, [round7(inside[0] + 0.0006), round7(inside[1] + 0.0004)], SANITATION);
  });
  return out;
}
