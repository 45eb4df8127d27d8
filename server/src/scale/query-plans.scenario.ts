import sharp from 'sharp';
import { expect } from 'vitest';
import { driveToClosed, staffSessions } from '../testing/case-loop.ts';
import { as, type Session, type TestApp } from '../testing/test-app.ts';

/**
 * What the plan guard drives through the real routes: staff intake, the case detail (with its timeline, photos,
 * merged children and duplicates), every inbox and sort, search, counts, a whole lifecycle, KPI and reports,
 * Open311 reads and writes, the hotline by work-order number, components by code, the citizen's tracking page and
 * the scheduled jobs. Every statement these run is explained afterwards, so a new query joins the guard by itself.
 */
const POINT = { lng: 114.975, lat: 30.1 };
const INBOXES = [
  'reported',
  'pending_dispatch',
  'pending_filing',
  'handling',
  'pending_close',
  'reported_back',
  'verifying',
  'checking',
  'suspended',
  'overdue',
  'closed',
  'all',
];
const SORTS = ['deadline', 'reportedAt', 'updatedAt', 'caseNo'];

function multipartPhoto(data: Buffer) {
  const boundary = '----cityloopplans';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, type: `multipart/form-data; boundary=${boundary}` };
}

const ok = (res: { statusCode: number; body: string }, status = 200) => expect(res.statusCode, res.body).toBe(status);

