import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberCheckChar } from '../../../../common/domain/enforcement-identity.ts';
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
 * 互认 and 联合执法邀请 between two real app instances over HTTP (大冶市 420281 as A, B renamed 阳新县 420222), each on
 * its own database: A asks B to recognise an offence record and invites B to a joint action; B's operator decides
 * in its inbox; the answers come back to A's outbox; an accepted record counts as a prior offence in B's
 * enforcement module.
 */
const B_CODE = '420222';
let A: TestContext;
let B: TestContext;
let bApp: TestApp;
const sA: Record<string, Session> = {};
const sB: Record<string, Session> = {};
const apiA = (u: string) => as(A.app, sA[u]!);
const apiB = (u: string) => as(bApp, sB[u]!);
const deliverA = () => A.app.services.federation.deliver(A.clock.now());
const deliverB = () => bApp.services.federation.deliver(B.clock.now());
const USERS = ['admin', 'shiftleader', 'inspector', 'officer', 'officer2'] as const;
const pw = (u: string) => (u === 'admin' ? 'Admin@12345' : 'Demo@12345');
const personId = (seq: string) => `11010519800101${seq}${idNumberCheckChar(`11010519800101${seq}`)}`;
const ID = personId('021');
let peerAtA = '';
let peerAtB = '';

const inboxB = async (kind: string) =>
  (await apiB('shiftleader').get(`/api/federation/messages?direction=in&kind=${kind}&status=received`)).json().items;
const outA = async (kind: string) =>
  (await apiA('shiftleader').get(`/api/federation/messages?direction=out&kind=${kind}`)).json().items;

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
  const sharing = { bulletins: ['repeat_offender'], cases: false, personal: ['name', 'idNumber'] };
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
  peerAtB = pb.json().id;
}, 180_000);
afterAll(async () => {
  await bApp?.close();
  await B?.close();
  await A?.close();
});

describe('互认: an offence record of A counts as a prior offence at B', () => {
  const record = {
    recordNo: '大城管当罚字〔2024〕第 7 号',
    violationCode: 'zdjy',
    violationOn: '2024-03-01',
    partyKind: 'person',
    partyName: '王五',
    idNumber: ID,
    decision: '警告',
  };

  it('refuses what the agreement does not allow or what cannot be matched', async () => {
    const bad = await apiA('shiftleader').post('/api/federation/recognitions', {
      ...record,
      peerId: peerAtA,
      idNumber: '110105198001010210',
    });
    expect(bad.statusCode).toBe(400);
    const noId = await apiA('shiftleader').post('/api/federation/recognitions', {
      peerId: peerAtA,
      ...record,
      idNumber: undefined,
    });
    expect(noId.statusCode).toBe(400);
    expect(
      (await apiA('inspector').post('/api/federation/recognitions', { peerId: peerAtA, ...record })).statusCode,
    ).toBe(403);
    // an organisation's name goes only where the agreement shares `company`
    const org = await apiA('shiftleader').post('/api/federation/recognitions', {
      peerId: peerAtA,
      recordNo: 'ZF202400009',
      violationCode: 'zdjy',
      violationOn: '2024-03-02',
      partyKind: 'organisation',
      partyName: '某某餐馆',
      creditCode: '91110000600037341L',
    });
    expect(org.statusCode, org.body).toBe(201);
    expect(org.json().body).not.toHaveProperty('partyName');
  });

  it('B’s operator accepts it; A sees the answer; B’s repeat check finds it', async () => {
    const sent = await apiA('shiftleader').post('/api/federation/recognitions', { peerId: peerAtA, ...record });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(await deliverA()).toMatchObject({ delivered: 2, failed: 0 });
    const items = await inboxB('recognition');
    expect(items).toHaveLength(2);
    const m = items.find((i: { body: { recordNo: string } }) => i.body.recordNo === record.recordNo);
    // lists mask the ID number
    expect(m.body.idNumber).not.toBe(ID);
    expect(JSON.stringify(items)).not.toContain(ID);
    expect(m.body).toMatchObject({ partyName: '王五', violationCode: 'zdjy' });

    // before: a first offence of this party at B is proposed 首违不罚
    const officers = (await apiB('admin').get('/api/org/users?pageSize=100')).json().items as {
      id: string;
      username: string;
    }[];
    const pair = ['officer', 'officer2'].map((u) => ({ userId: officers.find((o) => o.username === u)!.id }));
    const newCase = (idNumber: string) => ({
      procedure: 'ordinary',
      source: 'patrol',
      violationCode: 'zdjy',
      facts: '占道经营',
      violationOn: '2024-03-11',
      party: { kind: 'person', name: '王五', idNumber },
      officers: pair,
    });
    // a party B has never seen is a first offence (a record still waiting in the inbox does not count)
    const probe = await apiB('officer').post('/api/enforcement/cases', newCase(personId('022')));
    expect(probe.statusCode, probe.body).toBe(201);
    expect(probe.json().leniency).toBe('first_offence');

    const ok = await apiB('shiftleader').post(`/api/federation/messages/${m.id}/accept`, { note: '已录入' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'accepted', decisionNote: '已录入' });
    const again = await apiB('shiftleader').post(`/api/federation/messages/${m.id}/accept`, {});
    expect(again.statusCode).toBe(409);

    // B's first case of this party is a repeat: the recognised record of A counts as the prior offence
    const repeat = await apiB('officer').post('/api/enforcement/cases', newCase(ID));
    expect(repeat.statusCode, repeat.body).toBe(201);
    expect(repeat.json().leniency).toBe('repeat');

    expect(await deliverB()).toMatchObject({ delivered: 1, failed: 0 });
    const mine = (await outA('recognition')).find(
      (o: { body: { recordNo: string } }) => o.body.recordNo === record.recordNo,
    );
    expect(mine).toMatchObject({ status: 'delivered', replyStatus: 'accepted', replyNote: '已录入' });
  });

  it('a declined record is not kept, and A hears why', async () => {
    const [m] = await inboxB('recognition');
    const ret = await apiB('shiftleader').post(`/api/federation/messages/${m.id}/return`, { reason: '证据不足' });
    expect(ret.statusCode, ret.body).toBe(200);
    await deliverB();
    const mine = (await outA('recognition')).find(
      (o: { body: { recordNo: string } }) => o.body.recordNo === 'ZF202400009',
    );
    expect(mine).toMatchObject({ replyStatus: 'declined', replyNote: '证据不足' });
    const kept = await B.database.db.selectFrom('enforcement_peer_offences').select('record_no').execute();
    expect(kept.map((k) => k.record_no)).toEqual([record.recordNo]);
  });

  it('B refuses a recognition once its agreement stops sharing repeat offenders', async () => {
    const patch = await apiB('admin').patch(`/api/federation/peers/${peerAtB}`, {
      sharing: { bulletins: [], cases: false, personal: [] },
    });
    expect(patch.statusCode, patch.body).toBe(200);
    await apiA('shiftleader').post('/api/federation/recognitions', { peerId: peerAtA, ...record });
    expect(await deliverA()).toMatchObject({ delivered: 0, failed: 1 });
    const [last] = await outA('recognition');
    expect(last.lastError).toContain('FED_NOT_SHARED');
    await apiB('admin').patch(`/api/federation/peers/${peerAtB}`, {
      sharing: { bulletins: ['repeat_offender'], cases: false, personal: ['name', 'idNumber'] },
    });
  });
});

