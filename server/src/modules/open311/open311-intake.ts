import type { ExternalReport, IntakeResult } from '../cases/index.ts';
import type { ApiClientsTable } from '../../db/schema-open311.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import type { Locale } from '../../platform/messages.ts';
import { attributeSpecs, t, type AttributeSpec } from './open311-docs.ts';
import { list, type O311Doc } from './open311-format.ts';
import { locate } from './open311-locate.ts';
import { numberParam, type Params } from './open311-params.ts';
import { O311Error } from './open311.errors.ts';
import * as repo from './open311.repository.ts';

/**
 * The write side of POST requests (docs/open311.md, "Creating a request", "What FixMyStreet sends"), validated fully
 * before anything is stored.
 */
export interface IntakeDeps {
  cases: {
    intake(tenantId: string, input: ExternalReport, idem: { scope: string; key: string | null }): Promise<IntakeResult>;
  };
  photos: {
    uploadExternal(tenantId: string, data: Buffer, key: string | null, scope: string): Promise<{ id: string }>;
  };
  /** to refuse a point outside the city before any photo is stored */
  geo: { locatePoint(tenantId: string, lng: number, lat: number): Promise<unknown> };
}

export interface Upload {
  field: string;
  data: Buffer;
}

export const MAX_DESCRIPTION = 4000;
export const MAX_MEDIA = 10;
const MAX_DATA_URI_BYTES = 10 * 1024 * 1024;

/** FixMyStreet sends `-` for a missing last name (docs/open311.md "What FixMyStreet sends"); that is nobody's name. */
const namePart = (v: string | undefined) => (v && v !== '-' ? v : undefined);

function limited(p: Params, name: string, max: number): string | undefined {
  const v = p.one(name);
  if (v !== undefined && v.length > max) throw O311Error.badRequest(`${name} is longer than ${max} characters`);
  return v;
}

/**
 * Answers checked against the definition: a required one missing → 400 naming `attribute[code]` (docs/open311.md
 * "Creating a request").
 */
export function checkAttributes(specs: readonly AttributeSpec[], given: Map<string, string[]>, locale: Locale) {
  const problems: string[] = [];
  const answers: { code: string; name: string; value: string }[] = [];
  for (const s of specs) {
    const value = given.get(s.code)?.[0];
    if (value === undefined) {
      if (s.required) problems.push(`attribute[${s.code}] is required`);
      continue;
    }
    if (s.values) {
      const option = s.values.find((v) => v.key === value);
      if (!option) problems.push(`attribute[${s.code}] must be one of: ${s.values.map((v) => v.key).join(', ')}`);
      else answers.push({ code: s.code, name: t(locale, `attributes.${s.code}.description`), value: option.name });
      continue;
    }
    if (s.code === 'component_code' && !/^\d{17}$/.test(value))
      problems.push('attribute[component_code] must be the 17-digit component id');
    else if (value.length > 200) problems.push(`attribute[${s.code}] is longer than 200 characters`);
    else answers.push({ code: s.code, name: t(locale, `attributes.${s.code}.description`), value });
  }
  if (problems.length) throw O311Error.badRequest(...problems);
  return answers;
}

/**
 * `data:image/...;base64,` media URLs (FixMyStreet's import path, docs/open311.md "Extensions") become uploads;
 * http(s) URLs are kept.
 */
function splitMedia(urls: readonly string[]): { uploads: Buffer[]; links: string[] } {
  const uploads: Buffer[] = [];
  const links: string[] = [];
  for (const url of urls) {
    const data = /^data:image\/[\w.+-]+;base64,([A-Za-z0-9+/=\s]+)$/.exec(url);
    if (data) {
      const buf = Buffer.from(data[1] as string, 'base64');
      if (buf.length > MAX_DATA_URI_BYTES) throw O311Error.tooLarge('media_url: the image is larger than 10 MB');
      uploads.push(buf);
    } else if (/^https?:\/\/\S{1,2000}$/i.test(url)) links.push(url);
    else throw O311Error.badRequest('media_url must be an http(s) URL or a data:image URI');
  }
  return { uploads, links };
}

export function createOpen311Intake(database: Database, clock: Clock, deps: IntakeDeps) {
  const { db } = database;

  return {
    async post(
      tenantId: string,
      client: ApiClientsTable,
      p: Params,
      files: readonly Upload[],
      idemKey: string | null,
      locale: Locale,
    ): Promise<O311Doc> {
      const code = p.one('service_code');
      if (!code) throw O311Error.badRequest('service_code is required');
      const matter = await repo.activeMatter(db, tenantId, code);
      if (!matter) throw O311Error.notFound(`service_code not found: ${code}`);
      const specs = attributeSpecs(matter, await repo.conditionsOf(db, tenantId, code));
      const answers = checkAttributes(specs, p.attributes(), locale);

      const lat = numberParam(p, 'lat', -90, 90);
      const lng = numberParam(p, 'long', -180, 180);
      const where = await locate(db, tenantId, {
        lat,
        lng,
        addressString: limited(p, 'address_string', 500),
        addressId: limited(p, 'address_id', 100),
      });
      if (!(await deps.geo.locatePoint(tenantId, where.lng, where.lat)))
        throw O311Error.badRequest('lat/long: the location is outside this jurisdiction');

      const text = p.one('description');
      if (text && text.length > MAX_DESCRIPTION)
        throw O311Error.badRequest(`description is longer than ${MAX_DESCRIPTION} characters`);
      const extras = answers.filter((a) => a.code !== 'fixmystreet_id').map((a) => `${a.name}：${a.value}`);
      const description = [text ?? matter.name, ...extras].join('\n');
      const name =
        [namePart(limited(p, 'first_name', 50)), namePart(limited(p, 'last_name', 50))].filter(Boolean).join(' ') ||
        null;

      const media = splitMedia(p.all('media_url'));
      const blobs = [...files.map((f) => f.data), ...media.uploads];
      if (blobs.length + media.links.length > MAX_MEDIA)
        throw O311Error.badRequest(`at most ${MAX_MEDIA} media per request`);

      // Everything is valid: only now are photos stored (idempotent per key, so a retry stores none twice).
      const scope = `open311:${client.id}`;
      const photoIds: string[] = [];
      for (const [i, blob] of blobs.entries()) {
        photoIds.push((await deps.photos.uploadExternal(tenantId, blob, idemKey ? `${idemKey}:${i}` : null, scope)).id);
      }
      const result = await deps.cases.intake(
        tenantId,
        {
          channel: 'public',
          matterCode: code,
          description,
          lng: where.lng,
          lat: where.lat,
          address: where.address,
          photoIds,
          reporterName: name,
          reporterPhone: limited(p, 'phone', 40) ?? null,
          reporterEmail: limited(p, 'email', 200) ?? null,
          deviceId: limited(p, 'device_id', 100) ?? limited(p, 'deviceid', 100) ?? null,
          externalNo: answers.find((a) => a.code === 'fixmystreet_id')?.value ?? null,
          source: `Open311 · ${client.name}`,
        },
        { scope, key: idemKey },
      );
      await repo.insertRequest(db, {
        case_id: result.caseId,
        tenant_id: tenantId,
        client_id: client.id,
        service_code: code,
        attributes_json: JSON.stringify(answers),
        media_urls_json: JSON.stringify(media.links),
        created_at: clock.now().toISOString(),
      });
      // realtime service: the id, never together with the token (docs/open311.md "Creating a request")
      return { root: 'service_requests', body: list('request', [{ service_request_id: result.caseNo }]) };
    },
  };
}
export type Open311Intake = ReturnType<typeof createOpen311Intake>;
