import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { as, createTestApp, login, type Session, type TestContext } from '../../testing/test-app.ts';
import { createServices, createTenant } from '../../testing/app-parts.ts';

let ctx: TestContext;
let admin: Session;
let operator: Session;
let other: Session;
let dayeId: string;
beforeAll(async () => {
  ctx = await createTestApp();
  await createTenant(
    ctx.database.db,
    ctx.clock,
    { code: '420202', name: '黄石港区' },
    { username: 'admin', password: 'Other#2024x' },
  );
  admin = await login(ctx.app, 'admin', 'Admin@12345', '420281');
  operator = await login(ctx.app, 'operator', 'Demo@12345', '420281');
  other = await login(ctx.app, 'admin', 'Other#2024x', '420202');
  dayeId = (await as(ctx.app, admin).get('/api/org/tenant')).json().id;
});
afterAll(async () => ctx.close());

const api = (s: Session | null = admin) => as(ctx.app, s);
// The shared test client has no PUT; this one sends the CSRF token the same way.
const put = (url: string, body: unknown, s: Session = admin) =>
  ctx.app.inject({
    method: 'PUT',
    url,
    payload: body as object,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
  });
const q = (params: Record<string, string | number>) =>
  new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();
const compute = (start: string, value: number, unit: string, s: Session = admin) =>
  api(s).get(`/api/calendar/compute?${q({ start, value, unit })}`);
const deadline = async (start: string, value: number, unit: string, s: Session = admin) => {
  const res = await compute(start, value, unit, s);
  expect(res.statusCode).toBe(200);
  return res.json().deadline as string;
};

type Day = { date: string; kind: string; name: string };
const DEFAULT_PERIODS = [
  { start: '08:00', end: '12:00' },
  { start: '14:00', end: '18:00' },
];
const THURSDAY_0900 = '2024-02-08T09:00:00+08:00';

describe('seeded calendar', () => {
  it("every new tenant has the data package's years, 2024 春节 included", async () => {
    const days: Day[] = (await api().get('/api/calendar/days?year=2024')).json();
    const byDate = new Map(days.map((d) => [d.date, d]));
    for (let d = 10; d <= 17; d++)
      expect(byDate.get(`2024-02-${d}`)).toEqual({ date: `2024-02-${d}`, kind: 'holiday', name: '春节' });
    expect(byDate.get('2024-02-04')?.kind).toBe('workday');
    expect(byDate.get('2024-02-18')?.kind).toBe('workday');
    // 除夕 2024-02-09 was an ordinary Friday in the State Council's 2024 arrangement: no row.
    expect(byDate.has('2024-02-09')).toBe(false);
    expect(days.map((d) => d.date)).toEqual([...days.map((d) => d.date)].sort());
    expect(days.every((d) => d.date.startsWith('2024-'))).toBe(true);

    const years = (await api().get('/api/calendar/years')).json();
    expect(years.years).toEqual([
      { year: 2023, holidays: 26, workdays: 7, seeded: true, inPackage: true },
      { year: 2024, holidays: 28, workdays: 8, seeded: true, inPackage: true },
      { year: 2025, holidays: 28, workdays: 5, seeded: true, inPackage: true },
      { year: 2026, holidays: 33, workdays: 6, seeded: true, inPackage: true },
    ]);
    // The frozen clock is in 2024: 2023–2025 all have rows.
    expect(years.missing).toEqual([]);
    expect(years.source.package).toBe('chinese-days');
    expect((await api().get('/api/calendar/periods')).json()).toEqual({ periods: DEFAULT_PERIODS });
  });
});

