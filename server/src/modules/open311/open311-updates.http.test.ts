import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE, FORM, drive, fmsReport, form, loopSteps, open311App, xml } from '../../testing/open311.fixtures.ts';

/**
 * mySociety service request updates (docs/open311.md, "Service request updates"): GET the updates of the requests a
 * key sent,
 * POST updates unique per update_id, REOPEN reopens a closed case; both formats, FMS's XML reading.
 */
let ctx: Awaited<ReturnType<typeof open311App>>;
let caseNo = '';
const W3C = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/;
const WINDOW = 'start_date=2024-03-11T00:00:00Z&end_date=2024-03-13T00:00:00Z';

beforeAll(async () => {
  ctx = await open311App();
  const res = await ctx.app.inject({
    method: 'POST',
    url: `${BASE}/requests.xml`,
    payload: form(fmsReport(ctx.key)),
    headers: FORM,
  });
  caseNo = xml(res.body).request[0].service_request_id;
  await drive(ctx, caseNo, (await loopSteps(ctx, '已清理完毕')).toClosed);
}, 60_000);
afterAll(async () => ctx.close());

const postUpdate = (fields: [string, string][], fmt: 'xml' | 'json' = 'xml') =>
  ctx.app.inject({ method: 'POST', url: `${BASE}/servicerequestupdates.${fmt}`, payload: form(fields), headers: FORM });
const update = (id: string, status: string, extra: [string, string][] = []): [string, string][] => [
  ['api_key', ctx.key],
  ['service_request_id', caseNo],
  ['update_id', id],
  ['status', status],
  ['updated_datetime', '2024-03-12T11:00:00+08:00'],
  ['description', '市民补充：仍有摊位'],
  ['email', 'citizen@example.org'],
  ['first_name', '张三丰'],
  ...extra,
];

describe('GET servicerequestupdates', () => {
  it("needs the api_key; lists the status changes of this key's requests with public notes only", async () => {
    const anonymous = await ctx.app.inject(`${BASE}/servicerequestupdates.xml?${WINDOW}`);
    expect(anonymous.statusCode).toBe(403);
    expect(xml(anonymous.body).error[0].code).toBe('403');
    const res = await ctx.app.inject(`${BASE}/servicerequestupdates.xml?api_key=${ctx.key}&${WINDOW}`);
    expect(res.statusCode, res.body).toBe(200);
    const doc = xml(res.body);
    expect(doc.root).toBe('service_request_updates');
    const statuses = doc.request_update.map((u: { status: string }) => u.status);
    expect(statuses).toEqual([
      'open',
      'investigating',
      'action_scheduled',
      'in_progress',
      'in_progress',
      'in_progress',
      'in_progress',
      'fixed',
    ]);
    const last = doc.request_update.at(-1);
    expect(last).toMatchObject({
      service_request_id: caseNo,
      status: 'fixed',
      description: '已清理完毕',
      external_status_code: 'close',
    });
    expect(res.body).not.toContain('内部：已清理');
    for (const u of doc.request_update) expect(u.updated_datetime).toMatch(W3C);
    expect(new Set(doc.request_update.map((u: { update_id: string }) => u.update_id)).size).toBe(statuses.length);
    const json = (await ctx.app.inject(`${BASE}/servicerequestupdates.json?api_key=${ctx.key}&${WINDOW}`)).json();
    expect(Array.isArray(json)).toBe(true);
    expect(json.map((u: { status: string }) => u.status)).toEqual(statuses);
  });

  it('another client application sees none of these; an empty window → empty list', async () => {
    const other = (await ctx.admin.post('/api/open311/clients', { name: 'Other app' })).json();
    expect(
      (await ctx.app.inject(`${BASE}/servicerequestupdates.json?api_key=${other.apiKey}&${WINDOW}`)).json(),
    ).toEqual([]);
    expect(
      (
        await ctx.app.inject(
          `${BASE}/servicerequestupdates.json?api_key=${ctx.key}&start_date=2020-01-01T00:00:00Z&end_date=2020-01-02T00:00:00Z`,
        )
      ).json(),
    ).toEqual([]);
  });
});

