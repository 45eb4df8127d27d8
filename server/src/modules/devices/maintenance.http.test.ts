import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeBinary } from '../telemetry/index.ts';
import { staffSessions } from '../../testing/case-loop.ts';
import { as, createTestApp, type Session, type TestContext } from '../../testing/test-app.ts';

/**
 * 维护任务: the sweep raises one low-battery task per device below the tenant's threshold, closes it once the device
 * reports the threshold plus the margin again, and staff close tasks with a note on the version they saw.
 */
let ctx: TestContext;
let s: Record<string, Session>;
const api = (who: string) => as(ctx.app, s[who]!);
let seq = 0;

interface TestDevice {
  id: string;
  code: string;
  key: string;
}

beforeAll(async () => {
  ctx = await createTestApp({ env: { SESSION_TTL_HOURS: '720' } });
  s = await staffSessions(ctx.app);
}, 120_000);
afterAll(async () => {
  await ctx?.close();
});

async function device(code: string): Promise<TestDevice> {
  const res = await api('admin').post('/api/devices', {
    code,
    name: `电池 ${code}`,
    type: 'bin_fill',
    lng: 114.975,
    lat: 30.1,
  });
  expect(res.statusCode, res.body).toBe(201);
  return { id: res.json().device.id, code, key: res.json().key };
}

/** A heartbeat with the battery, through the telemetry service's public ingest (a binary frame, as LPWAN sends). */
async function battery(d: TestDevice, pct: number) {
  const ts = Math.floor(ctx.clock.now().getTime() / 1000);
  const payload = encodeBinary(
    { tenant: '420281', device: d.code, kind: 'heartbeat' },
    { ts, seq: ++seq, values: { battery_pct: pct } },
    d.key,
  );
  expect(await ctx.app.services.telemetry.ingest(`cityloop/420281/${d.code}/heartbeat`, payload)).toEqual({
    accepted: true,
  });
}

const sweep = async () => (await ctx.app.services.alarms.sweep(ctx.clock.now())).maintenance;

