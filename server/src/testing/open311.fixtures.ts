import { withAfterPhoto } from './after-photo.ts';
import { XMLParser } from 'fast-xml-parser';
import { expect } from 'vitest';
import { INTERNAL_CLOSE_NOTE } from './case-loop.ts';
import { as, createTestApp, login, type TestContext } from './test-app.ts';

/** Shared by the Open311 conformance tests (docs/open311.md, "Conformance checklist"): app, keys, bodies, XML as FMS reads it. */
export const BASE = '/open311/v2';
/** Inside 金湖街道 of the demo city (the case tests use the same point). */
export const POINT = { lat: 30.1, long: 114.975 };

export async function open311App(
  env?: Record<string, string>,
): Promise<TestContext & { admin: ReturnType<typeof as>; key: string; clientId: string }> {
  const ctx = await createTestApp(env ? { env } : {});
  const admin = as(ctx.app, await login(ctx.app, 'admin', 'Admin@12345'));
  const res = await admin.post('/api/open311/clients', { name: 'FixMyStreet', rateLimitPerMinute: 1000 });
  expect(res.statusCode, res.body).toBe(201);
  return Object.assign(ctx, { admin, key: res.json().apiKey as string, clientId: res.json().id as string });
}

/** FixMyStreet reads XML with ForceArray on these elements and ignores root names (docs/open311.md, "What FixMyStreet sends"). */
const fms = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  isArray: (name) =>
    [
      'service',
      'attribute',
      'value',
      'request',
      'error',
      'request_update',
      'group',
      'endpoint',
      'format',
      'note',
    ].includes(name),
});
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function xml(body: string): any {
  expect(body.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
  const tree = fms.parse(body) as Record<string, unknown>;
  const roots = Object.keys(tree).filter((k) => k !== '?xml');
  expect(roots).toHaveLength(1);
  return { root: roots[0], ...(tree[roots[0] as string] as object) };
}

/** form-urlencoded, repeated keys allowed (FMS repeats media_url). */
export function form(fields: [string, string][]): string {
  return fields.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
}
export const FORM = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };

export function multipart(fields: [string, string][], files: { name: string; data: Buffer; type?: string }[]) {
  const boundary = '----o311test';
  const chunks: Buffer[] = [];
  for (const [k, v] of fields)
    chunks.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\ncontent-disposition: form-data; name="${f.name}"; filename="${f.name}.jpg"\r\ncontent-type: ${f.type ?? 'image/jpeg'}\r\n\r\n`,
      ),
    );
    chunks.push(f.data, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** The exact POST FixMyStreet's Open311 client sends for a pinpointed report (docs/open311.md, "What FixMyStreet sends"). */
export function fmsReport(key: string, extra: [string, string][] = []): [string, string][] {
  return [
    ['api_key', key],
    ['jurisdiction_id', '420281'],
    ['service_code', '09006'],
    [
      'description',
      'title: 占道经营\n\ndetail: 金湖大道水果摊占道\n\nurl: https://fms.example/report/77\n\nSubmitted via FixMyStreet',
    ],
    ['first_name', '张三丰'],
    ['last_name', '-'],
    ['email', 'citizen@example.org'],
    ['phone', '13800138000'],
    ['lat', String(POINT.lat)],
    ['long', String(POINT.long)],
    ['media_url', 'https://fms.example/photo/77.0.jpeg'],
    ['media_url', 'https://fms.example/photo/77.1.jpeg'],
    ['deviceid', 'fms-device-1'],
    ['attribute[filing_condition]', '1'],
    ['attribute[fixmystreet_id]', '77'],
    ['attribute[uprn]', '100012345678'],
    ...extra,
  ];
}

/** Strings a public response must never contain: the reporter's identity as sent in fmsReport. */
export const REPORTER_TRACES = ['citizen@example.org', '13800138000', '138****8000', 'fms-device-1', '张三丰'];

type Ctx = Awaited<ReturnType<typeof open311App>>;
export type Step = [string, Record<string, unknown>];

/** Moves a case (by number) through staff transitions, as the console would. */
export async function drive(ctx: Ctx, caseNo: string, steps: readonly Step[]) {
  const row = await ctx.database.db
    .selectFrom('cases')
    .select('id')
    .where('case_no', '=', caseNo)
    .executeTakeFirstOrThrow();
  for (const [who, body] of steps) {
    const session = await login(ctx.app, who, 'Demo@12345');
    const api = as(ctx.app, session);
    const current = (await api.get(`/api/cases/${row.id}`)).json();
    const sent = await withAfterPhoto(ctx.app, session, body);
    const res = await api.post(`/api/cases/${row.id}/transitions`, { version: current.version, ...sent });
    expect(res.statusCode, `${who} ${String(body.action)}: ${res.body}`).toBe(200);
  }
}

/**
 * accept → file → dispatch (to 环卫所), and the rest of the loop up to 结案; `publicReply` is 答复市民 on closing,
 * beside an internal note that never leaves.
 */
export async function loopSteps(ctx: Ctx, publicReply: string) {
  const unit = (await ctx.admin.get('/api/org/units?q=SANITATION')).json().items[0];
  const inspectorId = (await as(ctx.app, await login(ctx.app, 'inspector', 'Demo@12345')).get('/api/auth/me')).json()
    .user.id;
  const conditions = (await ctx.admin.get('/api/catalog/conditions?matterCode=09006')).json().items;
  const toHandling: Step[] = [
    ['operator', { action: 'accept' }],
    ['shiftleader', { action: 'file', filingConditionId: conditions[0].id }],
    ['dispatcher', { action: 'dispatch', unitId: unit.id }],
  ];
  const toClosed: Step[] = [
    ...toHandling,
    ['handler', { action: 'report_back', note: '内部：已清理' }],
    ['operator', { action: 'send_check', userId: inspectorId }],
    ['inspector', { action: 'check_pass' }],
    ['shiftleader', { action: 'close', note: INTERNAL_CLOSE_NOTE, publicReply }],
  ];
  return { unitName: unit.name as string, toHandling, toClosed };
}
