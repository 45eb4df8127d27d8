import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberCheckChar } from '../../../../common/domain/enforcement-identity.ts';
import {
  commitmentOf,
  drawOrder,
  seedOf,
  verifyLottery,
  type LotteryFile,
} from '../../../../common/domain/night-market-lottery.ts';
import { enforcementKit, KIT_ID_NUMBER } from '../../testing/enforcement.fixtures.ts';
import { as } from '../../testing/test-app.ts';

/**
 * 夜市摊位分配 over HTTP on the demo city: merchants apply on the public routes, staff review against the round's
 * rules (本地户籍 by the ID address code, 无未缴罚款 through the enforcement register), the lottery refuses every step
 * out of order, the published file replays (here and with the standalone script), stalls follow the drawn order,
 * and the ledger and violation points work after the draw. Phones and ID numbers never leave unmasked.
 */
const kit = enforcementKit();
const pub = () => as(kit.ctx.app, null);
const SECRET = 'c0ffee0123456789abcdef0123456789abcdef0123456789abcdef0123456789';
const VALUE = '03 09 14 21 26 31 + 12';
const localId = (i: number) => {
  const first17 = `42028119850312${String(100 + i)}`;
  return `${first17}${idNumberCheckChar(first17)}`;
};
const code = (body: string) => (JSON.parse(body) as { error: { code: string } }).error.code;
let marketId = '';
let roundId = '';
let roundNo = '';
const appIds: Record<string, string> = {};
const dir = mkdtempSync(join(tmpdir(), 'nm-http-'));

beforeAll(async () => {
  await kit.setUp();
  // an unpaid 6,000 yuan fine of the person KIT_ID_NUMBER (served, payable by 2 July)
  await kit.servedCase();
}, 120_000);
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await kit.close();
});

let devices = 0;
const apply = (no: string, body: Record<string, unknown>, device = `device-nm-${++devices}`) =>
  pub().post(`/api/public/night-market/rounds/${no}/applications`, body, { 'x-device-id': device });

