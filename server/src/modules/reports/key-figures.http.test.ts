import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyFigures } from '../../../../common/contracts/key-figures.ts';
import type { StatReport } from '../../../../common/contracts/reports.ts';
import { driveToClosed, staffSessions } from '../../testing/case-loop.ts';
import { as, createTestApp, type Session, type TestContext } from '../../testing/test-app.ts';

/**
 * The leader's key figures over HTTP on the demo city, the clock frozen on 2024-03-12: two cases reported and closed
 * today. Each line is a section of the year's report with the same values; the months of a count add up to the
 * year; April to December have not begun.
 */
let ctx: TestContext;
let s: Record<string, Session>;
const api = (who: string | null) => as(ctx.app, who ? (s[who] ?? null) : null);

beforeAll(async () => {
  ctx = await createTestApp();
  s = await staffSessions(ctx.app);
  for (const d of ['占道经营一', '占道经营二']) {
    const res = await api('inspector').post('/api/cases', {
      matterCode: '09006',
      description: d,
      lng: 114.975,
      lat: 30.1,
    });
    expect(res.statusCode).toBe(201);
    await driveToClosed(ctx.app, s, res.json().id);
  }
}, 180_000);
afterAll(async () => ctx?.close());

describe('key figures of the year', () => {
  it("gives each section of the year's report with its figures and their months", async () => {
    const res = await api('leader').get('/api/reports/key-figures?year=2024');
    expect(res.statusCode, res.body).toBe(200);
    const kf: KeyFigures = res.json();
    const report: StatReport = (await api('leader').get('/api/reports/statistics?period=year&at=2024')).json();
    expect(kf.through).toBe('2024-03');
    expect(kf.lines.map((l) => l.key)).toEqual(report.sections.filter((x) => x.figures?.length).map((x) => x.key));
    for (const line of kf.lines) {
      const section = report.sections.find((x) => x.key === line.key)!;
      expect(line.title).toBe(section.title);
      expect(line.figures.map(({ months: _, ...f }) => f)).toEqual(section.figures);
      for (const f of line.figures) expect(f.months.slice(3)).toEqual(Array(9).fill(null));
    }
    const reported = kf.lines[0]!.figures.find((f) => f.key === 'overview.reported')!;
    expect(reported.months[2]).toBeGreaterThanOrEqual(2);
    // a count's months add up to the year
    expect(reported.months.reduce((a: number, v) => a + (v ?? 0), 0)).toBe(reported.value);
    const closed = kf.lines[0]!.figures.find((f) => f.key === 'overview.closed')!;
    expect(closed.months[2]).toBe(closed.value);
  });

  it('answers in English when asked', async () => {
    const kf: KeyFigures = (await api('leader').get('/api/reports/key-figures?year=2024&lang=en')).json();
    expect(kf.lines[0]!.figures.find((f) => f.key === 'overview.reported')!.label).toMatch(/[A-Za-z]/);
  });

  it('a year with no month begun has every month empty', async () => {
    const kf: KeyFigures = (await api('leader').get('/api/reports/key-figures?year=2025')).json();
    expect(kf.through).toBe('2024-03');
    for (const line of kf.lines) for (const f of line.figures) expect(f.months.every((v) => v === null)).toBe(true);
  });

  it('refuses a bad year with the field, a field role and a visitor', async () => {
    const bad = await api('leader').get('/api/reports/key-figures?year=20');
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error.details)).toContain('year');
    expect((await api('inspector').get('/api/reports/key-figures?year=2024')).statusCode).toBe(403);
    expect((await api(null).get('/api/reports/key-figures?year=2024')).statusCode).toBe(401);
  });
});
