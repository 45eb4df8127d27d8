/**
 * Address and place search (docs/gazetteer.md, "Matching"): a house number first (road + number, interpolated),
 * then roads and POIs by their keys (one indexed lookup), streets and communities in memory; exact before prefix
 * before infix, and a Chinese query that finds nothing is tried again by its pinyin (同音字: 大业路 → 大冶路).
 */
import { pinyin } from 'pinyin-pro';
import type { PlaceHit, PlaceKind } from '../../../../common/contracts/gazetteer.ts';
import type { LineStringGeometry, PointGeometry } from '../../../../common/domain/geo.ts';
import type { Database } from '../../platform/db.ts';
import type { TenantGeography } from '../geo/index.ts';
import type { Area } from './gazetteer-areas.ts';
import { housePoint, parityHolds } from './gazetteer-geometry.ts';
import { houseQuery, normalizeQuery, queryKey } from './gazetteer-keys.ts';
import * as repo from './gazetteer.repository.ts';

interface Candidate {
  kind: PlaceKind;
  name: string;
  lng: number;
  lat: number;
  interpolated: boolean;
  /** lower first: -1 house number, 0 exact, 1 prefix, 2 infix, +3 when found by the pinyin of a Chinese query */
  rank: number;
}

const KIND_ORDER: Record<PlaceKind, number> = { house: 0, road: 1, poi: 2, community: 3, street: 4 };
const RANK_OF = (whole: number, pos: number) => (whole ? 0 : pos === 0 ? 1 : 2);
/** How many key hits one lookup reads before ranking: enough for any list the pickers show. */
const LOOKUP_LIMIT = 60;
const HAN = /\p{Script=Han}/u;

export function createPlaceSearch(database: Database, areasOf: (tenantId: string) => Promise<Area[]>) {
  const { db } = database;

  async function byKey(tenantId: string, key: string, areas: Area[], shift: number): Promise<Candidate[]> {
    const places = await repo.placesByKey(db, tenantId, key, LOOKUP_LIMIT);
    const out: Candidate[] = places.map(({ place, whole, pos }) => ({
      kind: place.kind === 'poi' ? 'poi' : 'road',
      name: place.name,
      lng: place.lng,
      lat: place.lat,
      interpolated: false,
      rank: RANK_OF(whole, pos) + shift,
    }));
    for (const a of areas) {
      const k = a.keys.get(key);
      if (k)
        out.push({
          kind: a.kind,
          name: a.name,
          lng: a.lng,
          lat: a.lat,
          interpolated: false,
          rank: RANK_OF(k.whole, k.pos) + shift,
        });
    }
    return out;
  }

  async function houses(tenantId: string, q: string): Promise<Candidate[]> {
    const house = houseQuery(q);
    if (!house) return [];
    const roads = (await repo.placesByKey(db, tenantId, queryKey(house.road), LOOKUP_LIMIT))
      .filter((h) => h.place.kind === 'road' && (h.whole || h.pos === 0))
      .map((h) => h.place.name);
    const ranges = await repo.rangesHolding(db, tenantId, [...new Set(roads)], house.number);
    return ranges
      .filter((r) => parityHolds(r.parity, house.number))
      .map((r) => {
        const g = JSON.parse(r.geometry) as PointGeometry | LineStringGeometry;
        const { at, interpolated } = housePoint(g, r.num_from ?? 0, r.num_to ?? 0, house.number);
        return {
          kind: 'house' as const,
          name: `${r.road_name ?? ''}${house.number}号`,
          lng: at[0],
          lat: at[1],
          interpolated,
          rank: -1,
        };
      });
  }

  /** Ranked, deduplicated candidates (same kind and name once), at most `limit`. */
  async function candidates(tenantId: string, q: string, limit: number): Promise<Candidate[]> {
    const key = queryKey(q);
    if (!key) return [];
    const areas = await areasOf(tenantId);
    let found = [...(await houses(tenantId, q)), ...(await byKey(tenantId, key, areas, 0))];
    // "大冶路12号" also offers the road itself, for a number the ranges do not hold.
    const house = houseQuery(q);
    if (house) found.push(...(await byKey(tenantId, queryKey(house.road), areas, 0)));
    if (!found.length && HAN.test(key)) {
      const spelled = queryKey(pinyin(normalizeQuery(q), { toneType: 'none', separator: '', nonZh: 'consecutive' }));
      if (spelled && spelled !== key) found = await byKey(tenantId, spelled, areas, 3);
    }
    found.sort(
      (a, b) =>
        a.rank - b.rank ||
        KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
        a.name.length - b.name.length ||
        a.name.localeCompare(b.name, 'zh-CN'),
    );
    const seen = new Set<string>();
    return found
      .filter((c) => {
        const id = `${c.kind}:${c.name}`;
        if (seen.has(id)) return false;
        seen.add(id);
        return true;
      })
      .slice(0, limit);
  }

  return {
    candidates,
    /** Staff answers: each point with the grid, community and street it lies in. */
    async search(tenantId: string, geography: TenantGeography, q: string, limit: number): Promise<PlaceHit[]> {
      const byId = new Map([...geography.regions.values()].map((r) => [r.id, r]));
      return (await candidates(tenantId, q, limit)).map((c) => {
        const at = geography.locate(c.lng, c.lat);
        return {
          kind: c.kind,
          name: c.name,
          lng: c.lng,
          lat: c.lat,
          gridCode: at?.gridCode ?? null,
          communityName: at?.communityId ? (byId.get(at.communityId)?.name ?? null) : null,
          streetName: at ? (byId.get(at.streetId)?.name ?? null) : null,
          interpolated: c.interpolated,
        };
      });
    },
  };
}