export async function driveRoutes(app: TestApp, loadedCaseId: string, componentCode: string): Promise<void> {
  const s = await staffSessions(app);
  const api = (who: string) => as(app, s[who] as Session);

  // Staff intake with a photo, then the detail as the console opens it.
  const photo = multipartPhoto(
    await sharp({ create: { width: 64, height: 48, channels: 3, background: '#336699' } })
      .jpeg()
      .toBuffer(),
  );
  const uploaded = await app.inject({
    method: 'POST',
    url: '/api/photos',
    payload: photo.payload,
    headers: { cookie: s.inspector!.cookie, 'x-csrf-token': s.inspector!.csrf, 'content-type': photo.type },
  });
  ok(uploaded, 201);
  const photoId = uploaded.json().id as string;
  const created = await api('inspector').post(
    '/api/cases',
    { matterCode: '09006', description: '店外经营，占用人行道', ...POINT, photoIds: [photoId] },
    { 'idempotency-key': 'plans-intake-0001' },
  );
  ok(created, 201);
  const id = created.json().id as string;
  // A retry of the same request (same key, same body) takes the replay path.
  ok(
    await api('inspector').post(
      '/api/cases',
      { matterCode: '09006', description: '店外经营，占用人行道', ...POINT, photoIds: [photoId] },
      { 'idempotency-key': 'plans-intake-0001' },
    ),
    201,
  );
  const second = await api('inspector').post('/api/cases', {
    matterCode: '09006',
    description: '门店占道摆放货物',
    ...POINT,
  });
  ok(second, 201);
  for (const who of ['operator', 'leader', 'inspector']) ok(await api(who).get(`/api/cases/${id}`));
  ok(await api('operator').get(`/api/cases/${loadedCaseId}`));
  ok(await api('operator').get(`/api/cases/${id}/duplicates`));
  ok(await api('operator').get(`/api/photos/${photoId}`));
  ok(await api('operator').get(`/api/photos/${photoId}/thumb`));

  // A duplicate merged into the first case: the detail then lists it as a merged child.
  const dup = second.json();
  ok(
    await api('operator').post(`/api/cases/${dup.id}/transitions`, {
      version: dup.version,
      action: 'void',
      voidReason: 'duplicate',
      parentId: id,
      note: '与前一案件重复',
    }),
  );
  ok(await api('operator').get(`/api/cases/${id}`));

  // The whole loop, each step reading the detail first.
  await driveToClosed(app, s, id);

  for (const inbox of INBOXES) {
    for (const sort of SORTS) ok(await api('leader').get(`/api/cases?inbox=${inbox}&sort=${sort}&pageSize=20`));
    ok(await api('unitmanager').get(`/api/cases?inbox=${inbox}&pageSize=20&page=2`));
  }
  ok(await api('inspector').get('/api/cases?inbox=verifying&mine=true'));
  ok(await api('inspector').get('/api/cases?inbox=checking&mine=true'));
  // The 工作台's lists: requests waiting for a decision, and the overdue cases nearest first.
  ok(await api('dispatcher').get('/api/cases?awaitingApproval=true&pageSize=5'));
  ok(await api('shiftleader').get('/api/cases?awaitingApproval=true&pageSize=5'));
  ok(await api('handler').get('/api/cases?inbox=overdue&pageSize=5&sort=deadline&order=asc'));
  for (const q of ['垃圾', '店外经营', '420281'])
    ok(await api('operator').get(`/api/cases?q=${encodeURIComponent(q)}&pageSize=20`));
  ok(await api('leader').get('/api/cases/counts'));
  // Address search (docs/gazetteer.md): key lookups and house ranges by road, staff and public.
  for (const q of ['dyl', '大冶路12号', '大业路', '儒学'])
    ok(await api('operator').get(`/api/gazetteer/search?q=${encodeURIComponent(q)}`));
  ok(await api('operator').get('/api/gazetteer/areas/420281001001/grids'));

  // KPI, reports, dashboard.
  for (const subject of ['tenant', 'unit', 'street'])
    ok(await api('leader').get(`/api/kpi?period=month&at=2024-03&subject=${subject}`));
  ok(await api('leader').get('/api/kpi?period=year&at=2023&subject=tenant'));
  ok(await api('leader').get('/api/kpi/drill?period=month&at=2024-03&subject=tenant&counter=closed'));
  // Yearly drill-downs: a member's total from the roll-up and a page through its index; a counter of occurrences
  // counted from the facts; a post; a unit-scoped reader's own unit and whole scope.
  const year = 'period=year&at=2023';
  const unitId = (await api('admin').get('/api/org/units?q=SANITATION')).json().items[0].id as string;
  const grids = (await api('leader').get(`/api/kpi?${year}&subject=grid`)).json().rows as {
    id: string;
    counts: { reported: number };
  }[];
  const gridCode = grids.find((g) => g.counts.reported > 0)?.id ?? grids[0]?.id ?? '';
  ok(await api('leader').get(`/api/kpi?${year}&subject=grid&sort=name&page=2&pageSize=5`));
  ok(await api('leader').get(`/api/kpi/grid-map?${year}&bbox=114.9,30.0,115.1,30.2`));
  const inspectorId = (await api('inspector').get('/api/auth/me')).json().user.id as string;
  for (const q of [
    `subject=unit&id=${unitId}&counter=closed&page=3`,
    `subject=unit&id=${unitId}&counter=needCheck`,
    `subject=grid&id=${encodeURIComponent(gridCode)}&counter=reported`,
    `subject=tenant&counter=overdue&page=2`,
    `subject=inspector&id=${inspectorId}&counter=reported`,
  ])
    ok(await api('leader').get(`/api/kpi/drill?${year}&${q}`));
  ok(await api('unitmanager').get(`/api/kpi/drill?${year}&subject=unit&id=${unitId}&counter=overdue`));
  ok(await api('unitmanager').get(`/api/kpi/drill?${year}&subject=unit&counter=closed&page=2`));
  ok(await api('leader').get('/api/kpi/rankings?month=2024-03&subject=unit'));
  ok(await api('leader').get('/api/kpi/lists/overdue?period=month&at=2024-03'));
  ok(await api('leader').get('/api/dashboard/summary'));
  ok(await api('leader').get('/api/reports/statistics?period=month&at=2024-03'));
  ok(await api('leader').get('/api/reports/statistics?period=year&at=2023'));

  // 查违控违 and 户外广告: lists with their filters and sorts, statistics, map, reminders and the flood sweep.
  for (const sort of ['reportedOn', 'status', 'area'])
    ok(await api('leader').get(`/api/illegal-construction/reports?sort=${sort}&pageSize=20`));
  ok(await api('leader').get('/api/illegal-construction/reports?status=stopped&from=2023-01-01&to=2023-12-31'));
  ok(await api('leader').get(`/api/illegal-construction/reports?q=${encodeURIComponent('彩钢')}`));
  ok(await api('leader').get('/api/illegal-construction/stop-notices?pageSize=20'));
  ok(await api('leader').get('/api/illegal-construction/letters?replied=false'));
  ok(await api('leader').get('/api/illegal-construction/demolitions?lead=assist&sort=area'));
  ok(await api('leader').get('/api/illegal-construction/stats?year=2023'));
  ok(await api('leader').get('/api/illegal-construction/map?status=reported'));
  ok(await api('leader').get('/api/outdoor-ads/ads?status=active&adType=light_box&pageSize=20'));
  ok(await api('leader').get('/api/outdoor-ads/ads?sort=permitTo'));
  ok(await api('leader').get('/api/outdoor-ads/reminders?withinDays=30'));
  ok(await api('leader').get('/api/outdoor-ads/flood-sweep?year=2024'));
  ok(await api('leader').get('/api/outdoor-ads/removals?from=2023-01-01&to=2023-12-31'));
  ok(await api('leader').get('/api/approvals/applications?status=closed&from=2023-01-01&to=2023-12-31'));
  ok(await api('leader').get('/api/approvals/applications?sort=dueAt&pageSize=20'));
  ok(await api('leader').get('/api/approvals/consultations?from=2023-01-01&to=2023-12-31'));
  ok(await api('leader').get('/api/approvals/figures?from=2023-01-01&to=2023-12-31'));

  await driveOpen311(app, api('admin'));
  await driveHotline(app, api, s);
  await driveCitizen(app);

  // Components by code, nearby and listed.
  ok(await api('admin').get(`/api/components/${componentCode}`));
  ok(await api('admin').get(`/api/components/nearest?lng=${POINT.lng}&lat=${POINT.lat}&limit=5&radius=500`));
  ok(await api('admin').get('/api/components?pageSize=20'));
}

