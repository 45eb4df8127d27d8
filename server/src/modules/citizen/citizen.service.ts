import type {
  PublicCaseView,
  PublicInfo,
  PublicMatterPage,
  PublicMatterQuery,
  PublicRating,
  PublicReport,
  PublicReportResult,
} from '../../../../common/contracts/public.ts';
import { MAX_PUBLIC_PHOTOS } from '../../../../common/contracts/public.ts';
import { pageWindow } from '../../../../common/domain/paging.ts';
import type { Config } from '../../config.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { CaseService } from '../cases/index.ts';
import type { CatalogService } from '../catalog/index.ts';
import type { NotifyService } from '../notify/index.ts';
import type { OrgServices, PublicTenant } from '../org/index.ts';
import type { PhotoService } from '../photos/index.ts';
import type { SettingsService } from '../settings/index.ts';
import { createCitizenLookup } from './citizen-lookup.ts';
import { createCitizenSettings } from './citizen-settings.ts';
import { searchPlainMatters } from './citizen-matters.ts';
import * as repo from './citizen.repository.ts';

/**
 * Who uploaded a citizen photo: the device id (or the IP when the app sends none) together with the IP, so only the
 * phone that uploaded a photo, from where it uploaded it, can put that photo on a report.
 */
const photoUploader = (device: { key: string; ip: string }) => `public:${device.key}|ip:${device.ip}`;

/** Shown as the actor of the citizen's own steps on the case timeline. */
export const CITIZEN_SOURCE = '市民随手拍';
/** Tracking tokens are base64url (case-external.ts issues 24 characters); other shapes are simply not found. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{16,128}$/;

export interface CitizenDeps {
  cases: Pick<
    CaseService,
    'intake' | 'rate' | 'reopen' | 'publicView' | 'findByToken' | 'findByNo' | 'reporterOfNo' | 'reopenDays'
  >;
  photos: Pick<PhotoService, 'uploadExternal'>;
  org: Pick<OrgServices, 'publicTenant'>;
  catalog: Pick<CatalogService, 'catalogOf'>;
  settings: Pick<SettingsService, 'put'>;
  notify: Pick<NotifyService, 'enqueue'>;
  clock: Clock;
}

/**
 * Use cases of the citizen H5. No actor: every call names its tenant (resolved from the request by
 * `tenant`), and everything returned is public-safe by construction (PublicCaseView, matter names, ids).
 */
