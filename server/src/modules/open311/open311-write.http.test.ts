import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textRenamedJpg, wideJpeg } from '../../testing/photo.fixtures.ts';
import {
  BASE,
  FORM,
  POINT,
  REPORTER_TRACES,
  fmsReport,
  form,
  multipart,
  open311App,
  xml,
} from '../../testing/open311.fixtures.ts';

/**
 * POST requests conformance (docs/open311.md, "Creating a request", "What FixMyStreet sends", "Conformance
 * checklist" items 3, 4, 7, 8), both formats, on a
 * real database: FixMyStreet's exact request shapes, the location alternatives, media, errors, idempotency.
 */
let ctx: Awaited<ReturnType<typeof open311App>>;
beforeAll(async () => {
  ctx = await open311App();
});
afterAll(async () => ctx.close());

const post = (fmt: 'xml' | 'json', payload: string | Buffer, headers: Record<string, string> = FORM) =>
  ctx.app.inject({ method: 'POST', url: `${BASE}/requests.${fmt}`, payload, headers });
const countCases = async () =>
  Number(
    (
      await ctx.database.db
        .selectFrom('cases')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const caseByNo = (no: string) =>
  ctx.database.db.selectFrom('cases').selectAll().where('case_no', '=', no).executeTakeFirstOrThrow();

/** Asserts the refusal in the requested format and that nothing was written. */
async function refused(
  res: Awaited<ReturnType<typeof post>>,
  fmt: 'xml' | 'json',
  status: number,
  text: string | RegExp,
  before: number,
) {
  expect(res.statusCode, res.body).toBe(status);
  const errors = fmt === 'xml' ? xml(res.body).error : res.json();
  expect(res.headers['content-type']).toBe(
    fmt === 'xml' ? 'text/xml; charset=utf-8' : 'application/json; charset=utf-8',
  );
  expect(Array.isArray(errors)).toBe(true);
  expect(errors[0].code).toBe(String(status));
  expect(errors.map((e: { description: string }) => e.description).join(' | ')).toMatch(text);
  expect(await countCases()).toBe(before);
}

describe('POST requests as FixMyStreet sends it (docs/open311.md "What FixMyStreet sends")', () => {
  it('files a public case from the exact form FMS posts, answers the id in XML, keeps identity private', async () => {
    const res = await post('xml', form(fmsReport(ctx.key)));
    expect(res.statusCode, res.body).toBe(200);
    const doc = xml(res.body);
    expect(doc.root).toBe('service_requests');
    expect(doc.request).toHaveLength(1);
    const id = doc.request[0].service_request_id as string;
    expect(id).toMatch(/^420281-20240312-\d{5}$/);
    // realtime: never id and token together (docs/open311.md "Creating a request")
    expect(doc.request[0].token).toBeUndefined();

    const c = await caseByNo(id);
    expect(c).toMatchObject({
      channel: 'public',
      status: 'reported',
      matter_code: '09006',
      reporter_name: '张三丰',
      reporter_phone: '13800138000',
      reporter_email: 'citizen@example.org',
      device_id: 'fms-device-1',
      external_no: '77',
    });
    expect(c.description).toContain('Submitted via FixMyStreet');
    expect(c.description).toContain('违法占用城市道路'); // the chosen 立案条件 travels with the case

    for (const fmt of ['xml', 'json'] as const) {
      const got = await ctx.app.inject(`${BASE}/requests/${id}.${fmt}?extensions=true`);
      expect(got.statusCode).toBe(200);
      for (const trace of REPORTER_TRACES) expect(got.body).not.toContain(trace);
      const r = fmt === 'xml' ? xml(got.body).request[0] : got.json()[0];
      expect(r.media_url).toBe('https://fms.example/photo/77.0.jpeg');
      expect(fmt === 'xml' ? r.extended_attributes.media_urls.media_url : r.extended_attributes.media_urls).toEqual([
        'https://fms.example/photo/77.0.jpeg',
        'https://fms.example/photo/77.1.jpeg',
      ]);
      const answers = fmt === 'xml' ? r.attributes.attribute : r.attributes;
      // (FMS's ForceArray on `value` turns the XML text into a one-element list)
      expect(answers.map((a: { code: string; value: string | string[] }) => [a.code, [a.value].flat()[0]])).toEqual([
        ['filing_condition', expect.stringContaining('违法占用')],
        ['fixmystreet_id', '77'],
      ]);
    }
  });

  it('accepts address_string instead of a point and locates it by community/street name', async () => {
    const fields = fmsReport(ctx.key)
      .filter(([k]) => k !== 'lat' && k !== 'long')
      .concat([['address_string', '湖北省大冶市金湖街道金湖大道 12 号']]);
    const res = await post('json', form(fields));
    expect(res.statusCode, res.body).toBe(200);
    const c = await caseByNo(res.json()[0].service_request_id);
    expect(c.address).toBe('湖北省大冶市金湖街道金湖大道 12 号');
    expect(c.street_id).not.toBeNull();
  });

  it('accepts address_id = a 15-digit grid code; #NOTPINPOINTED# with nothing else is refused', async () => {
    const grid = await ctx.database.db.selectFrom('grids').select('code').limit(1).executeTakeFirstOrThrow();
    const noPoint = fmsReport(ctx.key).filter(([k]) => k !== 'lat' && k !== 'long');
    const res = await post('json', form([...noPoint, ['address_id', grid.code]]));
    expect(res.statusCode, res.body).toBe(200);
    expect((await caseByNo(res.json()[0].service_request_id)).grid_code).toBe(grid.code);
    await refused(
      await post('xml', form([...noPoint, ['address_id', '#NOTPINPOINTED#']])),
      'xml',
      400,
      /location is required/,
      await countCases(),
    );
  });

  it('takes JSON and XML bodies too, and an empty optional parameter is the same as an absent one', async () => {
    const json = await post(
      'json',
      JSON.stringify({
        api_key: ctx.key,
        service_code: '09006',
        lat: POINT.lat,
        long: POINT.long,
        description: '',
        email: '',
        device_id: 'app-42',
        attribute: { filing_condition: '1' },
      }),
      { 'content-type': 'application/json' },
    );
    expect(json.statusCode, json.body).toBe(200);
    const fromJson = await caseByNo(json.json()[0].service_request_id);
    expect(fromJson.description).toMatch(/^占道经营/); // empty description → the service name
    expect(fromJson).toMatchObject({ device_id: 'app-42', reporter_email: null });
    const body = `<?xml version="1.0" encoding="utf-8"?><request><api_key>${ctx.key}</api_key><service_code>09006</service_code><lat>${POINT.lat}</lat><long>${POINT.long}</long><description>水果摊 &amp; 三轮车</description><attribute><filing_condition>1</filing_condition></attribute></request>`;
    const res = await post('xml', body, { 'content-type': 'text/xml' });
    expect(res.statusCode, res.body).toBe(200);
    expect((await caseByNo(xml(res.body).request[0].service_request_id)).description).toContain('水果摊 & 三轮车');
  });

  it('takes multipart uploads (media[] and FMS photoN) as case photos, served from the public photo URL', async () => {
    const photo = await wideJpeg(400, 300);
    const fields = fmsReport(ctx.key).filter(([k]) => k !== 'media_url');
    const mp = multipart(fields, [
      { name: 'media[]', data: photo },
      { name: 'photo1', data: photo },
    ]);
    const res = await post('json', mp.payload, mp.headers);
    expect(res.statusCode, res.body).toBe(200);
    const c = await caseByNo(res.json()[0].service_request_id);
    const photos = await ctx.database.db
      .selectFrom('case_photos')
      .select(['id', 'phase'])
      .where('case_id', '=', c.id)
      .execute();
    expect(photos).toHaveLength(2);
    const got = (await ctx.app.inject(`${BASE}/requests/${c.case_no}.json`)).json()[0];
    expect(got.media_url).toMatch(new RegExp(`/api/public/photos/(${photos.map((p) => p.id).join('|')})$`));
  });
});

describe('refusals in the requested format, nothing half-written (docs/open311.md "Errors")', () => {
  it('unknown service_code → 404; missing service_code → 400', async () => {
    const n = await countCases();
    for (const fmt of ['xml', 'json'] as const) {
      await refused(
        await post(fmt, form(fmsReport(ctx.key, []).map(([k, v]) => [k, k === 'service_code' ? '99999' : v]))),
        fmt,
        404,
        /service_code not found: 99999/,
        n,
      );
      await refused(
        await post(fmt, form(fmsReport(ctx.key).filter(([k]) => k !== 'service_code'))),
        fmt,
        400,
        /service_code is required/,
        n,
      );
    }
  });

  it('a missing required attribute → 400 naming it; a value outside the list → 400', async () => {
    const n = await countCases();
    const without = fmsReport(ctx.key).filter(([k]) => k !== 'attribute[filing_condition]');
    await refused(await post('xml', form(without)), 'xml', 400, /attribute\[filing_condition\] is required/, n);
    await refused(
      await post('json', form([...without, ['attribute[filing_condition]', '42']])),
      'json',
      400,
      /attribute\[filing_condition\] must be one of: 1/,
      n,
    );
  });

  it('api_key missing, wrong, or of a disabled client → 403', async () => {
    const n = await countCases();
    await refused(
      await post('xml', form(fmsReport(ctx.key).filter(([k]) => k !== 'api_key'))),
      'xml',
      403,
      /api_key/,
      n,
    );
    await refused(await post('json', form(fmsReport(`${ctx.key.slice(0, -4)}AAAA`))), 'json', 403, /api_key/, n);
    const other = (await ctx.admin.post('/api/open311/clients', { name: 'Retired app' })).json();
    expect((await ctx.admin.patch(`/api/open311/clients/${other.id}`, { active: false })).statusCode).toBe(200);
    await refused(await post('json', form(fmsReport(other.apiKey))), 'json', 403, /api_key/, n);
  });

  it('malformed XML, JSON or multipart → 400; an outside point → 400 naming lat/long; long description → 400', async () => {
    const n = await countCases();
    await refused(
      await post('xml', '<request><service_code>09006</request>', { 'content-type': 'text/xml' }),
      'xml',
      400,
      /malformed XML/,
      n,
    );
    await refused(
      await post('xml', '<!DOCTYPE x [<!ENTITY a "b">]><request/>', { 'content-type': 'application/xml' }),
      'xml',
      400,
      /malformed XML/,
      n,
    );
    await refused(await post('json', '{"api_key": ', { 'content-type': 'application/json' }), 'json', 400, /JSON/i, n);
    const broken = Buffer.from('------o311test\r\ncontent-disposition: form-data; name="api_key"\r\n\r\nabc');
    await refused(
      await post('json', broken, { 'content-type': 'multipart/form-data; boundary=----o311test' }),
      'json',
      400,
      /malformed multipart/,
      n,
    );
    await refused(
      await post('json', form(fmsReport(ctx.key).map(([k, v]) => [k, k === 'lat' ? '40.0' : v]))),
      'json',
      400,
      /lat\/long/,
      n,
    );
    await refused(
      await post(
        'xml',
        form([...fmsReport(ctx.key).filter(([k]) => k !== 'description'), ['description', 'x'.repeat(4001)]]),
      ),
      'xml',
      400,
      /description is longer than 4000/,
      n,
    );
  });

  it('oversized media → 413, an outside point → 400, and no photo stored either way', async () => {
    const n = await countCases();
    const photos = async () =>
      Number(
        (
          await ctx.database.db
            .selectFrom('case_photos')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const p = await photos();
    const mp = multipart(fmsReport(ctx.key), [{ name: 'media[]', data: Buffer.alloc(10 * 1024 * 1024 + 10, 1) }]);
    await refused(await post('json', mp.payload, mp.headers), 'json', 413, /larger than 10 MB/, n);
    expect(await photos()).toBe(p);
    // a valid photo with a point outside the city: refused before the photo is stored
    const outside = multipart(
      fmsReport(ctx.key).map(([k, v]) => [k, k === 'lat' ? '39.9' : k === 'long' ? '116.4' : v]),
      [{ name: 'photo1', data: await wideJpeg(300, 200) }],
    );
    await refused(await post('xml', outside.payload, outside.headers), 'xml', 400, /outside this jurisdiction/, n);
    expect(await photos()).toBe(p);
    // a text file named .jpg is not a photo: 400 (the spec has no 415), nothing stored
    const fake = multipart(fmsReport(ctx.key), [{ name: 'photo1', data: textRenamedJpg() }]);
    const res = await ctx.app.inject({
      method: 'POST',
      url: `${BASE}/requests.json`,
      payload: fake.payload,
      headers: { ...fake.headers, 'accept-language': 'en' },
    });
    await refused(res, 'json', 400, /.+/, n);
    expect(await photos()).toBe(p);
  });
});

describe('Idempotency-Key and rate limits', () => {
  it('a retry with the same Idempotency-Key answers the first result and files one case', async () => {
    const n = await countCases();
    const headers = { ...FORM, 'idempotency-key': 'fms-report-77-attempt' };
    const first = await post('json', form(fmsReport(ctx.key)), headers);
    const again = await post('json', form(fmsReport(ctx.key)), headers);
    expect(first.statusCode, first.body).toBe(200);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect(await countCases()).toBe(n + 1);
  });

  it('each key has its own per-minute limit → 429 in the requested format, open again next minute', async () => {
    const slow = (await ctx.admin.post('/api/open311/clients', { name: 'Slow app', rateLimitPerMinute: 2 })).json();
    const bad = () => post('xml', form(fmsReport(slow.apiKey).filter(([k]) => k !== 'service_code')));
    expect((await bad()).statusCode).toBe(400);
    expect((await bad()).statusCode).toBe(400);
    const limited = await bad();
    expect(limited.statusCode).toBe(429);
    expect(xml(limited.body).error[0].code).toBe('429');
    expect((await post('xml', form(fmsReport(ctx.key).filter(([k]) => k !== 'service_code')))).statusCode).toBe(400); // other keys unaffected
    ctx.clock.advance(60_000);
    expect((await bad()).statusCode).toBe(400);
  });
});