describe('联合执法邀请', () => {
  const invitation = () => ({
    peerId: peerAtA,
    startsAt: '2024-03-20T01:00:00.000Z',
    endsAt: '2024-03-20T05:00:00.000Z',
    area: '大冶—阳新交界 G106 沿线',
    polygon: [
      [114.97, 30.09],
      [114.99, 30.09],
      [114.99, 30.11],
    ],
    roles: [
      { role: 'enforcement', count: 6 },
      { role: 'muck', count: 2 },
    ],
    contactName: '李队长',
    contactPhone: '0714-8722110',
    note: '渣土车夜间抛洒专项整治',
  });

  it('checks the invitation', async () => {
    const late = await apiA('shiftleader').post('/api/federation/joint-actions', {
      ...invitation(),
      endsAt: '2024-03-20T00:00:00.000Z',
    });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.details[0].field).toBe('body.endsAt');
    const past = await apiA('shiftleader').post('/api/federation/joint-actions', {
      ...invitation(),
      startsAt: '2024-03-01T00:00:00.000Z',
    });
    expect(past.statusCode).toBe(400);
    const twice = await apiA('shiftleader').post('/api/federation/joint-actions', {
      ...invitation(),
      roles: [
        { role: 'muck', count: 1 },
        { role: 'muck', count: 2 },
      ],
    });
    expect(twice.statusCode).toBe(400);
    const badRole = await apiA('shiftleader').post('/api/federation/joint-actions', {
      ...invitation(),
      roles: [{ role: 'army', count: 1 }],
    });
    expect(badRole.statusCode).toBe(400);
  });

  it('B accepts one with a note, declines another with a reason; both sides see the state', async () => {
    const one = await apiA('shiftleader').post('/api/federation/joint-actions', invitation());
    expect(one.statusCode, one.body).toBe(201);
    const two = await apiA('shiftleader').post('/api/federation/joint-actions', { ...invitation(), area: '还地桥镇' });
    expect(two.statusCode, two.body).toBe(201);
    expect(await deliverA()).toMatchObject({ failed: 0 });
    const items = await inboxB('joint_action');
    expect(items).toHaveLength(2);
    const first = items.find((i: { body: { area: string } }) => i.body.area !== '还地桥镇');
    const second = items.find((i: { body: { area: string } }) => i.body.area === '还地桥镇');
    expect(first.body).toMatchObject({
      roles: invitation().roles,
      contactName: '李队长',
      polygon: invitation().polygon,
    });
    const ok = await apiB('shiftleader').post(`/api/federation/messages/${first.id}/accept`, {
      note: '派 4 名队员参加',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const no = await apiB('shiftleader').post(`/api/federation/messages/${second.id}/return`, {
      reason: '当日另有任务',
    });
    expect(no.statusCode, no.body).toBe(200);
    expect(await deliverB()).toMatchObject({ delivered: 2, failed: 0 });
    const out = await outA('joint_action');
    const byArea = (a: string) => out.find((o: { body: { area: string } }) => o.body.area === a);
    expect(byArea(invitation().area)).toMatchObject({ replyStatus: 'accepted', replyNote: '派 4 名队员参加' });
    expect(byArea('还地桥镇')).toMatchObject({ replyStatus: 'declined', replyNote: '当日另有任务' });
    const seen = (await apiB('shiftleader').get('/api/federation/messages?direction=in&kind=joint_action')).json()
      .items;
    expect(seen.map((s: { status: string }) => s.status).sort()).toEqual(['accepted', 'returned']);
  });
});
