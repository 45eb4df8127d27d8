import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffSessions } from '../../testing/case-loop.ts';
import { wideJpeg } from '../../testing/photo.fixtures.ts';
import { as, createTestApp, type Session, type TestContext } from '../../testing/test-app.ts';
import { TEST_NOW } from '../../testing/test-template.ts';
import { signEvent } from './index.ts';

/**
 * 城市之眼 over HTTP: signed, fresh, once-only events from cameras and drones; below the threshold logged, above it a
 * case pending 核实 (or the image added to an open case nearby); the review desk confirms (受理 → 立案) or rejects
 * (作废, a false positive that moves the rate); drone missions with their events. Images by URL come from a local
 * server on the allow-list, never from outside.
 */
let ctx: TestContext;
let s: Record<string, Session>;
let images: Server;
let imageHost: string;
let jpeg: Buffer;
const NOW_S = Math.floor(Date.parse(TEST_NOW) / 1000);
const HERE = { lng: 114.975, lat: 30.1 };

interface Source {
  id: string;
  secret: string;
}
let camera: Source;
let drone: Source;

const api = (who: string) => as(ctx.app, s[who]!);

function signed(src: Source, body: Buffer | string, contentType: string, opts: { ts?: number; secret?: string } = {}) {
  const ts = String(opts.ts ?? NOW_S);
  return ctx.app.inject({
    method: 'POST',
    url: `/api/vision/events/${src.id}`,
    payload: body,
    headers: {
      'content-type': contentType,
      'x-cityloop-timestamp': ts,
      'x-cityloop-signature': signEvent(opts.secret ?? src.secret, ts, body),
    },
  });
}

const postJson = (src: Source, event: Record<string, unknown>, opts: { ts?: number; secret?: string } = {}) =>
  signed(src, JSON.stringify(event), 'application/json', opts);

function postMultipart(src: Source, event: Record<string, unknown>) {
  const boundary = 'visionboundary';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="event"\r\n\r\n${JSON.stringify(event)}\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="image"; filename="e.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
    ),
    jpeg,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return signed(src, body, `multipart/form-data; boundary=${boundary}`);
}

let n = 0;
const event = (fields: Record<string, unknown> = {}) => ({
  eventId: `evt-${++n}`,
  at: TEST_NOW,
  class: 'street_vending',
  confidence: 0.95,
  ...HERE,
  ...fields,
});

async function register(kind: 'camera' | 'drone', code: string, at = HERE): Promise<Source> {
  const res = await api('admin').post('/api/vision/sources', { code, kind, name: `${code} 号`, ...at, heading: 90 });
  expect(res.statusCode, res.body).toBe(201);
  return { id: res.json().source.id, secret: res.json().secret };
}

