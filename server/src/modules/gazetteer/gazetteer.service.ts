/**
 * The tenant gazetteer (docs/gazetteer.md): address and place search for staff and for the citizen page, the
 * street → community → grid tree for the pickers, the labelled road layer, and CSV/GeoJSON import and export.
 */
import type {
  AreaLeaves,
  AreaTree,
  GazetteerFormat,
  GazetteerImportResult,
  PlaceHits,
  PublicPlaceHits,
} from '../../../../common/contracts/gazetteer.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import { once, replay } from '../../platform/idempotency.ts';
import { reportImportRows } from '../../platform/import-progress.ts';
import type { AuditService } from '../audit/index.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import { gridReads, type GeoService } from '../geo/index.ts';
import { createAreaCache } from './gazetteer-areas.ts';
import { placesCsv, placesGeoJson, roadLayer } from './gazetteer-export.ts';
import { parseGazetteerCsv, parseGazetteerGeoJson, type PlaceRow } from './gazetteer-io.ts';
import { createPlaceSearch } from './gazetteer-search.ts';
import { resolveRanges, writePlaces } from './gazetteer-write.ts';
import { gazetteerErrors } from './gazetteer.errors.ts';
import * as repo from './gazetteer.repository.ts';

const round = (v: number, places: number) => Math.round(v * 10 ** places) / 10 ** places;
/** Public answers: about 1 m, a place's point, not anyone's position (docs/gazetteer.md, "Public search"). */
const PUBLIC_DECIMALS = 5;

export function createGazetteerService(
  database: Database,
  clock: Clock,
  audit: AuditService,
  geo: Pick<GeoService, 'geographyOf'>,
) {
  const { db } = database;
  const areaCache = createAreaCache();
  const areasOf = async (tenantId: string) => areaCache.areasOf(db, tenantId, await geo.geographyOf(tenantId));
  const search = createPlaceSearch(database, areasOf);

  async function tree(tenantId: string): Promise<AreaTree> {
    const areas = await areasOf(tenantId);
    const streets = areas.filter((a) => a.kind === 'street');
    return {
      streets: streets.map((s) => ({
        value: s.fullCode,
        label: s.name,
        lng: s.lng,
        lat: s.lat,
        children: areas
          .filter((c) => c.kind === 'community' && c.parentId === s.id)
          .map((c) => ({ value: c.fullCode, label: c.name, lng: c.lng, lat: c.lat })),
      })),
    };
  }

  async function gridsOf(tenantId: string, communityCode: string): Promise<AreaLeaves> {
    const rows = await gridReads.gridsWithPrefix(db, tenantId, communityCode);
    return {
      items: rows.map((g) => ({
        value: g.code,
        label: g.code.slice(12),
        lng: round((g.min_lng + g.max_lng) / 2, 6),
        lat: round((g.min_lat + g.max_lat) / 2, 6),
      })),
    };
  }

  return {
    async search(actor: Actor, q: string, limit = 10): Promise<PlaceHits> {
      requirePermission(actor, 'org.read');
      const geography = await geo.geographyOf(actor.tenantId);
      return { items: await search.search(actor.tenantId, geography, q, limit) };
    },
    /** The citizen page's search: names and points, nothing of grids, units or anything staff see. */
    async publicSearch(tenantId: string, q: string, limit = 10): Promise<PublicPlaceHits> {
      const hits = await search.candidates(tenantId, q, limit);
      return {
        items: hits.map((h) => ({
          name: h.name,
          lng: round(h.lng, PUBLIC_DECIMALS),
          lat: round(h.lat, PUBLIC_DECIMALS),
        })),
      };
    },
    async areas(actor: Actor): Promise<AreaTree> {
      requirePermission(actor, 'org.read');
      return tree(actor.tenantId);
    },
    publicAreas: (tenantId: string) => tree(tenantId),
    async grids(actor: Actor, communityCode: string): Promise<AreaLeaves> {
      requirePermission(actor, 'org.read');
      return gridsOf(actor.tenantId, communityCode);
    },
    publicGrids: (tenantId: string, communityCode: string) => gridsOf(tenantId, communityCode),
    async roads(actor: Actor): Promise<string> {
      requirePermission(actor, 'org.read');
      return roadLayer(await repo.roadLines(db, actor.tenantId));
    },
    publicRoads: async (tenantId: string) => roadLayer(await repo.roadLines(db, tenantId)),

    async exportPlaces(actor: Actor, format: GazetteerFormat): Promise<{ filename: string; body: string }> {
      requirePermission(actor, 'region.manage');
      const rows = await repo.allPlaces(db, actor.tenantId);
      return format === 'csv'
        ? { filename: 'gazetteer.csv', body: placesCsv(rows) }
        : { filename: 'gazetteer.geojson', body: placesGeoJson(rows) };
    },

    /** All or nothing: every row is checked first, and any problem refuses the file listing them all. */
    async importPlaces(
      actor: Actor,
      format: GazetteerFormat,
      bytes: Buffer,
      key: string | null = null,
    ): Promise<GazetteerImportResult> {
      requirePermission(actor, 'region.manage');
      const scope = `gazetteer.import:${actor.tenantId}:${actor.userId}`;
      const request = { format, body: bytes.toString('base64') };
      const earlier = await replay<GazetteerImportResult>(database, scope, key, request);
      if (earlier) return earlier.body;
      const text = bytes.toString('utf8');
      let parsed;
      if (format === 'csv') parsed = parseGazetteerCsv(text);
      else {
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          throw gazetteerErrors.importInvalid([{ field: 'file', rule: 'json', message: 'the file is not valid JSON' }]);
        }
        parsed = parseGazetteerGeoJson(json);
      }
      if (!parsed.ok) throw gazetteerErrors.importInvalid(parsed.issues);
      const rows: PlaceRow[] = parsed.rows;
      reportImportRows(rows.length, rows.length);
      const stored = await once(
        database,
        scope,
        key,
        () => clock.now().toISOString(),
        async (tx) => {
          const resolved = await resolveRanges(tx, actor.tenantId, rows);
          if (resolved.issues.length) throw gazetteerErrors.importInvalid(resolved.issues);
          const result = await writePlaces(tx, actor.tenantId, resolved.rows, clock.now().toISOString());
          await audit.record(tx, actor, actor.tenantId, {
            action: 'gazetteer.import',
            entity: 'gazetteer',
            entityId: actor.tenantId,
            before: null,
            after: { format, ...result },
          });
          return { status: 200, body: result };
        },
        request,
      );
      return stored.body;
    },
  };
}
export type GazetteerService = ReturnType<typeof createGazetteerService>;
