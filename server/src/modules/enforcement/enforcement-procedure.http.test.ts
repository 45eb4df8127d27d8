import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeProblem, idNumberCheckChar } from '../../../../common/domain/enforcement-identity.ts';
import { lateFeeFen } from '../../../../common/domain/enforcement-money.ts';
import { as, createTestApp, login, type Session, type TestContext } from '../../testing/test-app.ts';

/**
 * The rest of the ordinary procedure over HTTP on a real database (SQLite, or PostgreSQL with TEST_DB=postgres):
 * 执法证 checked on every step, the 首违不罚 list and its repeat flag, the hearing threshold and hearing record,
 * instalments approved by a leader with the late fee they imply, the court step, 复议/诉讼 outcomes, the deadline
 * sweep's warnings and 督办, one squad visibility rule across list, count, detail, steps, lookup and export, and the
 * KPIs against hand-computed values.
 */
let ctx: TestContext;
const s: Record<string, Session> = {};
const ids: Record<string, string> = {};
const USERS = ['officer', 'officer2', 'legal', 'squadleader', 'bureauleader'];
const SQUAD2 = ['officer3', 'officer4'];
const SQUAD2_PASSWORD = 'Squad2#Pass9';
const CREDIT_CODE = '91110000600037341L';
const personId = (seq: string) => {
  const first17 = `11010519800101${seq}`;
  return `${first17}${idNumberCheckChar(first17)}`;
};
const ID_A = personId('011');
const ID_B = personId('013');
const bands = new Map<string, { basisId: string; bandId: string; minFen: number; maxFen: number }>();
const api = (who: string) => as(ctx.app, s[who]!);
const pair = () => [{ userId: ids.officer! }, { userId: ids.officer2! }];
const details = (res: { json(): { error: { details: Record<string, unknown>[] } } }) => res.json().error.details;

async function at(date: string) {
  ctx.clock.set(new Date(`${date}T02:00:00.000Z`));
  for (const u of [...USERS, 'admin', ...SQUAD2]) {
    if (SQUAD2.includes(u) && !ids[u]) continue;
    if (s[u] && (await as(ctx.app, s[u]).get('/api/auth/me')).statusCode === 200) continue;
    s[u] = await login(ctx.app, u, u === 'admin' ? 'Admin@12345' : SQUAD2.includes(u) ? SQUAD2_PASSWORD : 'Demo@12345');
  }
}

async function act(who: string, id: string, body: Record<string, unknown>, status = 200) {
  const current = (await api(who).get(`/api/enforcement/cases/${id}`)).json();
  const res = await api(who).post(`/api/enforcement/cases/${id}/actions`, { version: current.version, ...body });
  expect(res.statusCode, `${who} ${String(body.action)}: ${res.body}`).toBe(status);
  return res.json();
}

const penalty = (key: string, fineFen: number) => {
  const b = bands.get(key)!;
  return { kind: 'fine', fineFen, basisId: b.basisId, bandId: b.bandId };
};
const newCase = (party: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  procedure: 'ordinary',
  source: 'patrol',
  violationCode: 'wfjs',
  facts: '擅自搭建',
  violationOn: '2024-06-10',
  party,
  officers: pair(),
  ...extra,
});