async function caseOf(id: string) {
  const res = await api('operator').get(`/api/cases/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

beforeAll(async () => {
  jpeg = await wideJpeg(640, 360);
  images = createServer((req, res) => {
    if (req.url === '/snap.jpg') {
      res.writeHead(200, { 'content-type': 'image/jpeg' });
      res.end(jpeg);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => images.listen(0, '127.0.0.1', resolve));
  imageHost = `127.0.0.1:${(images.address() as AddressInfo).port}`;
  ctx = await createTestApp({ env: { VISION_IMAGE_HOSTS: imageHost } });
  s = await staffSessions(ctx.app);
  camera = await register('camera', 'CAM-001');
  drone = await register('drone', 'UAV-01', { lng: 114.99, lat: 30.11 });
}, 120_000);

afterAll(async () => {
  await ctx?.close();
  await new Promise((resolve) => images?.close(resolve));
});

describe('the webhook refuses', () => {
  it('a missing or wrong signature, an unknown source and a body changed after signing, with one 401', async () => {
    const body = JSON.stringify(event());
    const unsigned = await ctx.app.inject({
      method: 'POST',
      url: `/api/vision/events/${camera.id}`,
      payload: body,
      headers: { 'content-type': 'application/json', 'x-cityloop-timestamp': String(NOW_S) },
    });
    expect(unsigned.statusCode).toBe(401);
    expect(unsigned.json().error.code).toBe('VISION_SIGNATURE');
    expect((await postJson(camera, event(), { secret: drone.secret })).statusCode).toBe(401);
    expect((await postJson({ id: 'no-such-source', secret: camera.secret }, event())).statusCode).toBe(401);
    const ts = String(NOW_S);
    const tampered = await ctx.app.inject({
      method: 'POST',
      url: `/api/vision/events/${camera.id}`,
      payload: body.replace('0.95', '0.99'),
      headers: {
        'content-type': 'application/json',
        'x-cityloop-timestamp': ts,
        'x-cityloop-signature': signEvent(camera.secret, ts, body),
      },
    });
    expect(tampered.statusCode).toBe(401);
  });

  it('a correctly signed call whose timestamp is stale', async () => {
    const res = await postJson(camera, event(), { ts: NOW_S - 301 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VISION_STALE');
    expect(res.json().error.details[0].field).toBe('headers.x-cityloop-timestamp');
  });

  it('a bad payload with 400 naming every field', async () => {
    const res = await postJson(camera, { at: 'yesterday', class: 'ufo', confidence: 2, extra: 1 });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['body.eventId', 'body.at', 'body.class', 'body.confidence']));
    const noImage = await postJson(camera, event());
    expect(noImage.json().error.details[0].field).toBe('body.image');
    const foreign = await postJson(camera, event({ imageUrl: 'https://example.com/a.jpg' }));
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details[0]).toMatchObject({ field: 'body.imageUrl', rule: 'host' });
    const old = await postJson(camera, event({ at: '2024-03-10T00:00:00Z', imageUrl: `http://${imageHost}/snap.jpg` }));
    expect(old.json().error.details[0].field).toBe('body.at');
  });
});

