/**
 * Whole HTTP requests for one route of app.routeTable, derived from its schemas: path parameters (contract-shaped,
 * real ids from the database, or junk), query strings, headers and bodies, mutated at random. Routes added later
 * are fuzzed without any change here.
 */
import fc from 'fast-check';
import { sql } from 'kysely';
import type { RouteEntry } from '../../app.ts';
import type { Database } from '../../platform/db.ts';
import { fuzzValue, junk, valid } from './schema-arbitrary.ts';

export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  /** which signed-in role sends it (null: anonymous) */
  role: string | null;
  /** send the session's CSRF token (false: a forged write) */
  csrf: boolean;
}

type Schema = Record<string, unknown>;
const propsOf = (s: unknown): Record<string, unknown> =>
  ((s as Schema | undefined)?.properties ?? {}) as Record<string, unknown>;

/** encodeURIComponent that survives lone surrogates (junk strings have them; a real client would send U+FFFD). */
const encode = (v: string): string => {
  try {
    return encodeURIComponent(v);
  } catch {
    return encodeURIComponent(v.replace(/[\ud800-\udfff]/g, '\ufffd'));
  }
};

const asText = (v: unknown): string =>
  typeof v === 'string' ? v : v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);

/** Real identifiers of every table (columns id, code, case_no), so fuzzed paths also reach existing records. */
export async function realIdentifiers(database: Database): Promise<string[]> {
  const out = new Set<string>();
  for (const table of await database.db.introspection.getTables()) {
    for (const col of table.columns.filter((c) => ['id', 'code', 'case_no'].includes(c.name))) {
      try {
        const rows = await sql<{
          v: unknown;
        }>`select ${sql.ref(col.name)} as v from ${sql.table(table.name)} limit 2`.execute(database.db);
        for (const r of rows.rows) if (r.v !== null && r.v !== undefined) out.add(String(r.v));
      } catch {
        // virtual or unreadable table: skip
      }
    }
  }
  return [...out];
}

function pathArb(url: string, paramsSchema: unknown, ids: string[]): fc.Arbitrary<string> {
  const names = [...url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  if (!names.length) return fc.constant(url);
  const props = propsOf(paramsSchema);
  const one = (name: string) =>
    fc
      .oneof(
        { weight: 3, arbitrary: ids.length ? fc.constantFrom(...ids) : fc.uuid() },
        { weight: 2, arbitrary: valid(props[name]).map(asText) },
        { weight: 1, arbitrary: junk.map(asText) },
      )
      .map((v) => encode(v || 'x'));
  return fc.tuple(...names.map(one)).map((values) => names.reduce((u, n, k) => u.replace(`:${n}`, values[k]!), url));
}

function queryArb(schema: unknown): fc.Arbitrary<string> {
  const structured = fuzzValue(schema).map((q) => {
    if (q === undefined) return '';
    if (q === null || typeof q !== 'object' || Array.isArray(q)) return `?${encode(asText(q))}`;
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(q)) {
      if (Array.isArray(v)) for (const x of v) p.append(k, asText(x));
      else p.append(k, asText(v));
    }
    const s = p.toString();
    return s ? `?${s}` : '';
  });
  return fc.oneof(
    { weight: 6, arbitrary: structured },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '?page=-1&pageSize=100000',
        '?q=%',
        '?q=%E4',
        '?a[b]=1&a[c]=2',
        '?sort=;drop',
        '?&&&=',
      ),
    },
  );
}

const CONTENT_TYPES = [
  'text/plain',
  'text/csv',
  'application/octet-stream',
  'application/geo+json',
  'application/xml',
  'application/x-www-form-urlencoded',
];

function bodyArb(method: string, schema: unknown): fc.Arbitrary<{ payload?: string | Buffer; contentType?: string }> {
  if (method === 'GET' || method === 'HEAD') return fc.constant({});
  const json = fuzzValue(schema).map((v) =>
    v === undefined ? {} : { payload: JSON.stringify(v), contentType: 'application/json' },
  );
  const raw = fc
    .tuple(fc.constantFrom(...CONTENT_TYPES), fc.uint8Array({ maxLength: 256 }))
    .map(([contentType, bytes]) => ({ payload: Buffer.from(bytes), contentType }));
  const multipart = fc
    .tuple(fc.constantFrom('file', 'photo', 'x'), fc.string({ maxLength: 200 }))
    .map(([field, text]) => ({
      payload: `--fuzzB\r\ncontent-disposition: form-data; name="${field}"; filename="a.bin"\r\ncontent-type: application/octet-stream\r\n\r\n${text}\r\n--fuzzB--\r\n`,
      contentType: 'multipart/form-data; boundary=fuzzB',
    }));
  const broken = fc
    .constantFrom(
      '{',
      '{"a":',
      'null',
      '[]',
      '"x"',
      '\u0000',
      '{"__proto__":{"admin":true}}',
      '{"constructor":{"prototype":{"x":1}}}',
    )
    .map((payload) => ({ payload, contentType: 'application/json' }));
  return fc.oneof(
    { weight: 8, arbitrary: json },
    { weight: 1, arbitrary: raw },
    { weight: 1, arbitrary: multipart },
    { weight: 1, arbitrary: broken },
  );
}

function headersArb(schema: unknown): fc.Arbitrary<Record<string, string>> {
  const declared = fuzzValue(schema).map((h) => {
    if (!h || typeof h !== 'object' || Array.isArray(h)) return {};
    return Object.fromEntries(
      Object.entries(h).map(([k, v]) => [k.toLowerCase(), asText(v).replace(/[^\x20-\x7e]/g, '?')]),
    );
  });
  const extra = fc.record(
    {
      'accept-language': fc.constantFrom('zh-CN', 'en', 'en-US,en;q=0.9', 'xx', '*', ''),
      'idempotency-key': fc.oneof(
        fc.constantFrom('short', 'fuzz-key-000001', 'has space in it', 'x'.repeat(200)),
        fc.stringMatching(/^[\w.:-]{8,40}$/),
      ),
      'x-forwarded-for': fc.constantFrom('1.2.3.4', 'garbage', '::1'),
      accept: fc.constantFrom('application/json', 'text/html', 'application/xml', '*/*'),
    },
    { requiredKeys: [] },
  );
  return fc.tuple(declared, extra).map(([a, b]) => ({ ...b, ...a }));
}

/** Roles that hold the route's permission (any role when it needs none); anonymous is sometimes tried too. */
export function requestArb(
  route: RouteEntry,
  ids: string[],
  rolesWith: (permission: string | null) => string[],
): fc.Arbitrary<FuzzRequest> {
  const schema = (route.schema ?? {}) as Schema;
  const roles = rolesWith(route.permission);
  const role = fc.oneof(
    {
      weight: 9,
      arbitrary: roles.length ? fc.constantFrom<string | null>(...roles) : fc.constant<string | null>(null),
    },
    { weight: 1, arbitrary: fc.constant<string | null>(null) },
  );
  return fc
    .record({
      path: pathArb(route.url, schema.params, ids),
      query: queryArb(schema.querystring),
      body: bodyArb(route.method, schema.body),
      headers: headersArb(schema.headers),
      role,
      csrf: fc.integer({ min: 0, max: 9 }).map((n) => n > 0),
    })
    .map(({ path, query, body, headers, role: r, csrf }) => ({
      method: route.method,
      url: `${path}${query}`,
      headers: { ...headers, ...(body.contentType ? { 'content-type': body.contentType } : {}) },
      ...(body.payload === undefined ? {} : { payload: body.payload }),
      role: r,
      csrf,
    }));
}