describe('markets, stalls and a round', () => {
  it('creates the market with its stalls and a round with default rules', async () => {
    const m = await kit.api('squadleader').post('/api/night-market/markets', {
      name: '恒达夜市',
      address: '大冶市恒达欢乐大世界',
      openingHours: '18:00-24:00',
    });
    expect(m.statusCode, m.body).toBe(201);
    marketId = m.json().id;
    const stalls = ['A-001', 'A-002', 'A-003', 'A-004', 'A-005'].map((c) => ({
      code: c,
      widthCm: 300,
      depthCm: 200,
      location: '东区',
    }));
    const s = await kit.api('squadleader').post(`/api/night-market/markets/${marketId}/stalls`, { stalls });
    expect(s.statusCode, s.body).toBe(201);
    expect(s.json().stallCount).toBe(5);
    const again = await kit.api('squadleader').post(`/api/night-market/markets/${marketId}/stalls`, {
      stalls: stalls.slice(0, 1),
    });
    expect(again.statusCode).toBe(409);
    expect(code(again.body)).toBe('NM_STALL_CODE_TAKEN');

    const r = await kit.api('squadleader').post('/api/night-market/rounds', {
      marketId,
      name: '第一批',
      applyFrom: '2024-06-16T00:00:00.000Z',
      applyTo: '2024-06-18T00:00:00.000Z',
      stallFeeFen: 30_000,
      depositFen: 100_000,
      pointThreshold: 12,
    });
    expect(r.statusCode, r.body).toBe(201);
    roundId = r.json().id;
    roundNo = r.json().roundNo;
    expect(roundNo).toBe('YS2024-01');
    expect(r.json()).toMatchObject({
      phase: 'applying',
      stallCount: 5,
      rules: { localHousehold: { enabled: true, idPrefixes: ['420281'] }, noUnpaidFines: { enabled: true } },
    });
    const bad = await kit.api('squadleader').post('/api/night-market/rounds', {
      marketId,
      name: 'x',
      applyFrom: '2024-06-18T00:00:00.000Z',
      applyTo: '2024-06-16T00:00:00.000Z',
      stallFeeFen: 0,
      depositFen: 0,
      pointThreshold: 1,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('body.applyTo');
  });

  it('keeps the register to those allowed', async () => {
    expect((await kit.api('legal').get('/api/night-market/markets')).statusCode).toBe(403);
    expect((await pub().get('/api/night-market/markets')).statusCode).toBe(401);
  });
});

describe('applications', () => {
  it('takes applications on the public route, one per ID number, with field-level errors', async () => {
    const names = ['张三', '李四', '王五', '赵敏', '钱多多', '孙丽', '周杰'];
    for (const [i, name] of names.entries()) {
      const res = await apply(roundNo, { name, phone: `1380000000${i}`, idNumber: localId(i), goods: '烧烤' });
      expect(res.statusCode, res.body).toBe(201);
      appIds[name] = res.json().applicationNo;
    }
    expect(appIds['张三']).toBe(`${roundNo}-0001`);
    const outsider = await apply(roundNo, {
      name: '赵六',
      phone: '13900000009',
      idNumber: KIT_ID_NUMBER,
      goods: '小龙虾',
    });
    expect(outsider.statusCode).toBe(201);
    appIds['赵六'] = outsider.json().applicationNo;

    const dup = await apply(roundNo, { name: '张三丰', phone: '13800000099', idNumber: localId(0), goods: '奶茶' });
    expect(dup.statusCode).toBe(409);
    expect(code(dup.body)).toBe('NM_DUPLICATE_ID');
    const lower = await apply(roundNo, {
      name: '某某',
      phone: '13800000098',
      idNumber: localId(0).toLowerCase(),
      goods: '奶茶',
    });
    expect([400, 409]).toContain(lower.statusCode);
    const badId = await apply(roundNo, {
      name: '某某',
      phone: '13800000098',
      idNumber: '420281198503121000',
      goods: '奶茶',
    });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().error.details[0].field).toBe('body.idNumber');
    const badPhone = await apply(roundNo, { name: '某某', phone: '12345', idNumber: localId(50), goods: '奶茶' });
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json().error.details[0].field).toBe('body.phone');
    expect(
      (await apply('YS1999-01', { name: '某某', phone: '13800000098', idNumber: localId(51), goods: '奶茶' }))
        .statusCode,
    ).toBe(404);
    // one phone may send five applications an hour
    const limited = [];
    for (let i = 0; i < 6; i++) limited.push((await apply('YS1999-01', {}, 'device-nm-busy')).statusCode);
    expect(limited).toEqual([400, 400, 400, 400, 400, 429]);
  });

  it('lists applications with phones and ID numbers masked', async () => {
    const res = await kit.api('officer').get(`/api/night-market/rounds/${roundId}/applications?pageSize=50`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().total).toBe(8);
    expect(res.body).not.toContain('13800000000');
    expect(res.body).not.toContain(localId(0));
    expect(res.json().items[0]).toMatchObject({ name: '张三', phone: '138****0000', status: 'submitted' });
    expect(res.json().items[0].idNumber).toMatch(/^420281\*{8}\d{3}[\dX]$/);
    const search = await kit
      .api('officer')
      .get(`/api/night-market/rounds/${roundId}/applications?q=${encodeURIComponent('钱多')}`);
    expect(search.json().items.map((a: { name: string }) => a.name)).toEqual(['钱多多']);
  });

  it('refuses the lottery steps while applications are open', async () => {
    const commit = await kit.api('squadleader').post(`/api/night-market/rounds/${roundId}/commitment`, {
      commitment: await commitmentOf(SECRET),
      publicValueSource: '双色球第2024070期开奖号码',
    });
    expect(commit.statusCode).toBe(409);
    expect(code(commit.body)).toBe('NM_WINDOW_OPEN');
    const draw = await kit.api('squadleader').post(`/api/night-market/rounds/${roundId}/draw`, { secret: SECRET });
    expect(draw.statusCode).toBe(409);
    expect(code(draw.body)).toBe('NM_NOT_COMMITTED');
    const value = await kit.api('squadleader').post(`/api/night-market/rounds/${roundId}/public-value`, {
      publicValue: VALUE,
    });
    expect(value.statusCode).toBe(409);
    expect(code(value.body)).toBe('NM_NOT_COMMITTED');
    expect(value.json().error.message).toBe('尚未公布承诺值，不能摇号');
  });
});