describe('events', () => {
  it('below the threshold are logged only; a retry of the same event id is stored once', async () => {
    const e = event({ confidence: 0.5, imageUrl: `http://${imageHost}/snap.jpg` });
    const first = await postJson(camera, e);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ accepted: true, duplicate: false, status: 'logged', caseNo: null });
    const again = await postJson(camera, e);
    expect(again.json()).toMatchObject({ duplicate: true, status: 'logged' });
    const listed = (await api('operator').get(`/api/vision/events?sourceId=${camera.id}`)).json();
    expect(listed.items.filter((x: { eventId: string }) => x.eventId === e.eventId)).toHaveLength(1);
  });

  it('above it become a case pending 核实 with the image; a camera event goes through 核实 to a filed case', async () => {
    const e = event({ eventId: 'cam-1-above', lng: 114.98, lat: 30.102 });
    const res = await postMultipart(camera, e);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ duplicate: false, status: 'pending' });
    const replay = await postMultipart(camera, e);
    expect(replay.json()).toMatchObject({ duplicate: true, caseNo: res.json().caseNo });

    const desk = (await api('operator').get('/api/vision/review')).json();
    const item = desk.items.find((x: { eventId: string }) => x.eventId === 'cam-1-above');
    expect(item).toMatchObject({ status: 'pending', caseStatus: 'reported', sourceName: 'CAM-001 号' });
    const full = await api('operator').get(item.photoUrl);
    expect(full.statusCode).toBe(200);
    expect(full.headers['content-type']).toBe('image/jpeg');
    const c = await caseOf(item.caseId);
    expect(c).toMatchObject({ status: 'reported', channel: 'camera', matterCode: '09006' });
    expect(c.photos).toHaveLength(1);

    const confirmed = await api('operator').post(`/api/vision/review/${item.id}/confirm`, { note: '画面清晰' });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: 'confirmed', caseStatus: 'pending_filing' });
    expect((await api('operator').post(`/api/vision/review/${item.id}/confirm`, {})).statusCode).toBe(409);
    const conditions = (await api('shiftleader').get('/api/catalog/conditions?matterCode=09006')).json().items;
    const filed = await api('shiftleader').post(`/api/cases/${item.caseId}/transitions`, {
      action: 'file',
      version: (await caseOf(item.caseId)).version,
      filingConditionId: conditions[0].id,
    });
    expect(filed.statusCode, filed.body).toBe(200);
    expect(filed.json().status).toBe('pending_dispatch');
  });

  it('merge with human reports nearby: one open case per place and matter, showing both sources', async () => {
    // a citizen's report first: the camera's image joins it
    const spot = { lng: 114.97, lat: 30.098 };
    const human = await api('inspector').post('/api/cases', {
      matterCode: '09006',
      description: '路口有人占道摆摊',
      ...spot,
    });
    expect(human.statusCode, human.body).toBe(201);
    const merged = await postMultipart(camera, event({ eventId: 'cam-1-merge', ...spot }));
    expect(merged.json()).toMatchObject({ status: 'merged', caseNo: human.json().caseNo });
    const both = await caseOf(human.json().id);
    expect(both.channel).toBe('inspector');
    expect(both.photos).toHaveLength(1);
    const events = (await api('operator').get(`/api/vision/events?caseId=${human.json().id}`)).json();
    expect(events.items.map((x: { eventId: string }) => x.eventId)).toEqual(['cam-1-merge']);

    // the machine's case first: a person's report nearby finds it and is merged into it
    const spot2 = { lng: 114.96, lat: 30.096 };
    const machine = await postMultipart(camera, event({ eventId: 'cam-1-first', class: 'exposed_garbage', ...spot2 }));
    expect(machine.json().status).toBe('pending');
    const person = await api('inspector').post('/api/cases', {
      matterCode: '06010',
      description: '垃圾暴露',
      ...spot2,
    });
    const dups = (await api('operator').get(`/api/cases/${person.json().id}/duplicates`)).json();
    const machineCase = dups.find((d: { caseNo: string }) => d.caseNo === machine.json().caseNo);
    expect(machineCase).toBeTruthy();
    const voided = await api('operator').post(`/api/cases/${person.json().id}/transitions`, {
      action: 'void',
      version: (await caseOf(person.json().id)).version,
      voidReason: 'duplicate',
      parentId: machineCase.id,
      note: '与城市之眼案件重复',
    });
    expect(voided.statusCode, voided.body).toBe(200);
    expect((await caseOf(machineCase.id)).mergedCount).toBe(1);
  });

  it('an image by URL from an allow-listed host; a rejection voids the case and moves the false-positive rate', async () => {
    const res = await postJson(
      camera,
      event({
        eventId: 'cam-1-url',
        class: 'illegal_parking',
        confidence: 0.9,
        lng: 114.985,
        lat: 30.104,
        imageUrl: `http://${imageHost}/snap.jpg`,
      }),
    );
    expect(res.json(), res.body).toMatchObject({ status: 'pending' });
    const missing = await postJson(
      camera,
      event({ class: 'illegal_parking', lng: 114.95, lat: 30.09, imageUrl: `http://${imageHost}/none.jpg` }),
    );
    expect(missing.json().error.details[0]).toMatchObject({ field: 'body.imageUrl', rule: 'fetch' });

    const before = (await api('operator').get('/api/vision/rates')).json();
    const row = (r: { items: { sourceId: string; class: string }[] }) =>
      r.items.find((x) => x.sourceId === camera.id && x.class === 'illegal_parking') as
        { fpRate: number | null; rejected: number } | undefined;
    expect(row(before)?.fpRate ?? null).toBeNull();
    const item = (await api('operator').get('/api/vision/review'))
      .json()
      .items.find((x: { eventId: string }) => x.eventId === 'cam-1-url');
    const rejected = await api('operator').post(`/api/vision/review/${item.id}/reject`, { note: '是树影' });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({ status: 'rejected', caseStatus: 'voided' });
    const after = (await api('operator').get('/api/vision/rates')).json();
    expect(row(after)).toMatchObject({ rejected: 1, fpRate: 1 });
    const street = after.items.find(
      (x: { sourceId: string; class: string }) => x.sourceId === camera.id && x.class === 'street_vending',
    );
    expect(street).toMatchObject({ fpRate: 0 });
  });

  it('a source threshold takes effect; a rotated secret fails at once', async () => {
    const cur = (await api('admin').get(`/api/vision/sources/${camera.id}`)).json();
    const patched = await api('admin').patch(`/api/vision/sources/${camera.id}`, {
      version: cur.version,
      thresholds: { hanging_clothes: 0.4 },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const low = await postMultipart(
      camera,
      event({ class: 'hanging_clothes', confidence: 0.5, lng: 114.99, lat: 30.1 }),
    );
    expect(low.json().status).toBe('pending');
    const old = camera.secret;
    const rotated = await api('admin').post(`/api/vision/sources/${camera.id}/secret`);
    camera = { id: camera.id, secret: rotated.json().secret };
    expect(
      (await postJson(camera, event({ confidence: 0.1, imageUrl: `http://${imageHost}/snap.jpg` }), { secret: old }))
        .statusCode,
    ).toBe(401);
    expect(
      (await postJson(camera, event({ confidence: 0.1, imageUrl: `http://${imageHost}/snap.jpg` }))).statusCode,
    ).toBe(200);
    expect(
      (await api('operator').post('/api/vision/sources', { code: 'X', kind: 'camera', name: 'x', ...HERE })).statusCode,
    ).toBe(403);
  });
});

