import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECT } from '../../testing/test-db.ts';
import { BASE, FORM, fmsReport, form, multipart, open311App, xml } from '../../testing/open311.fixtures.ts';

/**
 * Open311 writes check the api_key before they read or parse a body, cap what they parse, and limit each IP
 * address (open311-body.ts, open311.routes.ts). A body larger than the limit that still gets 403 — not 413 —
 * was never read: the key decided first.
 */
let ctx: Awaited<ReturnType<typeof open311App>>;
const BIG = 17 * 1024 * 1024;
const BOGUS = `o311_000000000000_${'A'.repeat(43)}`;

beforeAll(async () => {
  ctx = await open311App({ OPEN311_POSTS_PER_MINUTE_IP: '1000' });
}, 60_000);
afterAll(async () => ctx.close());

const countCases = async () =>
  Number(
    (
      await ctx.database.db
        .selectFrom('cases')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const countPhotos = async () =>
  Number(
    (
      await ctx.database.db
        .selectFrom('case_photos')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const post = (url: string, payload: string | Buffer, headers: Record<string, string>) =>
  ctx.app.inject({ method: 'POST', url: `${BASE}/${url}`, payload, headers });
const errorOf = (res: Awaited<ReturnType<typeof post>>, fmt: 'xml' | 'json') =>
  (fmt === 'xml' ? xml(res.body).error[0] : res.json()[0]) as { code: string; description: string };

describe(`the key before the body (${TEST_DIALECT})`, () => {
  it('a body over the limit without a key is 403 unread (not 413), in the requested format, for XML, JSON and form', async () => {
    const n = await countCases();
    const bodies: [string, string][] = [
      [
        'text/xml',
        `<request><service_code>09006</service_code><description>${'x'.repeat(BIG)}</description></request>`,
      ],
      ['application/json', JSON.stringify({ service_code: '09006', description: 'x'.repeat(BIG) })],
      [
        FORM['content-type'],
        form([
          ['service_code', '09006'],
          ['description', 'x'.repeat(BIG)],
        ]),
      ],
    ];
    for (const [type, body] of bodies) {
      for (const fmt of ['xml', 'json'] as const) {
        for (const query of ['', `?api_key=${BOGUS}`]) {
          const res = await post(`requests.${fmt}${query}`, body, { 'content-type': type });
          expect(res.statusCode, `${type} ${fmt} ${query}`).toBe(403);
          expect(errorOf(res, fmt)).toEqual({ code: '403', description: 'api_key is missing or invalid' });
          expect(res.headers.connection).toBe('close');
        }
      }
      expect((await post(`servicerequestupdates.json`, body, { 'content-type': type })).statusCode).toBe(403);
    }
    // with a valid key in the query string the same body is read up to the limit and refused as too large
    const keyed = await post(`requests.json?api_key=${ctx.key}`, bodies[0]![1], { 'content-type': 'text/xml' });
    expect(keyed.statusCode).toBe(413);
    expect(errorOf(keyed, 'json').description).toMatch(/larger than 262144 bytes/);
    expect(await countCases()).toBe(n);
  });

  it('multipart: without a key in the query string the first part must be a valid api_key; nothing after it is read', async () => {
    const n = await countCases();
    const photos = await countPhotos();
    const media = { name: 'media[]', data: Buffer.alloc(9 * 1024 * 1024, 7) };
    // a wrong key first, then a part that is not even well-formed multipart: the key decides, 403
    const wrongFirst = multipart(
      [
        ['api_key', BOGUS],
        ['service_code', '09006'],
      ],
      [media],
    );
    const broken = Buffer.concat([
      wrongFirst.payload.subarray(0, wrongFirst.payload.length - 40),
      Buffer.from('garbage without a closing boundary'),
    ]);
    for (const payload of [wrongFirst.payload, broken]) {
      const res = await post('requests.xml', payload, wrongFirst.headers);
      expect(res.statusCode, res.body).toBe(403);
      expect(errorOf(res, 'xml').code).toBe('403');
    }
    // the right key, but not first: refused the same
    const late = multipart(
      [
        ['service_code', '09006'],
        ['api_key', ctx.key],
      ],
      [media],
    );
    expect((await post('requests.json', late.payload, late.headers)).statusCode).toBe(403);
    // a file as the first part
    const fileFirst = multipart([], [media, { name: 'photo1', data: media.data }]);
    expect((await post('requests.json', fileFirst.payload, fileFirst.headers)).statusCode).toBe(403);
    // the key in the query string works with any part order
    const query = multipart(
      fmsReport(ctx.key)
        .filter(([k]) => k !== 'api_key' && k !== 'media_url')
        .reverse(),
      [],
    );
    const ok = await post(`requests.json?api_key=${ctx.key}`, query.payload, query.headers);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await countCases()).toBe(n + 1);
    expect(await countPhotos()).toBe(photos);
  });
});

describe('caps on what is parsed', () => {
  const nestedXml = (depth: number) =>
    `<request><api_key>${ctx.key}</api_key>${'<a>'.repeat(depth)}x${'</a>'.repeat(depth)}</request>`;

  it('deeply nested XML or JSON is a clear 400, never a 500', async () => {
    // 30 000 levels is over the body limit: the key goes in the query string so that the body is read at all
    for (const depth of [20, 30_000]) {
      const q = depth > 1000 ? `?api_key=${ctx.key}` : '';
      for (const fmt of ['xml', 'json'] as const) {
        const res = await post(`requests.${fmt}${q}`, nestedXml(depth), { 'content-type': 'application/xml' });
        expect(res.statusCode, res.body).toBe(400);
        expect(errorOf(res, fmt).description).toMatch(/nested more than 8 levels/);
      }
      const json = `{"api_key":"${ctx.key}","attribute":${'{"a":'.repeat(depth)}"x"${'}'.repeat(depth)}}`;
      const res = await post(`requests.json${q}`, json, { 'content-type': 'application/json' });
      expect(res.statusCode, res.body).toBe(400);
      expect(errorOf(res, 'json').description).toMatch(/nested more than 8 levels/);
    }
    const deepForm = await post('servicerequestupdates.xml', nestedXml(30), { 'content-type': 'text/xml' });
    expect(deepForm.statusCode).toBe(400);
  });

  it('too many elements, fields or entity references → 400; well-formed but keyless → 403', async () => {
    const many = `<request><api_key>${ctx.key}</api_key>${'<media_url>x</media_url>'.repeat(5000)}</request>`;
    expect(errorOf(await post('requests.json', many, { 'content-type': 'text/xml' }), 'json').description).toMatch(
      /more than 1000 fields/,
    );
    const entities = `<request><api_key>${ctx.key}</api_key><description>${'&amp;'.repeat(5000)}</description></request>`;
    expect(errorOf(await post('requests.json', entities, { 'content-type': 'text/xml' }), 'json').description).toMatch(
      /entity references/,
    );
    const fields = form(
      Array.from({ length: 3000 }, (_, i): [string, string] => [`f${i}`, 'x']).concat([['api_key', ctx.key]]),
    );
    expect(errorOf(await post('requests.json', fields, FORM), 'json').description).toMatch(/more than 1000 fields/);
    const keyless = await post('requests.json', '<request><service_code>09006</service_code></request>', {
      'content-type': 'text/xml',
    });
    expect(keyless.statusCode).toBe(403);
  });
});

describe('per-IP limit on both write routes', () => {
  it('answers 429 in the requested format with Retry-After, per route', async () => {
    const limited = await open311App({ OPEN311_POSTS_PER_MINUTE_IP: '3' });
    try {
      const send = (url: string, ip: string) =>
        limited.app.inject({
          method: 'POST',
          url: `${BASE}/${url}`,
          payload: form([['api_key', BOGUS]]),
          headers: FORM,
          remoteAddress: ip,
        });
      for (const url of ['requests.xml', 'servicerequestupdates.json']) {
        for (let i = 0; i < 3; i += 1) expect((await send(url, '10.9.0.1')).statusCode).toBe(403);
        const res = await send(url, '10.9.0.1');
        expect(res.statusCode).toBe(429);
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
        const e = url.endsWith('.xml') ? xml(res.body).error[0] : res.json()[0];
        expect(e).toEqual({
          code: '429',
          description: 'rate limit of 3 requests per minute exceeded for this address',
        });
        // another address is not affected
        expect((await send(url, '10.9.0.2')).statusCode).toBe(403);
      }
      // reads have their own, larger budget
      expect((await limited.app.inject({ url: `${BASE}/services.json`, remoteAddress: '10.9.0.1' })).statusCode).toBe(
        200,
      );
    } finally {
      await limited.close();
    }
  }, 60_000);
});