async function open(who: string, body: Record<string, unknown>) {
  const res = await api(who).post('/api/enforcement/cases', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** 立案 → 调查 → 责令改正 → 告知 (the proposal decides the hearing) on the current day. */
async function toNotifying(id: string, proposal: Record<string, unknown>, officers = pair(), who = 'officer') {
  await act('squadleader', id, { action: 'approve_filing' });
  await act(who, id, { action: 'order_correction', officers, note: '责令改正', correctBy: '2024-06-30' });
  return act(who, id, { action: 'finish_investigation', proposal });
}

/** … then 决定 and 送达 on the current day: executing, payable within 15 days. */
async function toExecuting(id: string, decision: Record<string, unknown>) {
  await act('officer', id, { action: 'end_notice', waived: true });
  await act('squadleader', id, { action: 'decide', decision });
  return act('officer', id, { action: 'serve', servedOn: '2024-06-17' });
}

beforeAll(async () => {
  ctx = await createTestApp({ env: { SESSION_TTL_HOURS: '720', SESSION_ABSOLUTE_HOURS: '2160' } });
  await at('2024-06-17');
  const users = (await api('admin').get('/api/org/users?pageSize=100')).json().items as {
    id: string;
    username: string;
  }[];
  for (const u of users) ids[u.username] = u.id;
  const units = (await api('admin').get('/api/org/units?q=SQUAD2')).json().items as { id: string }[];
  // A second squad: two officers of 执法二中队.
  for (const [username, displayName] of [
    ['officer3', '赵队员'],
    ['officer4', '钱队员'],
  ] as const) {
    const res = await api('admin').post('/api/org/users', {
      username,
      displayName,
      password: 'Squad2#Start9',
      unitId: units[0]!.id,
      grants: [{ role: 'enforcementOfficer' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    ids[username] = res.json().id;
    // A new account changes its initial password before it may work.
    const first = await login(ctx.app, username, 'Squad2#Start9');
    const changed = await as(ctx.app, first).post('/api/auth/password', {
      currentPassword: 'Squad2#Start9',
      newPassword: SQUAD2_PASSWORD,
    });
    expect(changed.statusCode, changed.body).toBe(200);
  }
  await at('2024-06-17');
  const put = await api('legal').put('/api/enforcement/settings', {
    decisionPrefix: '大城管罚决字',
    summaryPrefix: '大城管当罚字',
    hearingThresholdFen: { person: 500_000, organisation: 5_000_000 },
  });
  expect(put.statusCode, put.body).toBe(200);
  const bases = (await api('officer').get('/api/enforcement/bases')).json().items as {
    id: string;
    violationCode: string;
    bands: { id: string; level: string; minFen: number; maxFen: number }[];
  }[];
  for (const b of bases)
    for (const band of b.bands)
      bands.set(`${b.violationCode}/${band.level}`, { basisId: b.id, bandId: band.id, ...band });
}, 60_000);
afterAll(async () => ctx.close());

describe('执法证 register', () => {
  const squad2 = () => [{ userId: ids.officer3! }, { userId: ids.officer4! }];
  const body = () => newCase({ kind: 'organisation', name: '某公司', creditCode: CREDIT_CODE }, { officers: squad2() });
  const count = async () =>
    Number(
      (
        await ctx.database.db
          .selectFrom('enforcement_cases')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('refuses a step with an officer who has no certificate, an expired one or another number, naming the officer', async () => {
    const cert = (userId: string, certNo: string, validTo: string) =>
      api('legal').post('/api/enforcement/certificates', { userId, certNo, validFrom: '2021-01-01', validTo });
    expect((await cert(ids.officer3!, '42028100301', '2026-12-31')).statusCode).toBe(201);
    const before = await count();

    const missing = await api('officer3').post('/api/enforcement/cases', body());
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.code).toBe('ENFORCEMENT_CERTIFICATE_INVALID');
    expect(details(missing)[0]).toMatchObject({
      field: 'body.officers.1.userId',
      rule: 'certificate.missing',
      name: '钱队员',
      userId: ids.officer4,
    });

    expect((await cert(ids.officer4!, '42028100401', '2024-05-31')).statusCode).toBe(201);
    const expired = await api('officer3').post('/api/enforcement/cases', body());
    expect(details(expired)[0]).toMatchObject({ rule: 'certificate.expired', name: '钱队员', validTo: '2024-05-31' });

    expect((await cert(ids.officer4!, '42028100402', '2027-05-31')).statusCode).toBe(201);
    const stale = await api('officer3').post('/api/enforcement/cases', {
      ...body(),
      officers: [{ userId: ids.officer3 }, { userId: ids.officer4, certNo: '42028100401' }],
    });
    expect(details(stale)[0]).toMatchObject({ field: 'body.officers.1.certNo', rule: 'certificate.mismatch' });
    expect(await count()).toBe(before);

    // A duplicate number is refused, naming the field.
    const dup = await cert(ids.officer4!, '42028100402', '2027-05-31');
    expect(dup.statusCode).toBe(400);
    expect(details(dup)[0]).toMatchObject({ field: 'body.certNo' });

    // Without a number the registered valid one is recorded.
    const ok = await open('officer3', body());
    expect(ok.officers.map((o: { certNo: string }) => o.certNo).sort()).toEqual(['42028100301', '42028100402']);
  });
});

describe('首违不罚 / 轻微免罚', () => {
  it('proposes no penalty for a first listed violation and flags a repeat within the window', async () => {
    const org = { kind: 'organisation', name: '某餐馆', creditCode: CREDIT_CODE };
    const first = await open('officer', newCase(org, { violationCode: 'zdjy', violationOn: '2024-05-02' }));
    expect(first).toMatchObject({ leniency: 'first_offence', priorCaseId: null });
    const again = await open('officer', newCase(org, { violationCode: 'zdjy', violationOn: '2024-06-12' }));
    expect(again).toMatchObject({ leniency: 'repeat', priorCaseId: first.id });
    const person = await open(
      'officer',
      newCase({ kind: 'person', name: '李四', idNumber: ID_B }, { violationCode: 'zdjy' }),
    );
    expect(person.leniency).toBe('first_offence');
    // Not on the list: nothing proposed.
    expect((await open('officer', newCase(org))).leniency).toBeNull();
    const list = (await api('officer').get('/api/enforcement/leniency')).json().items;
    expect(list.map((l: { violationCode: string }) => l.violationCode)).toContain('zdjy');
  });
});

describe('hearing', () => {
  it('gives a hearing notice at the threshold; a requested hearing is held before the decision', async () => {
    const small = await open('officer', newCase({ kind: 'person', name: '王五', idNumber: ID_A }));
    const below = await toNotifying(small.id, penalty('wfjs/general', bands.get('wfjs/general')!.minFen));
    expect(below.hearing).toBe(bands.get('wfjs/general')!.minFen >= 500_000);

    const c = await open('officer', newCase({ kind: 'person', name: '王五', idNumber: ID_A }));
    const notified = await toNotifying(c.id, penalty('wfjs/general', 600_000));
    expect(notified).toMatchObject({ hearing: true, hearingDue: '2024-06-24', statementDue: '2024-06-20' });
    expect(notified.allowedActions).toContain('request_hearing');
    expect(notified.allowedActions).not.toContain('record_hearing');

    const requested = await act('officer', c.id, { action: 'request_hearing' });
    expect(requested.hearingRequestedOn).toBe('2024-06-17');
    const pending = await act('officer', c.id, { action: 'end_notice', waived: true }, 400);
    expect(pending.error.details[0]).toMatchObject({ field: 'body.action', rule: 'hearing' });
    const noOutcome = await act('officer', c.id, { action: 'record_hearing', heldOn: '2024-06-17', note: '听证' }, 400);
    expect(noOutcome.error.details[0].field).toBe('body.outcome');
    const held = await act('officer', c.id, {
      action: 'record_hearing',
      heldOn: '2024-06-17',
      outcome: 'partly_accepted',
      note: '听证会，当事人陈述',
    });
    expect(held).toMatchObject({ hearingHeldOn: '2024-06-17', hearingOutcome: 'partly_accepted' });
    const stated = await act('officer', c.id, { action: 'record_statement', outcome: 'rejected', note: '申辩' });
    expect(stated.statementOutcome).toBe('rejected');
    expect((await act('officer', c.id, { action: 'end_notice', waived: true })).stage).toBe('deciding');
  });
});

describe('money: instalments, late fee, court, reviews', () => {
  let id: string;
  it('a leader approves instalments; the late fee then runs per instalment', async () => {
    await at('2024-06-17');
    id = (await open('officer', newCase({ kind: 'person', name: '赵六', idNumber: ID_A }))).id;
    await toNotifying(id, penalty('wfjs/general', 600_000));
    const executing = await toExecuting(id, penalty('wfjs/general', 600_000));
    expect(executing).toMatchObject({ stage: 'executing', paymentDue: '2024-07-02' });
    expect(executing.allowedActions).not.toContain('apply_court');

    const plan = (a: number, b: number) => ({
      kind: 'instalment',
      instalments: [
        { dueOn: '2024-07-15', amountFen: a },
        { dueOn: '2024-08-15', amountFen: b },
      ],
    });
    const wrong = await act('officer', id, { action: 'request_plan', plan: plan(300_000, 200_000), note: '困难' }, 400);
    expect(wrong.error.details[0].field).toBe('body.plan.instalments');
    await act('officer', id, { action: 'request_plan', plan: plan(300_000, 300_000), note: '经济困难，申请分期' });
    await act('officer', id, { action: 'approve_plan' }, 403);
    const approved = await act('squadleader', id, { action: 'approve_plan' });
    expect(approved.paymentPlan).toMatchObject({ kind: 'instalment', status: 'approved' });

    await at('2024-07-15');
    const pay = { amountFen: 300_000, channel: 'non_tax', reference: 'FS-0001', paidOn: '2024-07-15' };
    expect((await act('officer', id, { action: 'record_payment', payment: pay })).lateFeeFen).toBe(0);
    await at('2024-07-20');
    // Between instalments nothing is overdue yet: no late fee, no court application.
    const court = await act('squadleader', id, { action: 'apply_court', note: '大冶市人民法院' }, 409);
    expect(court.error.code).toBe('ENFORCEMENT_PERIOD');

    await at('2024-08-25');
    const late = (await api('officer').get(`/api/enforcement/cases/${id}`)).json();
    // 10 days after the second instalment: 3 % × 10 of 3,000 yuan, not 3 % × 54 days of the whole fine.
    expect(late.lateFeeFen).toBe(lateFeeFen(300_000, 10));
    expect(late.lateFeeFen).toBe(90_000);
    expect(late.outstandingFen).toBe(390_000);
  });

  it('applies to the court after a 催告 and the 复议/诉讼 periods, with money owed, once', async () => {
    await act('officer', id, { action: 'serve_demand', servedOn: '2024-08-25' });
    // Served 17 June: the 6 months for a lawsuit end on 17 December (enforcement-court.http.test.ts has the rest).
    await at('2024-12-18');
    const applied = await act('squadleader', id, { action: 'apply_court', note: '大冶市人民法院' });
    expect(applied.courtAppliedOn).toBe('2024-12-18');
    expect(applied.allowedActions).not.toContain('apply_court');
    await act('squadleader', id, { action: 'apply_court', note: '再次' }, 400);
  });

  it('records 复议 and 诉讼 outcomes (法制 staff)', async () => {
    await act('officer', id, { action: 'record_review', reviewKind: 'litigation', note: '起诉' }, 403);
    const missing = await act('legal', id, { action: 'record_review', reviewKind: 'litigation', note: '起诉' }, 400);
    expect(missing.error.details[0].field).toBe('body.reviewOutcome');
    await act('legal', id, {
      action: 'record_review',
      reviewKind: 'reconsideration',
      reviewOutcome: 'upheld',
      note: '复议维持',
    });
    const r = await act('legal', id, {
      action: 'record_review',
      reviewKind: 'litigation',
      reviewOutcome: 'varied',
      note: '判决变更',
    });
    expect(r).toMatchObject({ reconsiderationOutcome: 'upheld', litigationOutcome: 'varied' });
  });
});

describe('deadline warnings', () => {
  it('yellow before the 90-day limit, red after it, 督办 three working days later; each once', async () => {
    await at('2024-06-17');
    const c = await open('officer', newCase({ kind: 'person', name: '孙七', idNumber: ID_B }));
    const filed = await act('squadleader', c.id, { action: 'approve_filing' });
    // 90 days from 17 June is Sunday 15 September, in 中秋 (15–17 September): the limit is Wednesday 18 September.
    expect(filed.decisionDue).toBe('2024-09-18');
    const sweep = (day: string) => ctx.app.services.enforcement.sweep(new Date(`${day}T02:00:00.000Z`));
    const mine = async () =>
      (await api('bureauleader').get(`/api/enforcement/cases/${c.id}`))
        .json()
        .warnings.map((w: { clock: string; level: string }) => `${w.clock}:${w.level}`);

    await sweep('2024-09-01');
    expect(await mine()).toEqual([]);
    await sweep('2024-09-10');
    expect(await mine()).toEqual(['decision:yellow']);
    await sweep('2024-09-10');
    expect(await mine()).toEqual(['decision:yellow']);
    await sweep('2024-09-19');
    expect(await mine()).toEqual(['decision:yellow', 'decision:red']);
    await sweep('2024-09-23');
    expect(await mine()).toEqual(['decision:yellow', 'decision:red']);
    await sweep('2024-09-24');
    expect(await mine()).toEqual(['decision:yellow', 'decision:red', 'decision:supervise']);

    const listed = (await api('bureauleader').get('/api/enforcement/warnings')).json().items;
    expect(listed.filter((w: { caseId: string }) => w.caseId === c.id)).toHaveLength(3);
    const other = (await api('officer3').get('/api/enforcement/warnings')).json().items;
    expect(other.filter((w: { caseId: string }) => w.caseId === c.id)).toHaveLength(0);
  });
});

describe('squad visibility', () => {
  it('officers and squad leaders see their squad; 法制 and 局领导 see all — in list, count, detail, steps, lookup, export', async () => {
    await at('2024-06-17');
    const theirs = await open(
      'officer3',
      newCase(
        { kind: 'person', name: '周八', idNumber: ID_A },
        { officers: [{ userId: ids.officer3 }, { userId: ids.officer4 }] },
      ),
    );
    const ours = await open('officer', newCase({ kind: 'person', name: '吴九', idNumber: ID_A }));
    // List and count under one rule: each party name is unique to its case.
    const find = async (who: string, q: string) => {
      const page = (await api(who).get(`/api/enforcement/cases?q=${encodeURIComponent(q)}`)).json();
      expect(page.total).toBe(page.items.length);
      return page.items.map((c: { id: string }) => c.id) as string[];
    };
    for (const who of ['officer', 'squadleader']) {
      expect(await find(who, '吴九')).toEqual([ours.id]);
      expect(await find(who, '周八')).toEqual([]);
      expect((await api(who).get(`/api/enforcement/cases/${theirs.id}`)).statusCode).toBe(404);
    }
    await act('squadleader', theirs.id, { action: 'approve_filing', version: 1 }, 404);
    expect(await find('officer3', '周八')).toEqual([theirs.id]);
    expect(await find('officer3', '吴九')).toEqual([]);
    for (const who of ['legal', 'bureauleader']) {
      expect(await find(who, '周八')).toEqual([theirs.id]);
      expect(await find(who, '吴九')).toEqual([ours.id]);
    }
    const lookup = async (who: string) =>
      (await api(who).post('/api/enforcement/parties/lookup', { idNumber: ID_A }))
        .json()
        .items.map((c: { id: string }) => c.id);
    expect(await lookup('officer')).not.toContain(theirs.id);
    expect(await lookup('officer3')).toEqual([theirs.id]);
    const csv = async (who: string) => (await api(who).get('/api/exports/enforcement-cases.csv')).body;
    expect(await csv('officer')).not.toContain(theirs.caseNo);
    expect(await csv('officer')).toContain(ours.caseNo);
    expect(await csv('bureauleader')).toContain(theirs.caseNo);
  });
});

describe('KPIs', () => {
  it('办案数, 按期办结率, 罚没金额 and outcomes match the records, within the caller’s visibility', async () => {
    const all = await ctx.database.db.selectFrom('enforcement_cases').selectAll().execute();
    const pays = await ctx.database.db.selectFrom('enforcement_payments').selectAll().execute();
    const inJune = (d: string | null) => !!d && d >= '2024-06-01' && d <= '2024-06-30';
    const decided = all.filter((c) => inJune(c.decided_on));
    const figures = (await api('bureauleader').get('/api/enforcement/figures?from=2024-06-01&to=2024-06-30')).json();
    // By hand: the money case was decided on 17 June for 6,000 yuan; its 复议 was upheld and its 诉讼 varied.
    expect(decided).toHaveLength(1);
    expect(figures).toMatchObject({
      cases: all.filter((c) => inJune(c.filed_on)).length,
      decided: 1,
      decidedOnTime: 1,
      onTimeRate: 100,
      fineFen: 600_000,
      collectedFen: 0,
      reconsideration: { upheld: 1 },
      litigation: { varied: 1 },
    });
    const july = (await api('bureauleader').get('/api/enforcement/figures?from=2024-07-01&to=2024-07-31')).json();
    expect(july.collectedFen).toBe(
      pays.filter((p) => p.paid_on.startsWith('2024-07')).reduce((n, p) => n + Number(p.amount_fen), 0),
    );
    expect(july.collectedFen).toBe(300_000);
    // The second squad sees only its own cases: one filed in June (the register test's case is not approved).
    const theirs = (await api('officer3').get('/api/enforcement/figures?from=2024-06-01&to=2024-06-30')).json();
    expect(theirs).toMatchObject({ cases: 0, decided: 0, fineFen: 0, onTimeRate: null });
    const bad = await api('bureauleader').get('/api/enforcement/figures?from=2024-06-30&to=2024-06-01');
    expect(bad.statusCode).toBe(400);
  });

  it('the report carries 「查处并整改市容秩序问题N起，处罚金额N元」 from the records', async () => {
    const res = await api('bureauleader').get('/api/reports/statistics?period=month&at=2024-06');
    if (res.statusCode !== 200) throw new Error(res.body);
    const section = res.json().sections.find((x: { key: string }) => x.key === 'enforcement');
    expect(section.paragraphs[0]).toContain('查处并整改市容秩序问题1起，处罚金额6000元');
  });

  it('the demo city’s 2023 report says what the bureau’s work report says, from records', async () => {
    const res = await api('bureauleader').get('/api/reports/statistics?period=year&at=2023');
    const section = res.json().sections.find((x: { key: string }) => x.key === 'enforcement');
    expect(section.paragraphs[0]).toContain('查处并整改市容秩序问题840起，处罚金额148435元');
  });

  it('every open demo case opens in full, and a business party carries a valid credit code', async () => {
    const open = (
      await api('bureauleader').get('/api/enforcement/cases?pageSize=100&sort=createdAt&order=desc')
    ).json();
    const demo = open.items.filter((c: { caseNo: string }) => c.caseNo.startsWith('ZF'));
    expect(demo.length).toBeGreaterThan(0);
    for (const c of demo) {
      const detail = await api('bureauleader').get(`/api/enforcement/cases/${c.id}`);
      expect(detail.statusCode, `${c.caseNo}: ${detail.body}`).toBe(200);
      if (c.partyKind !== 'organisation') continue;
      const code = (
        await ctx.database.db
          .selectFrom('enforcement_cases')
          .select('party_credit_code')
          .where('id', '=', c.id)
          .executeTakeFirstOrThrow()
      ).party_credit_code;
      expect(creditCodeProblem(code ?? ''), `${c.caseNo}: ${code}`).toBeNull();
    }
  });
});