describe('drone missions', () => {
  it('records route, times and operator, and the events it produced', async () => {
    const route = [
      [114.99, 30.11],
      [114.995, 30.112],
      [115.0, 30.108],
    ];
    const onCamera = await api('admin').post('/api/vision/missions', {
      sourceId: camera.id,
      name: '错误',
      operatorName: '王飞',
      startedAt: TEST_NOW,
      route,
    });
    expect(onCamera.json().error.details[0].field).toBe('body.sourceId');
    const res = await api('admin').post('/api/vision/missions', {
      sourceId: drone.id,
      name: '城东巡飞',
      operatorName: '王飞',
      startedAt: '2024-03-12T01:30:00Z',
      endedAt: '2024-03-12T02:10:00Z',
      route,
    });
    expect(res.statusCode, res.body).toBe(201);
    const mission = res.json();
    const img = `http://${imageHost}/snap.jpg`;
    for (const [i, conf] of [0.5, 0.97].entries()) {
      const r = await postJson(
        drone,
        event({
          eventId: `uav-${i}`,
          class: 'illegal_building',
          confidence: conf,
          missionId: mission.id,
          lng: 114.995,
          lat: 30.112,
          imageUrl: img,
        }),
      );
      expect(r.statusCode, r.body).toBe(200);
    }
    const wrong = await postJson(camera, event({ missionId: mission.id, imageUrl: img }));
    expect(wrong.json().error.details[0].field).toBe('body.missionId');
    const listed = (await api('leader').get('/api/vision/missions')).json();
    expect(listed.find((m: { id: string }) => m.id === mission.id)).toMatchObject({
      eventCount: 2,
      operatorName: '王飞',
      route,
    });
    const evs = (await api('leader').get(`/api/vision/events?missionId=${mission.id}`)).json();
    expect(evs.items.map((e: { status: string }) => e.status).sort()).toEqual(['logged', 'pending']);
  });
});