export function createCitizenService(
  database: Database,
  config: Pick<Config, 'basemap' | 'sms' | 'sessionSecret'>,
  deps: CitizenDeps,
) {
  const { db } = database;
  const lookup = createCitizenLookup(
    database,
    { smsGateway: config.sms.gateway, secret: config.sessionSecret },
    { cases: deps.cases, notify: deps.notify, clock: deps.clock },
  );

  async function caseOfToken(tenantId: string, token: string): Promise<string> {
    // Same 404 for a malformed, unknown or other city's token (docs/conventions.md, "Errors").
    if (!TOKEN_SHAPE.test(token)) throw notFound('case');
    const id = await deps.cases.findByToken(tenantId, token);
    if (id) return id;
    // An access token from the lookup by number and phone works like the tracking token while it is valid, for a
    // case that is still public (publicView answers 404 otherwise).
    const looked = await lookup.caseOfAccess(tenantId, token);
    if (!looked) throw notFound('case');
    await deps.cases.publicView(tenantId, looked);
    return looked;
  }

  return {
    /** Lookup by case number and the last four digits of the reporter's phone, with an SMS code. */
    lookup,

    /** Staff side: the reopen window (setting case.reopenDays). */
    settings: createCitizenSettings(database, deps.settings, deps.cases),

    /** The city a request is for: its code in `x-city`, else the configured public tenant. */
    async tenant(cityCode: string | null): Promise<PublicTenant> {
      const found = await deps.org.publicTenant(cityCode);
      if (found) return found;
      // Unknown city → 404; none named on an installation with several cities (and no PUBLIC_TENANT) → ask for it.
      if (cityCode) throw new AppError('NOT_FOUND', 404, { entity: 'city' });
      throw new AppError('TENANT_REQUIRED', 400, [
        {
          field: 'headers.x-city',
          rule: 'required',
          message: 'name the city code (x-city) on an installation with several cities',
        },
      ]);
    },

    async info(tenant: PublicTenant): Promise<PublicInfo> {
      const outline = await repo.cityOutline(db, tenant.id);
      const [minLng, minLat, maxLng, maxLat] = [outline?.min_lng, outline?.min_lat, outline?.max_lng, outline?.max_lat];
      const extent =
        typeof minLng === 'number' &&
        typeof minLat === 'number' &&
        typeof maxLng === 'number' &&
        typeof maxLat === 'number'
          ? { west: minLng, south: minLat, east: maxLng, north: maxLat }
          : null;
      return {
        city: { code: tenant.code, name: tenant.name },
        timezone: tenant.timezone,
        reopenDays: await deps.cases.reopenDays(tenant.id),
        maxPhotos: MAX_PUBLIC_PHOTOS,
        center: extent ? { lng: (extent.west + extent.east) / 2, lat: (extent.south + extent.north) / 2 } : null,
        extent,
        basemap: config.basemap,
        smsEnabled: lookup.enabled,
      };
    },

    /** GeoJSON text: the city outline and its streets/towns with their names. */
    async map(tenant: PublicTenant): Promise<string> {
      const [outline, streets] = await Promise.all([repo.cityOutline(db, tenant.id), repo.streetShapes(db, tenant.id)]);
      const feature = (geometry: string, properties: Record<string, unknown>) =>
        `{"type":"Feature","geometry":${geometry},"properties":${JSON.stringify(properties)}}`;
      const features = [
        ...(outline?.geometry
          ? [feature(outline.geometry, { kind: 'tenant', code: outline.code, name: outline.name })]
          : []),
        ...streets.map((s) => feature(s.geometry as string, { kind: s.kind, code: s.full_code, name: s.name })),
      ];
      return `{"type":"FeatureCollection","features":[${features.join(',')}]}`;
    },

    async matters(tenant: PublicTenant, query: PublicMatterQuery): Promise<PublicMatterPage> {
      const all = searchPlainMatters(await deps.catalog.catalogOf(tenant.id), query.q);
      const { limit, offset } = pageWindow(query.page, query.pageSize ?? 20);
      return { items: all.slice(offset, offset + limit), total: all.length, page: query.page ?? 1, pageSize: limit };
    },

    async uploadPhoto(
      tenant: PublicTenant,
      data: Buffer,
      key: string | null,
      device: { key: string; ip: string },
    ): Promise<{ id: string }> {
      const photo = await deps.photos.uploadExternal(
        tenant.id,
        data,
        key,
        `public:${device.key}`,
        photoUploader(device),
      );
      return { id: photo.id };
    },

    async report(
      tenant: PublicTenant,
      body: PublicReport,
      key: string | null,
      device: { key: string; id: string | null; ip: string },
    ) {
      const result = await deps.cases.intake(
        tenant.id,
        {
          channel: 'public',
          matterCode: body.matterCode,
          description: body.description.trim(),
          lng: body.lng,
          lat: body.lat,
          crs: body.crs,
          address: body.address?.trim() || null,
          photoIds: body.photoIds ?? [],
          reporterPhone: body.phone ?? null,
          deviceId: device.id,
          source: CITIZEN_SOURCE,
          uploader: photoUploader(device),
        },
        { scope: `public:${device.key}`, key },
      );
      const out: PublicReportResult = { caseNo: result.caseNo, token: result.token };
      return { status: result.status, replayed: result.replayed, body: out };
    },

    async track(tenant: PublicTenant, token: string): Promise<PublicCaseView> {
      return deps.cases.publicView(tenant.id, await caseOfToken(tenant.id, token));
    },

    async rate(tenant: PublicTenant, token: string, body: PublicRating): Promise<PublicCaseView> {
      const id = await caseOfToken(tenant.id, token);
      await deps.cases.rate(tenant.id, id, { value: body.value, source: 'citizen', note: body.note?.trim() || null });
      return deps.cases.publicView(tenant.id, id);
    },

    async reopen(tenant: PublicTenant, token: string, reason: string): Promise<PublicCaseView> {
      const id = await caseOfToken(tenant.id, token);
      await deps.cases.reopen(tenant.id, id, { reason: reason.trim(), source: CITIZEN_SOURCE });
      return deps.cases.publicView(tenant.id, id);
    },
  };
}
export type CitizenService = ReturnType<typeof createCitizenService>;
