import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTERNAL_CLOSE_NOTE } from '../../testing/case-loop.ts';
import {
  BASE,
  FORM,
  REPORTER_TRACES,
  drive,
  fmsReport,
  form,
  loopSteps,
  multipart,
  open311App,
  xml,
} from '../../testing/open311.fixtures.ts';
import { wideJpeg } from '../../testing/photo.fixtures.ts';

/**
 * The public read model behind the Open311 lists (docs/decisions/0011-public-reads-and-search.md): the stored row
 * follows the case through its lifecycle (status, public reply, photos), a voided case leaves it, and the row never
 * holds the reporter's identity or an internal note, whatever the route that reads it.
 */
let ctx: Awaited<ReturnType<typeof open311App>>;

const rowOf = (caseNo: string) =>
  ctx.database.db.selectFrom('public_cases').selectAll().where('case_no', '=', caseNo).executeTakeFirst();
const one = async (caseNo: string) => {
  const res = await ctx.app.inject(`${BASE}/requests/${caseNo}.json`);
  return { status: res.statusCode, body: res.json() };
};

async function file311(withPhoto: boolean): Promise<string> {
  const photo = await wideJpeg(300, 200);
  const body = withPhoto
    ? multipart(fmsReport(ctx.key), [{ name: 'media[]', data: photo }])
    : { payload: form(fmsReport(ctx.key)), headers: FORM };
  const res = await ctx.app.inject({
    method: 'POST',
    url: `${BASE}/requests.json`,
    payload: body.payload,
    headers: body.headers,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json()[0].service_request_id;
}

beforeAll(async () => {
  ctx = await open311App();
}, 60_000);
afterAll(async () => ctx.close());

describe('the public row follows the case', () => {
  it('from intake to closing: status, unit, public reply and photos, in the list and by id, XML and JSON', async () => {
    const no = await file311(true);
    const fresh = await rowOf(no);
    expect(fresh?.status).toBe('reported');
    const atIntake = await one(no);
    expect(atIntake.status).toBe(200);
    expect(atIntake.body[0]).toMatchObject({ service_request_id: no, status: 'open' });
    // the uploaded photo first, then the URLs the client sent
    expect(atIntake.body[0].media_url).toMatch(/\/api\/public\/photos\/[0-9a-f-]+$/);

    const steps = await loopSteps(ctx, '摊位已清理，道路恢复通行');
    await drive(ctx, no, steps.toHandling);
    const handling = await one(no);
    expect(handling.body[0]).toMatchObject({ status: 'open', agency_responsible: steps.unitName });
    expect((await rowOf(no))?.status).toBe('handling');

    await drive(ctx, no, steps.toClosed.slice(steps.toHandling.length));
    const closed = await one(no);
    expect(closed.body[0]).toMatchObject({ status: 'closed', status_notes: '摊位已清理，道路恢复通行' });
    const list = await ctx.app.inject(`${BASE}/requests.xml?service_request_id=${no}`);
    const x = xml(list.body).request[0];
    expect(x.status).toBe('closed');
    expect(x.status_notes).toBe('摊位已清理，道路恢复通行');
    expect(x.media_url).toBe(atIntake.body[0].media_url);
    const row = await rowOf(no);
    for (const trace of [...REPORTER_TRACES, INTERNAL_CLOSE_NOTE]) expect(row?.body_json).not.toContain(trace);
    expect(row?.body_json).not.toMatch(/reporter|phone|token/i);
  });

  it('a voided case leaves the read model: the same 404 as a missing number', async () => {
    const no = await file311(false);
    expect(await rowOf(no)).toBeDefined();
    await drive(ctx, no, [['operator', { action: 'void', voidReason: 'invalid', note: '无效上报' }]]);
    expect(await rowOf(no)).toBeUndefined();
    expect((await one(no)).status).toBe(404);
    const list = (await ctx.app.inject(`${BASE}/requests.json`)).json() as { service_request_id: string }[];
    expect(list.map((r) => r.service_request_id)).not.toContain(no);
  });

  it('a channel taken off the public list disappears from the rows served, without a rewrite', async () => {
    const no = await file311(false);
    expect((await one(no)).status).toBe(200);
    const put = await ctx.admin.put('/api/cases/settings/public-output', { publicChannels: [] });
    expect(put.statusCode, put.body).toBe(200);
    expect((await one(no)).status).toBe(404);
    expect((await ctx.app.inject(`${BASE}/requests.json`)).json()).toEqual([]);
    await ctx.admin.put('/api/cases/settings/public-output', { publicChannels: ['public'] });
    expect((await one(no)).status).toBe(200);
  });
});