describe('核实 required for camera reports', () => {
  it('confirm sends the case to an inspector’s on-site 核实 instead of 受理', async () => {
    const wf = (await api('admin').get('/api/cases/settings/workflow')).json();
    const required = { ...wf, verification: { ...wf.verification, camera: 'required' } };
    const put = await api('admin').put('/api/cases/settings/workflow', required);
    expect(put.statusCode, put.body).toBe(200);
    try {
      const res = await postMultipart(
        camera,
        event({ eventId: 'cam-verify-required', class: 'exposed_garbage', lng: 114.985, lat: 30.104 }),
      );
      expect(res.json()).toMatchObject({ status: 'pending' });
      const desk = (await api('operator').get('/api/vision/review')).json();
      const item = desk.items.find((x: { eventId: string }) => x.eventId === 'cam-verify-required');
      // 受理 itself is off for the channel
      const accept = await api('operator').post(`/api/cases/${item.caseId}/transitions`, {
        action: 'accept',
        version: (await caseOf(item.caseId)).version,
      });
      expect(accept.json().error.code).toBe('CASE_WORKFLOW_STEP_OFF');
      const bad = await api('operator').post(`/api/vision/review/${item.id}/confirm`, { inspectorId: 'nobody' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details.map((d: { field: string }) => d.field)).toEqual(['body.inspectorId']);
      const confirmed = await api('operator').post(`/api/vision/review/${item.id}/confirm`, { note: '画面清晰' });
      expect(confirmed.statusCode, confirmed.body).toBe(200);
      expect(confirmed.json()).toMatchObject({ status: 'confirmed', caseStatus: 'verifying' });
      const c = await caseOf(item.caseId);
      expect(c.status).toBe('verifying');
    } finally {
      await api('admin').put('/api/cases/settings/workflow', wf);
    }
  });
});

describe('enforcement leads from confirmed events of enforcement matters', () => {
  const leadsOf = async (eventRowId: string) =>
    (await api('leader').get('/api/enforcement/leads?source=vision&pageSize=100'))
      .json()
      .items.filter((l: { sourceId: string }) => l.sourceId === eventRowId);
  const deskItem = async (eventId: string) =>
    (await api('operator').get('/api/vision/review?pageSize=100'))
      .json()
      .items.find((x: { eventId: string }) => x.eventId === eventId);

  it('a confirmed 违法建设 yields one lead with the image and its hash, once however often it is confirmed', async () => {
    const res = await postMultipart(
      camera,
      event({ eventId: 'cam-wfjs-1', class: 'illegal_building', confidence: 0.96, lng: 114.972, lat: 30.093 }),
    );
    expect(res.json(), res.body).toMatchObject({ status: 'pending' });
    const item = await deskItem('cam-wfjs-1');
    // nothing is referred before a person's confirmation
    expect(await leadsOf(item.id)).toHaveLength(0);
    const confirmed = await api('operator').post(`/api/vision/review/${item.id}/confirm`, { note: '新建彩钢棚' });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect((await api('operator').post(`/api/vision/review/${item.id}/confirm`, {})).statusCode).toBe(409);

    const leads = await leadsOf(item.id);
    expect(leads).toHaveLength(1);
    const lead = leads[0];
    expect(lead).toMatchObject({
      source: 'vision',
      status: 'pending',
      matter: '城市之眼识别：违法建设（CAM-001）',
      matterCode: 'vision_event',
      matterParams: { class: 'illegal_building', source: 'CAM-001' },
      originCaseId: item.caseId,
      originCaseNo: item.caseNo,
      occurredAt: new Date(TEST_NOW).toISOString(),
    });
    expect(lead.leadNo).toMatch(/^XS\d{9}$/);
    // the confirmation's answer names the lead it handed over, for the reviewer's notice
    expect(confirmed.json()).toMatchObject({
      id: item.id,
      status: 'confirmed',
      lead: { id: lead.id, leadNo: lead.leadNo },
    });
    expect(lead.note).toContain('新建彩钢棚');
    expect(lead.evidence).toHaveLength(1);
    expect(lead.evidence[0]).toMatchObject({ kind: 'image', url: item.photoUrl });
    // the hash is the stored image's: the bytes the link serves hash to it
    const image = await api('leader').get(item.photoUrl);
    expect(image.statusCode).toBe(200);
    expect(lead.evidence[0].sha256).toBe(createHash('sha256').update(image.rawPayload).digest('hex'));
  });

  it('a rejected 违法建设 and a confirmed matter of a non-enforcement unit yield none', async () => {
    await postMultipart(
      camera,
      event({ eventId: 'cam-wfjs-2', class: 'illegal_building', confidence: 0.96, lng: 114.962, lat: 30.091 }),
    );
    const wrong = await deskItem('cam-wfjs-2');
    expect((await api('operator').post(`/api/vision/review/${wrong.id}/reject`, { note: '是脚手架' })).statusCode).toBe(
      200,
    );
    expect(await leadsOf(wrong.id)).toHaveLength(0);

    // 暴露垃圾 goes to the sanitation unit by the catalogue: confirmed, it stays a city case only
    await postMultipart(
      camera,
      event({ eventId: 'cam-garbage-1', class: 'exposed_garbage', lng: 114.958, lat: 30.089 }),
    );
    const garbage = await deskItem('cam-garbage-1');
    const confirmed = await api('operator').post(`/api/vision/review/${garbage.id}/confirm`, {});
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: 'confirmed', lead: null });
    expect(await leadsOf(garbage.id)).toHaveLength(0);
  });
});
