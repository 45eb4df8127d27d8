/**
 * Point → grid lookup throughput (issue goal: ≥ 1,000,000 lookups/s over 10,000 grids, in process).
 * Run: node --import tsx bench/point-lookup.bench.ts   (bench/run.ts calls measurePointLookup for its table)
 *
 * The 10,000 cells come from the real generator: 16 irregular, concave "communities" (a jagged 2×2 km block
 * each, 4×4 of them) cut into 100 m cells, so boundary cells are clipped polygons and MultiPolygons, not only
 * squares. Queries are uniform random points over the whole extent (some miss every grid).
 */
import { pathToFileURL } from 'node:url';
import type { AreaGeometry, Position } from '../common/domain/geo.ts';
import { generateGrids, type GeneratedGrid } from '../server/src/modules/geo/grid-generator.ts';
import { createLocator } from '../server/src/modules/geo/locator.ts';

export const GOAL = 1_000_000;
const LOOKUPS = 1_000_000;
const M = 6_371_008.8 * (Math.PI / 180);
const ORIGIN: Position = [114.93, 30.06];
const KX = M * Math.cos((ORIGIN[1] * Math.PI) / 180);
const at = (x: number, y: number): Position => [ORIGIN[0] + x / KX, ORIGIN[1] + y / M];

/** Deterministic PRNG (mulberry32) so every run measures the same points. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 2.5×2.5 km block whose edges zig-zag ±120 m, so cells along them are clipped. */
function community(bx: number, by: number, size: number): AreaGeometry {
  const ring: Position[] = [];
  const steps = 10;
  const wiggle = (i: number) => (i % 2 === 0 ? 0 : 120);
  for (let i = 0; i < steps; i++) ring.push(at(bx + (size * i) / steps, by + wiggle(i)));
  for (let i = 0; i < steps; i++) ring.push(at(bx + size - wiggle(i), by + (size * i) / steps));
  for (let i = 0; i < steps; i++) ring.push(at(bx + size - (size * i) / steps, by + size - wiggle(i)));
  for (let i = 0; i < steps; i++) ring.push(at(bx + wiggle(i), by + size - (size * i) / steps));
  ring.push(ring[0] as Position);
  return { type: 'Polygon', coordinates: [ring] };
}

export interface PointLookupResult {
  grids: number;
  clipped: number;
  generateMs: number;
  indexMs: number;
  hitsPerRound: number;
  rounds: number[];
  /** lookups per second, median of the rounds */
  median: number;
}

export function measurePointLookup(): PointLookupResult {
  const t0 = performance.now();
  const grids: GeneratedGrid[] = [];
  const SIZE = 2700;
  for (let row = 0; row < 4 && grids.length < 10_000; row++) {
    for (let col = 0; col < 4; col++) {
      const code = `420281${String(row + 1).padStart(3, '0')}${String(col + 1).padStart(3, '0')}`;
      grids.push(...generateGrids({ code, polygon: community(col * SIZE, row * SIZE, SIZE - 100) }, 100).grids);
    }
  }
  const cells = grids.slice(0, 10_000);
  const t1 = performance.now();
  const locator = createLocator(cells);
  const t2 = performance.now();

  const random = rng(42);
  const extent = 4 * SIZE;
  const xs = new Float64Array(LOOKUPS);
  const ys = new Float64Array(LOOKUPS);
  for (let i = 0; i < LOOKUPS; i++) {
    const [x, y] = at(random() * extent, random() * extent);
    xs[i] = x;
    ys[i] = y;
  }

  let hits = 0;
  for (let i = 0; i < 100_000; i++) if (locator.locate(xs[i] as number, ys[i] as number)) hits++; // warm-up (JIT)
  const rounds: number[] = [];
  for (let round = 0; round < 5; round++) {
    hits = 0;
    const start = performance.now();
    for (let i = 0; i < LOOKUPS; i++) if (locator.locate(xs[i] as number, ys[i] as number)) hits++;
    rounds.push(LOOKUPS / ((performance.now() - start) / 1000));
  }
  const median = Math.round([...rounds].sort((a, b) => a - b)[2] as number);
  const clipped = cells.filter(
    (g) => g.polygon.type === 'MultiPolygon' || (g.polygon.coordinates[0]?.length ?? 0) !== 5,
  ).length;
  return { grids: cells.length, clipped, generateMs: t1 - t0, indexMs: t2 - t1, hitsPerRound: hits, rounds, median };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = measurePointLookup();
  const fmt = (n: number) => Math.round(n).toLocaleString('en');
  console.log(`grids: ${r.grids} (${r.clipped} clipped, non-square), generated in ${r.generateMs.toFixed(0)} ms`);
  console.log(`index build: ${r.indexMs.toFixed(1)} ms`);
  console.log(`lookups: 5 rounds of ${fmt(LOOKUPS)} random points, ${fmt(r.hitsPerRound)} per round inside a grid`);
  console.log(`rounds (lookups/s): ${r.rounds.map(fmt).join(', ')}`);
  console.log(
    `throughput (median): ${fmt(r.median)} lookups/s (goal ≥ ${fmt(GOAL)}/s): ${r.median >= GOAL ? 'MET' : 'NOT MET'}`,
  );
}
