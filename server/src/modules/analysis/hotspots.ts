/**
 * Repeat hotspots (docs/analysis.md, "Repeat hotspots"), pure: the same place — N or more cases within a radius of
 * one case — or the same component — N or more cases naming its 17-digit id — within the window the caller read.
 */
export interface HotspotPoint {
  id: string;
  lng: number;
  lat: number;
  componentCode: string | null;
  matterCode: string | null;
}
export interface Hotspot {
  kind: 'place' | 'component';
  /** the place's cell or the component id */
  key: string;
  lng: number;
  lat: number;
  componentCode: string | null;
  /** the matter most of its cases name (ties: the smallest code) */
  matterCode: string | null;
  caseIds: string[];
}

const EARTH_M = 6_371_000;
const RAD = Math.PI / 180;

/** Metres between two WGS84 points (equirectangular: exact enough under a few kilometres). */
export function metresBetween(a: { lng: number; lat: number }, b: { lng: number; lat: number }): number {
  const x = (b.lng - a.lng) * RAD * Math.cos(((a.lat + b.lat) / 2) * RAD);
  const y = (b.lat - a.lat) * RAD;
  return Math.sqrt(x * x + y * y) * EARTH_M;
}

function commonest(values: readonly (string | null)[]): string | null {
  const n = new Map<string, number>();
  for (const v of values) if (v) n.set(v, (n.get(v) ?? 0) + 1);
  let best: string | null = null;
  for (const [v, c] of n) if (best === null || c > (n.get(best) ?? 0) || (c === n.get(best) && v < best)) best = v;
  return best;
}

/**
 * Places: each case's neighbours within the radius are found through a hash of cells one radius wide; the case
 * with the most neighbours starts a hotspot that takes every neighbour not yet taken, and so on while a case still
 * has N − 1 free neighbours. A case belongs to one hotspot at most.
 */
export function placeHotspots(points: readonly HotspotPoint[], radiusM: number, minCases: number): Hotspot[] {
  if (!points.length) return [];
  const latCell = radiusM / (EARTH_M * RAD);
  const lngCell = latCell / Math.max(0.01, Math.cos((points[0]?.lat ?? 0) * RAD));
  const cellOf = (p: HotspotPoint) => [Math.floor(p.lng / lngCell), Math.floor(p.lat / latCell)] as const;
  const cells = new Map<string, number[]>();
  points.forEach((p, i) => {
    const [x, y] = cellOf(p);
    const k = `${x}:${y}`;
    (cells.get(k) ?? cells.set(k, []).get(k))?.push(i);
  });
  const neighbours = points.map((p) => {
    const [x, y] = cellOf(p);
    const out: number[] = [];
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++)
        for (const j of cells.get(`${x + dx}:${y + dy}`) ?? [])
          if (metresBetween(p, points[j] as HotspotPoint) <= radiusM) out.push(j);
    return out; // includes the case itself
  });
  const order = points
    .map((_, i) => i)
    .sort(
      (a, b) =>
        (neighbours[b]?.length ?? 0) - (neighbours[a]?.length ?? 0) ||
        (points[a]?.id ?? '').localeCompare(points[b]?.id ?? ''),
    );
  const taken = new Set<number>();
  const found: Hotspot[] = [];
  for (const i of order) {
    if (taken.has(i)) continue;
    const free = (neighbours[i] ?? []).filter((j) => !taken.has(j));
    if (free.length < minCases) continue;
    for (const j of free) taken.add(j);
    const members = free.map((j) => points[j] as HotspotPoint);
    const centre = points[i] as HotspotPoint;
    found.push({
      kind: 'place',
      key: `${centre.lng.toFixed(5)},${centre.lat.toFixed(5)}`,
      lng: centre.lng,
      lat: centre.lat,
      componentCode: null,
      matterCode: commonest(members.map((m) => m.matterCode)),
      caseIds: members.map((m) => m.id).sort(),
    });
  }
  return found;
}

/** Components: N or more cases on one component id. */
export function componentHotspots(points: readonly HotspotPoint[], minCases: number): Hotspot[] {
  const by = new Map<string, HotspotPoint[]>();
  for (const p of points)
    if (p.componentCode) (by.get(p.componentCode) ?? by.set(p.componentCode, []).get(p.componentCode))?.push(p);
  return [...by.entries()]
    .filter(([, list]) => list.length >= minCases)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, list]) => ({
      kind: 'component' as const,
      key: code,
      lng: (list[0] as HotspotPoint).lng,
      lat: (list[0] as HotspotPoint).lat,
      componentCode: code,
      matterCode: commonest(list.map((m) => m.matterCode)),
      caseIds: list.map((m) => m.id).sort(),
    }));
}

/**
 * Top N by count, equal counts sharing a rank (1, 1, 3) and ordered among themselves by id, so a list cut at N is
 * the same list on every call.
 */
export function topN<T extends { id: string; value: number }>(
  items: readonly T[],
  n: number,
): (T & { rank: number })[] {
  const sorted = items.filter((i) => i.value > 0).sort((a, b) => b.value - a.value || a.id.localeCompare(b.id));
  const out: (T & { rank: number })[] = [];
  sorted.forEach((item, i) => {
    const prev = out[i - 1];
    out.push({ ...item, rank: prev && prev.value === item.value ? prev.rank : i + 1 });
  });
  return out.slice(0, n);
}
