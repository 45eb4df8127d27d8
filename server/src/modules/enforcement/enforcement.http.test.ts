import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, type Session, type TestContext } from '../../testing/test-app.ts';

/**
 * Enforcement cases over HTTP on a real database (SQLite, or PostgreSQL with TEST_DB=postgres): the ordinary
 * procedure from 立案 to 归档 across 清明, 劳动节 and 端午 2024 with every legal period on its date, the late-fee
 * cap, gap-free 文号 under 50 concurrent issuers, bad input answered with the field named and nothing written, and
 * ID numbers shown in full only to the case's officers.
 */
let ctx: TestContext;
const s: Record<string, Session> = {};
const ids: Record<string, string> = {};
const ID_NUMBER = '11010519491231002X';
const CREDIT_CODE = '91110000600037341L';
const USERS = ['officer', 'officer2', 'legal', 'squadleader', 'bureauleader', 'inspector'];
/** Moves the frozen clock to 10:00 in Asia/Shanghai on `date`; signs everyone in again once sessions have expired. */
async function at(date: string) {
  ctx.clock.set(new Date(`${date}T02:00:00.000Z`));
  for (const u of [...USERS, 'admin']) {
    if (s[u] && (await as(ctx.app, s[u]).get('/api/auth/me')).statusCode === 200) continue;
    s[u] = await login(ctx.app, u, u === 'admin' ? 'Admin@12345' : 'Demo@12345');
  }
}
const api = (who: string) => as(ctx.app, s[who]!);
const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const fields = (body: { error: { details: { field: string }[] } }) => body.error.details.map((d) => d.field);
let officers: { userId: string; certNo: string }[];
const bands = new Map<string, { basisId: string; bandId: string; minFen: number; maxFen: number }>();

beforeAll(async () => {
  // Long sessions: the journey moves the clock over months (the sign-in rate limit would refuse daily sign-ins).
  ctx = await createTestApp({ env: { SESSION_TTL_HOURS: '720', SESSION_ABSOLUTE_HOURS: '2160' } });
  await at('2024-03-12');
  const users = (await api('admin').get('/api/org/users?pageSize=100')).json().items as {
    id: string;
    username: string;
  }[];
  for (const u of users) ids[u.username] = u.id;
  officers = [
    { userId: ids.officer!, certNo: '42028100101' },
    { userId: ids.officer2!, certNo: '42028100102' },
  ];
  const put = await api('legal').put('/api/enforcement/settings', {
    decisionPrefix: '大城管罚决字',
    summaryPrefix: '大城管当罚字',
    hearingThresholdFen: { person: 500_000, organisation: 5_000_000 },
  });
  expect(put.statusCode, put.body).toBe(200);
  const bases = (await api('officer').get('/api/enforcement/bases')).json().items as {
    id: string;
    violationCode: string;
    sample: boolean;
    bands: { id: string; level: string; minFen: number; maxFen: number }[];
  }[];
  for (const b of bases)
    for (const band of b.bands)
      bands.set(`${b.violationCode}/${band.level}`, { basisId: b.id, bandId: band.id, ...band });
}, 60_000);
afterAll(async () => ctx.close());

const penalty = (key: string, fineFen: number, extra: Record<string, unknown> = {}) => {
  const b = bands.get(key)!;
  return { kind: 'fine', fineFen, basisId: b.basisId, bandId: b.bandId, ...extra };
};

async function act(who: string, id: string, body: Record<string, unknown>, status = 200) {
  const current = (await api(who).get(`/api/enforcement/cases/${id}`)).json();
  const res = await api(who).post(`/api/enforcement/cases/${id}/actions`, { version: current.version, ...body });
  expect(res.statusCode, `${who} ${String(body.action)}: ${res.body}`).toBe(status);
  return res.json();
}

const personCase = (extra: Record<string, unknown> = {}) => ({
  procedure: 'ordinary',
  source: 'patrol',
  violationCode: 'wfjs',
  facts: '未取得建设工程规划许可证擅自搭建',
  violationOn: '2024-03-10',
  party: { kind: 'person', name: '张三', idNumber: ID_NUMBER },
  officers,
  ...extra,
});