async function driveOpen311(app: TestApp, admin: ReturnType<typeof as>) {
  const client = await admin.post('/api/open311/clients', { name: 'FixMyStreet', rateLimitPerMinute: 1000 });
  ok(client, 201);
  const key = client.json().apiKey as string;
  const form = [
    ['api_key', key],
    ['jurisdiction_id', '420281'],
    ['service_code', '09006'],
    ['description', '金湖大道水果摊占道'],
    ['lat', String(POINT.lat)],
    ['long', String(POINT.lng)],
    ['email', 'citizen@example.org'],
    ['attribute[filing_condition]', '1'],
  ]
    .map(([k, v]) => `${k}=${encodeURIComponent(v as string)}`)
    .join('&');
  // The key also travels in the query string: a server may check it before it reads the body.
  const posted = await app.inject({
    method: 'POST',
    url: `/open311/v2/requests.json?api_key=${encodeURIComponent(key)}`,
    payload: form,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  ok(posted, 200);
  const requestId = posted.json()[0].service_request_id as string;
  for (const url of [
    '/open311/v2/services.json',
    '/open311/v2/requests.json',
    '/open311/v2/requests.json?status=open',
    `/open311/v2/requests/${requestId}.json`,
    `/open311/v2/requests.json?service_request_id=${requestId}`,
    '/open311/v2/requests.json?start_date=2024-01-01T00:00:00Z&end_date=2024-03-12T00:00:00Z',
    `/open311/v2/servicerequestupdates.json?api_key=${encodeURIComponent(key)}&start_date=2024-01-01T00:00:00Z`,
  ]) {
    ok(await app.inject(url));
  }
}

async function driveHotline(app: TestApp, api: (who: string) => ReturnType<typeof as>, s: Record<string, Session>) {
  const secret = (await api('admin').post('/api/hotline/sources/12345/secret')).json().secret as string;
  const hook = (body: object) =>
    app.inject({
      method: 'POST',
      url: '/api/hotline/webhook/12345',
      payload: body,
      headers: { authorization: `Bearer ${secret}` },
    });
  const order = await hook({ externalNo: 'GD-PLANS-1', content: '金湖大道占道经营，水果摊', address: '金湖大道' });
  ok(order, 201);
  // The same work-order number again: found by its number, not created twice.
  expect((await hook({ externalNo: 'GD-PLANS-1', content: '金湖大道占道经营（重复推送）' })).statusCode).toBeLessThan(
    300,
  );
  const id = order.json().id as string;
  ok(await api('operator').get('/api/hotline/orders?pageSize=20'));
  ok(await api('operator').get('/api/hotline/orders?q=GD-PLANS-1'));
  const current = (await api('operator').get(`/api/hotline/orders/${id}`)).json();
  ok(await api('operator').post(`/api/hotline/orders/${id}/sign`, { version: current.version }));
  const signed = (await api('operator').get(`/api/hotline/orders/${id}`)).json();
  const converted = await api('operator').post(`/api/hotline/orders/${id}/convert`, {
    version: signed.version,
    matterCode: '09006',
    ...POINT,
  });
  ok(converted);
  void s;
}

async function driveCitizen(app: TestApp) {
  const headers = { 'x-device-id': 'plans-device-0001-abcdef' };
  const report = await app.inject({
    method: 'POST',
    url: '/api/public/reports',
    payload: { matterCode: '06010', description: '小区门口垃圾堆了三天没人清', ...POINT },
    headers,
  });
  ok(report, 201);
  ok(await app.inject({ url: `/api/public/track/${report.json().token as string}`, headers }));
}
