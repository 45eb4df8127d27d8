import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, firstSignIn, login, type Session, type TestContext } from '../../testing/test-app.ts';

/**
 * 监督员管理 over HTTP on the demo city, clock frozen at 2024-03-12 10:00 in Beijing (a Tuesday, a working day).
 * Four inspectors work today's 08:30–17:30 shift in the grids A and B: one on time, one late, one out of area and
 * one absent; a supervisor of another team sees none of them. Bad positions get a 4xx, off-duty ones are dropped,
 * impossible speeds are kept and marked, and the retention purge deletes old days.
 */
let ctx: TestContext;
const sessions: Record<string, Session> = {};
const api = (who: string) => as(ctx.app, sessions[who] ?? null);
const ids: Record<string, string> = {};
/** a point inside each of three different grids */
const spots: { code: string; lng: number; lat: number }[] = [];
const code = (body: string) => (JSON.parse(body) as { error: { code: string } }).error.code;
const field = (body: string) =>
  (JSON.parse(body) as { error: { details: { field: string }[] } }).error.details[0]?.field;
/** 2024-03-12 at HH:MM Beijing time as an instant */
const at = (hhmm: string) => new Date(`2024-03-12T${hhmm}:00+08:00`).toISOString();
const walk = (from: string, minutes: number, spot: { lng: number; lat: number }) =>
  Array.from({ length: minutes / 5 + 1 }, (_, i) => ({
    at: new Date(Date.parse(at(from)) + i * 300_000).toISOString(),
    lng: spot.lng + (i % 2) * 0.0003,
    lat: spot.lat,
  }));

async function newUser(username: string, displayName: string, grants: unknown[]) {
  const res = await api('admin').post('/api/org/users', { username, displayName, password: 'Temp#2024x', grants });
  expect(res.statusCode, res.body).toBe(201);
  ids[username] = res.json().id;
  sessions[username] = await firstSignIn(ctx.app, username, 'Temp#2024x', 'Chosen#2024x');
}

beforeAll(async () => {
  ctx = await createTestApp();
  sessions.admin = await login(ctx.app, 'admin', 'Admin@12345');
  for (const u of ['shiftleader', 'inspector', 'operator', 'leader'])
    sessions[u] = await login(ctx.app, u, 'Demo@12345');
  const users = (await api('admin').get('/api/org/users?pageSize=100')).json().items as {
    id: string;
    username: string;
  }[];
  ids.inspector = users.find((u) => u.username === 'inspector')!.id;
  const units = (await api('admin').get('/api/org/units?pageSize=100')).json().items as { id: string; code: string }[];
  const command = units.find((u) => u.code === 'COMMAND')!.id;
  for (let lng = 114.955; spots.length < 3 && lng < 115.02; lng += 0.004) {
    const res = await api('admin').get(`/api/geo/locate?lng=${lng.toFixed(4)}&lat=30.095`);
    const gridCode = res.statusCode === 200 ? (res.json().gridCode as string | null) : null;
    if (gridCode && !spots.some((s) => s.code === gridCode))
      spots.push({ code: gridCode, lng: Number(lng.toFixed(4)), lat: 30.095 });
  }
  expect(spots).toHaveLength(3);
  await newUser('late', '迟到监督员', [{ role: 'inspector', unitId: command }]);
  await newUser('away', '越界监督员', [{ role: 'inspector', unitId: command }]);
  await newUser('absent', '缺勤监督员', [{ role: 'inspector', unitId: command }]);
  await newUser('resting', '轮休监督员', [{ role: 'inspector', unitId: command }]);
  const team2 = await api('admin').post('/api/org/units', { code: 'TEAM2', name: '二组监督中心', kind: 'bureau' });
  expect(team2.statusCode, team2.body).toBe(201);
  await newUser('otherlead', '二组值班长', [{ role: 'shiftLeader', unitId: team2.json().id }]);
}, 120_000);
afterAll(async () => ctx.close());