describe('compute and elapsed', () => {
  it('counts 2 work days across 春节 with the 调休 Sunday', async () => {
    // 2 work_days = 16 working hours (8 h per working day). Thursday 02-08 from 09:00: 09–12 + 14–18 = 7 h;
    // Friday 02-09 (除夕, no row, so a working day): 8 h → 15 h; 02-10..17 are holidays; Sunday 02-18 is a 调休
    // workday: the 16th hour ends at 09:00. Due Sunday 2024-02-18 09:00 +08:00, not Monday 02-19.
    const res = await compute(THURSDAY_0900, 2, 'work_days');
    expect(res.json()).toEqual({ deadline: '2024-02-18T01:00:00.000Z', limitMs: 16 * 3_600_000 });
    // 4 work hours from 08:00 end at 12:00 (the earliest instant the limit is used up), not 14:00.
    expect(await deadline('2024-02-08T08:00:00+08:00', 4, 'work_hours')).toBe('2024-02-08T04:00:00.000Z');
    // Calendar units run through the holiday.
    expect(await deadline(THURSDAY_0900, 2, 'calendar_days')).toBe('2024-02-10T01:00:00.000Z');
    expect(await deadline(THURSDAY_0900, 2, 'emergency_hours')).toBe('2024-02-08T03:00:00.000Z');
  });

  it('measures elapsed time in the unit and in working time', async () => {
    const to = '2024-02-18T09:00:00+08:00';
    const work = (await api().get(`/api/calendar/elapsed?${q({ from: THURSDAY_0900, to, unit: 'work_days' })}`)).json();
    expect(work).toEqual({ elapsedMs: 16 * 3_600_000, workingMs: 16 * 3_600_000 });
    const calendar = (
      await api().get(`/api/calendar/elapsed?${q({ from: THURSDAY_0900, to, unit: 'calendar_days' })}`)
    ).json();
    expect(calendar).toEqual({ elapsedMs: 10 * 86_400_000, workingMs: 16 * 3_600_000 });
    const back = (
      await api().get(`/api/calendar/elapsed?${q({ from: to, to: THURSDAY_0900, unit: 'work_hours' })}`)
    ).json();
    expect(back.workingMs).toBe(-16 * 3_600_000);
  });

  it('refuses bad instants and units with the field', async () => {
    for (const [url, field] of [
      [`/api/calendar/compute?${q({ start: 'yesterday', value: 2, unit: 'work_days' })}`, 'query.start'],
      [`/api/calendar/compute?${q({ start: '2024-02-08T09:00', value: 2, unit: 'work_days' })}`, 'query.start'],
      [`/api/calendar/compute?${q({ start: THURSDAY_0900, value: 2, unit: 'fortnights' })}`, 'query.unit'],
      [`/api/calendar/compute?${q({ start: THURSDAY_0900, value: -1, unit: 'work_days' })}`, 'query.value'],
      [
        `/api/calendar/elapsed?${q({ from: THURSDAY_0900, to: '2024-13-01T00:00:00Z', unit: 'work_hours' })}`,
        'query.to',
      ],
      [`/api/calendar/elapsed?${q({ from: THURSDAY_0900, to: THURSDAY_0900 })}`, 'query.unit'],
    ]) {
      const res = await api().get(url as string);
      expect(res.statusCode, url).toBe(400);
      expect(
        res.json().error.details.map((d: { field: string }) => d.field),
        url,
      ).toContain(field);
    }
  });
});

