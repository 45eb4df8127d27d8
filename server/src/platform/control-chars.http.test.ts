import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portraitJpegWithGps } from '../testing/photo.fixtures.ts';
import { as, createTestApp, login, type Session, type TestContext } from '../testing/test-app.ts';
import { TEST_DIALECT } from '../testing/test-db.ts';
import { firstControlCharacter } from './control-chars.ts';

/**
 * Control characters in text are a 400 naming the field, on every route and every way text arrives (JSON, query,
 * path, multipart fields, form and XML bodies), checked once in platform/control-chars.ts. Without it PostgreSQL
 * answers a NUL with an error the app turned into a 500.
 */
let ctx: TestContext;
let inspector: Session;
beforeAll(async () => {
  ctx = await createTestApp();
  inspector = await login(ctx.app, 'inspector', 'Demo@12345');
});
afterAll(async () => ctx.close());

const refusedAt = (
  res: {
    statusCode: number;
    body: string;
    json(): { error: { code: string; details: { field: string; rule: string }[] } };
  },
  field: string,
) => {
  expect(res.statusCode, res.body).toBe(400);
  expect(res.json().error.code).toBe('VALIDATION_FAILED');
  expect(res.json().error.details).toContainEqual(expect.objectContaining({ field, rule: 'controlCharacters' }));
};

describe(`control characters in text (${TEST_DIALECT})`, () => {
  it('a NUL in a case description, a search query and a login username is a 400 with the field path', async () => {
    const before = (await as(ctx.app, inspector).get('/api/cases')).json().total;
    refusedAt(
      await as(ctx.app, inspector).post('/api/cases', {
        matterCode: '09006',
        description: '占道\u0000经营',
        lng: 114.975,
        lat: 30.1,
      }),
      'body.description',
    );
    expect((await as(ctx.app, inspector).get('/api/cases')).json().total).toBe(before);
    refusedAt(await as(ctx.app, inspector).get('/api/cases?q=%E5%9E%83%00%E5%9C%BE'), 'query.q');
    refusedAt(await ctx.app.inject({ method: 'GET', url: '/api/public/matters?q=%00' }), 'query.q');
    refusedAt(
      await ctx.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '127.0.0.77',
        payload: { username: 'admin\u0000', password: 'Admin@12345' },
      }),
      'body.username',
    );
  });

  it('other C0 controls are refused, TAB, LF and CR in free text are kept; path parameters keep none', async () => {
    refusedAt(
      await as(ctx.app, inspector).post('/api/cases', {
        matterCode: '09006',
        description: '铃声\u0007',
        lng: 114.975,
        lat: 30.1,
      }),
      'body.description',
    );
    const multiLine = await as(ctx.app, inspector).post('/api/cases', {
      matterCode: '09006',
      description: '第一行\r\n第二行\t占道经营',
      lng: 114.975,
      lat: 30.1,
    });
    expect(multiLine.statusCode, multiLine.body).toBe(201);
    expect(multiLine.json().description).toBe('第一行\r\n第二行\t占道经营');
    refusedAt(await as(ctx.app, inspector).get('/api/cases/abc%0Adef'), 'params.id');
  });

  it('nested fields and object keys are named by their path', async () => {
    const admin = await login(ctx.app, 'admin', 'Admin@12345');
    const square = [
      [114.975, 30.095],
      [114.977, 30.095],
      [114.977, 30.097],
      [114.975, 30.097],
      [114.975, 30.095],
    ];
    const layer = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { code: '420281001097', name: '社区\u0000' },
          geometry: { type: 'Polygon', coordinates: [square] },
        },
      ],
    };
    refusedAt(await as(ctx.app, admin).post('/api/geo/import/community', layer), 'body.features.0.properties.name');
  });

  it('a multipart text field with a NUL is refused before the upload is stored', async () => {
    const boundary = 'ctlboundary';
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nbad\u0000note\r\n`),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
      ),
      await portraitJpegWithGps(),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const photos = async () =>
      Number(
        (
          await ctx.database.db
            .selectFrom('case_photos')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await photos();
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/public/photos',
      payload,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    refusedAt(res, 'body.note');
    expect(await photos()).toBe(before);
  });

  it('Open311 form and XML fields are checked too (answered in the Open311 error format)', async () => {
    // The key is checked before the body is read, so the refusal under test needs a valid one.
    const admin = as(ctx.app, await login(ctx.app, 'admin', 'Admin@12345'));
    const client = await admin.post('/api/open311/clients', { name: 'control-chars', rateLimitPerMinute: 1000 });
    expect(client.statusCode, client.body).toBe(201);
    const url = `/open311/v2/requests.json?api_key=${encodeURIComponent(client.json().apiKey as string)}`;
    const form = await ctx.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'service_code=09006&lat=30.1&long=114.975&description=%E5%8D%A0%E9%81%93%00',
    });
    expect(form.statusCode, form.body).toBe(400);
    expect(form.json()[0].description).toMatch(/^description: /);
    const xml = await ctx.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/xml' },
      payload:
        '<request><service_code>09006</service_code><lat>30.1</lat><long>114.975</long><description>占道\u0001</description></request>',
    });
    expect(xml.statusCode, xml.body).toBe(400);
    expect(xml.json()[0].description).toMatch(/^description: /);
  });
});

describe('firstControlCharacter', () => {
  it('walks objects, arrays, keys and form fields; skips bytes; survives deep nesting', () => {
    expect(firstControlCharacter({ a: [{ b: 'ok' }, { c: 'x\u0000' }] }, 'body')).toBe('body.a.1.c');
    expect(firstControlCharacter({ ['k\u0000']: 1 }, 'body')).toBe('body.k\uFFFD');
    expect(firstControlCharacter(new URLSearchParams('a=1&b=%00'), 'body')).toBe('body.b');
    expect(firstControlCharacter({ file: Buffer.from([0, 1, 2]) }, 'body')).toBeNull();
    expect(firstControlCharacter('line\r\n\tnext', 'body')).toBeNull();
    // eslint-disable-next-line no-control-regex -- the stricter pattern path parameters use
    expect(firstControlCharacter('tab\t', 'params', /[\x00-\x1F]/)).toBe('params');
    let deep: unknown = 'bottom\u0000';
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    expect(firstControlCharacter(deep, 'body')).toMatch(/^body(\.0)+$/);
  });
});