describe('grids, roster and duty', () => {
  it('assigns grids on the map and sets the roster on working days only', async () => {
    for (const who of ['inspector', 'late', 'away', 'absent']) {
      const res = await api('shiftleader').put(`/api/monitor/inspectors/${ids[who]}/grids`, {
        gridCodes: [spots[0]!.code, spots[1]!.code],
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().grids).toHaveLength(2);
    }
    const bad = await api('shiftleader').put(`/api/monitor/inspectors/${ids.inspector}/grids`, {
      gridCodes: ['999999999999999'],
    });
    expect([bad.statusCode, code(bad.body), field(bad.body)]).toEqual([
      400,
      'MONITOR_UNKNOWN_GRID',
      'body.gridCodes.0',
    ]);
    // 03-09/10 is a weekend: Monday to Sunday gives five shifts each
    const set = await api('shiftleader').put('/api/monitor/roster', {
      inspectorIds: ['inspector', 'late', 'away', 'absent'].map((w) => ids[w]),
      from: '2024-03-11',
      to: '2024-03-17',
      starts: '08:30',
      ends: '17:30',
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().shifts).toBe(20);
    const roster = (await api('shiftleader').get('/api/monitor/roster?from=2024-03-12&to=2024-03-12')).json();
    expect(roster.map((r: { displayName: string }) => r.displayName).sort()).toEqual(
      ['李监督员', '迟到监督员', '越界监督员', '缺勤监督员'].sort(),
    );
    const backwards = await api('shiftleader').put('/api/monitor/roster', {
      inspectorIds: [ids.inspector],
      from: '2024-03-12',
      to: '2024-03-12',
      starts: '17:00',
      ends: '08:00',
    });
    expect([backwards.statusCode, code(backwards.body)]).toEqual([400, 'MONITOR_SHIFT_TIMES']);
  });

  it('tells the app it is on duty and how often to report', async () => {
    const me = (await api('inspector').get('/api/monitor/me')).json();
    expect(me).toMatchObject({ onDuty: true, intervalSec: 30, shift: { starts: '08:30', ends: '17:30' } });
    expect(me.nextChangeAt).toBe(at('17:30'));
  });
});

describe('position reports', () => {
  it('refuses positions outside the city and capture times in the future, naming the point', async () => {
    const outside = await api('inspector').post('/api/monitor/positions', {
      points: [{ at: at('09:00'), lng: 116.4, lat: 39.9 }],
    });
    expect([outside.statusCode, code(outside.body), field(outside.body)]).toEqual([
      400,
      'MONITOR_OUTSIDE_TENANT',
      'body.points.0',
    ]);
    const future = await api('inspector').post('/api/monitor/positions', {
      points: [
        { ...spots[0]!, at: at('09:00') },
        { ...spots[0]!, at: at('10:30') },
      ],
    });
    expect([future.statusCode, code(future.body), field(future.body)]).toEqual([
      400,
      'MONITOR_FUTURE_TIME',
      'body.points.1.at',
    ]);
    const shape = await api('inspector').post('/api/monitor/positions', { points: [{ at: 'yesterday', lng: 'east' }] });
    expect(shape.statusCode).toBe(400);
  });

  it('stores an offline batch once, drops off-duty points and marks impossible speeds', async () => {
    const points = [
      { at: at('07:50'), ...spots[0]! }, // before the shift: never stored
      ...walk('08:35', 40, spots[0]!),
      // about 3 km in one minute: kept, marked, not counted
      { at: at('09:16'), lng: spots[0]!.lng + 0.03, lat: spots[0]!.lat },
      ...walk('09:20', 30, spots[1]!),
    ].map(({ at: t, lng, lat }) => ({ at: t, lng, lat }));
    const first = await api('inspector').post('/api/monitor/positions', { points });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ stored: points.length - 1, duplicates: 0, offDuty: 1, implausible: 1 });
    const again = await api('inspector').post('/api/monitor/positions', { points });
    expect(again.json()).toMatchObject({ stored: 0, duplicates: points.length - 1 });
    // the others: late (first seen 09:30), out of area (all day in the third grid), absent (nothing)
    expect(
      (await api('late').post('/api/monitor/positions', { points: walk('09:30', 20, spots[0]!) })).statusCode,
    ).toBe(200);
    expect(
      (await api('away').post('/api/monitor/positions', { points: walk('08:31', 60, spots[2]!) })).statusCode,
    ).toBe(200);
  });

  it('is not for supervisors', async () => {
    const res = await api('shiftleader').post('/api/monitor/positions', {
      points: [{ at: at('09:00'), ...spots[0]! }],
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('the board', () => {
  it('derives attendance, distance and coverage from the recorded tracks', async () => {
    const board = (await api('shiftleader').get('/api/monitor/board?day=2024-03-12')).json();
    const by = (name: string) => board.items.find((i: { displayName: string }) => i.displayName === name);
    expect(by('李监督员')).toMatchObject({
      onDuty: true,
      attendance: 'on_time',
      firstAt: at('08:35'),
      points: 16,
      implausiblePoints: 1,
      gridsVisited: 2,
      coverage: 1,
    });
    // 9 + 6 legs of ~29 m inside each grid plus the walk between the grids, never the 3 km detour
    expect(by('李监督员').distanceM).toBeGreaterThan(300);
    expect(by('李监督员').distanceM).toBeLessThan(5_000);
    expect(by('迟到监督员')).toMatchObject({ attendance: 'late', late: true, coverage: 0.5 });
    expect(by('越界监督员')).toMatchObject({ attendance: 'out_of_area', outOfArea: true, late: false, coverage: 0 });
    expect(by('缺勤监督员')).toMatchObject({ attendance: 'absent', points: 0, coverage: 0 });
  });

  it('replays one inspector-day with the marked point, and audits every view', async () => {
    const track = (
      await api('shiftleader').get(`/api/monitor/inspectors/${ids.inspector}/track?day=2024-03-12`)
    ).json();
    expect(track.points).toHaveLength(17);
    expect(track.points.filter((p: [string, number, number, number]) => p[3] === 1)).toHaveLength(1);
    expect(track.points[0][0]).toBe(at('08:35'));
    const last = (await api('shiftleader').get('/api/monitor/positions/last')).json();
    expect(last.map((p: { displayName: string }) => p.displayName).sort()).toEqual(
      ['李监督员', '迟到监督员', '越界监督员'].sort(),
    );
    const audit = (await api('admin').get('/api/audit?pageSize=50')).json().items as { action: string }[];
    const actions = audit.map((a) => a.action);
    for (const a of [
      'monitor.view_board',
      'monitor.view_track',
      'monitor.view_positions',
      'monitor.grids_assign',
      'monitor.roster_set',
    ])
      expect(actions).toContain(a);
  });

  it('shows positions only to supervisors of the inspector', async () => {
    const board = (await api('otherlead').get('/api/monitor/board')).json();
    expect(board.items).toEqual([]);
    const track = await api('otherlead').get(`/api/monitor/inspectors/${ids.inspector}/track`);
    expect([track.statusCode, code(track.body)]).toEqual([404, 'MONITOR_UNKNOWN_INSPECTOR']);
    expect((await api('otherlead').get('/api/monitor/positions/last')).json()).toEqual([]);
    const grids = await api('otherlead').put(`/api/monitor/inspectors/${ids.inspector}/grids`, { gridCodes: [] });
    expect(grids.statusCode).toBe(404);
    // seniority is not supervision: the director and the administrator see no position
    expect((await api('leader').get('/api/monitor/board')).statusCode).toBe(403);
    expect((await api('admin').get('/api/monitor/positions/last')).statusCode).toBe(403);
  });
});

describe('the 核实/核查 picker', () => {
  it('lists inspectors on duty first, nearest to the case, for an operator without user.read', async () => {
    const created = await api('operator').post('/api/cases', {
      matterCode: '09006',
      description: '派核实测试',
      lng: spots[2]!.lng,
      lat: spots[2]!.lat,
    });
    expect(created.statusCode, created.body).toBe(201);
    const res = await api('operator').get(`/api/cases/inspectors?caseId=${created.json().id}`);
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json() as { displayName: string; onDuty: boolean; distanceM: number | null }[];
    // the out-of-area inspector stands in the case's grid; 李监督员 ended in grid B, the late one in grid A
    expect(list.slice(0, 3).map((i) => i.displayName)).toEqual(['越界监督员', '李监督员', '迟到监督员']);
    expect(list[0]!.distanceM! % 100).toBe(0);
    expect(list[3]).toMatchObject({ displayName: '缺勤监督员', onDuty: true, distanceM: null });
    expect(list[4]).toMatchObject({ displayName: '轮休监督员', onDuty: false, distanceM: null });
    expect((await api('operator').get('/api/cases/inspectors?caseId=nope')).statusCode).toBe(404);
  });
});

describe('retention', () => {
  it('purges positions and day rows older than the retention period', async () => {
    const set = await api('admin').put('/api/monitor/settings', {
      intervalSec: 20,
      retentionDays: 2,
      maxSpeedKmh: 120,
      graceMinutes: 15,
      outOfAreaShare: 0.5,
    });
    expect(set.statusCode, set.body).toBe(200);
    expect((await api('inspector').get('/api/monitor/me')).json().intervalSec).toBe(20);
    const none = await ctx.app.services.monitor.purge(new Date('2024-03-13T12:00:00Z'));
    expect(none).toEqual({ positions: 0, days: 0 });
    const done = await ctx.app.services.monitor.purge(new Date('2024-03-15T12:00:00Z'));
    expect(done).toEqual({ positions: 16 + 1 + 5 + 13, days: 3 });
    const track = (
      await api('shiftleader').get(`/api/monitor/inspectors/${ids.inspector}/track?day=2024-03-12`)
    ).json();
    expect(track.points).toEqual([]);
    const audit = (await api('admin').get('/api/audit?pageSize=5')).json().items as { action: string }[];
    expect(audit.map((a) => a.action)).toContain('monitor.purge');
  });
});
