/**
 * Points on roads (docs/gazetteer.md, "House numbers"): a road answers with its middle, and a house number with the
 * point at its share of the range along the range's line (or its road), as address interpolation does.
 */
import type { LineStringGeometry, PointGeometry, Position } from '../../../../common/domain/geo.ts';
import { haversineM } from '../geo/index.ts';
import type { HouseParity } from '../../db/schema-gazetteer.ts';

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/** The point at `share` (0…1) of the line's length. */
export function pointAlong(line: readonly Position[], share: number): Position {
  if (line.length === 1) return line[0] as Position;
  const legs = line.slice(1).map((p, i) => {
    const a = line[i] as Position;
    return haversineM(a[0], a[1], p[0], p[1]);
  });
  const total = legs.reduce((s, l) => s + l, 0);
  let left = Math.min(Math.max(share, 0), 1) * total;
  for (let i = 0; i < legs.length; i++) {
    const leg = legs[i] as number;
    const [a, b] = [line[i] as Position, line[i + 1] as Position];
    if (left <= leg || i === legs.length - 1) {
      const t = leg === 0 ? 0 : Math.min(left / leg, 1);
      return [round6(a[0] + (b[0] - a[0]) * t), round6(a[1] + (b[1] - a[1]) * t)];
    }
    left -= leg;
  }
  return line[line.length - 1] as Position;
}

export function anchorOf(g: PointGeometry | LineStringGeometry): Position {
  return g.type === 'Point' ? g.coordinates : pointAlong(g.coordinates, 0.5);
}

export function bboxOfShape(g: PointGeometry | LineStringGeometry): [number, number, number, number] {
  const points = g.type === 'Point' ? [g.coordinates] : g.coordinates;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

export function parityHolds(parity: HouseParity, n: number): boolean {
  return parity === 'all' || (parity === 'odd' ? n % 2 === 1 : n % 2 === 0);
}

/** Where number `n` of the range [from, to] lies on the range's line; a point range answers its point. */
export function housePoint(
  g: PointGeometry | LineStringGeometry,
  from: number,
  to: number,
  n: number,
): { at: Position; interpolated: boolean } {
  if (g.type === 'Point') return { at: g.coordinates, interpolated: false };
  return { at: pointAlong(g.coordinates, to === from ? 0.5 : (n - from) / (to - from)), interpolated: true };
}