describe('editing', () => {
  it('new periods change the result at once (cached calendar invalidated)', async () => {
    const service = ctx.app.services.calendar;
    const before = await service.forTenant(dayeId);
    expect(await service.forTenant(dayeId)).toBe(before); // cached
    expect(await deadline(THURSDAY_0900, 2, 'work_days')).toBe('2024-02-18T01:00:00.000Z');

    // Given out of order, stored sorted. 7 h a day → 2 work days = 14 h: Thursday 09–12 + 13–17 = 7 h, Friday 7 h
    // → used up at Friday's end, 2024-02-09 17:00 +08:00.
    const res = await put('/api/calendar/periods', {
      periods: [
        { start: '13:00', end: '17:00' },
        { start: '09:00', end: '12:00' },
      ],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().periods).toEqual([
      { start: '09:00', end: '12:00' },
      { start: '13:00', end: '17:00' },
    ]);
    expect(await service.forTenant(dayeId)).not.toBe(before);
    expect((await compute(THURSDAY_0900, 2, 'work_days')).json()).toEqual({
      deadline: '2024-02-09T09:00:00.000Z',
      limitMs: 14 * 3_600_000,
    });

    expect((await put('/api/calendar/periods', { periods: DEFAULT_PERIODS })).statusCode).toBe(200);
    expect(await deadline(THURSDAY_0900, 2, 'work_days')).toBe('2024-02-18T01:00:00.000Z');
    const audit = (await api().get('/api/audit?entity=setting&entityId=calendar.periods')).json();
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual(['setting.update', 'setting.update']);
    expect(audit.items[1]).toMatchObject({
      before: null,
      after: [
        { start: '09:00', end: '12:00' },
        { start: '13:00', end: '17:00' },
      ],
    });
  });

  it('replacing a year moves the deadline; reseeding restores the package rows', async () => {
    const days: Day[] = (await api().get('/api/calendar/days?year=2024')).json();
    // A city that also gives 除夕 off: Friday 02-09 becomes a holiday, so after Thursday's 7 h and the 调休 Sunday's
    // 8 h (15 h) the 16th hour falls on Monday 02-19, ending at 09:00.
    const edited = [...days, { date: '2024-02-09', kind: 'holiday', name: ' 除夕 ' }];
    const res = await put('/api/calendar/days?year=2024', edited);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toHaveLength(days.length + 1);
    expect(res.json().find((d: Day) => d.date === '2024-02-09')).toEqual({
      date: '2024-02-09',
      kind: 'holiday',
      name: '除夕',
    });
    expect(await deadline(THURSDAY_0900, 2, 'work_days')).toBe('2024-02-19T01:00:00.000Z');
    const years = (await api().get('/api/calendar/years')).json().years;
    expect(years.find((y: { year: number }) => y.year === 2024)).toMatchObject({ holidays: 29, seeded: false });
    // The other years are untouched.
    expect((await api().get('/api/calendar/days?year=2023')).json()).toHaveLength(33);

    const reseeded = await api().post('/api/calendar/years/2024/reseed');
    expect(reseeded.statusCode).toBe(200);
    expect(reseeded.json()).toEqual(days);
    expect(await deadline(THURSDAY_0900, 2, 'work_days')).toBe('2024-02-18T01:00:00.000Z');
    const audit = (await api().get('/api/audit?entity=calendar_year&entityId=2024')).json();
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual([
      'calendar.days_reseed',
      'calendar.days_replace',
    ]);
    expect(audit.items[1].before).toHaveLength(days.length);
  });

  it('an emptied year counts weekdays only, and a year the package lacks cannot be reseeded', async () => {
    expect((await put('/api/calendar/days?year=2025', [])).json()).toEqual([]);
    // The frozen clock is in 2024, so 2025 is "next year": a year without rows is flagged, with the way out.
    expect((await api().get('/api/calendar/years')).json().missing).toEqual([{ year: 2025, inPackage: true }]);
    // 2025-10-01 (国庆, Wednesday) is a working day once the rows are gone.
    expect(await deadline('2025-09-30T17:00:00+08:00', 2, 'work_hours')).toBe('2025-10-01T01:00:00.000Z');
    // Reseeded: 10-01..08 are 国庆/中秋 holidays, so the second hour is Thursday 10-09 08:00–09:00.
    expect((await api().post('/api/calendar/years/2025/reseed')).statusCode).toBe(200);
    expect(await deadline('2025-09-30T17:00:00+08:00', 2, 'work_hours')).toBe('2025-10-09T01:00:00.000Z');

    const res = await api().post('/api/calendar/years/2030/reseed');
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'CALENDAR_YEAR_NOT_IN_PACKAGE',
      details: { year: 2030, source: 'chinese-days@1.5.7' },
    });
  });

  it('a second process sees an edit made through the first (revision check, not only local invalidation)', async () => {
    const second = createServices(ctx.database, ctx.config, ctx.clock).calendar;
    const first = await second.forTenant(dayeId);
    expect(await second.forTenant(dayeId)).toBe(first);
    await put('/api/calendar/periods', { periods: [{ start: '08:00', end: '12:00' }] });
    const after = await second.forTenant(dayeId);
    expect(after.workingDayMs).toBe(4 * 3_600_000);
    await put('/api/calendar/periods', { periods: DEFAULT_PERIODS });
    expect((await second.forTenant(dayeId)).workingDayMs).toBe(8 * 3_600_000);
  });
});

