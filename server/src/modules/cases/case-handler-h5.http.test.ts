import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wideJpeg } from '../../testing/photo.fixtures.ts';
import { staffSessions, step } from '../../testing/case-loop.ts';
import { as, createTestApp, type Session, type TestContext } from '../../testing/test-app.ts';

/**
 * What a unit handler does from the phone app (处置通): the calls /h5 makes for a handler, with the handler's own
 * session. The unit is the boundary: a case of another unit is the same 404 as a missing one.
 */
let ctx: TestContext;
let s: Record<string, Session>;
const unitIds: Record<string, string> = {};

beforeAll(async () => {
  ctx = await createTestApp();
  s = await staffSessions(ctx.app);
  for (const code of ['SANITATION', 'PARKS'])
    unitIds[code] = (await as(ctx.app, s.admin!).get(`/api/org/units?q=${code}`)).json().items[0].id;
});
afterAll(async () => ctx.close());

const api = (who: string) => as(ctx.app, s[who] ?? null);

async function dispatched(description: string, unit: string): Promise<string> {
  const created = await api('inspector').post('/api/cases', {
    matterCode: '06010',
    description,
    lng: 114.975,
    lat: 30.1,
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  await step(ctx.app, s, 'operator', id, { action: 'accept' });
  const conditions = (await api('shiftleader').get('/api/catalog/conditions?matterCode=06010')).json().items;
  await step(ctx.app, s, 'shiftleader', id, { action: 'file', filingConditionId: conditions[0].id });
  await step(ctx.app, s, 'dispatcher', id, { action: 'dispatch', unitId: unitIds[unit] });
  return id;
}

async function upload(session: Session): Promise<string> {
  const boundary = 'h5handlerboundary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="after.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
    ),
    await wideJpeg(640, 480),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/photos',
    payload,
    headers: {
      cookie: session.cookie,
      'x-csrf-token': session.csrf,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

describe('处置通: a unit handler on the phone', () => {
  it("lists the unit's cases to handle and counts them, without the cases of other units", async () => {
    const mine = await dispatched('环卫：路面垃圾', 'SANITATION');
    const theirs = await dispatched('园林：树枝折断', 'PARKS');
    const list = await api('handler').get('/api/cases?inbox=handling&pageSize=50');
    expect(list.statusCode, list.body).toBe(200);
    const ids = list.json().items.map((c: { id: string }) => c.id);
    expect(ids).toContain(mine);
    expect(ids).not.toContain(theirs);
    const counts = (await api('handler').get('/api/cases/counts')).json();
    expect(counts.handling).toBe(ids.length);
    expect((await api('handler').get(`/api/cases/${theirs}`)).statusCode).toBe(404);
  });

  it('opens a case with its place and photos, and is offered report back and the three requests only', async () => {
    const id = await dispatched('环卫：果皮箱满溢', 'SANITATION');
    const res = await api('handler').get(`/api/cases/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    const detail = res.json();
    expect(detail).toMatchObject({ status: 'handling', lng: 114.975, lat: 30.1 });
    expect(Array.isArray(detail.photos)).toBe(true);
    expect([...detail.allowedActions].sort()).toEqual(
      ['report_back', 'request_extension', 'request_return', 'request_suspension'].sort(),
    );
  });

  it('reports back with after-photos: the case goes to reported_back with the photos as "after"', async () => {
    const id = await dispatched('环卫：垃圾堆放', 'SANITATION');
    const photoId = await upload(s.handler!);
    const version = (await api('handler').get(`/api/cases/${id}`)).json().version;
    const res = await api('handler').post(`/api/cases/${id}/transitions`, {
      action: 'report_back',
      version,
      note: '已清运，现场已恢复',
      photoIds: [photoId],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('reported_back');
    expect(res.json().photos).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: photoId, phase: 'after' })]),
    );
    // The same report sent again (its answer was lost) is refused as stale; the phone then reads the case.
    const again = await api('handler').post(`/api/cases/${id}/transitions`, { action: 'report_back', version });
    expect(again.statusCode).toBe(409);
  });

  it('asks for 回退, 延期 and 挂账 with a reason; each waits for approval', async () => {
    const cases = await Promise.all(['回退', '延期', '挂账'].map((w) => dispatched(`环卫：申请${w}`, 'SANITATION')));
    const bodies = [
      { action: 'request_return', note: '不属于本单位职责' },
      { action: 'request_extension', note: '需要调车', amountValue: 2, amountUnit: 'work_days' },
      {
        action: 'request_suspension',
        note: '待道路施工结束',
        until: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      },
    ];
    const expected = ['return', 'extension', 'suspension'];
    for (const [i, id] of cases.entries()) {
      const version = (await api('handler').get(`/api/cases/${id}`)).json().version;
      const res = await api('handler').post(`/api/cases/${id}/transitions`, { ...bodies[i], version });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ status: 'handling', pendingRequest: expected[i] });
    }
    const noReason = await dispatched('环卫：无理由回退', 'SANITATION');
    const version = (await api('handler').get(`/api/cases/${noReason}`)).json().version;
    const refused = await api('handler').post(`/api/cases/${noReason}/transitions`, {
      action: 'request_return',
      version,
    });
    expect(refused.statusCode).toBe(400);
  });

  it('cannot report a new problem nor act on another unit’s case', async () => {
    const report = await api('handler').post('/api/cases', {
      matterCode: '06010',
      description: '处置人员上报',
      lng: 114.975,
      lat: 30.1,
    });
    expect(report.statusCode).toBe(403);
    const theirs = await dispatched('园林：绿地破坏', 'PARKS');
    const res = await api('handler').post(`/api/cases/${theirs}/transitions`, { action: 'report_back', version: 1 });
    expect(res.statusCode).toBe(404);
  });
});
