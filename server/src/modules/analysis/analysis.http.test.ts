import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffSessions } from '../../testing/case-loop.ts';
import { as, createTestApp, login, type Session, type TestContext } from '../../testing/test-app.ts';

/**
 * 综合分析 over HTTP on a hand-made March 2024 (the tenant's zone is Asia/Shanghai, +08). Cases by report time:
 *   LY  2023-03-05 22:30 +08   09001  far point F1
 *   FA  2024-02-10 09:00 +08   09001  far point F2
 *   FB  2024-02-20 09:00 +08   09001  far point F3
 *   M1  2024-03-04 08:15 +08   09006  P        component C
 *   M2  2024-03-04 08:40 +08   09006  P + 10 m component C
 *   M3  2024-03-05 14:05 +08   09001  far point F4
 *   M4  2024-03-11 00:30 +08   09001  P + 20 m   (2024-03-10 16:30 UTC: local day, hour and ISO week differ from UTC)
 * "Today" is 2024-03-12, so March is compared up to its 12th: 环比 = 1–12 Feb (FA), 同比 = 1–12 Mar 2023 (LY).
 * Every expected number below is worked out by hand from these seven cases.
 */
let ctx: TestContext;
let s: Record<string, Session>;
const P = { lng: 114.975, lat: 30.1 };
const COMPONENT = '42028101001000001';
const ids: Record<string, string> = {};
const api = (who: string) => as(ctx.app, s[who] ?? null);

async function reportAt(
  name: string,
  utc: string,
  matterCode: string,
  at: { lng: number; lat: number },
  componentCode?: string,
) {
  ctx.clock.set(new Date(utc));
  // a session lives on the clock: sign in at the moment of the report
  s.inspector = await login(ctx.app, 'inspector', 'Demo@12345');
  const res = await api('inspector').post('/api/cases', {
    matterCode,
    description: `${name} 分析`,
    ...at,
    ...(componentCode ? { componentCode } : {}),
  });
  expect(res.statusCode, res.body).toBe(201);
  ids[name] = res.json().id as string;
}

