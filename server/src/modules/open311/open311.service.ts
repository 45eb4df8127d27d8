import type { PublicCaseSummary, PublicCaseView } from '../../../../common/contracts/case-public.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import type { Locale } from '../../platform/messages.ts';
import type { PublicListQuery } from '../cases/index.ts';
import { attributeSpecs, definitionDoc, discoveryDoc, requestOf, requestsDoc, serviceOf } from './open311-docs.ts';
import { list, w3c, type O311Doc } from './open311-format.ts';
import { dateParam, intParam, type Params } from './open311-params.ts';
import { O311Error } from './open311.errors.ts';
import * as repo from './open311.repository.ts';

/** What Open311 needs from other modules (through their services, app.ts wires them). */
export interface Open311Deps {
  cases: {
    publicView(tenantId: string, caseId: string): Promise<PublicCaseView>;
    publicList(tenantId: string, q: PublicListQuery): Promise<{ items: PublicCaseSummary[] }>;
    findByToken(tenantId: string, token: string): Promise<string | null>;
    findByNo(tenantId: string, caseNo: string): Promise<string | null>;
  };
  org: { publicTenant(jurisdictionId?: string | null): Promise<{ id: string; code: string; name: string } | null> };
}

const DAY_MS = 86_400_000;
/**
 * docs/open311.md "Global rules": "90 days or first 1000 requests, whichever is smallest"; a start/end range may not
 * span more.
 */
export const WINDOW_DAYS = 90;
export const MAX_REQUESTS = 1000;

/**
 * GeoReport v2 reads: discovery, services, definitions, requests and tokens (docs/open311.md "Service discovery" to
 * "Reading requests").
 */
export function createOpen311Reader(database: Database, clock: Clock, deps: Open311Deps) {
  const { db } = database;

  /**
   * docs/open311.md "Global rules" multi-jurisdiction: an unknown jurisdiction_id → 404; none given on an ambiguous
   * install → 400.
   */
  async function tenantOf(p: Params) {
    const jurisdiction = p.one('jurisdiction_id');
    const tenant = await deps.org.publicTenant(jurisdiction ?? null);
    if (tenant) return tenant;
    if (jurisdiction) throw O311Error.notFound(`jurisdiction_id not found: ${jurisdiction}`);
    throw O311Error.badRequest('jurisdiction_id is required: this endpoint serves several jurisdictions');
  }

  /** What the POST carried beyond the case: media URLs and the answers to the definition's questions. */
  async function extrasOf(tenantId: string, caseIds: readonly string[]) {
    const rows = await repo.requestsOf(db, tenantId, caseIds);
    return (caseId: string) => {
      const r = rows.get(caseId);
      return {
        mediaUrls: r ? (JSON.parse(r.media_urls_json) as string[]) : [],
        attributes: r ? (JSON.parse(r.attributes_json) as { code: string; name: string; value: string }[]) : [],
      };
    };
  }

  async function oneRequest(tenantId: string, caseId: string, base: string, extensions: boolean): Promise<O311Doc> {
    const view = await deps.cases.publicView(tenantId, caseId);
    if (view.status === 'voided') throw O311Error.notFound('service_request_id not found');
    const extras = await extrasOf(tenantId, [caseId]);
    return requestsDoc([requestOf(view, { base, ...extras(caseId), extensions })]);
  }

  return {
    tenantOf,

    async discovery(p: Params, base: string, locale: Locale): Promise<O311Doc> {
      const tenant = await tenantOf(p);
      const [matters, stats] = await Promise.all([
        repo.activeMatters(db, tenant.id),
        repo.conditionStats(db, tenant.id),
      ]);
      const changes = [...matters.map((m) => m.updated_at), ...stats.map((s) => String(s.changed ?? ''))]
        .filter(Boolean)
        .sort();
      return discoveryDoc({
        base,
        changeset: w3c(changes.at(-1) ?? clock.now().toISOString()) ?? '',
        tenantName: tenant.name,
        locale,
      });
    },

    async services(p: Params): Promise<O311Doc> {
      const tenant = await tenantOf(p);
      const matters = await repo.activeMatters(db, tenant.id);
      return { root: 'services', body: list('service', matters.map(serviceOf)) };
    },

    async definition(p: Params, code: string, locale: Locale): Promise<O311Doc> {
      const tenant = await tenantOf(p);
      const matter = await repo.activeMatter(db, tenant.id, code);
      if (!matter) throw O311Error.notFound(`service_code not found: ${code}`);
      const conditions = await repo.conditionsOf(db, tenant.id, code);
      return definitionDoc(code, attributeSpecs(matter, conditions), locale);
    },

    /**
     * docs/open311.md "Reading requests" + extensions page/page_size and updated_after/updated_before ("Extensions",
     * "Conformance checklist" item 7).
     */
    async requests(p: Params, base: string): Promise<O311Doc> {
      const tenant = await tenantOf(p);
      const extensions = p.one('extensions')?.toLowerCase() === 'true';
      const ids = p.commaList('service_request_id');
      let q: PublicListQuery;
      if (ids) {
        // "service_request_id overrides all other args" (docs/open311.md "Reading requests")
        if (ids.length > MAX_REQUESTS) throw O311Error.badRequest(`at most ${MAX_REQUESTS} service_request_id values`);
        q = { caseNos: ids, limit: MAX_REQUESTS, offset: 0 };
      } else {
        q = { ...window(p, clock.now()), ...paging(p), ...filters(p) };
      }
      const { items } = await deps.cases.publicList(tenant.id, q);
      const extras = await extrasOf(
        tenant.id,
        items.map((i) => i.id),
      );
      return requestsDoc(items.map((c) => requestOf(c, { base, ...extras(c.id), extensions })));
    },

    async request(p: Params, caseNo: string, base: string): Promise<O311Doc> {
      const tenant = await tenantOf(p);
      const extensions = p.one('extensions')?.toLowerCase() === 'true';
      if (!extensions) {
        // Without extensions no timeline is shown: the public row alone answers (voided cases have none).
        const { items } = await deps.cases.publicList(tenant.id, { caseNos: [caseNo], limit: 1, offset: 0 });
        const item = items[0];
        if (!item) throw O311Error.notFound(`service_request_id not found: ${caseNo}`);
        const extras = await extrasOf(tenant.id, [item.id]);
        return requestsDoc([requestOf(item, { base, ...extras(item.id), extensions })]);
      }
      const id = await deps.cases.findByNo(tenant.id, caseNo);
      if (!id) throw O311Error.notFound(`service_request_id not found: ${caseNo}`);
      return oneRequest(tenant.id, id, base, extensions);
    },

    /** docs/open311.md "Tokens": the token's request id; the token is echoed, never anything about the reporter. */
    async token(p: Params, token: string): Promise<O311Doc> {
      const tenant = await tenantOf(p);
      const id = await deps.cases.findByToken(tenant.id, token);
      if (!id) throw O311Error.notFound('token not found');
      const view = await deps.cases.publicView(tenant.id, id);
      return { root: 'service_requests', body: list('request', [{ service_request_id: view.caseNo, token }]) };
    },
  };
}
export type Open311Reader = ReturnType<typeof createOpen311Reader>;

