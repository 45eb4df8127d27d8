/**
 * What the synthetic cases point at, read from a seeded database: the tenant, its matters and 立结案标准, handling
 * units, the demo users, and a pool of points that fall inside seeded grids (so the app's point → grid lookup
 * accepts them and every case carries a real grid/community/street).
 */
import type { AreaGeometry } from '../../common/domain/geo.ts';
import { pointInPolygon } from '../../server/src/modules/geo/geometry.ts';
import type { Db } from '../../server/src/platform/db.ts';
import { rng, type Random } from './rng.ts';

export interface PlacedPoint {
  lng: number;
  lat: number;
  gridCode: string;
  communityId: string;
  streetId: string;
}

export interface MatterRef {
  code: string;
  name: string;
  conditions: { id: string; condition: string; limitValue: number; limitUnit: string; unitId: string | null }[];
}

export interface CaseReference {
  tenantId: string;
  tenantCode: string;
  timezone: string;
  matters: MatterRef[];
  units: { id: string; name: string }[];
  users: Record<
    'inspector' | 'operator' | 'shiftleader' | 'dispatcher' | 'leader' | 'handler' | 'unitmanager',
    { id: string; name: string }
  >;
  handlerUnitId: string | null;
  points: PlacedPoint[];
}

/** Points uniformly over the seeded grids (each grid equally likely), each checked against its polygon. */
export async function gridPoints(
  db: Db,
  tenantId: string,
  count: number,
  random: Random = rng(11),
): Promise<PlacedPoint[]> {
  const grids = await db
    .selectFrom('grids')
    .select(['code', 'community_id', 'street_id', 'geometry', 'min_lng', 'min_lat', 'max_lng', 'max_lat'])
    .where('tenant_id', '=', tenantId)
    .orderBy('code')
    .execute();
  if (!grids.length) throw new Error('the tenant has no grids: seed the demo city first');
  const parsed = grids.map((g) => ({ ...g, polygon: JSON.parse(g.geometry) as AreaGeometry }));
  const out: PlacedPoint[] = [];
  while (out.length < count) {
    const g = parsed[Math.floor(random() * parsed.length)];
    if (!g) continue;
    for (let attempt = 0; attempt < 20; attempt++) {
      const lng = g.min_lng + random() * (g.max_lng - g.min_lng);
      const lat = g.min_lat + random() * (g.max_lat - g.min_lat);
      if (pointInPolygon(g.polygon, lng, lat)) {
        out.push({ lng, lat, gridCode: g.code, communityId: g.community_id, streetId: g.street_id });
        break;
      }
    }
  }
  return out;
}

export async function loadCaseReference(db: Db, tenantCode = '420281', pointCount = 20_000): Promise<CaseReference> {
  const tenant = await db
    .selectFrom('tenants')
    .select(['id', 'code', 'timezone'])
    .where('code', '=', tenantCode)
    .executeTakeFirst();
  if (!tenant) throw new Error(`tenant ${tenantCode} not found: seed the demo city first`);
  const [matterRows, conditionRows, unitRows, userRows] = await Promise.all([
    db
      .selectFrom('catalog_entries')
      .select(['code', 'name'])
      .where('tenant_id', '=', tenant.id)
      .where('kind', '=', 'matter')
      .where('active', '=', 1)
      .orderBy('code')
      .execute(),
    db
      .selectFrom('filing_conditions')
      .select(['id', 'matter_code', 'condition', 'limit_value', 'limit_unit', 'unit_id'])
      .where('tenant_id', '=', tenant.id)
      .where('active', '=', 1)
      .orderBy('matter_code')
      .orderBy('seq')
      .execute(),
    db
      .selectFrom('units')
      .select(['id', 'name', 'kind', 'code'])
      .where('tenant_id', '=', tenant.id)
      .where('active', '=', 1)
      .orderBy('code')
      .execute(),
    db
      .selectFrom('users')
      .select(['id', 'username', 'display_name', 'unit_id'])
      .where('tenant_id', '=', tenant.id)
      .execute(),
  ]);
  const matters: MatterRef[] = matterRows.map((m) => ({
    code: m.code,
    name: m.name,
    conditions: conditionRows
      .filter((c) => c.matter_code === m.code)
      .map((c) => ({
        id: c.id,
        condition: c.condition,
        limitValue: c.limit_value,
        limitUnit: c.limit_unit,
        unitId: c.unit_id,
      })),
  }));
  const user = (username: string) => {
    const u = userRows.find((r) => r.username === username);
    if (!u) throw new Error(`demo user ${username} not found`);
    return { id: u.id, name: u.display_name };
  };
  const handler = userRows.find((r) => r.username === 'handler');
  return {
    tenantId: tenant.id,
    tenantCode: tenant.code,
    timezone: tenant.timezone,
    matters,
    // Bureau offices do not handle cases; every other unit (所, 队, 街道办, utilities) does.
    units: unitRows.filter((u) => u.kind !== 'bureau').map((u) => ({ id: u.id, name: u.name })),
    users: {
      inspector: user('inspector'),
      operator: user('operator'),
      shiftleader: user('shiftleader'),
      dispatcher: user('dispatcher'),
      leader: user('leader'),
      handler: user('handler'),
      unitmanager: user('unitmanager'),
    },
    handlerUnitId: handler?.unit_id ?? null,
    points: await gridPoints(db, tenant.id, pointCount),
  };
}
