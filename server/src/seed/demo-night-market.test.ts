import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLottery, type LotteryFile } from '../../../common/domain/night-market-lottery.ts';
import { createServices } from '../composition.ts';
import { FixedClock } from '../platform/clock.ts';
import { makeTempDir } from '../testing/temp-dir.ts';
import { as, createTestApp, login, type TestContext } from '../testing/test-app.ts';
import { seedDemoNightMarket } from './demo-night-market.ts';

/**
 * 恒达夜市 of the demo city (docs/demo-city.md, "恒达夜市"): seeded through the night-market service, its 2023 round is
 * drawn, the published file replays to the same result here and with the standalone script, the 190 stalls are
 * held, fees and deposits are booked, and the yearly report says the stalls were allocated.
 */
let ctx: TestContext;
const dir = makeTempDir('nm-demo-');
beforeAll(async () => {
  ctx = await createTestApp();
  const clock = new FixedClock(ctx.clock.now());
  const result = await seedDemoNightMarket(ctx.database.db, createServices(ctx.database, ctx.config, clock), clock);
  expect(result).toEqual({ roundNo: 'YS2023-01', applicants: 208, entrants: 200, stalls: 190 });
}, 300_000);
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await ctx.close();
});

describe('the demo 恒达夜市', () => {
  it('publishes a drawn round whose file replays to the same order, here and with npm run lottery:verify', async () => {
    const res = await as(ctx.app, null).get('/api/public/night-market/rounds/YS2023-01/lottery.json');
    expect(res.statusCode, res.body).toBe(200);
    const file = res.json() as LotteryFile;
    expect(file).toMatchObject({ market: '恒达夜市', city: '大冶市', roundName: '2023年第一批' });
    expect(file.entrants).toHaveLength(200);
    expect(file.stalls).toHaveLength(190);
    expect(file.stalls[0]).toBe('A-001');
    expect(await verifyLottery(file)).toMatchObject({ match: true });
    const path = join(dir, 'lottery.json');
    writeFileSync(path, res.body);
    const script = join(import.meta.dirname, '../../../scripts/lottery-verify.js');
    const run = spawnSync(process.execPath, [script, path], { encoding: 'utf8' });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^match: 200 entrants/);
  });

  it('is the same draw on every install: the secret and the entrants are fixed', async () => {
    const file = (await as(ctx.app, null).get('/api/public/night-market/rounds/YS2023-01/lottery.json')).json();
    expect(file.commitment).toBe('59c6a8e15b38700687f40d8e1600484313049c28d37479c446bbbc6f55a06f54');
    expect(file.order.slice(0, 3)).toEqual(['YS2023-01-0018', 'YS2023-01-0107', 'YS2023-01-0066']);
  });

  it('lists the applicants refused by the 本地户籍 rule, the holders, the waiting list, the ledger and the points', async () => {
    const api = as(ctx.app, await login(ctx.app, 'squadleader', 'Demo@12345'));
    const round = (await api.get('/api/night-market/rounds?q=YS2023-01')).json().items[0];
    expect(round).toMatchObject({ phase: 'drawn', stallCount: 190 });
    const count = async (status: string) =>
      (await api.get(`/api/night-market/rounds/${round.id}/applications?status=${status}&pageSize=1`)).json().total;
    expect(await count('ineligible')).toBe(8);
    expect(await count('won')).toBe(190);
    expect(await count('waiting')).toBe(10);
    const ledger = (await api.get(`/api/night-market/rounds/${round.id}/ledger`)).json();
    expect(ledger.lines).toHaveLength(190);
    expect(ledger.totals).toEqual({
      feeDueFen: 190 * 120_000,
      feePaidFen: 190 * 120_000,
      depositHeldFen: 190 * 50_000,
    });
    expect(
      ledger.lines.filter((l: { points: number }) => l.points > 0).map((l: { points: number }) => l.points),
    ).toEqual([5, 2]);
  });

  it('makes the 2023 report say the 190 stalls were allocated', async () => {
    const api = as(ctx.app, await login(ctx.app, 'admin', 'Admin@12345'));
    const report = (await api.get('/api/reports/statistics?period=year&at=2023')).json();
    const section = report.sections.find((s: { key: string }) => s.key === 'nightMarket');
    expect(section.paragraphs).toEqual([
      '2023年度，恒达夜市2023年第一批按照公平、公正、公开原则公开摇号，200名合格申请人参加，分配摊位190个。',
      '登记摊位违规3起，累计扣分7分。',
    ]);
  });
});