/**
 * start_date/end_date on requested_datetime, default the last 90 days and never more than 90 days (docs/open311.md
 * "Global rules", "Reading requests").
 * With updated_after/updated_before alone (incremental sync) no requested window applies: a mirror must see an old
 * request that changed yesterday.
 */
function window(p: Params, now: Date): Pick<PublicListQuery, 'from' | 'to' | 'updatedFrom' | 'updatedTo'> {
  let start = dateParam(p, 'start_date');
  let end = dateParam(p, 'end_date');
  const updatedFrom = dateParam(p, 'updated_after');
  const updatedTo = dateParam(p, 'updated_before');
  const updates = {
    ...(updatedFrom ? { updatedFrom: updatedFrom.toISOString() } : {}),
    ...(updatedTo ? { updatedTo: updatedTo.toISOString() } : {}),
  };
  if (!start && !end && (updatedFrom || updatedTo)) return updates;
  if (start && !end) end = new Date(Math.min(now.getTime(), start.getTime() + WINDOW_DAYS * DAY_MS));
  if (!end) end = now;
  if (!start) start = new Date(end.getTime() - WINDOW_DAYS * DAY_MS);
  if (start.getTime() > end.getTime()) throw O311Error.badRequest('start_date must not be after end_date');
  if (end.getTime() - start.getTime() > WINDOW_DAYS * DAY_MS)
    throw O311Error.badRequest(`start_date to end_date may not span more than ${WINDOW_DAYS} days`);
  return { from: start.toISOString(), to: end.toISOString(), ...updates };
}

/**
 * page/page_size (docs/open311.md "Extensions", "the most widely implemented extension"); without them the first
 * 1000 ("Global rules").
 */
function paging(p: Params): Pick<PublicListQuery, 'limit' | 'offset'> {
  const page = intParam(p, 'page', 1, 1_000_000) ?? 1;
  const size = intParam(p, 'page_size', 1, MAX_REQUESTS) ?? MAX_REQUESTS;
  return { limit: size, offset: (page - 1) * size };
}

function filters(p: Params): Pick<PublicListQuery, 'matterCodes' | 'open' | 'order'> {
  const statuses = p.commaList('status')?.map((s) => s.toLowerCase());
  const bad = statuses?.find((s) => s !== 'open' && s !== 'closed');
  if (bad) throw O311Error.badRequest(`status must be open, closed or both (comma-separated), not ${bad}`);
  const open = statuses && statuses.length === 1 ? statuses[0] === 'open' : undefined;
  const updated = p.has('updated_after') || p.has('updated_before');
  return {
    matterCodes: p.commaList('service_code'),
    ...(open === undefined ? {} : { open }),
    order: updated ? 'updated_desc' : 'reported_desc',
  };
}