const get = async (who: string, url: string) => {
  const res = await api(who).get(url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

async function setClock(utc: string) {
  ctx.clock.set(new Date(utc));
  s = await staffSessions(ctx.app);
}

beforeAll(async () => {
  // the clock jumps a year: staff sign in again at each jump, more often than the default per-minute limit allows
  ctx = await createTestApp({ env: { LOGIN_PER_MINUTE_IP: '1000' } });
  s = {};
  await reportAt('LY', '2023-03-05T14:30:00Z', '09001', { lng: 114.985, lat: 30.1 });
  await reportAt('FA', '2024-02-10T01:00:00Z', '09001', { lng: 114.975, lat: 30.11 });
  await reportAt('FB', '2024-02-20T01:00:00Z', '09001', { lng: 114.965, lat: 30.1 });
  await reportAt('M1', '2024-03-04T00:15:00Z', '09006', P, COMPONENT);
  await reportAt('M2', '2024-03-04T00:40:00Z', '09006', { lng: P.lng, lat: 30.10009 }, COMPONENT);
  await reportAt('M3', '2024-03-05T06:05:00Z', '09001', { lng: 114.985, lat: 30.11 });
  await reportAt('M4', '2024-03-10T16:30:00Z', '09001', { lng: P.lng, lat: 30.10018 });
  await setClock('2024-03-12T02:00:00Z');
});
afterAll(async () => ctx?.close());

describe('同比 and 环比 on a hand-computed month', () => {
  it('a running month is compared up to today, with the same days of February and of March 2023', async () => {
    const o = await get('leader', '/api/analysis/overview?period=month&at=2024-03');
    expect(o.current).toEqual({ from: '2024-03-01', to: '2024-03-12' });
    expect(o.previous).toEqual({ from: '2024-02-01', to: '2024-02-12' });
    expect(o.lastYear).toEqual({ from: '2023-03-01', to: '2023-03-12' });
    expect(o.headline.reported).toEqual({ value: 4, previous: 1, lastYear: 1 });
  });

  it('the KPI answer carries the same comparison', async () => {
    const k = await get('leader', '/api/kpi?period=month&at=2024-03&subject=tenant&compare=true');
    expect(k.total.counts.reported).toBe(4);
    expect(k.comparison.previous).toEqual({ from: '2024-02-01', to: '2024-02-12' });
    expect(k.comparison.total.previous.counts.reported).toBe(1);
    expect(k.comparison.total.lastYear.counts.reported).toBe(1);
    const plain = await get('leader', '/api/kpi?period=month&at=2024-03&subject=tenant');
    expect(plain.comparison).toBeUndefined();
  });

  it('the statistics report carries the same figures in its overview', async () => {
    const r = await get('leader', '/api/reports/statistics?period=month&at=2024-03&lang=zh-CN');
    const overview = r.sections.find((x: { key: string }) => x.key === 'overview');
    const table = overview.tables.find((x: { key: string }) => x.key === 'comparison');
    expect(table.rows[0]).toEqual({
      figure: '上报数',
      current: 4,
      previous: 1,
      previousChange: '↑300.0%',
      lastYear: 1,
      lastYearChange: '↑300.0%',
    });
    expect(overview.paragraphs.at(-1)).toBe('本期上报问题4件，环比↑300.0%，同比↑300.0%。');
  });

  it('top matters share a rank on a tie and list in code order; hours are the local hour of the report', async () => {
    const o = await get('leader', '/api/analysis/overview?period=month&at=2024-03');
    expect(o.topMatters.map((m: { id: string; rank: number }) => [m.id, m.rank])).toEqual([
      ['09001', 1],
      ['09006', 1],
    ]);
    expect(o.topMatters[0].count).toEqual({ value: 2, previous: 1, lastYear: 1 });
    expect(o.topMatters[1].count).toEqual({ value: 2, previous: 0, lastYear: 0 });
    const hour = (h: string) => o.hours.find((x: { hour: string }) => x.hour === h).count;
    expect(o.hours).toHaveLength(24);
    expect(hour('08')).toEqual({ value: 2, previous: 0, lastYear: 0 });
    expect(hour('14').value).toBe(1);
    expect(hour('00').value).toBe(1);
    expect(hour('09')).toEqual({ value: 0, previous: 1, lastYear: 0 });
    expect(hour('22')).toEqual({ value: 0, previous: 0, lastYear: 1 });
    expect(o.componentTypes.map((c: { id: string }) => c.id)).toEqual(['01001']);
    expect(o.componentTypes[0].count.value).toBe(2);
    const top1 = await get('leader', '/api/analysis/overview?period=month&at=2024-03&top=1');
    expect(top1.topMatters.map((m: { id: string }) => m.id)).toEqual(['09001']);
  });

  it('a finished month is compared whole', async () => {
    await setClock('2024-04-02T02:00:00Z');
    const o = await get('leader', '/api/analysis/overview?period=month&at=2024-03');
    expect(o.previous).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(o.headline.reported).toEqual({ value: 4, previous: 2, lastYear: 1 });
    await setClock('2024-03-12T02:00:00Z');
  });
});

describe('the weekly heat map over the grids', () => {
  const BOX = '114.97,30.095,114.99,30.115';
  it('counts each grid’s cases of the ISO week by local day (M4 falls in week 11, not 10)', async () => {
    const grids = new Map<string, string[]>();
    for (const name of ['M1', 'M2', 'M3']) {
      const c = await get('leader', `/api/cases/${ids[name]}`);
      if (c.gridCode) grids.set(c.gridCode, [...(grids.get(c.gridCode) ?? []), name]);
    }
    const w10 = await get('leader', `/api/analysis/heatmap?week=2024-W10&bbox=${BOX}`);
    expect(w10.range).toEqual({ from: '2024-03-04', to: '2024-03-10' });
    expect(w10.total).toBe(3);
    expect(w10.previousTotal).toBe(0);
    expect(grids.size).toBeGreaterThan(0);
    for (const [code, names] of grids)
      expect(w10.items.find((i: { code: string }) => i.code === code).count).toBe(names.length);
    expect(w10.capped).toBe(false);
    expect(w10.max).toBe(Math.max(...[...grids.values()].map((n) => n.length)));
    const w11 = await get('leader', `/api/analysis/heatmap?week=2024-W11&bbox=${BOX}`);
    expect(w11.total).toBe(1);
    expect(w11.previousTotal).toBe(3);
  });

  it('refuses a week that does not exist and a missing viewport with field-level 400s', async () => {
    const bad = await api('leader').get(`/api/analysis/heatmap?week=2025-W53&bbox=${BOX}`);
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error.details)).toContain('query.week');
    const noBox = await api('leader').get('/api/analysis/heatmap?week=2024-W10&bbox=x');
    expect(noBox.statusCode).toBe(400);
    // week 0, a month instead of a week, a week 54, no week at all: each a 400 naming query.week
    for (const q of ['week=2024-W00&', 'week=2024-03&', 'week=2024-W54&', 'week=2024-W1&', ''] as const) {
      const res = await api('leader').get(`/api/analysis/heatmap?${q}bbox=${BOX}`);
      expect(res.statusCode, q).toBe(400);
      expect(JSON.stringify(res.json().error.details), q).toContain('week');
    }
    // 2020 has 53 ISO weeks: its week 53 exists and runs into January 2021
    const w53 = await get('leader', `/api/analysis/heatmap?week=2020-W53&bbox=${BOX}`);
    expect(w53.range).toEqual({ from: '2020-12-28', to: '2021-01-03' });
  });

  it('is for leaders and shift leaders, not for inspectors', async () => {
    expect((await api('inspector').get('/api/analysis/overview?period=month&at=2024-03')).statusCode).toBe(403);
    expect((await api('shiftleader').get('/api/analysis/overview?period=month&at=2024-03')).statusCode).toBe(200);
  });
});

