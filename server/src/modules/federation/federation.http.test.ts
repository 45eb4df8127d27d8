import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import ajvFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportUpFile } from '../../../../common/contracts/federation.ts';
import { canonicalJson } from '../../platform/chain-keys.ts';
import { newId } from '../../platform/ids.ts';
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
 * Two real app instances, each on its own database and tenant (大冶市 420281 as A, and B renamed 阳新县 420222),
 * talking over real HTTP: each listens on a port and its outbox posts to the other's inbox. A test-held peer key signs hand-made messages to try the refusals: forged
 * signature, replay, stale time, unknown and revoked keys, and a key rotation with its overlap window.
 */
const POINT = { lng: 114.975, lat: 30.1 };
const B_CODE = '420222';
const MIN = 60_000;
let A: TestContext;
let B: TestContext;
let bApp: TestApp;
let bUrl = '';
const sA: Record<string, Session> = {};
const sB: Record<string, Session> = {};
const apiA = (u: string) => as(A.app, sA[u]!);
const apiB = (u: string) => as(bApp, sB[u]!);
const errCode = (body: string) => (JSON.parse(body) as { error: { code: string } }).error.code;

interface TestKey {
  raw: string;
  keyId: string;
  privateKey: KeyObject;
}
function testKey(): TestKey {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('base64');
  const keyId = createHash('sha256').update(Buffer.from(raw, 'base64')).digest('hex').slice(0, 16);
  return { raw, keyId, privateKey };
}
function envelope(key: TestKey, over: Record<string, unknown> = {}, body: Record<string, unknown> = {}) {
  const message = {
    v: 1,
    id: newId(),
    kind: 'bulletin',
    sender: { tenant: '420999', key: key.keyId },
    recipient: B_CODE,
    time: B.clock.now().toISOString(),
    nonce: randomBytes(16).toString('base64url'),
    body: { kind: 'blacklisted_truck', summary: '测试通报', subject: { plate: '鄂B00001' }, ...body },
    ...over,
  };
  return {
    message,
    signature: sign(null, Buffer.from(canonicalJson(message), 'utf8'), key.privateKey).toString('base64'),
  };
}
const post = (env: unknown) => as(bApp, null).post('/api/federation/inbox', env);
const advance = (ms: number) => {
  A.clock.advance(ms);
  B.clock.advance(ms);
};
const deliverA = () => A.app.services.federation.deliver(A.clock.now());
const deliverB = () => bApp.services.federation.deliver(B.clock.now());
let aUrl = '';

async function startB(port: number) {
  bApp = await restartedApp(B);
  await bApp.listen({ host: '127.0.0.1', port });
  const address = bApp.server.address() as { port: number };
  bUrl = `http://127.0.0.1:${address.port}`;
  for (const u of ['admin', 'shiftleader', 'operator', 'inspector'] as const)
    sB[u] = await login(bApp, u, u === 'admin' ? 'Admin@12345' : 'Demo@12345');
}

let aKey = '';
let bKey = '';
let peerAtA = '';
let peerAtB = '';
const evil = testKey();
let evilPeer = '';

beforeAll(async () => {
  A = await createTestApp();
  B = await createTestApp();
  await B.database.db.updateTable('tenants').set({ code: B_CODE, name: '阳新县' }).execute();
  await B.app.close();
  await startB(0);
  for (const u of ['admin', 'shiftleader', 'operator', 'inspector'] as const)
    sA[u] = await login(A.app, u, u === 'admin' ? 'Admin@12345' : 'Demo@12345');
  await A.app.listen({ host: '127.0.0.1', port: 0 });
  aUrl = `http://127.0.0.1:${(A.app.server.address() as { port: number }).port}`;
}, 180_000);
afterAll(async () => {
  await bApp?.close();
  await B?.close();
  await A?.close();
});