async function rowCounts() {
  const db = ctx.database.db;
  const n = async (t: 'enforcement_cases' | 'enforcement_events' | 'enforcement_evidence') =>
    Number(
      (
        await db
          .selectFrom(t)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    cases: await n('enforcement_cases'),
    events: await n('enforcement_events'),
    evidence: await n('enforcement_evidence'),
  };
}

describe('legal bases', () => {
  it('every city starts with the starter set for the common violations, marked sample', async () => {
    const items = (await api('officer').get('/api/enforcement/bases')).json().items as {
      violationName: string;
      sample: boolean;
    }[];
    expect(items.map((b) => b.violationName).sort()).toEqual(
      [
        '占道经营',
        '乱张贴乱涂写',
        '违法建设',
        '渣土抛洒滴漏',
        '餐饮油烟',
        '噪声',
        '擅自设置户外广告',
        '损坏市政设施',
      ].sort(),
    );
    expect(items.every((b) => b.sample)).toBe(true);
    expect((await api('legal').post('/api/enforcement/bases/starter')).json()).toEqual({ written: 0 });
  });

  it('a band whose maximum is below its minimum is refused, naming the band', async () => {
    const res = await api('legal').post('/api/enforcement/bases', {
      violationCode: 'test',
      violationName: '测试',
      law: '测试法',
      article: '第一条',
      provisionText: '测试',
      bands: [{ level: 'general', minFen: 500, maxFen: 100, factors: '' }],
    });
    expect(res.statusCode).toBe(400);
    expect(fields(res.json())).toEqual(['body.bands.0.maxFen']);
  });
});

describe('the ordinary procedure from 立案 to 归档 across the 2024 holidays', () => {
  let id: string;
  let cityCaseId: string;

  it('opens a case from a 数字城管 case, keeping the link both ways', async () => {
    await at('2024-03-12');
    const city = await api('inspector').post('/api/cases', {
      matterCode: '09006',
      description: '违法搭建 执法测试',
      lng: 114.975,
      lat: 30.1,
    });
    expect(city.statusCode, city.body).toBe(201);
    cityCaseId = city.json().id;
    const res = await api('officer').post(
      '/api/enforcement/cases',
      personCase({ source: 'city_case', sourceCaseId: cityCaseId, major: true, discussion: true }),
    );
    expect(res.statusCode, res.body).toBe(201);
    id = res.json().id;
    expect(res.json()).toMatchObject({
      stage: 'filing',
      sourceCaseId: cityCaseId,
      sourceCaseNo: city.json().caseNo,
      partyIdentifier: ID_NUMBER,
      partyUnmasked: true,
    });
    const back = (await api('squadleader').get(`/api/enforcement/by-case/${cityCaseId}`)).json().items;
    expect(back.map((c: { id: string }) => c.id)).toEqual([id]);
  });

  it('shows the ID number in full only to the case’s officers', async () => {
    const leader = (await api('bureauleader').get(`/api/enforcement/cases/${id}`)).json();
    expect(leader).toMatchObject({ partyIdentifier: '110**************X', partyUnmasked: false });
    const list = (await api('officer').get('/api/enforcement/cases')).json().items;
    expect(JSON.stringify(list)).not.toContain(ID_NUMBER);
    const stored = await ctx.database.db
      .selectFrom('enforcement_cases')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(ID_NUMBER);
  });

  it('approves 立案: the decision is due 90 calendar days later, moved off 端午 (10 June)', async () => {
    const c = await act('squadleader', id, { action: 'approve_filing' });
    expect(c).toMatchObject({ stage: 'investigating', filedOn: '2024-03-12', decisionDue: '2024-06-11' });
  });

  it('records investigation steps and evidence by two officers, and orders correction', async () => {
    await act('officer', id, { action: 'record_step', stepKind: 'inquiry', officers, note: '询问当事人' });
    const upload = async (text: string) => {
      const res = await api('officer2').post(`/api/enforcement/cases/${id}/evidence-files`, Buffer.from(text), {
        'content-type': 'application/octet-stream',
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().sha256 as string;
    };
    // The server computes the hash of the bytes it stores; an item naming a file never uploaded is refused.
    expect(await upload('photo bytes')).toBe(sha('photo bytes'));
    expect(await upload('record bytes')).toBe(sha('record bytes'));
    const notUploaded = await act(
      'officer2',
      id,
      { action: 'add_evidence', officers, evidence: [{ kind: 'photo', title: '照片', sha256: sha('never sent') }] },
      400,
    );
    expect(fields(notUploaded)).toEqual(['body.evidence.0.sha256']);
    const c = await act('officer2', id, {
      action: 'add_evidence',
      officers,
      evidence: [
        { kind: 'photo', title: '现场照片', sha256: sha('photo bytes') },
        { kind: 'inspection_record', title: '现场检查笔录', sha256: sha('record bytes') },
      ],
    });
    expect(c.evidence.map((e: { sha256: string }) => e.sha256)).toEqual([sha('photo bytes'), sha('record bytes')]);
    const photo = c.evidence[0] as { id: string };
    const file = await api('bureauleader').get(`/api/enforcement/cases/${id}/evidence/${photo.id}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.toString()).toBe('photo bytes');
    // A file changed on disk no longer matches its recorded hash.
    const tenantId = (
      await ctx.database.db
        .selectFrom('enforcement_cases')
        .select('tenant_id')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).tenant_id;
    writeFileSync(join(ctx.config.dataDir, 'evidence', tenantId, id, sha('photo bytes')), 'edited bytes');
    const altered = await api('bureauleader').get(`/api/enforcement/cases/${id}/evidence/${photo.id}`);
    expect(altered.statusCode).toBe(409);
    expect(altered.json().error.code).toBe('ENFORCEMENT_EVIDENCE_ALTERED');
    expect(c.officers.map((o: { certNo: string }) => o.certNo).sort()).toEqual(['42028100101', '42028100102']);
    const corrected = await act('officer', id, {
      action: 'order_correction',
      officers,
      correctBy: '2024-03-20',
      note: '责令限期拆除',
    });
    expect(corrected.stage).toBe('correcting');
  });

  it('goes through 法制审核 and 集体讨论, then 告知 with 3 and 5 working days across 清明', async () => {
    await at('2024-04-02');
    const proposal = penalty('wfjs/general', 600_000);
    expect((await act('officer', id, { action: 'finish_investigation', proposal })).stage).toBe('legal_review');
    expect((await act('legal', id, { action: 'pass_review', note: '事实清楚' })).stage).toBe('collective_discussion');
    const c = await act('bureauleader', id, { action: 'record_discussion', note: '同意处罚' });
    // 4–6 April are off and Sunday 7 April is worked: 3 working days end on the 8th, 5 on the 10th.
    expect(c).toMatchObject({
      stage: 'notifying',
      hearing: true,
      statementDue: '2024-04-08',
      hearingDue: '2024-04-10',
    });
  });

  it('refuses to end the notice while the hearing period runs, then decides with a gap-free 文号', async () => {
    await at('2024-04-10');
    const early = await act('officer', id, { action: 'end_notice' }, 409);
    expect(early.error.code).toBe('ENFORCEMENT_PERIOD_RUNNING');
    expect(fields(early)).toEqual(['body.waived']);
    await at('2024-04-11');
    expect((await act('officer', id, { action: 'end_notice' })).stage).toBe('deciding');
    await at('2024-04-28'); // a Sunday worked for 劳动节
    const decided = await act('squadleader', id, { action: 'decide', decision: penalty('wfjs/general', 600_000) });
    expect(decided.decisionNo).toMatch(/^大城管罚决字〔2024〕第\d+号$/);
    // 7 working days from 28 April: 29, 30 April, then 6–10 May (1–5 May off).
    expect(decided).toMatchObject({ stage: 'serving', decidedOn: '2024-04-28', serviceDue: '2024-05-10' });
  });

  it('serves the decision; after 15 days the late fee runs at 3 % a day; payment closes and archives', async () => {
    await at('2024-04-30');
    const served = await act('officer', id, { action: 'serve', servedOn: '2024-04-30' });
    expect(served).toMatchObject({ stage: 'executing', paymentDue: '2024-05-15', lateFeeFen: 0 });
    await at('2024-05-20');
    const late = (await api('officer').get(`/api/enforcement/cases/${id}`)).json();
    expect(late).toMatchObject({ lateFeeFen: 90_000, outstandingFen: 690_000 });
    const refused = await act('squadleader', id, { action: 'close' }, 409);
    expect(refused.error.code).toBe('ENFORCEMENT_NOT_PAID');
    await act('officer', id, {
      action: 'record_payment',
      payment: { amountFen: 690_000, channel: 'non_tax', reference: 'FS2024052000017', paidOn: '2024-05-20' },
    });
    // The payment that settles the fine and late fee closes the case; there is no separate 结案 step left.
    expect((await api('officer').get(`/api/enforcement/cases/${id}`)).json().stage).toBe('closed');
    const archived = await act('squadleader', id, { action: 'archive' });
    expect(archived).toMatchObject({ stage: 'archived', closedOn: '2024-05-20', archivedOn: '2024-05-20' });
    expect(archived.events.map((e: { action: string }) => e.action)).toEqual([
      'apply_filing',
      'approve_filing',
      'record_step',
      'add_evidence',
      'order_correction',
      'finish_investigation',
      'pass_review',
      'record_discussion',
      'end_notice',
      'decide',
      'serve',
      'record_payment',
      'close',
      'archive',
    ]);
  });

  it('finds the party’s earlier case by ID number (repeat offences), masked', async () => {
    const res = await api('legal').post('/api/enforcement/parties/lookup', { idNumber: ID_NUMBER.toLowerCase() });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((c: { id: string }) => c.id)).toContain(id);
    expect(res.body).not.toContain(ID_NUMBER);
  });
});

describe('summary procedure and the late-fee cap', () => {
  it('decides on the spot; the late fee stops growing at the fine', async () => {
    await at('2024-03-12');
    const res = await api('officer').post('/api/enforcement/cases', {
      procedure: 'summary',
      source: 'patrol',
      violationCode: 'zdjy',
      facts: '占道经营',
      violationOn: '2024-03-12',
      party: { kind: 'organisation', name: '某餐饮店', creditCode: CREDIT_CODE },
      officers,
      decision: penalty('zdjy/general', 20_000),
    });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({ stage: 'executing', partyIdentifier: CREDIT_CODE, paymentDue: '2024-03-27' });
    expect(c.decisionNo).toMatch(/^大城管当罚字〔2024〕第\d+号$/);
    await at('2024-06-30');
    const late = (await api('officer').get(`/api/enforcement/cases/${c.id}`)).json();
    expect(late).toMatchObject({ lateFeeFen: 20_000, outstandingFen: 40_000 });
  });

  it('refuses a summary fine above 200 yuan for a person', async () => {
    await at('2024-03-12');
    const res = await api('officer').post('/api/enforcement/cases', {
      ...personCase({ procedure: 'summary', violationCode: 'zdjy' }),
      decision: penalty('zdjy/serious', 20_001),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('ENFORCEMENT_SUMMARY_LIMIT');
    expect(fields(res.json())).toEqual(['body.decision.fineFen']);
  });
});

describe('bad input: a clear 4xx naming the field, nothing written', () => {
  it('refuses an invalid ID number, an invalid credit code and fewer than two officers', async () => {
    await at('2024-03-12');
    const before = await rowCounts();
    const cases: [Record<string, unknown>, string, string][] = [
      [
        personCase({ party: { kind: 'person', name: '张三', idNumber: '110105194912310021' } }),
        'ENFORCEMENT_INVALID_ID_NUMBER',
        'body.party.idNumber',
      ],
      [
        personCase({ party: { kind: 'organisation', name: '某公司', creditCode: '91110000600037341M' } }),
        'ENFORCEMENT_INVALID_CREDIT_CODE',
        'body.party.creditCode',
      ],
      [personCase({ officers: [officers[0]] }), 'ENFORCEMENT_TOO_FEW_OFFICERS', 'body.officers'],
      [personCase({ violationCode: 'nosuch' }), 'ENFORCEMENT_INVALID', 'body.violationCode'],
      [personCase({ officers: [officers[0], officers[0]] }), 'ENFORCEMENT_TOO_FEW_OFFICERS', 'body.officers'],
      [
        personCase({
          officers: [officers[0], { userId: '01900000-0000-7000-8000-000000000000', certNo: '4202810009' }],
        }),
        'ENFORCEMENT_UNKNOWN_OFFICER',
        'body.officers.1.userId',
      ],
    ];
    for (const [body, code, field] of cases) {
      const res = await api('officer').post('/api/enforcement/cases', body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.code).toBe(code);
      expect(fields(res.json())).toEqual([field]);
      expect(res.body).not.toContain('110105194912310021');
    }
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses a step with one officer and an action in the wrong stage, writing nothing', async () => {
    await at('2024-03-12');
    const id = (await api('officer').post('/api/enforcement/cases', personCase())).json().id as string;
    const early = await act('squadleader', id, { action: 'decide', decision: penalty('wfjs/general', 600_000) }, 409);
    expect(early.error.code).toBe('ENFORCEMENT_TRANSITION_NOT_ALLOWED');
    expect(fields(early)).toEqual(['body.action']);
    await act('squadleader', id, { action: 'approve_filing' });
    const before = await rowCounts();
    const one = await act(
      'officer',
      id,
      {
        action: 'add_evidence',
        officers: [officers[0]],
        evidence: [{ kind: 'photo', title: '照片', sha256: sha('x') }],
      },
      400,
    );
    expect(one.error.code).toBe('ENFORCEMENT_TOO_FEW_OFFICERS');
    expect(fields(one)).toEqual(['body.officers']);
    expect(await rowCounts()).toEqual(before);
    expect((await api('officer').get(`/api/enforcement/cases/${id}`)).json().stage).toBe('investigating');
    // 立案 approval is a squad leader's: a legal reviewer is refused.
    const forbidden = await act('legal', id, { action: 'approve_filing' }, 403);
    expect(forbidden.error.code).toBe('AUTH_FORBIDDEN');
  });

  it('a fine outside the band needs a reason, and then the approval of a bureau leader', async () => {
    await at('2024-03-12');
    const id = (await api('officer').post('/api/enforcement/cases', personCase({ violationCode: 'zdjy' }))).json()
      .id as string;
    await act('squadleader', id, { action: 'approve_filing' });
    await act('officer', id, { action: 'order_correction', officers, correctBy: '2024-03-15', note: '责令改正' });
    await act('officer', id, { action: 'finish_investigation', proposal: penalty('zdjy/general', 10_000) });
    await act('officer', id, { action: 'end_notice', waived: true });
    const outside = penalty('zdjy/general', 30_000);
    const noReason = await act('squadleader', id, { action: 'decide', decision: outside }, 400);
    expect(noReason.error.code).toBe('ENFORCEMENT_OUTSIDE_BAND');
    expect(fields(noReason)).toEqual(['body.decision.reason']);
    const withReason = { ...outside, reason: '多次违法，情节较重' };
    await act('squadleader', id, { action: 'decide', decision: withReason }, 403);
    const decided = await act('bureauleader', id, { action: 'decide', decision: withReason });
    expect(decided).toMatchObject({ stage: 'serving', fineFen: 30_000, bandExceptionReason: '多次违法，情节较重' });
  });
});

describe('routes', () => {
  it('extends the time limit from 立案 with approval, refuses a stale version, and 法制审核 can send a case back', async () => {
    await at('2024-03-12');
    const id = (await api('officer').post('/api/enforcement/cases', personCase({ major: true }))).json().id as string;
    await act('squadleader', id, { action: 'approve_filing' });
    const noReason = await act('squadleader', id, { action: 'extend', extensionDays: 30 }, 400);
    expect(fields(noReason)).toEqual(['body.note']);
    const extended = await act('squadleader', id, { action: 'extend', extensionDays: 30, note: '案情复杂' });
    // 12 March + 120 days = 10 July 2024, a Wednesday.
    expect(extended).toMatchObject({ extensionDays: 30, decisionDue: '2024-07-10', stage: 'investigating' });
    const stale = await api('officer').post(`/api/enforcement/cases/${id}/actions`, {
      action: 'record_step',
      version: 1,
      stepKind: 'inquiry',
      officers,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('ENFORCEMENT_STALE');
    await act('officer', id, { action: 'order_correction', officers, correctBy: '2024-03-20', note: '责令改正' });
    await act('officer', id, { action: 'finish_investigation', proposal: penalty('wfjs/general', 600_000) });
    const back = await act('legal', id, { action: 'return_review', note: '证据不足，补充调查' });
    expect(back.stage).toBe('investigating');
    expect(back.allowedActions).toEqual([]);
  });

  it('answers a city case the caller cannot see as missing, and refuses an unknown one as a source', async () => {
    const missing = '01900000-0000-7000-8000-000000000000';
    expect((await api('officer').get(`/api/enforcement/by-case/${missing}`)).statusCode).toBe(404);
    expect((await api('officer').get(`/api/enforcement/cases/${missing}`)).statusCode).toBe(404);
    const res = await api('officer').post(
      '/api/enforcement/cases',
      personCase({ source: 'city_case', sourceCaseId: missing }),
    );
    expect(res.statusCode).toBe(400);
    expect(fields(res.json())).toEqual(['body.sourceCaseId']);
  });

  it('looks a party up by exactly one identifier, checked like on a case', async () => {
    const both = await api('officer').post('/api/enforcement/parties/lookup', {
      idNumber: ID_NUMBER,
      creditCode: CREDIT_CODE,
    });
    expect(both.statusCode).toBe(400);
    const bad = await api('officer').post('/api/enforcement/parties/lookup', { creditCode: '91110000600037341M' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('ENFORCEMENT_INVALID_CREDIT_CODE');
    expect(fields(bad.json())).toEqual(['body.creditCode']);
  });

  it('lists the officers a step may name, to an officer without user.read', async () => {
    const res = await api('officer').get('/api/enforcement/officers');
    expect(res.statusCode).toBe(200);
    const names = res.json().items.map((o: { userId: string }) => o.userId);
    expect(names).toEqual(expect.arrayContaining([ids.officer, ids.officer2, ids.squadleader]));
    expect(names).not.toContain(ids.legal);
    expect(names).not.toContain(ids.inspector);
  });

  it('lets the 法制 staff add a provision with its bands; officers may not', async () => {
    const basis = {
      violationCode: 'lsdf',
      violationName: '乱扔垃圾',
      law: '本市市容管理条例',
      article: '第十条',
      provisionText: '乱扔垃圾的，责令改正，可处罚款。',
      bands: [
        { level: 'slight', minFen: 0, maxFen: 0, factors: '首次，及时改正' },
        { level: 'general', minFen: 2_000, maxFen: 5_000, factors: '一般情形' },
      ],
    };
    expect((await api('officer').post('/api/enforcement/bases', basis)).statusCode).toBe(403);
    const res = await api('legal').post('/api/enforcement/bases', basis);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ violationName: '乱扔垃圾', sample: false });
    const audit = await ctx.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity'])
      .where('entity_id', '=', res.json().id)
      .execute();
    expect(audit).toEqual([{ action: 'enforcement.basis.create', entity: 'legal_basis' }]);
    expect(res.json().bands.map((b: { level: string }) => b.level)).toEqual(['slight', 'general']);
    const listed = (await api('officer').get('/api/enforcement/bases?violationCode=lsdf')).json().items;
    expect(listed).toHaveLength(1);
  });
});

describe('文号 under concurrency', () => {
  it('50 concurrent issuers get 50 consecutive numbers: no gaps, no duplicates', async () => {
    await at('2025-02-10');
    const issue = () =>
      api('officer').post('/api/enforcement/cases', {
        procedure: 'summary',
        source: 'patrol',
        violationCode: 'zdjy',
        facts: '占道经营',
        violationOn: '2025-02-10',
        party: { kind: 'organisation', name: '并发测试', creditCode: CREDIT_CODE },
        officers,
        decision: penalty('zdjy/general', 5_000),
      });
    const results = await Promise.all(Array.from({ length: 50 }, issue));
    for (const r of results) expect(r.statusCode, r.body).toBe(201);
    const numbers = results
      .map((r) => Number(/第(\d+)号$/.exec(r.json().decisionNo as string)![1]))
      .sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(new Set(results.map((r) => r.json().caseNo)).size).toBe(50);
  }, 60_000);
});