describe('review', () => {
  const byName = async () => {
    const items = (await kit.api('officer').get(`/api/night-market/rounds/${roundId}/applications?pageSize=50`)).json()
      .items as { id: string; name: string; status: string; checks: { rule: string; result: string }[] }[];
    return new Map(items.map((a) => [a.name, a]));
  };

  it('closes applications at the end of the window and waits for every review before the commitment', async () => {
    await kit.at('2024-06-18');
    const late = await apply(roundNo, { name: '迟到', phone: '13800000077', idNumber: localId(60), goods: '奶茶' });
    expect(late.statusCode).toBe(409);
    expect(code(late.body)).toBe('NM_NOT_APPLYING');
    const commit = await kit.api('squadleader').post(`/api/night-market/rounds/${roundId}/commitment`, {
      commitment: await commitmentOf(SECRET),
      publicValueSource: '双色球第2024070期开奖号码',
    });
    expect(commit.statusCode).toBe(409);
    expect(code(commit.body)).toBe('NM_UNREVIEWED');
  });

  it('checks the rules: a non-local applicant with an unpaid fine cannot be marked eligible', async () => {
    const apps = await byName();
    const zhao = apps.get('赵六')!;
    const refused = await kit
      .api('squadleader')
      .post(`/api/night-market/rounds/${roundId}/applications/${zhao.id}/review`, { decision: 'eligible' });
    expect(refused.statusCode).toBe(409);
    expect(code(refused.body)).toBe('NM_RULE_FAILED');
    expect(refused.json().error.details[0].message).toContain('localHousehold, noUnpaidFines');
    const rejected = await kit
      .api('squadleader')
      .post(`/api/night-market/rounds/${roundId}/applications/${zhao.id}/review`, {
        decision: 'ineligible',
        note: '非本地户籍，有未缴罚款',
      });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({
      status: 'ineligible',
      checks: [
        { rule: 'localHousehold', result: 'fail' },
        { rule: 'noUnpaidFines', result: 'fail' },
      ],
    });
  });

  it('passes the local applicants, and says when the reviewer cannot read the fines register', async () => {
    const apps = await byName();
    for (const name of ['张三', '李四', '王五', '赵敏', '钱多多', '孙丽']) {
      const res = await kit
        .api('squadleader')
        .post(`/api/night-market/rounds/${roundId}/applications/${apps.get(name)!.id}/review`, {
          decision: 'eligible',
        });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().checks).toEqual([
        { rule: 'localHousehold', result: 'pass' },
        { rule: 'noUnpaidFines', result: 'pass' },
      ]);
    }
    // the administrator keeps the register but holds no enforcement.read: the fines rule reads as unknown
    const zhou = await kit
      .api('admin')
      .post(`/api/night-market/rounds/${roundId}/applications/${apps.get('周杰')!.id}/review`, {
        decision: 'ineligible',
        note: '材料不全',
      });
    expect(zhou.statusCode, zhou.body).toBe(200);
    expect(zhou.json().checks).toEqual([
      { rule: 'localHousehold', result: 'pass' },
      { rule: 'noUnpaidFines', result: 'unknown' },
    ]);
  });
});

