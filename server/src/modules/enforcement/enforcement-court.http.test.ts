import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberCheckChar } from '../../../../common/domain/enforcement-identity.ts';
import { as, createTestApp, login, type Session, type TestContext } from '../../testing/test-app.ts';

/**
 * 申请法院强制执行 over HTTP (docs/enforcement.md, "Court enforcement"): the 催告 only after the payment period, the
 * application only 10 days after it and after the 复议 (60 days) and 诉讼 (6 months) periods from service, and not
 * more than 3 months after them; each refusal names its reason and date. Real database (SQLite or PostgreSQL).
 */
let ctx: TestContext;
const s: Record<string, Session> = {};
const ids: Record<string, string> = {};
const USERS = ['officer', 'officer2', 'legal', 'squadleader', 'admin'];
const first17 = '11010519800101021';
const ID_NUMBER = `${first17}${idNumberCheckChar(first17)}`;
const bands = new Map<string, { basisId: string; bandId: string }>();
const api = (who: string) => as(ctx.app, s[who]!);
const pair = () => [{ userId: ids.officer! }, { userId: ids.officer2! }];

async function at(date: string) {
  ctx.clock.set(new Date(`${date}T02:00:00.000Z`));
  for (const u of USERS) {
    if (s[u] && (await as(ctx.app, s[u]).get('/api/auth/me')).statusCode === 200) continue;
    s[u] = await login(ctx.app, u, u === 'admin' ? 'Admin@12345' : 'Demo@12345');
  }
}

async function act(who: string, id: string, body: Record<string, unknown>, status = 200) {
  const current = (await api(who).get(`/api/enforcement/cases/${id}`)).json();
  const res = await api(who).post(`/api/enforcement/cases/${id}/actions`, { version: current.version, ...body });
  expect(res.statusCode, `${who} ${String(body.action)}: ${res.body}`).toBe(status);
  return res.json();
}

const penalty = (key: string, fineFen: number) => ({ kind: 'fine', fineFen, ...bands.get(key)! });

/** An ordinary case opened, decided (6,000 yuan) and served on 17 June 2024: payable by 2 July. */
async function servedCase() {
  await at('2024-06-17');
  const res = await api('officer').post('/api/enforcement/cases', {
    procedure: 'ordinary',
    source: 'patrol',
    violationCode: 'wfjs',
    facts: '擅自搭建',
    violationOn: '2024-06-10',
    party: { kind: 'person', name: '赵六', idNumber: ID_NUMBER },
    officers: pair(),
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  await act('squadleader', id, { action: 'approve_filing' });
  await act('officer', id, { action: 'order_correction', officers: pair(), note: '责令改正', correctBy: '2024-06-30' });
  await act('officer', id, { action: 'finish_investigation', proposal: penalty('wfjs/general', 600_000) });
  await act('officer', id, { action: 'end_notice', waived: true });
  await act('squadleader', id, { action: 'decide', decision: penalty('wfjs/general', 600_000) });
  const served = await act('officer', id, { action: 'serve', servedOn: '2024-06-17' });
  expect(served).toMatchObject({ stage: 'executing', paymentDue: '2024-07-02' });
  return id;
}

beforeAll(async () => {
  ctx = await createTestApp({ env: { SESSION_TTL_HOURS: '720', SESSION_ABSOLUTE_HOURS: '2160' } });
  await at('2024-06-17');
  const users = (await api('admin').get('/api/org/users?pageSize=100')).json().items as {
    id: string;
    username: string;
  }[];
  for (const u of users) ids[u.username] = u.id;
  const put = await api('legal').put('/api/enforcement/settings', {
    decisionPrefix: '大城管罚决字',
    summaryPrefix: '大城管当罚字',
    hearingThresholdFen: { person: 5_000_000, organisation: 5_000_000 },
  });
  expect(put.statusCode, put.body).toBe(200);
  const bases = (await api('officer').get('/api/enforcement/bases')).json().items as {
    id: string;
    violationCode: string;
    bands: { id: string; level: string }[];
  }[];
  for (const b of bases)
    for (const band of b.bands) bands.set(`${b.violationCode}/${band.level}`, { basisId: b.id, bandId: band.id });
}, 60_000);
afterAll(async () => ctx.close());

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