describe('repeat hotspots open 源头治理 tasks', () => {
  it('three cases within 50 m in 30 days open one place task, once', async () => {
    const scan = (await api('leader').post('/api/analysis/hotspots/scan', {})).json();
    expect(scan.opened).toHaveLength(1);
    const task = scan.opened[0];
    expect(task.kind).toBe('place');
    expect(task.caseIds).toEqual([ids.M1, ids.M2, ids.M4].sort());
    expect(task.status).toBe('open');
    expect(task.windowFrom).toBe('2024-02-12');
    const again = (await api('leader').post('/api/analysis/hotspots/scan', {})).json();
    expect(again.opened).toHaveLength(0);
    const list = await get('shiftleader', '/api/analysis/governance-tasks?status=open');
    expect(list.items.map((t: { id: string }) => t.id)).toEqual([task.id]);
  });

  it('two cases on one component open a component task once N is 2', async () => {
    const put = await api('leader').put('/api/analysis/hotspot-settings', { radiusM: 50, minCases: 2, windowDays: 30 });
    expect(put.statusCode, put.body).toBe(200);
    const scan = (await api('leader').post('/api/analysis/hotspots/scan', {})).json();
    expect(scan.opened.map((t: { kind: string; componentCode: string }) => [t.kind, t.componentCode])).toEqual([
      ['component', COMPONENT],
    ]);
    const bad = await api('leader').put('/api/analysis/hotspot-settings', { radiusM: 1, minCases: 1, windowDays: 0 });
    expect(bad.statusCode).toBe(400);
  });

  it('a task is assigned, finished, and stays finished', async () => {
    const [task] = (await get('leader', '/api/analysis/governance-tasks?status=open')).items.filter(
      (t: { kind: string }) => t.kind === 'place',
    );
    const inspector = (await get('inspector', '/api/auth/me')).user.id;
    const assigned = await api('shiftleader').patch(`/api/analysis/governance-tasks/${task.id}`, {
      version: task.version,
      assigneeId: inspector,
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json().status).toBe('assigned');
    expect(assigned.json().assigneeName).toBeTruthy();
    const stale = await api('shiftleader').patch(`/api/analysis/governance-tasks/${task.id}`, {
      version: task.version,
      status: 'done',
    });
    expect(stale.statusCode).toBe(409);
    const done = await api('shiftleader').patch(`/api/analysis/governance-tasks/${task.id}`, {
      version: assigned.json().version,
      status: 'done',
      note: '已加装护栏',
    });
    expect(done.json().status).toBe('done');
    expect(done.json().finishedAt).toBeTruthy();
    const reopen = await api('shiftleader').patch(`/api/analysis/governance-tasks/${task.id}`, {
      version: done.json().version,
      status: 'open',
    });
    expect(reopen.statusCode).toBe(409);
    const stranger = await api('shiftleader').patch(`/api/analysis/governance-tasks/${task.id}`, {
      version: done.json().version,
      assigneeId: '01900000-0000-7000-8000-000000000000',
    });
    expect(stranger.statusCode).toBe(400);
    expect((await api('inspector').post('/api/analysis/hotspots/scan', {})).statusCode).toBe(403);
  });
});
