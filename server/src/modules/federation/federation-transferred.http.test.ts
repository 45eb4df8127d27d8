import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadPhoto } from '../../testing/photo.fixtures.ts';
import {
  as,
  createTestApp,
  login,
  restartedApp,
  type Session,
  type TestApp,
  type TestContext,
} from '../../testing/test-app.ts';

/**
 * The origin's `transferred` status between two real app instances over HTTP (大冶市 420281 as A, B renamed 阳新县
 * 420222), each on its own database: B accepting a 移送 moves A's case to transferred, where no ordinary step is
 * allowed and its clocks stand still; B giving it back returns it to the status it had, deadlines moved by the wait;
 * B closing its case closes A's. A transfer's photos travel in the signed message and arrive byte for byte; a
 * photo that does not match its signed hash, or photos over the cap, are refused and nothing is written at B.
 */
const POINT = { lng: 114.975, lat: 30.1 };
const B_CODE = '420222';
const HOUR = 3_600_000;
let A: TestContext;
let B: TestContext;
let bApp: TestApp;
const sA: Record<string, Session> = {};
const sB: Record<string, Session> = {};
const apiA = (u: string) => as(A.app, sA[u]!);
const apiB = (u: string) => as(bApp, sB[u]!);
const deliverA = () => A.app.services.federation.deliver(A.clock.now());
const deliverB = () => bApp.services.federation.deliver(B.clock.now());
const USERS = ['admin', 'shiftleader', 'operator', 'inspector', 'leader'] as const;
const pw = (u: string) => (u === 'admin' ? 'Admin@12345' : 'Demo@12345');
let peerAtA = '';
const errCode = (body: string) => (JSON.parse(body) as { error: { code: string } }).error.code;

/** Both clocks move (the peers check each other's message times); sessions that idled out are opened again. */
async function advance(ms: number) {
  A.clock.advance(ms);
  B.clock.advance(ms);
  for (const u of USERS) {
    sA[u] = await login(A.app, u, pw(u));
    sB[u] = await login(bApp, u, pw(u));
  }
}

beforeAll(async () => {
  A = await createTestApp();
  B = await createTestApp();
  await B.database.db.updateTable('tenants').set({ code: B_CODE, name: '阳新县' }).execute();
  await B.app.close();
  bApp = await restartedApp(B);
  await bApp.listen({ host: '127.0.0.1', port: 0 });
  const bUrl = `http://127.0.0.1:${(bApp.server.address() as { port: number }).port}`;
  await A.app.listen({ host: '127.0.0.1', port: 0 });
  const aUrl = `http://127.0.0.1:${(A.app.server.address() as { port: number }).port}`;
  for (const u of USERS) {
    sA[u] = await login(A.app, u, pw(u));
    sB[u] = await login(bApp, u, pw(u));
  }
  const aKey = (await apiA('admin').post('/api/federation/keys/rotate', {})).json().keys[0].publicKey;
  const bKey = (await apiB('admin').post('/api/federation/keys/rotate', {})).json().keys[0].publicKey;
  const sharing = { bulletins: [], cases: true, personal: [] };
  const pa = await apiA('admin').post('/api/federation/peers', {
    name: '阳新县城管局',
    url: bUrl,
    peerCode: B_CODE,
    publicKey: bKey,
    sharing,
  });
  expect(pa.statusCode, pa.body).toBe(201);
  peerAtA = pa.json().id;
  const pb = await apiB('admin').post('/api/federation/peers', {
    name: '大冶市城管局',
    url: aUrl,
    peerCode: '420281',
    publicKey: aKey,
    sharing,
  });
  expect(pb.statusCode, pb.body).toBe(201);
}, 180_000);
afterAll(async () => {
  await bApp?.close();
  await B?.close();
  await A?.close();
});

/** A case at A, accepted there (待立案), transferred to B and accepted by B's operator. */
async function transferredCase(description: string) {
  const made = await apiA('inspector').post('/api/cases', { matterCode: '09006', description, ...POINT });
  expect(made.statusCode, made.body).toBe(201);
  const acc = await apiA('operator').post(`/api/cases/${made.json().id}/transitions`, {
    version: made.json().version,
    action: 'accept',
  });
  expect(acc.statusCode, acc.body).toBe(200);
  expect(acc.json().status).toBe('pending_filing');
  const t = await apiA('shiftleader').post('/api/federation/transfers', {
    caseId: made.json().id,
    peerId: peerAtA,
    note: '事发地属阳新县，请接收',
  });
  expect(t.statusCode, t.body).toBe(201);
  expect(await deliverA()).toMatchObject({ delivered: 1 });
  const inbox = await apiB('shiftleader').get('/api/federation/messages?direction=in&kind=transfer&status=received');
  const m = inbox.json().items[0];
  const ok = await apiB('shiftleader').post(`/api/federation/messages/${m.id}/accept`);
  expect(ok.statusCode, ok.body).toBe(200);
  await deliverB();
  return { before: acc.json(), messageId: m.id as string, localCaseId: ok.json().localCaseId as string };
}