describe('the lottery', () => {
  let commitment = '';
  it('publishes the commitment once and fixes the entrants', async () => {
    commitment = await commitmentOf(SECRET);
    expect(
      (
        await kit
          .api('officer')
          .post(`/api/night-market/rounds/${roundId}/commitment`, { commitment, publicValueSource: 'x' })
      ).statusCode,
    ).toBe(403);
    const badHex = await kit.api('squadleader').post(`/api/night-market/rounds/${roundId}/commitment`, {
      commitment: 'ABC',
      publicValueSource: 'x',
    });
    expect(badHex.statusCode).toBe(400);
    const res = await kit.api('squadleader').post(`/api/night-market/rounds/${roundId}/commitment`, {
      commitment,
      publicValueSource: '双色球第2024070期开奖号码',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ phase: 'committed', commitment });
    const again = await kit.api('squadleader').post(`/api/night-market/rounds/${roundId}/commitment`, {
      commitment,
      publicValueSource: 'x',
    });
    expect(again.statusCode).toBe(409);
    expect(code(again.body)).toBe('NM_ALREADY_COMMITTED');
    const apps = (
      await kit.api('officer').get(`/api/night-market/rounds/${roundId}/applications?status=eligible`)
    ).json();
    const review = await kit
      .api('squadleader')
      .post(`/api/night-market/rounds/${roundId}/applications/${apps.items[0].id}/review`, { decision: 'ineligible' });
    expect(review.statusCode).toBe(409);
    expect(code(review.body)).toBe('NM_FROZEN');
  });

  it('publishes the entrants with masked names and application numbers only', async () => {
    const res = await pub().get(`/api/public/night-market/rounds/${roundNo}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ phase: 'committed', commitment, publicValueSource: '双色球第2024070期开奖号码' });
    expect(body.entrants.map((e: { name: string }) => e.name)).toEqual(['张*', '李*', '王*', '赵*', '钱**', '孙*']);
    expect(res.body).not.toContain('138');
    expect(res.body).not.toContain('19850312');
    expect(res.body).not.toContain('张三');
    expect((await pub().get(`/api/public/night-market/rounds/${roundNo}/lottery.json`)).statusCode).toBe(409);
  });

  it('refuses the draw before the public value, then takes the value once', async () => {
    const early = await kit.api('squadleader').post(`/api/night-market/rounds/${roundId}/draw`, { secret: SECRET });
    expect(early.statusCode).toBe(409);
    expect(code(early.body)).toBe('NM_NO_PUBLIC_VALUE');
    const v = await kit.api('squadleader').post(`/api/night-market/rounds/${roundId}/public-value`, {
      publicValue: ` ${VALUE} `,
    });
    expect(v.statusCode, v.body).toBe(200);
    expect(v.json()).toMatchObject({ phase: 'valued', publicValue: VALUE });
    const again = await kit.api('squadleader').post(`/api/night-market/rounds/${roundId}/public-value`, {
      publicValue: '01 02 03 04 05 06 + 07',
    });
    expect(again.statusCode).toBe(409);
    expect(code(again.body)).toBe('NM_PUBLIC_VALUE_SET');
  });

  it('refuses a secret that does not match the commitment, draws once, and refuses a second draw', async () => {
    const wrong = await kit
      .api('squadleader')
      .post(`/api/night-market/rounds/${roundId}/draw`, { secret: `${SECRET}x` });
    expect(wrong.statusCode).toBe(409);
    expect(code(wrong.body)).toBe('NM_SECRET_MISMATCH');
    expect(wrong.json().error.message).toContain('承诺值不符');
    const [a, b] = await Promise.all([
      kit.api('squadleader').post(`/api/night-market/rounds/${roundId}/draw`, { secret: SECRET }),
      kit.api('squadleader').post(`/api/night-market/rounds/${roundId}/draw`, { secret: SECRET }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(code(loser.body)).toBe('NM_ALREADY_DRAWN');
    const again = await kit.api('squadleader').post(`/api/night-market/rounds/${roundId}/draw`, { secret: SECRET });
    expect(again.statusCode).toBe(409);
    expect(code(again.body)).toBe('NM_ALREADY_DRAWN');
  });

  it('publishes a file that replays to the same result, and stalls follow the drawn order', async () => {
    const res = await pub().get(`/api/public/night-market/rounds/${roundNo}/lottery.json`);
    expect(res.statusCode, res.body).toBe(200);
    const file = res.json() as LotteryFile;
    const entrants = ['张三', '李四', '王五', '赵敏', '钱多多', '孙丽'].map((n) => appIds[n]!);
    expect(file).toMatchObject({ secret: SECRET, publicValue: VALUE, commitment, entrants, market: '恒达夜市' });
    const order = await drawOrder(await seedOf(SECRET, VALUE), entrants);
    expect(file.order).toEqual(order);
    expect(file.stalls).toEqual(['A-001', 'A-002', 'A-003', 'A-004', 'A-005']);
    expect(await verifyLottery(file)).toMatchObject({ match: true });
    // another secret, public value or entrant set would have drawn differently
    expect(await drawOrder(await seedOf(`${SECRET}0`, VALUE), entrants)).not.toEqual(order);
    expect(await drawOrder(await seedOf(SECRET, `${VALUE} `), entrants)).not.toEqual(order);
    expect(await drawOrder(await seedOf(SECRET, VALUE), [...entrants, appIds['周杰']!])).not.toEqual(order);

    const path = join(dir, 'lottery.json');
    writeFileSync(path, res.body);
    const script = join(import.meta.dirname, '../../../../scripts/lottery-verify.js');
    const ok = spawnSync(process.execPath, [script, path], { encoding: 'utf8' });
    expect(ok.stdout).toMatch(/^match: 6 entrants/);
    writeFileSync(path, JSON.stringify({ ...file, order: [...file.order].reverse() }));
    const bad = spawnSync(process.execPath, [script, path], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/^mismatch/);

    const apps = (
      await kit
        .api('officer')
        .get(`/api/night-market/rounds/${roundId}/applications?sort=drawPosition&pageSize=50&status=won`)
    ).json().items as {
      applicationNo: string;
      stallCode: string;
      drawPosition: number;
    }[];
    expect(apps.map((x) => x.applicationNo)).toEqual(order.slice(0, 5));
    expect(apps.map((x) => x.stallCode)).toEqual(['A-001', 'A-002', 'A-003', 'A-004', 'A-005']);
    const waiting = (
      await kit.api('officer').get(`/api/night-market/rounds/${roundId}/applications?status=waiting`)
    ).json();
    expect(waiting.items.map((x: { applicationNo: string }) => x.applicationNo)).toEqual([order[5]]);
    const round = (await pub().get(`/api/public/night-market/rounds/${roundNo}`)).json();
    expect(round.phase).toBe('drawn');
    expect(round.entrants.find((e: { applicationNo: string }) => e.applicationNo === order[0]).stallCode).toBe('A-001');
  });
});

describe('after the draw', () => {
  let holder = '';
  let waiting = '';
  it('keeps the stall fee and deposit of each holder in fen', async () => {
    const apps = (
      await kit.api('officer').get(`/api/night-market/rounds/${roundId}/applications?sort=drawPosition`)
    ).json().items as {
      id: string;
      status: string;
    }[];
    holder = apps.find((a) => a.status === 'won')!.id;
    waiting = apps.find((a) => a.status === 'waiting')!.id;
    const entry = (body: Record<string, unknown>) =>
      kit.api('officer').post(`/api/night-market/rounds/${roundId}/ledger`, { onDate: '2024-06-18', ...body });
    expect((await entry({ applicationId: holder, kind: 'fee', amountFen: 30_000 })).statusCode).toBe(201);
    expect((await entry({ applicationId: holder, kind: 'deposit', amountFen: 100_000 })).statusCode).toBe(201);
    expect((await entry({ applicationId: holder, kind: 'refund', amountFen: 20_000 })).statusCode).toBe(201);
    const refused = await entry({ applicationId: waiting, kind: 'fee', amountFen: 30_000 });
    expect(refused.statusCode).toBe(409);
    expect(code(refused.body)).toBe('NM_NOT_HOLDER');
    expect((await entry({ applicationId: holder, kind: 'fee', amountFen: 0 })).statusCode).toBe(400);
    const ledgerRes = await kit.api('admin').get(`/api/night-market/rounds/${roundId}/ledger`);
    expect(ledgerRes.statusCode, ledgerRes.body).toBe(200);
    const ledger = ledgerRes.json();
    expect(ledger.lines).toHaveLength(5);
    expect(ledger.lines.find((l: { applicationId: string }) => l.applicationId === holder)).toMatchObject({
      feeDueFen: 30_000,
      feePaidFen: 30_000,
      depositPaidFen: 100_000,
      depositRefundedFen: 20_000,
    });
    expect(ledger.totals).toEqual({ feeDueFen: 150_000, feePaidFen: 30_000, depositHeldFen: 80_000 });
  });

  it('takes the stall away when violation points reach the threshold, and audits it', async () => {
    const v = (points: number) =>
      kit.api('officer').post(`/api/night-market/rounds/${roundId}/violations`, {
        applicationId: holder,
        kind: 'outside_stall',
        points,
        onDate: '2024-06-18',
      });
    const first = await v(6);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ points: 6, threshold: 12, status: 'won', stallLost: false });
    const second = await v(6);
    expect(second.json()).toMatchObject({ points: 12, status: 'revoked', stallLost: true });
    const third = await v(1);
    expect(third.statusCode).toBe(409);
    const market = (await kit.api('officer').get(`/api/night-market/markets/${marketId}`)).json();
    expect(market.stalls.find((s: { code: string }) => s.code === 'A-001').holder).toBeNull();
    expect(market.stalls.find((s: { code: string }) => s.code === 'A-002').holder).not.toBeNull();
    const audit = (
      await kit.api('admin').get(`/api/audit?entity=night_market_application&entityId=${holder}&pageSize=50`)
    ).json();
    const actions = audit.items.map((a: { action: string }) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'night_market.application.review',
        'night_market.ledger.fee',
        'night_market.violation.create',
        'night_market.stall.revoke',
      ]),
    );
    expect(JSON.stringify(audit)).not.toContain('1380000000');
    const rounds = (await kit.api('admin').get(`/api/audit?entity=night_market_round&entityId=${roundId}`)).json();
    expect(rounds.items.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining([
        'night_market.round.create',
        'night_market.lottery.commit',
        'night_market.lottery.public_value',
        'night_market.lottery.draw',
      ]),
    );
  });

  it('tells the statistics report how the stalls were allocated', async () => {
    const zh = (await kit.api('admin').get('/api/reports/statistics?period=year&at=2024')).json();
    const s = zh.sections.find((x: { key: string }) => x.key === 'nightMarket');
    expect(s.paragraphs[0]).toBe(
      '2024年度，恒达夜市第一批按照公平、公正、公开原则公开摇号，6名合格申请人参加，分配摊位5个。',
    );
    expect(s.paragraphs[1]).toBe('登记摊位违规2起，累计扣分12分。');
    const en = (await kit.api('admin').get('/api/reports/statistics?period=year&at=2024&lang=en')).json();
    expect(en.sections.find((x: { key: string }) => x.key === 'nightMarket').paragraphs[0]).toContain(
      '6 eligible applicants took part and 5 stalls were allocated',
    );
    const before = (await kit.api('admin').get('/api/reports/statistics?period=year&at=2023')).json();
    expect(before.sections.find((x: { key: string }) => x.key === 'nightMarket')).toBeUndefined();
  });
});

describe('the fines rule alone', () => {
  it('refuses an applicant with an unpaid fine when the reviewer reads the register', async () => {
    const r = await kit.api('squadleader').post('/api/night-market/rounds', {
      marketId,
      name: '第二批',
      applyFrom: '2024-06-18T00:00:00.000Z',
      applyTo: '2024-06-20T00:00:00.000Z',
      rules: { localHousehold: { enabled: false, idPrefixes: [] }, noUnpaidFines: { enabled: true } },
      stallFeeFen: 0,
      depositFen: 0,
      pointThreshold: 12,
    });
    expect(r.statusCode, r.body).toBe(201);
    const applied = await apply(r.json().roundNo, {
      name: '赵六',
      phone: '13900000009',
      idNumber: KIT_ID_NUMBER,
      goods: '小龙虾',
    });
    expect(applied.statusCode).toBe(201);
    const list = (await kit.api('officer').get(`/api/night-market/rounds/${r.json().id}/applications`)).json();
    const res = await kit
      .api('squadleader')
      .post(`/api/night-market/rounds/${r.json().id}/applications/${list.items[0].id}/review`, {
        decision: 'eligible',
      });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details[0].message).toContain('noUnpaidFines');
    expect(res.json().error.details[0].message).not.toContain('localHousehold');
  });
});