describe('validation', () => {
  it('names each bad row of a year and changes nothing', async () => {
    const before = (await api().get('/api/calendar/days?year=2024')).json();
    const res = await put('/api/calendar/days?year=2024', [
      { date: '2024-01-01', kind: 'holiday', name: '元旦' },
      { date: '2024-02-05', kind: 'workday', name: '春节' }, // a Monday: only a weekend day can be a 调休 workday
      { date: '2024-02-30', kind: 'holiday', name: '春节' },
      { date: '2025-01-01', kind: 'holiday', name: '元旦' },
      { date: '2024-01-01', kind: 'holiday', name: '元旦' },
      { date: '2024-02-04', kind: 'workday', name: '   ' },
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('CALENDAR_INVALID_DAYS');
    const details = res.json().error.details.map((d: { field: string; rule: string }) => `${d.field}:${d.rule}`);
    expect(details).toEqual([
      'body.1.date:weekend',
      'body.2.date:date',
      'body.3.date:year',
      'body.4.date:unique',
      'body.5.name:required',
    ]);
    expect((await api().get('/api/calendar/days?year=2024')).json()).toEqual(before);

    const kind = await put('/api/calendar/days?year=2024', [{ date: '2024-01-01', kind: 'vacation', name: '元旦' }]);
    expect(kind.statusCode).toBe(400);
    expect(kind.json().error.details.map((d: { field: string }) => d.field)).toContain('body.0.kind');
    const year = await put('/api/calendar/days?year=twenty', []);
    expect(year.json().error.details[0].field).toBe('query.year');
  });

  it('names the bad working period', async () => {
    const cases: [unknown, string, string][] = [
      [
        [
          { start: '08:00', end: '12:00' },
          { start: '14:00', end: '25:00' },
        ],
        'body.periods.1.end',
        'time',
      ],
      [
        [
          { start: '08:00', end: '12:00' },
          { start: '18:00', end: '14:00' },
        ],
        'body.periods.1.end',
        'order',
      ],
      [
        [
          { start: '08:00', end: '12:00' },
          { start: '11:00', end: '13:00' },
        ],
        'body.periods.1.start',
        'overlap',
      ],
      [[], 'body.periods', 'periods'],
    ];
    for (const [periods, field, rule] of cases) {
      const res = await put('/api/calendar/periods', { periods });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'CALENDAR_INVALID_PERIODS', details: [{ field, rule }] });
    }
    expect((await api().get('/api/calendar/periods')).json()).toEqual({ periods: DEFAULT_PERIODS });
  });
});

describe('who may do what', () => {
  it('an operator reads and computes but cannot change anything', async () => {
    expect((await api(operator).get('/api/calendar/days?year=2024')).statusCode).toBe(200);
    expect((await api(operator).get('/api/calendar/years')).statusCode).toBe(200);
    expect(await deadline(THURSDAY_0900, 2, 'work_days', operator)).toBe('2024-02-18T01:00:00.000Z');
    expect((await put('/api/calendar/days?year=2024', [], operator)).statusCode).toBe(403);
    expect((await put('/api/calendar/periods', { periods: DEFAULT_PERIODS }, operator)).statusCode).toBe(403);
    expect((await api(operator).post('/api/calendar/years/2024/reseed')).statusCode).toBe(403);
    expect((await api().get('/api/calendar/days?year=2024')).json()).toHaveLength(36);
  });

  it('anonymous callers get 401', async () => {
    expect((await api(null).get('/api/calendar/years')).statusCode).toBe(401);
  });

  it("one city's edits leave the other city's calendar alone", async () => {
    expect((await api(other).get('/api/calendar/days?year=2024')).json()).toHaveLength(36);
    await put('/api/calendar/periods', { periods: [{ start: '09:00', end: '12:00' }] });
    await put('/api/calendar/days?year=2024', []);
    expect(await deadline(THURSDAY_0900, 2, 'work_days')).not.toBe('2024-02-18T01:00:00.000Z');
    expect(await deadline(THURSDAY_0900, 2, 'work_days', other)).toBe('2024-02-18T01:00:00.000Z');
    expect((await api(other).get('/api/calendar/periods')).json()).toEqual({ periods: DEFAULT_PERIODS });
    expect((await api(other).get('/api/calendar/days?year=2024')).json()).toHaveLength(36);
    expect((await api(other).get('/api/audit?entity=calendar_year')).json().total).toBe(0);
    await put('/api/calendar/periods', { periods: DEFAULT_PERIODS });
    await api().post('/api/calendar/years/2024/reseed');
  });
});
