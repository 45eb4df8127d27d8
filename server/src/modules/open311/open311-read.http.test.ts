import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BASE,
  FORM,
  REPORTER_TRACES,
  drive,
  fmsReport,
  form,
  loopSteps,
  open311App,
  xml,
} from '../../testing/open311.fixtures.ts';

/**
 * Read-side conformance (docs/open311.md, "Service discovery" to "Reading requests", "Conformance checklist" items
 * 1, 2, 3, 5, 6, 7): every call in XML and
 * JSON, Spark-shaped JSON, W3C datetimes without milliseconds, filters, default window, status mapping.
 */
let ctx: Awaited<ReturnType<typeof open311App>>;
const W3C = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/;
const ids: Record<'old' | 'handling' | 'closed' | 'fresh', string> = { old: '', handling: '', closed: '', fresh: '' };
let unitName = '';

async function file311(): Promise<string> {
  const res = await ctx.app.inject({
    method: 'POST',
    url: `${BASE}/requests.json`,
    payload: form(fmsReport(ctx.key)),
    headers: FORM,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json()[0].service_request_id;
}

beforeAll(async () => {
  ctx = await open311App();
  ctx.clock.advance(-100 * 86_400_000); // one request from 100 days ago, outside the default window
  ids.old = await file311();
  ctx.clock.advance(100 * 86_400_000);
  ids.handling = await file311();
  ids.closed = await file311();
  ids.fresh = await file311();
  const steps = await loopSteps(ctx, '摊位已清理，道路恢复通行');
  unitName = steps.unitName;
  await drive(ctx, ids.handling, steps.toHandling);
  await drive(ctx, ids.closed, steps.toClosed);
}, 60_000);
afterAll(async () => ctx.close());

const get = (url: string) => ctx.app.inject(url);
const both = async (path: string) => {
  const [x, j] = await Promise.all([
    get(`${BASE}/${path.replace('{fmt}', 'xml')}`),
    get(`${BASE}/${path.replace('{fmt}', 'json')}`),
  ]);
  expect(x.headers['content-type']).toBe('text/xml; charset=utf-8');
  expect(j.headers['content-type']).toBe('application/json; charset=utf-8');
  return { x, j, xs: xml(x.body), js: j.json() };
};
const requestIds = (list: { service_request_id: string }[]) => list.map((r) => r.service_request_id).sort();

describe('discovery, services, definitions (docs/open311.md "Service discovery" to "Service definition")', () => {
  it('discovery is an object with endpoints and formats as arrays', async () => {
    const { xs, js } = await both('discovery.{fmt}');
    expect(js).toMatchObject({
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          type: 'production',
          formats: ['text/xml', 'application/json'],
        },
      ],
    });
    expect(js.endpoints[0].url).toMatch(/\/open311\/v2$/);
    expect(js.changeset).toMatch(W3C);
    expect(xs.root).toBe('discovery');
    expect(xs.endpoints.endpoint[0].formats.format).toEqual(['text/xml', 'application/json']);
  });

  it('services: a top-level array of catalog matters, codes as strings, grouped by major class', async () => {
    const { xs, js } = await both('services.{fmt}');
    expect(Array.isArray(js)).toBe(true);
    const matters = await ctx.database.db
      .selectFrom('catalog_entries')
      .select('code')
      .where('kind', '=', 'matter')
      .where('active', '=', 1)
      .execute();
    expect(js).toHaveLength(matters.length);
    expect(js.find((s: { service_code: string }) => s.service_code === '09006')).toEqual({
      service_code: '09006',
      service_name: '占道经营',
      description: '街面秩序类 · 占道经营',
      metadata: true,
      type: 'realtime',
      keywords: expect.any(String),
      group: '街面秩序类',
      groups: ['街面秩序类'],
    });
    expect(xs.root).toBe('services');
    expect(xs.service).toHaveLength(matters.length);
    expect(xs.service.find((s: { service_code: string }) => s.service_code === '09006')).toMatchObject({
      metadata: 'true',
      group: ['街面秩序类'],
      groups: { group: ['街面秩序类'] },
    }); // FMS ForceArray on group
  });

  it('jurisdiction_id: the tenant code works, empty = absent, an unknown one → 404 in the requested format', async () => {
    expect((await get(`${BASE}/services.json?jurisdiction_id=420281`)).statusCode).toBe(200);
    expect((await get(`${BASE}/services.json?jurisdiction_id=`)).statusCode).toBe(200);
    const { x, j, xs, js } = await both('services.{fmt}?jurisdiction_id=sfgov.org');
    expect([x.statusCode, j.statusCode]).toEqual([404, 404]);
    expect(js).toEqual([{ code: '404', description: 'jurisdiction_id not found: sfgov.org' }]);
    expect(xs.root).toBe('errors');
    expect(xs.error[0]).toEqual({ code: '404', description: 'jurisdiction_id not found: sfgov.org' });
  });

  it("jurisdiction_id also takes the city's documented aliases: the pinyin of its name, with or without 市", async () => {
    for (const alias of ['daye', 'DaYe', 'dayeshi', 'da-ye']) {
      const res = await get(`${BASE}/services.json?jurisdiction_id=${alias}`);
      expect(res.statusCode, alias).toBe(200);
    }
    expect((await get(`${BASE}/services.json?jurisdiction_id=dayez`)).statusCode).toBe(404);
  });

  it("anonymous reads may be read by other origins' browser apps; keyed calls may not", async () => {
    for (const path of [
      'discovery.json',
      'services.json',
      'requests.json',
      `requests/${ids.fresh}.json`,
      'services/09006.xml',
      'requests/nope.json',
    ]) {
      const res = await ctx.app.inject({
        method: 'GET',
        url: `${BASE}/${path}`,
        headers: { origin: 'https://app.example.org' },
      });
      expect(res.headers['access-control-allow-origin'], path).toBe('*');
      expect(res.headers['access-control-allow-credentials'], path).toBeUndefined();
    }
    const keyed = await ctx.app.inject({
      method: 'GET',
      url: `${BASE}/servicerequestupdates.json?api_key=${ctx.key}`,
      headers: { origin: 'https://app.example.org' },
    });
    expect(keyed.headers['access-control-allow-origin']).toBeUndefined();
    // A write (refused here for its missing fields, so nothing is filed) carries no permission for other origins.
    const write = await ctx.app.inject({
      method: 'POST',
      url: `${BASE}/requests.json`,
      payload: form([['api_key', ctx.key]]),
      headers: { ...FORM, origin: 'https://app.example.org' },
    });
    expect(write.statusCode, write.body).toBe(400);
    expect(write.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('service definition: object with attributes[] from 立结案标准 (values[] even with one), component id for anomalies', async () => {
    const { xs, js } = await both('services/09006.{fmt}');
    expect(js.service_code).toBe('09006');
    const filing = js.attributes.find((a: { code: string }) => a.code === 'filing_condition');
    expect(filing).toMatchObject({ variable: true, datatype: 'singlevaluelist', required: true, order: 1 });
    expect(Array.isArray(filing.values)).toBe(true);
    expect(filing.values[0]).toEqual({ key: '1', name: expect.stringContaining('占用') });
    expect(xs.root).toBe('service_definition');
    expect(xs.attributes.attribute[0].values.value[0].key).toBe('1');
    const component = (await get(`${BASE}/services/01001.json`)).json();
    expect(component.attributes.map((a: { code: string }) => a.code)).toContain('component_code');
    const en = (
      await ctx.app.inject({ url: `${BASE}/services/09006.json`, headers: { 'accept-language': 'en' } })
    ).json();
    expect(en.attributes[0].description).toBe('What is wrong (filing condition)');
  });

  it('unknown service_code and unknown format extension → 404', async () => {
    const { x, js } = await both('services/99999.{fmt}');
    expect(x.statusCode).toBe(404);
    expect(js).toEqual([{ code: '404', description: 'service_code not found: 99999' }]);
    const html = await get(`${BASE}/services.html`);
    expect(html.statusCode).toBe(404);
    expect(xml(html.body).error[0].code).toBe('404');
    const nothing = await get(`${BASE}/nothing.json`);
    expect(nothing.statusCode).toBe(404);
    expect(nothing.json()).toEqual([{ code: '404', description: 'no such resource' }]);
  });
});

describe('GET requests (docs/open311.md "Reading requests", "Extensions")', () => {
  it('default window is the last 90 days; start/end select older ones; more than 90 days → 400', async () => {
    const { js, xs } = await both('requests.{fmt}');
    expect(requestIds(js)).toEqual([ids.handling, ids.closed, ids.fresh].sort());
    expect(requestIds(xs.request)).toEqual(requestIds(js));
    const old = (
      await get(`${BASE}/requests.json?start_date=2023-11-01T00:00:00Z&end_date=2024-01-15T00:00:00Z`)
    ).json();
    expect(requestIds(old)).toEqual([ids.old]);
    // an unencoded "+08:00" arrives as a space; it still means +08:00
    expect(
      requestIds(
        (
          await get(`${BASE}/requests.json?start_date=2023-11-01T08:00:00+08:00&end_date=2024-01-15T08:00:00+08:00`)
        ).json(),
      ),
    ).toEqual([ids.old]);
    const wide = await both('requests.{fmt}?start_date=2023-01-01T00:00:00Z&end_date=2024-03-12T00:00:00Z');
    expect(wide.j.statusCode).toBe(400);
    expect(wide.js[0].description).toMatch(/90 days/);
    expect(wide.xs.error[0].code).toBe('400');
    expect((await get(`${BASE}/requests.json?start_date=yesterday`)).statusCode).toBe(400);
  });

  it('status and service_code take comma lists; empty parameters are absent; service_request_id overrides all', async () => {
    expect(requestIds((await get(`${BASE}/requests.json?status=closed`)).json())).toEqual([ids.closed]);
    expect(requestIds((await get(`${BASE}/requests.json?status=open`)).json())).toEqual(
      [ids.handling, ids.fresh].sort(),
    );
    expect((await get(`${BASE}/requests.json?status=open,closed&service_code=09006,01001`)).json()).toHaveLength(3);
    expect((await get(`${BASE}/requests.json?service_code=01001`)).json()).toEqual([]);
    expect((await get(`${BASE}/requests.json?status=&service_code=&start_date=&page=`)).json()).toHaveLength(3);
    expect((await get(`${BASE}/requests.json?status=pending`)).statusCode).toBe(400);
    const picked = (
      await get(`${BASE}/requests.json?service_request_id=${ids.old},${ids.closed}&status=open&service_code=01001`)
    ).json();
    expect(requestIds(picked)).toEqual([ids.old, ids.closed].sort());
  });

  it('page/page_size and updated_after/updated_before (incremental sync ignores the requested-date window)', async () => {
    const p1 = (await get(`${BASE}/requests.json?page_size=2&page=1`)).json();
    const p2 = (await get(`${BASE}/requests.json?page_size=2&page=2`)).json();
    expect(p1).toHaveLength(2);
    expect(p2).toHaveLength(1);
    expect(requestIds([...p1, ...p2])).toEqual([ids.handling, ids.closed, ids.fresh].sort());
    const since = (await get(`${BASE}/requests.json?updated_after=2023-01-01T00:00:00Z`)).json();
    expect(requestIds(since)).toEqual([ids.old, ids.handling, ids.closed, ids.fresh].sort());
    expect((await get(`${BASE}/requests.json?updated_before=2023-01-01T00:00:00Z`)).json()).toEqual([]);
    expect((await get(`${BASE}/requests.json?page_size=0`)).statusCode).toBe(400);
  });

  it('maps states to open/closed with status_notes, agency_responsible and expected_datetime; W3C without millis', async () => {
    const list = (await get(`${BASE}/requests.json`)).json() as Record<string, unknown>[];
    const by = new Map(list.map((r) => [r.service_request_id, r]));
    expect(by.get(ids.closed)).toMatchObject({
      status: 'closed',
      status_notes: '摊位已清理，道路恢复通行',
      agency_responsible: unitName,
      service_code: '09006',
      service_name: '占道经营',
    });
    expect(by.get(ids.closed)?.expected_datetime).toBeUndefined();
    expect(by.get(ids.handling)).toMatchObject({ status: 'open', agency_responsible: unitName });
    expect(by.get(ids.handling)?.status_notes).toBeUndefined(); // the handler's internal note never leaves
    expect(by.get(ids.handling)?.expected_datetime).toMatch(W3C);
    for (const r of list) {
      for (const k of ['requested_datetime', 'updated_datetime', 'expected_datetime'])
        if (r[k] !== undefined) expect(r[k]).toMatch(W3C);
      expect(typeof r.service_request_id).toBe('string');
      expect(typeof r.lat).toBe('number');
    }
    const raw =
      (await get(`${BASE}/requests.xml?extensions=true`)).body +
      (await get(`${BASE}/requests.json?extensions=true`)).body;
    // neither the handler's note nor the closing 办理意见 (only 答复市民 is public)
    for (const trace of [...REPORTER_TRACES, '内部：已清理', '维修基金']) expect(raw).not.toContain(trace);
  });
});

describe('GET requests/{id} and tokens (docs/open311.md "Tokens", "Reading requests")', () => {
  it('one request is still a one-element array; extensions add extended_attributes and notes', async () => {
    const { xs, js } = await both(`requests/${ids.closed}.{fmt}?extensions=true`);
    expect(js).toHaveLength(1);
    expect(js[0]).toMatchObject({
      service_request_id: ids.closed,
      status: 'closed',
      extended_attributes: {
        channel: 'public',
        detailed_status: 'PROCESSED',
        grid: expect.stringMatching(/^420281\d{9}$/),
      },
    });
    expect(js[0].notes.map((n: { summary: string }) => n.summary)).toContain('close');
    expect(js[0].notes.find((n: { summary: string }) => n.summary === 'close').description).toBe(
      '摊位已清理，道路恢复通行',
    );
    expect(xs.root).toBe('service_requests');
    expect(xs.request).toHaveLength(1);
    expect(xs.request[0].extended_attributes.detailed_status).toBe('PROCESSED');
    const plain = (await get(`${BASE}/requests/${ids.fresh}.json`)).json();
    expect(plain[0].extended_attributes).toBeUndefined();
    const missing = await both('requests/420281-20240312-99999.{fmt}');
    expect(missing.x.statusCode).toBe(404);
    expect(missing.js[0].code).toBe('404');
  });

  it('tokens/{token} gives the request id; an unknown token → 404', async () => {
    const tenant = await ctx.database.db
      .selectFrom('tenants')
      .select('id')
      .where('code', '=', '420281')
      .executeTakeFirstOrThrow();
    const made = await ctx.app.services.cases.intake(
      tenant.id,
      { channel: 'public', matterCode: '09006', description: '随手拍', lng: 114.975, lat: 30.1, source: '市民随手拍' },
      { scope: 'test', key: null },
    );
    const { xs, js } = await both(`tokens/${made.token}.{fmt}`);
    expect(js).toEqual([{ service_request_id: made.caseNo, token: made.token }]);
    expect(xs.request[0]).toEqual({ service_request_id: made.caseNo, token: made.token });
    const none = await both('tokens/nope.{fmt}');
    expect(none.j.statusCode).toBe(404);
    expect(none.xs.error[0].code).toBe('404');
  });
});