describe('the transferred status at the origin', () => {
  let caseId = '';
  let messageId = '';
  let before: { stepDeadline: string | null; version: number } = { stepDeadline: null, version: 0 };

  it('B accepts: A’s case waits as transferred, with the peer on its timeline and no ordinary step', async () => {
    const t = await transferredCase('跨界占道经营');
    caseId = t.before.id;
    messageId = t.messageId;
    before = t.before;
    const c = (await apiA('operator').get(`/api/cases/${caseId}`)).json();
    expect(c.status).toBe('transferred');
    expect(c.allowedActions).toEqual([]);
    expect(c.sla.level).toBe('paused');
    const ev = c.timeline.at(-1);
    expect(ev).toMatchObject({ action: 'transfer_accepted', fromStatus: 'pending_filing', toStatus: 'transferred' });
    expect(ev.note).toBe('已移送阳新县城管局办理');

    // an ordinary step is refused with its own code, and nothing changes
    const file = await apiA('shiftleader').post(`/api/cases/${caseId}/transitions`, {
      version: c.version,
      action: 'void',
      note: '重复',
    });
    expect(file.statusCode).toBe(409);
    expect(errCode(file.body)).toBe('CASE_TRANSFERRED');
    expect((await apiA('operator').get(`/api/cases/${caseId}`)).json().version).toBe(c.version);

    // listed under its own inbox; never overdue however long it waits
    await advance(48 * HOUR);
    const listed = (await apiA('leader').get('/api/cases?inbox=transferred')).json();
    expect(listed.items.map((i: { id: string }) => i.id)).toContain(caseId);
    const overdue = (await apiA('leader').get('/api/cases?inbox=overdue')).json();
    expect(overdue.items.map((i: { id: string }) => i.id)).not.toContain(caseId);
    const counts = (await apiA('leader').get('/api/cases/counts')).json();
    expect(counts.transferred).toBeGreaterThanOrEqual(1);
    expect(counts.overdue).toBe(overdue.total);
  });

  it('B gives it back with a reason: A’s case returns to 待立案, its deadline moved by the wait', async () => {
    const ret = await apiB('shiftleader').post(`/api/federation/messages/${messageId}/return`, {
      reason: '经核实位于大冶市辖区',
    });
    expect(ret.statusCode, ret.body).toBe(200);
    expect(ret.json().status).toBe('returned');
    // the same message is not given back twice
    const again = await apiB('shiftleader').post(`/api/federation/messages/${messageId}/return`, { reason: '再次' });
    expect(again.statusCode).toBe(409);
    await deliverB();
    const c = (await apiA('operator').get(`/api/cases/${caseId}`)).json();
    expect(c.status).toBe('pending_filing');
    expect(c.timeline.at(-1)).toMatchObject({
      action: 'transfer_returned',
      fromStatus: 'transferred',
      toStatus: 'pending_filing',
      note: '经核实位于大冶市辖区',
    });
    const tr = (await apiA('shiftleader').get(`/api/federation/transfers?caseId=${caseId}`)).json().items[0];
    expect(tr).toMatchObject({ status: 'returned', reason: '经核实位于大冶市辖区' });
    // the wait (48 h) is not counted: the step deadline moved later by it
    expect(Date.parse(c.stepDeadline) - Date.parse(before.stepDeadline!)).toBe(48 * HOUR);
    // ordinary steps work again
    const filed = await apiA('shiftleader').post(`/api/cases/${caseId}/transitions`, {
      version: c.version,
      action: 'void',
      note: '重复',
    });
    expect(filed.statusCode, filed.body).toBe(200);
  });

  it('B closes its case: A’s case closes with the peer’s result', async () => {
    const t = await transferredCase('另一处摊点');
    // B's case reaches 已结案 (its own loop is tested in the cases module): set directly, as B's progress job reads it
    await B.database.db
      .updateTable('cases')
      .set({ status: 'closed', closed_at: B.clock.now().toISOString() })
      .where('id', '=', t.localCaseId)
      .execute();
    expect(await deliverB()).toMatchObject({ progress: 1 });
    const c = (await apiA('operator').get(`/api/cases/${t.before.id}`)).json();
    expect(c.status).toBe('closed');
    expect(c.timeline.at(-1)).toMatchObject({ action: 'transfer_closed', toStatus: 'closed' });
    expect(c.timeline.at(-1).note).toContain('阳新县城管局');
  });
});

