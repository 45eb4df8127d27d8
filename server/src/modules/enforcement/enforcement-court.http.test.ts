import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enforcementKit } from '../../testing/enforcement.fixtures.ts';

/**
 * 申请法院强制执行 over HTTP (docs/enforcement.md, "Court enforcement"): the 催告 only after the payment period, the
 * application only 10 days after it and after the 复议 (60 days) and 诉讼 (6 months) periods from service, and not
 * more than 3 months after them; each refusal names its reason and date. Real database (SQLite or PostgreSQL).
 */
const kit = enforcementKit();
const { api, at, act, servedCase } = kit;
beforeAll(() => kit.setUp(), 60_000);
afterAll(() => kit.close());

const refusal = (res: { error: { code: string; details: { rule: string; date: string | null }[] } }) => ({
  code: res.error.code,
  rule: res.error.details[0]!.rule,
  date: res.error.details[0]!.date,
});

describe('court enforcement', () => {
  let late: string;
  let timely: string;

  it('refuses the 催告 while the payment period runs, and the court without a 催告', async () => {
    late = await servedCase();
    timely = await servedCase();
    await at('2024-07-02');
    const early = await act('officer', late, { action: 'serve_demand', servedOn: '2024-07-02' }, 409);
    expect(early.error.code).toBe('ENFORCEMENT_PERIOD');
    await at('2024-07-10');
    const none = await act('squadleader', late, { action: 'apply_court', note: '大冶市人民法院' }, 409);
    expect(refusal(none)).toEqual({ code: 'ENFORCEMENT_COURT_TOO_EARLY', rule: 'demand', date: null });
    const future = await act('officer', late, { action: 'serve_demand', servedOn: '2024-07-11' }, 400);
    expect(future.error.details[0].field).toBe('body.servedOn');
  });

  it('waits 10 days after the 催告, then for the 复议 and 诉讼 periods', async () => {
    for (const id of [late, timely]) {
      const served = await act('officer', id, { action: 'serve_demand', servedOn: '2024-07-10' });
      expect(served.demandServedOn).toBe('2024-07-10');
      expect(served.allowedActions).not.toContain('serve_demand');
      const leader = (await api('squadleader').get(`/api/enforcement/cases/${id}`)).json();
      expect(leader.allowedActions).toContain('apply_court');
    }
    // 10 days from 10 July end on Saturday 20 July: the period ends on Monday 22 July.
    const waiting = await act('squadleader', late, { action: 'apply_court', note: '法院' }, 409);
    expect(refusal(waiting)).toEqual({ code: 'ENFORCEMENT_COURT_TOO_EARLY', rule: 'demandPeriod', date: '2024-07-22' });
    // Served 17 June: 复议 ends 16 August, 诉讼 (6 months) on 17 December; the later one holds.
    await at('2024-12-17');
    const review = await act('squadleader', late, { action: 'apply_court', note: '法院' }, 409);
    expect(refusal(review)).toEqual({ code: 'ENFORCEMENT_COURT_TOO_EARLY', rule: 'reviewPeriod', date: '2024-12-17' });
  });

  it('allows the application in the 3 months after, and refuses it later', async () => {
    await at('2024-12-18');
    const applied = await act('squadleader', timely, { action: 'apply_court', note: '大冶市人民法院' });
    expect(applied.courtAppliedOn).toBe('2024-12-18');
    await at('2025-03-18');
    const tooLate = await act('squadleader', late, { action: 'apply_court', note: '法院' }, 409);
    expect(refusal(tooLate)).toEqual({ code: 'ENFORCEMENT_COURT_TOO_LATE', rule: 'late', date: '2025-03-17' });
  });
});