describe('POST servicerequestupdates', () => {
  it('stores an update once: a second one with the same update_id → 400 "already exists"', async () => {
    const res = await postUpdate(update('fms-1', 'INVESTIGATING'));
    expect(res.statusCode, res.body).toBe(200);
    const doc = xml(res.body);
    expect(doc.root).toBe('service_request_updates');
    expect(doc.request_update[0].update_id).toEqual(expect.any(String));
    const again = await postUpdate(update('fms-1', 'INVESTIGATING'), 'json');
    expect(again.statusCode).toBe(400);
    expect(again.json()).toEqual([{ code: '400', description: 'update_id fms-1 already exists' }]);
    const rows = await ctx.database.db
      .selectFrom('open311_updates')
      .selectAll()
      .where('update_id', '=', 'fms-1')
      .execute();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain('citizen@example.org');
  });

  it('refuses missing fields (naming them), unknown states and unknown requests', async () => {
    const missing = await postUpdate(
      [
        ['api_key', ctx.key],
        ['service_request_id', caseNo],
        ['description', ''],
      ],
      'json',
    );
    expect(missing.statusCode).toBe(400);
    expect(missing.json().map((e: { description: string }) => e.description)).toEqual([
      'update_id is required',
      'status is required',
      'updated_datetime is required',
      'description is required',
    ]);
    expect((await postUpdate(update('fms-2', 'SOLVED'))).statusCode).toBe(400);
    const unknown = await postUpdate(
      update('fms-3', 'OPEN').map(([k, v]) => [k, k === 'service_request_id' ? '420281-20240312-99999' : v]),
    );
    expect(unknown.statusCode).toBe(404);
  });

  it('attribute[satisfaction] rates the closed case; a bad value → 400', async () => {
    expect(
      (await postUpdate(update('fms-rate-bad', 'CLOSED', [['attribute[satisfaction]', 'thrilled']]))).statusCode,
    ).toBe(400);
    const res = await postUpdate(
      update('fms-rate', 'CLOSED', [['attribute[satisfaction]', 'basically_satisfied']]),
      'json',
    );
    expect(res.statusCode, res.body).toBe(200);
    const c = await ctx.database.db
      .selectFrom('cases')
      .selectAll()
      .where('case_no', '=', caseNo)
      .executeTakeFirstOrThrow();
    expect(c).toMatchObject({ satisfaction: 'basically_satisfied', satisfaction_source: 'open311' });
    const got = (await ctx.app.inject(`${BASE}/requests/${caseNo}.json?extensions=true`)).json()[0];
    expect(got.extended_attributes.satisfaction).toBe('basically_satisfied');
  });

  it('REOPEN reopens the closed case (back to dispatch); a refused REOPEN leaves no update behind', async () => {
    const res = await postUpdate(update('fms-reopen', 'REOPEN'));
    expect(res.statusCode, res.body).toBe(200);
    const c = await ctx.database.db
      .selectFrom('cases')
      .selectAll()
      .where('case_no', '=', caseNo)
      .executeTakeFirstOrThrow();
    expect(c.status).toBe('pending_dispatch');
    expect(c.reopen_count).toBe(1);
    const open = (await ctx.app.inject(`${BASE}/requests/${caseNo}.json`)).json()[0];
    expect(open.status).toBe('open');
    const statuses = (await ctx.app.inject(`${BASE}/servicerequestupdates.json?api_key=${ctx.key}&${WINDOW}`))
      .json()
      .map((u: { status: string }) => u.status);
    expect(statuses.at(-1)).toBe('reopen');
    // the case is open now: a second REOPEN, or a rating, is refused and its update_id stays free
    const refused = await postUpdate(update('fms-reopen-2', 'REOPEN'), 'json');
    expect(refused.statusCode).toBe(400);
    const rateOpen = await postUpdate(
      update('fms-rate-open', 'OPEN', [['attribute[satisfaction]', 'satisfied']]),
      'json',
    );
    expect(rateOpen.statusCode).toBe(400);
    for (const id of ['fms-reopen-2', 'fms-rate-open']) {
      expect(
        await ctx.database.db.selectFrom('open311_updates').select('id').where('update_id', '=', id).executeTakeFirst(),
      ).toBeUndefined();
    }
  });
});