describe('photos travel with a transfer', () => {
  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
  const photoBytes = async (api: ReturnType<typeof apiA>, id: string) =>
    Buffer.from((await api.get(`/api/photos/${id}`)).rawPayload);

  /** A case with two photos at A, its transfer queued (not yet delivered); answers the outbound message row. */
  async function caseWithPhotos(description: string) {
    const photoIds = [await uploadPhoto(A.app, sA.inspector!), await uploadPhoto(A.app, sA.inspector!)];
    const made = await apiA('inspector').post('/api/cases', { matterCode: '09006', description, photoIds, ...POINT });
    expect(made.statusCode, made.body).toBe(201);
    const t = await apiA('shiftleader').post('/api/federation/transfers', {
      caseId: made.json().id,
      peerId: peerAtA,
      note: '附现场照片',
    });
    expect(t.statusCode, t.body).toBe(201);
    const out = await A.database.db
      .selectFrom('fed_messages')
      .selectAll()
      .where('transfer_id', '=', t.json().id)
      .where('kind', '=', 'transfer')
      .executeTakeFirstOrThrow();
    return { caseId: made.json().id as string, photoIds, out };
  }
  const receivedTransfers = async () =>
    (await apiB('shiftleader').get('/api/federation/messages?direction=in&kind=transfer&status=received')).json();

  it('B receives each photo with its signed SHA-256 and keeps it byte for byte on the local case', async () => {
    const { photoIds } = await caseWithPhotos('带照片的移送');
    const hashes = await Promise.all(photoIds.map(async (id) => sha(await photoBytes(apiA('inspector'), id))));
    expect(await deliverA()).toMatchObject({ delivered: 1, failed: 0 });
    const m = (await receivedTransfers()).items[0];
    // lists carry the hashes, sizes and types, never the bytes
    expect(m.body.photos.map((p: { sha256: string }) => p.sha256)).toEqual(hashes);
    expect(m.body.photos[0]).toMatchObject({ mime: 'image/jpeg', phase: 'before' });
    expect(m.body.photos[0]).not.toHaveProperty('data');
    const ok = await apiB('shiftleader').post(`/api/federation/messages/${m.id}/accept`);
    expect(ok.statusCode, ok.body).toBe(200);
    const local = (await apiB('operator').get(`/api/cases/${ok.json().localCaseId}`)).json();
    expect(local.photos).toHaveLength(2);
    const got = await Promise.all(
      local.photos.map(async (p: { id: string }) => sha(await photoBytes(apiB('operator'), p.id))),
    );
    expect(got).toEqual(hashes);
    await deliverB();
  });

  it('a photo that does not match its signed hash is refused, and nothing is written at B', async () => {
    const { out } = await caseWithPhotos('照片被篡改的移送');
    // the sending side's stored body is altered after hashing: the bytes no longer match what is signed with them
    const stored = JSON.parse(out.envelope) as { message: { body: { photos: { data: string }[] } } };
    const bytes = Buffer.from(stored.message.body.photos[1]!.data, 'base64');
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 10) ^ 0xff, bytes.length - 10);
    stored.message.body.photos[1]!.data = bytes.toString('base64');
    await A.database.db
      .updateTable('fed_messages')
      .set({ envelope: JSON.stringify(stored) })
      .where('id', '=', out.id)
      .execute();
    const before = (await receivedTransfers()).total;
    const photosAtB = await B.database.db.selectFrom('case_photos').select('id').execute();
    expect(await deliverA()).toMatchObject({ delivered: 0, failed: 1 });
    const row = await A.database.db
      .selectFrom('fed_messages')
      .selectAll()
      .where('id', '=', out.id)
      .executeTakeFirstOrThrow();
    expect(row.last_error).toContain('FED_PHOTO_MISMATCH');
    expect((await receivedTransfers()).total).toBe(before);
    expect(await B.database.db.selectFrom('case_photos').select('id').execute()).toHaveLength(photosAtB.length);

    // photos declared over the cap are refused as such
    const over = JSON.parse(out.envelope) as { message: { body: { photos: { bytes: number }[] } } };
    over.message.body.photos[0]!.bytes = 9 * 1024 * 1024;
    await A.database.db
      .updateTable('fed_messages')
      .set({ envelope: JSON.stringify(over), next_attempt_at: A.clock.now().toISOString() })
      .where('id', '=', out.id)
      .execute();
    expect(await deliverA()).toMatchObject({ delivered: 0, failed: 1 });
    const again = await A.database.db
      .selectFrom('fed_messages')
      .select('last_error')
      .where('id', '=', out.id)
      .executeTakeFirstOrThrow();
    expect(again.last_error).toContain('FED_PHOTOS_TOO_LARGE');
    expect((await receivedTransfers()).total).toBe(before);
  });
});
