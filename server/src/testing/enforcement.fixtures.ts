import { expect } from 'vitest';
import { idNumberCheckChar } from '../../../common/domain/enforcement-identity.ts';
import { as, createTestApp, login, type Session, type TestContext } from './test-app.ts';

/**
 * A test app for enforcement cases driven over HTTP: the demo officers signed in on a clock the test sets, the
 * tenant's 文号 prefixes and hearing threshold, the sample legal bases by `violation/level`, and the steps that
 * open, decide and serve an ordinary case. Sessions outlive the months a procedure spans.
 */

const USERS = ['officer', 'officer2', 'legal', 'squadleader', 'admin'];
const first17 = '11010519800101021';
export const KIT_ID_NUMBER = `${first17}${idNumberCheckChar(first17)}`;

export function enforcementKit() {
  let ctx: TestContext | undefined;
  const s: Record<string, Session> = {};
  const ids: Record<string, string> = {};
  const bands = new Map<string, { basisId: string; bandId: string }>();
  const app = () => {
    if (!ctx) throw new Error('enforcementKit: setUp() first');
    return ctx;
  };
  const api = (who: string) => as(app().app, s[who]!);
  /** the two officers every investigation step needs */
  const pair = () => [{ userId: ids.officer! }, { userId: ids.officer2! }];

  /** sets the clock to 10:00 in Daye on `date` and signs in again whoever the move signed out */
  async function at(date: string) {
    app().clock.set(new Date(`${date}T02:00:00.000Z`));
    for (const u of USERS) {
      if (s[u] && (await api(u).get('/api/auth/me')).statusCode === 200) continue;
      s[u] = await login(app().app, u, u === 'admin' ? 'Admin@12345' : 'Demo@12345');
    }
  }

  /** one step of the case, at its current version; expects `status` and answers the body */
  async function act(who: string, id: string, body: Record<string, unknown>, status = 200) {
    const current = (await api(who).get(`/api/enforcement/cases/${id}`)).json();
    const res = await api(who).post(`/api/enforcement/cases/${id}/actions`, { version: current.version, ...body });
    expect(res.statusCode, `${who} ${String(body.action)}: ${res.body}`).toBe(status);
    return res.json();
  }

  const penalty = (key: string, fineFen: number) => ({ kind: 'fine', fineFen, ...bands.get(key)! });
  const pay = (amountFen: number, paidOn: string, reference: string) => ({
    action: 'record_payment',
    payment: { amountFen, channel: 'non_tax', reference, paidOn },
  });

  /** an ordinary case opened, decided (6,000 yuan) and served on 17 June 2024: payable by 2 July */
  async function servedCase() {
    await at('2024-06-17');
    const res = await api('officer').post('/api/enforcement/cases', {
      procedure: 'ordinary',
      source: 'patrol',
      violationCode: 'wfjs',
      facts: '擅自搭建',
      violationOn: '2024-06-10',
      party: { kind: 'person', name: '赵六', idNumber: KIT_ID_NUMBER },
      officers: pair(),
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    await act('squadleader', id, { action: 'approve_filing' });
    await act('officer', id, {
      action: 'order_correction',
      officers: pair(),
      note: '责令改正',
      correctBy: '2024-06-30',
    });
    await act('officer', id, { action: 'finish_investigation', proposal: penalty('wfjs/general', 600_000) });
    await act('officer', id, { action: 'end_notice', waived: true });
    await act('squadleader', id, { action: 'decide', decision: penalty('wfjs/general', 600_000) });
    const served = await act('officer', id, { action: 'serve', servedOn: '2024-06-17' });
    expect(served).toMatchObject({ stage: 'executing', paymentDue: '2024-07-02' });
    return id;
  }

  async function setUp() {
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
  }

  return {
    get ctx() {
      return app();
    },
    ids,
    api,
    pair,
    at,
    act,
    penalty,
    pay,
    servedCase,
    setUp,
    close: async () => ctx?.close(),
  };
}
export type EnforcementKit = ReturnType<typeof enforcementKit>;
