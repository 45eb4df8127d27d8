import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CasesTable } from '../db/schema.ts';
import { newId } from '../platform/ids.ts';
import { COUNT_CAP } from '../modules/cases/case.repository.ts';
import { as, createTestApp, login, type Session, type TestContext } from '../testing/test-app.ts';

/**
 * Lists at scale, the same on SQLite and PostgreSQL: past COUNT_CAP rows a list answers a capped total
 * with `totalCapped` (an exact count of a million-row archive costs more than the page) and the badges stop at the
 * cap; the archive lists newest closed first; deadline order puts cases without a deadline last on both backends;
 * a search without a sort lists newest first.
 */
let ctx: TestContext;
const s: Record<string, Session> = {};
const POINT = { lng: 114.975, lat: 30.1 };
const EXTRA = 50;
const api = (who: string) => as(ctx.app, s[who] ?? null);

beforeAll(async () => {
  ctx = await createTestApp();
  for (const u of ['inspector', 'operator', 'leader']) s[u] = await login(ctx.app, u, 'Demo@12345');
  // Three open cases through the API, a minute apart, sharing a search term.
  for (const n of [1, 2, 3]) {
    const res = await api('inspector').post('/api/cases', {
      matterCode: '09006',
      description: `第${n}处 井盖破损待修`,
      ...POINT,
    });
    expect(res.statusCode, res.body).toBe(201);
    ctx.clock.advance(60_000);
  }
  // COUNT_CAP + EXTRA closed cases straight into the table (a bulk archive), closed one minute apart.
  const template = await ctx.database.db.selectFrom('cases').selectAll().limit(1).executeTakeFirstOrThrow();
  const base = Date.parse('2023-01-01T00:00:00.000Z');
  const rows: CasesTable[] = Array.from({ length: COUNT_CAP + EXTRA }, (_, i) => {
    const at = new Date(base + i * 60_000).toISOString();
    return {
      ...template,
      id: newId(),
      case_no: `420281-ARCHIVE-${String(i).padStart(5, '0')}`,
      status: 'closed',
      close_type: 'normal',
      step_limit_value: null,
      step_limit_unit: null,
      step_started_at: null,
      step_deadline: null,
      step_warn_at: null,
      step_warned: null,
      reported_at: at,
      created_at: at,
      updated_at: at,
      closed_at: at,
      search_text: `archive ${i}`,
      public_token_hash: null,
    };
  });
  for (let i = 0; i < rows.length; i += 400)
    await ctx.database.db
      .insertInto('cases')
      .values(rows.slice(i, i + 400))
      .execute();
}, 120_000);
afterAll(async () => ctx.close());

describe('lists past the count cap', () => {
  it('caps the archive total, flags it, and lists the newest closed first', async () => {
    const res = await api('leader').get('/api/cases?inbox=closed&pageSize=3');
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json();
    expect(page).toMatchObject({ total: COUNT_CAP, totalCapped: true, page: 1, pageSize: 3 });
    const last = COUNT_CAP + EXTRA - 1;
    expect(page.items.map((c: { caseNo: string }) => c.caseNo)).toEqual(
      [last, last - 1, last - 2].map((i) => `420281-ARCHIVE-${String(i).padStart(5, '0')}`),
    );
    // Oldest first when asked.
    const oldest = (await api('leader').get('/api/cases?inbox=closed&pageSize=1&order=asc')).json();
    expect(oldest.items[0].caseNo).toBe('420281-ARCHIVE-00000');
  });

  it('answers exact totals below the cap, without the flag', async () => {
    const page = (await api('operator').get('/api/cases?inbox=reported')).json();
    expect(page.total).toBe(3);
    expect(page.totalCapped).toBeUndefined();
  });

  it('caps the badges of the archive and of all cases, keeps the open ones exact', async () => {
    const counts = (await api('leader').get('/api/cases/counts')).json();
    expect(counts).toMatchObject({ reported: 3, closed: COUNT_CAP, all: COUNT_CAP, overdue: 0 });
  });

  it('sorts by deadline with cases that have none last, on either backend', async () => {
    const page = (await api('leader').get('/api/cases?inbox=all&sort=deadline&pageSize=5')).json();
    expect(page.totalCapped).toBe(true);
    expect(
      page.items
        .slice(0, 3)
        .every(
          (c: { status: string; stepDeadline: string | null }) => c.status === 'reported' && c.stepDeadline !== null,
        ),
    ).toBe(true);
    expect(page.items.slice(3).every((c: { stepDeadline: string | null }) => c.stepDeadline === null)).toBe(true);
  });

  it('lists search hits newest first when no sort is given, with an exact small total', async () => {
    for (const q of ['井盖', '井盖破损']) {
      const page = (await api('operator').get(`/api/cases?q=${encodeURIComponent(q)}`)).json();
      expect(page.total).toBe(3);
      expect(page.items.map((c: { description: string }) => c.description)).toEqual([
        '第3处 井盖破损待修',
        '第2处 井盖破损待修',
        '第1处 井盖破损待修',
      ]);
    }
  });
});