async function tasksOf(d: TestDevice) {
  const res = await api('operator').get(`/api/device-maintenance?deviceId=${d.id}&sort=raisedAt&order=asc`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as {
    id: string;
    state: string;
    reason: string;
    batteryPct: number;
    thresholdPct: number;
    doneReason: string | null;
    doneBy: string | null;
    note: string | null;
    version: number;
  }[];
}

describe('maintenance tasks', () => {
  it('raises one task when the battery runs low and closes it after a recharge past the margin', async () => {
    const d = await device('BAT-1');
    await battery(d, 35);
    await sweep();
    expect(await tasksOf(d)).toEqual([]);
    await battery(d, 12.5);
    expect((await sweep()).raised).toBeGreaterThanOrEqual(1);
    let tasks = await tasksOf(d);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ state: 'open', reason: 'low_battery', batteryPct: 12.5, thresholdPct: 20 });
    // lower still, and swept again: no second task
    await battery(d, 9);
    await sweep();
    await sweep();
    expect(await tasksOf(d)).toHaveLength(1);
    // 25 % is above the threshold but inside the margin: still open
    await battery(d, 25);
    await sweep();
    expect((await tasksOf(d))[0]!.state).toBe('open');
    // 30 % (threshold + 10): closed by the sweep as recharged
    await battery(d, 30);
    expect((await sweep()).closed).toBeGreaterThanOrEqual(1);
    tasks = await tasksOf(d);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ state: 'done', doneReason: 'recharged', doneBy: null });
    // the sweep's close is in the audit log as the system's (no user), as a technician's close is as theirs
    const audit = await api('admin').get(`/api/audit?entityId=${tasks[0]!.id}`);
    expect(audit.statusCode, audit.body).toBe(200);
    expect(audit.json().items).toMatchObject([
      {
        action: 'device.maintenance_recharged',
        entity: 'device_maintenance_task',
        actorId: null,
        actorName: null,
        after: { state: 'done', doneReason: 'recharged', batteryPct: 30 },
      },
    ]);
    // a sweep with nothing to close writes no audit row
    await sweep();
    expect((await api('admin').get(`/api/audit?entityId=${tasks[0]!.id}`)).json().total).toBe(1);
    // low again later: a new task
    await battery(d, 5);
    await sweep();
    tasks = await tasksOf(d);
    expect(tasks.map((t) => t.state)).toEqual(['done', 'open']);

    const open = await api('operator').get('/api/device-maintenance?state=open&q=BAT-1');
    expect(open.json().total).toBe(1);
  });

  it('follows the tenant threshold', async () => {
    const d = await device('BAT-2');
    await battery(d, 28);
    await sweep();
    expect(await tasksOf(d)).toEqual([]);
    expect((await api('operator').put('/api/device-maintenance/settings', { lowBatteryPct: 30 })).statusCode).toBe(403);
    const bad = await api('admin').put('/api/device-maintenance/settings', { lowBatteryPct: 95 });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error.details)).toContain('lowBatteryPct');
    const put = await api('admin').put('/api/device-maintenance/settings', { lowBatteryPct: 30 });
    expect(put.statusCode, put.body).toBe(200);
    expect((await api('operator').get('/api/device-maintenance/settings')).json()).toEqual({ lowBatteryPct: 30 });
    await sweep();
    expect((await tasksOf(d))[0]).toMatchObject({ state: 'open', batteryPct: 28, thresholdPct: 30 });
    await api('admin').put('/api/device-maintenance/settings', { lowBatteryPct: 20 });
  });

  it('is closed by staff with a note on the version seen, audited; others are refused', async () => {
    const d = await device('BAT-3');
    await battery(d, 8);
    await sweep();
    const [task] = await tasksOf(d);
    const url = `/api/device-maintenance/${task!.id}/done`;
    // no permission to manage devices: 403 (the operator reads the list, the inspector not even that)
    expect((await api('operator').put(url, { version: task!.version, note: '已更换电池' })).statusCode).toBe(403);
    expect((await api('inspector').get('/api/device-maintenance')).statusCode).toBe(403);
    // bad input: field messages
    const noNote = await api('admin').put(url, { version: task!.version });
    expect(noNote.statusCode).toBe(400);
    expect(JSON.stringify(noNote.json().error.details)).toContain('note');
    const blank = await api('admin').put(url, { version: 0, note: '   ' });
    expect(blank.statusCode).toBe(400);
    const fields = JSON.stringify(blank.json().error.details);
    expect(fields).toContain('version');
    expect((await api('admin').get('/api/device-maintenance?state=closed')).statusCode).toBe(400);
    expect((await api('admin').get('/api/device-maintenance?sort=nope')).statusCode).toBe(400);
    // a stale version: 409
    const stale = await api('admin').put(url, { version: task!.version + 1, note: '已更换电池' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('DEVICE_TASK_STALE');

    const done = await api('admin').put(url, { version: task!.version, note: '已更换电池' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({
      state: 'done',
      doneReason: 'staff',
      note: '已更换电池',
      version: task!.version + 1,
    });
    expect(done.json().doneBy).toBeTruthy();
    const again = await api('admin').put(url, { version: task!.version + 1, note: '再次' });
    expect(again.statusCode).toBe(409);
    const audit = await api('admin').get(`/api/audit?entityId=${task!.id}`);
    expect((audit.json().items as { action: string }[]).map((a) => a.action)).toEqual(['device.maintenance_done']);
    // the battery is still low: the next sweep opens a new task, the closed one stays as it is
    await sweep();
    expect((await tasksOf(d)).map((t) => t.state)).toEqual(['done', 'open']);
  });

  it('lists with paging and sorting and exports CSV', async () => {
    const page = await api('operator').get('/api/device-maintenance?pageSize=2&page=1&sort=deviceCode&order=asc');
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json().items).toHaveLength(2);
    expect(page.json().total).toBeGreaterThanOrEqual(4);
    const codes = (page.json().items as { deviceCode: string }[]).map((t) => t.deviceCode);
    expect([...codes].sort()).toEqual(codes);
    const csv = await api('operator').get('/api/device-maintenance/export.csv?state=done&sort=raisedAt&order=asc');
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'device_code,device_name,device_type,reason,battery_pct,threshold_pct,raised_at,state,done_at,done_by,done_reason,note',
    );
    expect(lines.slice(1).every((l) => l.includes(',done,'))).toBe(true);
    expect(lines.some((l) => l.startsWith('BAT-3,') && l.endsWith(',staff,已更换电池'))).toBe(true);
  });

  it('exports what the list shows: the search text, the state and the order', async () => {
    const query = 'q=BAT-1&sort=raisedAt&order=asc';
    const list = await api('operator').get(`/api/device-maintenance?${query}`);
    expect(list.statusCode, list.body).toBe(200);
    const listed = (list.json().items as { deviceCode: string; state: string }[]).map(
      (t) => `${t.deviceCode},${t.state}`,
    );
    expect(listed).toEqual(['BAT-1,done', 'BAT-1,open']);
    const csv = await api('operator').get(`/api/device-maintenance/export.csv?${query}`);
    expect(csv.statusCode, csv.body).toBe(200);
    const rows = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .slice(1)
      .map((l) => {
        const cells = l.split(',');
        return `${cells[0]},${cells[7]}`;
      });
    expect(rows).toEqual(listed);
    // the note is searched too (the list and the export alike), and a search that matches nothing exports a header only
    const byNote = await api('operator').get('/api/device-maintenance/export.csv?q=已更换电池');
    expect(
      byNote.body
        .trim()
        .split('\r\n')
        .slice(1)
        .map((l) => l.split(',')[0]),
    ).toEqual(['BAT-3']);
    const none = await api('operator').get('/api/device-maintenance/export.csv?q=NO-SUCH-DEVICE');
    expect(none.body.trim().split('\r\n')).toHaveLength(1);
  });
});