describe('keys and peers', () => {
  it('makes each city’s key pair and shows its fingerprint, never the private key', async () => {
    const ka = await apiA('admin').post('/api/federation/keys/rotate', { overlapHours: 0 });
    expect(ka.statusCode, ka.body).toBe(200);
    expect(ka.body).not.toMatch(/private|cipher|pkcs/i);
    const own = ka.json().keys[0];
    expect(own.fingerprint).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
    expect(own.status).toBe('active');
    aKey = own.publicKey;
    const kb = await apiB('admin').post('/api/federation/keys/rotate', {});
    expect(kb.statusCode, kb.body).toBe(200);
    expect(kb.json().tenantCode).toBe(B_CODE);
    bKey = kb.json().keys[0].publicKey;
    expect((await apiA('inspector').get('/api/federation/keys')).statusCode).toBe(403);
  });

  it('registers each as the other’s peer with a sharing agreement', async () => {
    const pa = await apiA('admin').post('/api/federation/peers', {
      name: '阳新县城管局',
      url: bUrl,
      peerCode: B_CODE,
      publicKey: bKey,
      sharing: { bulletins: ['blacklisted_truck'], cases: true, personal: ['plate', 'company'] },
    });
    expect(pa.statusCode, pa.body).toBe(201);
    peerAtA = pa.json().id;
    const pb = await apiB('admin').post('/api/federation/peers', {
      name: '大冶市城管局',
      url: aUrl,
      peerCode: '420281',
      publicKey: aKey,
      sharing: {
        bulletins: ['blacklisted_truck', 'repeat_offender'],
        cases: true,
        personal: ['plate', 'company', 'name'],
      },
    });
    expect(pb.statusCode, pb.body).toBe(201);
    peerAtB = pb.json().id;
    const ev = await apiB('admin').post('/api/federation/peers', {
      name: '测试对端',
      url: 'http://evil.invalid',
      peerCode: '420999',
      publicKey: evil.raw,
      sharing: { bulletins: ['blacklisted_truck'], cases: false, personal: ['plate'] },
    });
    expect(ev.statusCode, ev.body).toBe(201);
    evilPeer = ev.json().id;
    const again = await apiA('admin').post('/api/federation/peers', {
      name: '重复',
      url: bUrl,
      peerCode: B_CODE,
      publicKey: bKey,
      sharing: { bulletins: [], cases: false, personal: [] },
    });
    expect(again.statusCode).toBe(409);
    expect(errCode(again.body)).toBe('FED_PEER_TAKEN');
    const bad = await apiA('admin').post('/api/federation/peers', {
      name: 'x',
      url: 'ftp://x',
      peerCode: '1',
      publicKey: 'x',
      sharing: {},
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe('bulletins over HTTP', () => {
  it('delivers a 通报 carrying only the personal data the agreement allows', async () => {
    const res = await apiA('shiftleader').post('/api/federation/bulletins', {
      peerIds: [peerAtA],
      kind: 'blacklisted_truck',
      summary: '渣土车沿路抛洒，已列入黑名单',
      subject: {
        plate: '鄂B12345',
        company: '某某渣土运输公司',
        name: '张三',
        idNumber: '420281198503121234',
        phone: '13900001111',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(await deliverA()).toMatchObject({ delivered: 1, failed: 0 });
    const inbox = await apiB('shiftleader').get('/api/federation/messages?direction=in&kind=bulletin');
    expect(inbox.statusCode, inbox.body).toBe(200);
    expect(inbox.json().total).toBe(1);
    const m = inbox.json().items[0];
    expect(m.peerName).toBe('大冶市城管局');
    expect(m.body.subject).toEqual({ plate: '鄂B12345', company: '某某渣土运输公司' });
    expect(inbox.body).not.toContain('13900001111');
    const found = await apiB('shiftleader').get(
      `/api/federation/messages?direction=in&q=${encodeURIComponent('鄂B12345')}`,
    );
    expect(found.json().total).toBe(1);
    expect(
      (await apiB('shiftleader').get('/api/federation/messages?direction=in&q=nothing-like-it')).json().total,
    ).toBe(0);
    const out = await apiA('shiftleader').get('/api/federation/messages?direction=out');
    expect(out.json().items[0]).toMatchObject({ status: 'delivered', attempts: 1 });
    const ok = await apiB('shiftleader').post(`/api/federation/messages/${m.id}/accept`);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().status).toBe('accepted');
    expect((await apiB('shiftleader').post(`/api/federation/messages/${m.id}/accept`)).statusCode).toBe(409);
  });

  it('refuses a bulletin kind the peer has not agreed to', async () => {
    const res = await apiA('shiftleader').post('/api/federation/bulletins', {
      peerIds: [peerAtA],
      kind: 'repeat_offender',
      summary: 'x',
      subject: {},
    });
    expect(res.statusCode).toBe(400);
    expect(
      (
        await apiA('inspector').post('/api/federation/bulletins', {
          peerIds: [peerAtA],
          kind: 'blacklisted_truck',
          summary: 'x',
          subject: {},
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('the receiver’s checks', () => {
  it('accepts a correctly signed message and answers a repeated id as a duplicate', async () => {
    const env = envelope(evil);
    const first = await post(env);
    expect(first.statusCode, first.body).toBe(201);
    // the same message again with a fresh nonce (an outbox retry that lost our answer): nothing new is stored
    const retry = envelope(evil, { id: env.message.id });
    const second = await post(retry);
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json()).toEqual({ status: 'duplicate', id: first.json().id });
    const list = await apiB('shiftleader').get(`/api/federation/messages?direction=in&peerId=${evilPeer}`);
    expect(list.json().total).toBe(1);
  });

  it('refuses a replay of the same bytes', async () => {
    const env = envelope(evil);
    expect((await post(env)).statusCode).toBe(201);
    const replay = await post(env);
    expect(replay.statusCode).toBe(409);
    expect(errCode(replay.body)).toBe('FED_REPLAY');
  });

  it('refuses a forged signature', async () => {
    const env = envelope(evil);
    const forged = { ...env, message: { ...env.message, body: { ...env.message.body, summary: '篡改' } } };
    const res = await post(forged);
    expect(res.statusCode).toBe(401);
    expect(errCode(res.body)).toBe('FED_BAD_SIGNATURE');
    const other = testKey();
    const wrongKey = envelope(other, { sender: { tenant: '420999', key: evil.keyId } });
    expect(errCode((await post(wrongKey)).body)).toBe('FED_BAD_SIGNATURE');
  });

  it('refuses a stale or future time, per the window setting', async () => {
    const old = await post(envelope(evil, { time: new Date(B.clock.now().getTime() - 10 * MIN).toISOString() }));
    expect(old.statusCode).toBe(400);
    expect(errCode(old.body)).toBe('FED_STALE_TIME');
    const future = await post(envelope(evil, { time: new Date(B.clock.now().getTime() + 10 * MIN).toISOString() }));
    expect(errCode(future.body)).toBe('FED_STALE_TIME');
  });

  it('refuses unknown senders, unknown keys, unshared kinds and unsigned bodies', async () => {
    const stranger = testKey();
    const unknownPeer = await post(envelope(stranger, { sender: { tenant: '420888', key: stranger.keyId } }));
    expect(unknownPeer.statusCode).toBe(403);
    expect(errCode(unknownPeer.body)).toBe('FED_UNKNOWN_PEER');
    const unknownKey = await post(envelope(stranger, { sender: { tenant: '420999', key: stranger.keyId } }));
    expect(errCode(unknownKey.body)).toBe('FED_UNKNOWN_KEY');
    const unshared = await post(envelope(evil, {}, { kind: 'repeat_offender' }));
    expect(errCode(unshared.body)).toBe('FED_NOT_SHARED');
    const unsigned = await post({ message: envelope(evil).message });
    expect(unsigned.statusCode).toBe(400);
  });

  it('honours a key rotation within its overlap, then refuses the old key', async () => {
    const next = testKey();
    const until = new Date(B.clock.now().getTime() + 60 * MIN).toISOString();
    const rot = await post(
      envelope(
        evil,
        { kind: 'key_rotation' },
        { oldKeyId: evil.keyId, oldValidUntil: until, newKeyId: next.keyId, publicKey: next.raw },
      ),
    );
    expect(rot.statusCode, rot.body).toBe(201);
    expect((await post(envelope(evil))).statusCode).toBe(201);
    expect((await post(envelope(next, { sender: { tenant: '420999', key: next.keyId } }))).statusCode).toBe(201);
    advance(61 * MIN);
    const late = await post(envelope(evil));
    expect(late.statusCode).toBe(403);
    expect(errCode(late.body)).toBe('FED_KEY_EXPIRED');
    expect((await post(envelope(next, { sender: { tenant: '420999', key: next.keyId } }))).statusCode).toBe(201);
    // a revoked key is refused at once
    const revoke = await apiB('admin').post(`/api/federation/peers/${evilPeer}/keys/${next.keyId}/revoke`);
    expect(revoke.statusCode, revoke.body).toBe(200);
    const revoked = await post(envelope(next, { sender: { tenant: '420999', key: next.keyId } }));
    expect(revoked.statusCode).toBe(403);
    expect(errCode(revoked.body)).toBe('FED_KEY_REVOKED');
  });

  it('a real rotation at A reaches B signed with the old key, and A’s next message uses the new one', async () => {
    const rot = await apiA('admin').post('/api/federation/keys/rotate', { overlapHours: 24 });
    expect(rot.statusCode, rot.body).toBe(200);
    expect(rot.json().keys.map((k: { status: string }) => k.status)).toEqual(['active', 'retiring']);
    await apiA('shiftleader').post('/api/federation/bulletins', {
      peerIds: [peerAtA],
      kind: 'blacklisted_truck',
      summary: '轮换后的通报',
      subject: { plate: '鄂B54321' },
    });
    expect(await deliverA()).toMatchObject({ delivered: 2, failed: 0 });
    const peer = await apiB('admin').get(`/api/federation/peers/${peerAtB}`);
    expect(peer.json().keys).toHaveLength(2);
    expect(peer.json().keys.filter((k: { validUntil: string | null }) => k.validUntil)).toHaveLength(1);
  });
});

describe('case transfer (移送), a peer that is down, progress back', () => {
  let caseA = '';
  let caseNoA = '';
  let transferId = '';

  it('queues the transfer while B is down, retries with back-off, and delivers once B is back', async () => {
    const made = await apiA('inspector').post('/api/cases', {
      matterCode: '09006',
      description: '跨界占道经营，摊点在阳新一侧',
      ...POINT,
    });
    expect(made.statusCode, made.body).toBe(201);
    caseA = made.json().id;
    caseNoA = made.json().caseNo;
    const port = Number(new URL(bUrl).port);
    await bApp.close();
    const t = await apiA('shiftleader').post('/api/federation/transfers', {
      caseId: caseA,
      peerId: peerAtA,
      note: '事发地属阳新县，请接收',
    });
    expect(t.statusCode, t.body).toBe(201);
    transferId = t.json().id;
    expect(t.json().status).toBe('pending');
    const twice = await apiA('shiftleader').post('/api/federation/transfers', {
      caseId: caseA,
      peerId: peerAtA,
      note: '再次',
    });
    expect(errCode(twice.body)).toBe('FED_ALREADY_TRANSFERRED');

    expect(await deliverA()).toMatchObject({ delivered: 0, failed: 1 });
    let out = (await apiA('shiftleader').get('/api/federation/messages?direction=out&kind=transfer')).json().items[0];
    expect(out).toMatchObject({ status: 'pending', attempts: 1 });
    expect(Date.parse(out.nextAttemptAt) - A.clock.now().getTime()).toBe(30_000);
    // not due yet: nothing is attempted
    expect(await deliverA()).toMatchObject({ delivered: 0, failed: 0 });
    advance(31_000);
    expect(await deliverA()).toMatchObject({ delivered: 0, failed: 1 });
    out = (await apiA('shiftleader').get('/api/federation/messages?direction=out&kind=transfer')).json().items[0];
    expect(out.attempts).toBe(2);
    expect(Date.parse(out.nextAttemptAt) - A.clock.now().getTime()).toBe(60_000);

    await startB(port);
    advance(61_000);
    expect(await deliverA()).toMatchObject({ delivered: 1, failed: 0 });
    expect(await deliverA()).toMatchObject({ delivered: 0, failed: 0 });
    const inbox = await apiB('shiftleader').get('/api/federation/messages?direction=in&kind=transfer');
    expect(inbox.json().total).toBe(1);
    expect(inbox.json().items[0].body).toMatchObject({ caseNo: caseNoA, matterCode: '09006', transferId });
  });

  it('B accepts: a local case with A’s number; A sees the acceptance and B’s progress', async () => {
    const inbox = await apiB('shiftleader').get('/api/federation/messages?direction=in&kind=transfer&status=received');
    const m = inbox.json().items[0];
    const ok = await apiB('shiftleader').post(`/api/federation/messages/${m.id}/accept`);
    expect(ok.statusCode, ok.body).toBe(200);
    const local = await apiB('operator').get(`/api/cases/${ok.json().localCaseId}`);
    expect(local.statusCode, local.body).toBe(200);
    // (its number carries B's code in production; here the case module's process-wide tenant-code cache, keyed by
    // tenant id, answers A's code because both test databases are copies of one template with the same tenant id)
    expect(local.json().id).not.toBe(caseA);
    expect(local.json().description).toContain(caseNoA);
    expect(local.json().channel).toBe('transfer');
    expect(await deliverB()).toMatchObject({ delivered: 2 });
    let tr = (await apiA('shiftleader').get(`/api/federation/transfers?caseId=${caseA}`)).json().items[0];
    expect(tr).toMatchObject({ status: 'accepted', peerCaseNo: local.json().caseNo, peerStatus: 'reported' });
    // B works on the case: its new status goes back as progress, once
    const acc = await apiB('operator').post(`/api/cases/${local.json().id}/transitions`, {
      version: local.json().version,
      action: 'accept',
    });
    expect(acc.statusCode, acc.body).toBe(200);
    expect(await deliverB()).toMatchObject({ progress: 1, delivered: 1 });
    expect(await deliverB()).toMatchObject({ progress: 0, delivered: 0 });
    tr = (await apiA('shiftleader').get(`/api/federation/transfers?caseId=${caseA}`)).json().items[0];
    expect(tr.peerStatus).toBe(acc.json().status);
    expect(tr.progress.map((p: { status: string }) => p.status)).toEqual(['reported', acc.json().status]);
  });

  it('a transfer B returns comes back with the reason', async () => {
    const made = await apiA('inspector').post('/api/cases', {
      matterCode: '09006',
      description: '另一处摊点',
      ...POINT,
    });
    const t = await apiA('shiftleader').post('/api/federation/transfers', {
      caseId: made.json().id,
      peerId: peerAtA,
      note: '请接收',
    });
    expect(t.statusCode, t.body).toBe(201);
    await deliverA();
    const m = (
      await apiB('shiftleader').get('/api/federation/messages?direction=in&kind=transfer&status=received')
    ).json().items[0];
    const noReason = await apiB('shiftleader').post(`/api/federation/messages/${m.id}/return`, {});
    expect(noReason.statusCode).toBe(400);
    const ret = await apiB('shiftleader').post(`/api/federation/messages/${m.id}/return`, {
      reason: '经核实位于大冶市辖区',
    });
    expect(ret.statusCode, ret.body).toBe(200);
    await deliverB();
    const tr = (await apiA('shiftleader').get(`/api/federation/transfers?caseId=${made.json().id}`)).json().items[0];
    expect(tr).toMatchObject({ status: 'returned', reason: '经核实位于大冶市辖区' });
  });
});

describe('report-up file drop', () => {
  it('writes a day’s JSON and CSV in the exchange schema, and continues from its watermark', async () => {
    advance(86_400_000);
    // sessions end after a day idle: sign in again on the next day
    for (const u of ['admin', 'shiftleader'] as const)
      sA[u] = await login(A.app, u, u === 'admin' ? 'Admin@12345' : 'Demo@12345');
    const day = '2024-03-12';
    const run = await apiA('admin').post('/api/federation/report-up/run', { from: day });
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json().lastDay).toBe(day);
    expect(run.json().files).toEqual(expect.arrayContaining([`420281/${day}.json`, `420281/${day}.csv`]));
    const dir = join(A.config.dataDir, 'report-up', '420281');
    const file = JSON.parse(readFileSync(join(dir, `${day}.json`), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false });
    const addFormats = (ajvFormats.default ?? ajvFormats) as unknown as (a: Ajv) => Ajv;
    addFormats(ajv);
    const valid = ajv.validate(ReportUpFile, file);
    expect(valid, JSON.stringify(ajv.errors)).toBe(true);
    expect(file.cases.length).toBeGreaterThanOrEqual(2);
    const rec = file.cases.find((c: { caseNo: string }) => c.caseNo.startsWith('420281-2024'));
    expect(rec).toMatchObject({ classCode: '09', subclassCode: '09006', source: 'inspector' });
    expect(rec.steps.reported).toBeTruthy();
    const csv = readFileSync(join(dir, `${day}.csv`), 'utf8');
    const [head, ...rows] = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(head).toBe(
      'caseNo,source,classCode,subclassCode,address,lng,lat,gridCode,at_reported,at_verifying,at_pending_filing,at_pending_dispatch,at_handling,at_reported_back,at_checking,at_pending_close,at_closed,at_voided,status',
    );
    expect(rows).toHaveLength(file.cases.length);
    // nothing after the watermark is complete yet: a second run writes nothing, the same day again the same names
    expect((await apiA('admin').post('/api/federation/report-up/run', {})).json().files).toEqual([]);
    expect((await apiA('admin').get('/api/federation/report-up')).json().lastDay).toBe(day);
    const future = await apiA('admin').post('/api/federation/report-up/run', { from: '2024-03-13' });
    expect(future.statusCode).toBe(400);
    expect((await apiA('shiftleader').post('/api/federation/report-up/run', {})).statusCode).toBe(403);
  });
});
