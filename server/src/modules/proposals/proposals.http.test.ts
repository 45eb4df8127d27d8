import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant } from '../../testing/app-parts.ts';
import { staffSessions } from '../../testing/case-loop.ts';
import { as, createTestApp, firstSignIn, login, type Session, type TestContext } from '../../testing/test-app.ts';

/**
 * 人大建议/政协提案 over HTTP on the demo city (the test clock stands on 2024-03-12): an item is registered with its
 * work-calendar last day, split into unit tasks, answered through draft → submitted → returned → approved → sent and
 * rated; every refusal the task names is a 4xx that writes nothing; reading follows the unit's grant; the figures
 * and the report sentence come from the records.
 */
let ctx: TestContext;
let s: Record<string, Session>;
const units: Record<string, string> = {};
const api = (who: string) => as(ctx.app, s[who]!);
const code = (res: { body: string }) => (JSON.parse(res.body) as { error: { code: string } }).error.code;
const field = (res: { body: string }) =>
  (JSON.parse(res.body) as { error: { details: { field: string }[] } }).error.details[0]?.field;

const item = (over: Record<string, unknown> = {}) => ({
  proposalNo: 'T第0001号',
  body: 'npc',
  session: '市七届人大四次会议',
  proposer: '陈代表',
  title: '关于治理城区占道经营的建议',
  content: '城区部分路段占道经营严重，建议加强管理。',
  handlingRole: 'lead',
  assignedOn: '2024-02-01',
  ...over,
});

async function auditActions(id: string): Promise<string[]> {
  const res = await api('admin').get(`/api/audit?entity=proposal&pageSize=100`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { action: string; entityId: string }[])
    .filter((a) => a.entityId === id)
    .map((a) => a.action)
    .reverse();
}

beforeAll(async () => {
  ctx = await createTestApp();
  s = await staffSessions(ctx.app);
  s.bureauleader = await login(ctx.app, 'bureauleader', 'Demo@12345');
  const list = (await api('admin').get('/api/org/units?pageSize=100')).json().items as { id: string; code: string }[];
  for (const u of list) units[u.code] = u.id;
  const created = await api('admin').post('/api/org/users', {
    username: 'parksmanager',
    displayName: '园林所所长',
    password: 'Parks#Temp2024',
    grants: [{ role: 'unitManager', unitId: units.PARKS }],
  });
  expect(created.statusCode, created.body).toBe(201);
  s.parks = await firstSignIn(ctx.app, 'parksmanager', 'Parks#Temp2024', 'Parks#Chosen2024');
}, 120_000);
afterAll(async () => ctx.close());

describe('an item through lead and co-handling to the proposer’s rating', () => {
  let id = '';
  let coId = '';

  it('registers an item with its last day three months on, moved past the May Day holidays', async () => {
    const res = await api('admin').post('/api/proposals', item());
    expect(res.statusCode, res.body).toBe(201);
    id = res.json().id;
    // 2024-05-01 is 劳动节 (1–5 May off): the last day moves to Monday 6 May
    expect(res.json()).toMatchObject({ status: 'registered', dueOn: '2024-05-06', replyStatus: null, taskCount: 0 });
    expect(res.json().history.map((e: { kind: string }) => e.kind)).toEqual(['registered']);
  });

  it('refuses bad registrations with field messages and writes nothing', async () => {
    const before = (await api('admin').get('/api/proposals?pageSize=1')).json().total;
    const again = await api('admin').post('/api/proposals', item());
    expect(again.statusCode).toBe(409);
    expect(code(again)).toBe('PROPOSAL_NO_TAKEN');
    const co = await api('admin').post('/api/proposals', item({ proposalNo: 'T第0002号', handlingRole: 'co' }));
    expect(co.statusCode).toBe(400);
    expect(field(co)).toBe('body.leadAgency');
    const future = await api('admin').post(
      '/api/proposals',
      item({ proposalNo: 'T第0003号', assignedOn: '2024-04-01' }),
    );
    expect(future.statusCode).toBe(400);
    expect(field(future)).toBe('body.assignedOn');
    const blank = await api('admin').post('/api/proposals', item({ proposalNo: 'T第0004号', title: '   ' }));
    expect(blank.statusCode).toBe(400);
    expect(field(blank)).toBe('body.title');
    const badBody = await api('admin').post('/api/proposals', item({ proposalNo: 'T第0005号', body: 'congress' }));
    expect(badBody.statusCode).toBe(400);
    expect((await api('admin').get('/api/proposals?pageSize=1')).json().total).toBe(before);
  });

  it('splits the item into tasks for two units; a unit outside the tenant is refused', async () => {
    const a = await api('admin').post(`/api/proposals/${id}/tasks`, { unitId: units.SANITATION, requirement: '清理' });
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json()).toMatchObject({ status: 'handling', taskCount: 1 });
    expect(a.json().tasks[0]).toMatchObject({ unitName: '环卫所', dueOn: '2024-05-06', status: 'open' });
    const b = await api('admin').post(`/api/proposals/${id}/tasks`, { unitId: units.PARKS, dueOn: '2024-04-30' });
    expect(b.statusCode, b.body).toBe(201);
    const twice = await api('admin').post(`/api/proposals/${id}/tasks`, { unitId: units.PARKS });
    expect(twice.statusCode).toBe(409);
    expect(code(twice)).toBe('PROPOSAL_TASK_UNIT_TAKEN');
    const late = await api('admin').post(`/api/proposals/${id}/tasks`, {
      unitId: units.MUNICIPAL,
      dueOn: '2024-06-01',
    });
    expect(late.statusCode).toBe(400);
    expect(field(late)).toBe('body.dueOn');

    // a unit of another city
    await createTenant(
      ctx.database.db,
      ctx.clock,
      { code: '420202', name: '黄石港区' },
      {
        username: 'admin',
        password: 'Other#2024x',
      },
    );
    const other = as(ctx.app, await login(ctx.app, 'admin', 'Other#2024x', '420202'));
    const foreign = await other.post('/api/org/units', { code: 'HSG-SAN', name: '黄石港环卫', kind: 'sanitation' });
    expect(foreign.statusCode, foreign.body).toBe(201);
    const out = await api('admin').post(`/api/proposals/${id}/tasks`, { unitId: foreign.json().id });
    expect(out.statusCode).toBe(400);
    expect(field(out)).toBe('body.unitId');
    expect((await other.get(`/api/proposals/${id}`)).statusCode).toBe(404);
    expect((await api('admin').get(`/api/proposals/${id}`)).json().taskCount).toBe(2);
  });

  it('shows a unit only its own items and tasks, and lets it report only its own task', async () => {
    const mine = (await api('unitmanager').get('/api/proposals/tasks?status=open')).json();
    const task = mine.items.find((t: { proposalId: string }) => t.proposalId === id);
    expect(task).toMatchObject({ unitName: '环卫所', canComplete: true });
    expect(mine.items.every((t: { unitName: string }) => t.unitName === '环卫所')).toBe(true);
    expect((await api('unitmanager').get(`/api/proposals/${id}`)).statusCode).toBe(200);
    const parksTask = (await api('admin').get(`/api/proposals/${id}`))
      .json()
      .tasks.find((t: { unitName: string }) => t.unitName === '园林所');
    const notMine = await api('unitmanager').post(`/api/proposals/${id}/tasks/${parksTask.id}/complete`, {
      result: 'x',
    });
    expect(notMine.statusCode).toBe(404);

    // the reply cannot go for approval while a unit is still at it
    expect((await api('admin').put(`/api/proposals/${id}/reply`, { text: '答复初稿' })).statusCode).toBe(200);
    const early = await api('admin').post(`/api/proposals/${id}/reply/submit`);
    expect(early.statusCode).toBe(409);
    expect(code(early)).toBe('PROPOSAL_TASKS_OPEN');

    const done = await api('unitmanager').post(`/api/proposals/${id}/tasks/${task.id}/complete`, {
      result: '已清理占道摊点12处，建立巡查台账',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(
      (await api('unitmanager').post(`/api/proposals/${id}/tasks/${task.id}/complete`, { result: 'x' })).statusCode,
    ).toBe(409);
    expect(
      (await api('parks').post(`/api/proposals/${id}/tasks/${parksTask.id}/complete`, { result: '增设绿化隔离带' }))
        .statusCode,
    ).toBe(200);
  });

  it('takes the reply through submit, return, approval and sending; refuses each step out of order', async () => {
    const notSubmitted = await api('bureauleader').post(`/api/proposals/${id}/reply/approve`, {});
    expect(notSubmitted.statusCode).toBe(409);
    expect(code(notSubmitted)).toBe('PROPOSAL_REPLY_NOT_SUBMITTED');
    const rateEarly = await api('admin').post(`/api/proposals/${id}/satisfaction`, { level: 'satisfied' });
    expect(rateEarly.statusCode).toBe(409);
    expect(code(rateEarly)).toBe('PROPOSAL_NOT_REPLIED');
    expect((await api('admin').post(`/api/proposals/${id}/reply/send`)).statusCode).toBe(409);
    // the drafter cannot approve: proposal.approve belongs to the leaders
    expect((await api('admin').post(`/api/proposals/${id}/reply/approve`, {})).statusCode).toBe(403);

    expect((await api('admin').post(`/api/proposals/${id}/reply/submit`)).json().replyStatus).toBe('submitted');
    expect((await api('admin').put(`/api/proposals/${id}/reply`, { text: '改稿' })).statusCode).toBe(409);
    const noReason = await api('bureauleader').post(`/api/proposals/${id}/reply/return`, { note: ' ' });
    expect(noReason.statusCode).toBe(400);
    const waiting = (await api('bureauleader').get('/api/proposals?replyStatus=submitted')).json();
    expect(waiting.items.map((p: { id: string }) => p.id)).toEqual([id]);
    const returned = await api('bureauleader').post(`/api/proposals/${id}/reply/return`, { note: '请补充长效机制' });
    expect(returned.json().reply).toMatchObject({
      status: 'returned',
      decisionNote: '请补充长效机制',
      decidedByName: '钱副局长',
    });
    await api('admin').put(`/api/proposals/${id}/reply`, { text: '答复：已清理占道摊点，建立长效巡查机制。' });
    await api('admin').post(`/api/proposals/${id}/reply/submit`);
    const approved = await api('bureauleader').post(`/api/proposals/${id}/reply/approve`, { note: '同意' });
    expect(approved.statusCode, approved.body).toBe(200);
    const sent = await api('admin').post(`/api/proposals/${id}/reply/send`);
    expect(sent.json()).toMatchObject({ status: 'replied', replyStatus: 'approved' });
    expect(sent.json().reply.sentAt).toBeTruthy();

    // after sending, the reply and the tasks are closed to change
    for (const res of [
      await api('admin').put(`/api/proposals/${id}/reply`, { text: '再改' }),
      await api('admin').post(`/api/proposals/${id}/reply/submit`),
      await api('admin').post(`/api/proposals/${id}/tasks`, { unitId: units.MUNICIPAL }),
    ]) {
      expect(res.statusCode).toBe(409);
      expect(code(res)).toBe('PROPOSAL_CLOSED');
    }
  });

  it('records the proposer’s rating once, which closes the item, and audits every decision', async () => {
    const rated = await api('admin').post(`/api/proposals/${id}/satisfaction`, { level: 'satisfied', note: '满意' });
    expect(rated.statusCode, rated.body).toBe(200);
    expect(rated.json()).toMatchObject({ status: 'closed', satisfaction: 'satisfied' });
    const twice = await api('admin').post(`/api/proposals/${id}/satisfaction`, { level: 'dissatisfied' });
    expect(twice.statusCode).toBe(409);
    expect(code(twice)).toBe('PROPOSAL_CLOSED');
    const history = rated.json().history.map((e: { kind: string }) => e.kind);
    expect(history).toEqual([
      'registered',
      'task_assigned',
      'task_assigned',
      'reply_drafted',
      'task_done',
      'task_done',
      'reply_submitted',
      'reply_returned',
      'reply_drafted',
      'reply_submitted',
      'reply_approved',
      'reply_sent',
      'rated',
    ]);
    expect(await auditActions(id)).toEqual([
      'proposal.create',
      'proposal.task.assign',
      'proposal.task.assign',
      'proposal.reply.draft',
      'proposal.task.complete',
      'proposal.task.complete',
      'proposal.reply.submit',
      'proposal.reply.return',
      'proposal.reply.draft',
      'proposal.reply.submit',
      'proposal.reply.approve',
      'proposal.reply.send',
      'proposal.rate',
    ]);
  });

  it('takes a 协办 item of the CPPCC to 基本满意 and counts both in the figures', async () => {
    const res = await api('admin').post(
      '/api/proposals',
      item({
        proposalNo: 'T第0101号',
        body: 'cppcc',
        handlingRole: 'co',
        leadAgency: '市住建局',
        proposer: '张委员',
        assignedOn: '2024-03-01',
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    coId = res.json().id;
    expect(res.json().leadAgency).toBe('市住建局');
    const t = await api('admin').post(`/api/proposals/${coId}/tasks`, { unitId: units.SANITATION });
    const taskId = t.json().tasks[0].id;
    await api('unitmanager').post(`/api/proposals/${coId}/tasks/${taskId}/complete`, {
      result: '协办意见已报主办单位',
    });
    await api('admin').put(`/api/proposals/${coId}/reply`, { text: '协办意见' });
    await api('admin').post(`/api/proposals/${coId}/reply/submit`);
    await api('leader').post(`/api/proposals/${coId}/reply/approve`, {});
    await api('admin').post(`/api/proposals/${coId}/reply/send`);
    const rated = await api('admin').post(`/api/proposals/${coId}/satisfaction`, { level: 'basically' });
    expect(rated.json()).toMatchObject({ status: 'closed', satisfaction: 'basically' });

    const f = (await api('leader').get('/api/proposals/figures?from=2024-02-01&to=2024-03-31')).json();
    // the demo city's items of this year are in hand (not replied); the two above are closed
    expect(f.npc.lead).toBeGreaterThanOrEqual(1);
    expect(f.cppcc.total).toBeGreaterThanOrEqual(1);
    expect(f.replied).toBe(2);
    expect(f.rated).toBe(2);
    expect(f).toMatchObject({ satisfied: 1, basically: 1, dissatisfied: 0, satisfactionRate: 100 });
    expect(f.closeRate).toBe((2 / f.total) * 100);
    const bad = await api('leader').get('/api/proposals/figures?from=2024-03-31&to=2024-02-01');
    expect(bad.statusCode).toBe(400);
  });
});

describe('permissions and lists', () => {
  it('answers 401 without a session and 403 without the grant', async () => {
    expect((await as(ctx.app, null).get('/api/proposals')).statusCode).toBe(401);
    expect((await api('inspector').get('/api/proposals')).statusCode).toBe(403);
    expect((await api('leader').post('/api/proposals', item({ proposalNo: 'T9' }))).statusCode).toBe(403);
    expect((await api('handler').get('/api/proposals/tasks')).statusCode).toBe(403);
  });

  it('lists with filters, search, sorting and paging; an overdue task shows on the unit’s to-do', async () => {
    const page = (await api('leader').get('/api/proposals?body=cppcc&handlingRole=co&year=2024&q=T第0101')).json();
    expect(page.items.map((p: { proposalNo: string }) => p.proposalNo)).toEqual(['T第0101号']);
    const sorted = (await api('leader').get('/api/proposals?sort=proposalNo&order=asc&pageSize=2')).json();
    expect(sorted.items).toHaveLength(2);
    expect(sorted.total).toBeGreaterThan(2);
    expect((await api('leader').get('/api/proposals?sort=nope')).statusCode).toBe(400);
    // the demo city's item in hand has a 环卫所 task past its last day
    const overdue = (await api('unitmanager').get('/api/proposals/tasks?overdue=true')).json();
    expect(overdue.items.length).toBeGreaterThan(0);
    expect(
      overdue.items.every((t: { overdue: boolean; unitName: string }) => t.overdue && t.unitName === '环卫所'),
    ).toBe(true);
    const items = (await api('unitmanager').get('/api/proposals?overdue=true')).json();
    expect(items.items.every((p: { overdue: boolean }) => p.overdue)).toBe(true);
  });

  it('exports the list as shown, in the reader’s scope, and audits the export', async () => {
    const csv = await api('leader').get('/api/exports/proposals.csv?body=cppcc&q=T第0101');
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.body).toContain('建议（提案）编号');
    expect(csv.body).toContain('T第0101号');
    expect(csv.body).toContain('基本满意');
    expect(csv.body).not.toContain('T第0001号');
    const xlsx = await api('unitmanager').get('/api/exports/proposals.xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect((await api('inspector').get('/api/exports/proposals.csv')).statusCode).toBe(403);
  });

  it('keeps the reply limit as a tenant setting', async () => {
    expect((await api('admin').get('/api/proposals/settings')).json()).toEqual({ replyMonths: 3 });
    expect((await api('admin').put('/api/proposals/settings', { replyMonths: 0 })).statusCode).toBe(400);
    expect((await api('leader').put('/api/proposals/settings', { replyMonths: 2 })).statusCode).toBe(403);
    expect((await api('admin').put('/api/proposals/settings', { replyMonths: 2 })).statusCode).toBe(200);
    const res = await api('admin').post('/api/proposals', item({ proposalNo: 'T第0201号', assignedOn: '2024-03-11' }));
    expect(res.json().dueOn).toBe('2024-05-11'); // a Saturday made a working day for May Day
    await api('admin').put('/api/proposals/settings', { replyMonths: 3 });
  });
});

describe('the statistics report', () => {
  it('says the 2023 figures in the bureau’s words, from the demo records', async () => {
    const zh = (await api('leader').get('/api/reports/statistics?period=year&at=2023')).json();
    const section = zh.sections.find((x: { key: string }) => x.key === 'proposals');
    expect(section.paragraphs[0]).toBe(
      '2023年度，承办人大代表建议2件（主办1件）、政协委员提案7件（主办4件），办结率100%，满意率100%。',
    );
    const en = (await api('leader').get('/api/reports/statistics?period=year&at=2023&lang=en')).json();
    expect(en.sections.find((x: { key: string }) => x.key === 'proposals').paragraphs[0]).toContain(
      'handled 2 NPC deputy suggestions (1 as lead) and 7 CPPCC member proposals (4 as lead); completion rate 100%, satisfaction rate 100%',
    );
    const none = (await api('leader').get('/api/reports/statistics?period=year&at=2022')).json();
    expect(none.sections.find((x: { key: string }) => x.key === 'proposals')).toBeUndefined();
  });
});

describe('a 不满意 rating', () => {
  it('reopens the item once for a second reply with a new last day; the final rating is what the 满意率 counts', async () => {
    const res = await api('admin').post('/api/proposals', item({ proposalNo: 'T第0301号', assignedOn: '2024-03-05' }));
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    const t = await api('admin').post(`/api/proposals/${id}/tasks`, { unitId: units.SANITATION });
    await api('unitmanager').post(`/api/proposals/${id}/tasks/${t.json().tasks[0].id}/complete`, { result: '已清理' });
    const answer = async (text: string) => {
      expect((await api('admin').put(`/api/proposals/${id}/reply`, { text })).statusCode).toBe(200);
      expect((await api('admin').post(`/api/proposals/${id}/reply/submit`)).statusCode).toBe(200);
      expect((await api('leader').post(`/api/proposals/${id}/reply/approve`, {})).statusCode).toBe(200);
      expect((await api('admin').post(`/api/proposals/${id}/reply/send`)).json().status).toBe('replied');
    };
    await answer('答复：已清理。');

    const reopened = await api('admin').post(`/api/proposals/${id}/satisfaction`, {
      level: 'dissatisfied',
      note: '仍有反弹',
    });
    expect(reopened.statusCode, reopened.body).toBe(200);
    // back to handling with the sent reply as the draft; the new last day is three months from today (12 March)
    expect(reopened.json()).toMatchObject({ status: 'handling', replyStatus: 'draft', satisfaction: null });
    expect(reopened.json().dueOn).toBe('2024-06-12');
    expect(reopened.json().reply.sentAt).toBeNull();
    expect(reopened.json().history.at(-1)).toMatchObject({ kind: 'reopened', note: 'dissatisfied: 仍有反弹' });
    // not 办结 while reopened
    const during = (await api('leader').get('/api/proposals/figures?from=2024-03-05&to=2024-03-05')).json();
    expect(during).toMatchObject({ replied: 0, rated: 0, dissatisfied: 0 });

    await answer('答复：已建立长效巡查机制。');
    const rated = await api('admin').post(`/api/proposals/${id}/satisfaction`, { level: 'satisfied' });
    expect(rated.json()).toMatchObject({ status: 'closed', satisfaction: 'satisfied' });
    const after = (await api('leader').get('/api/proposals/figures?from=2024-03-05&to=2024-03-05')).json();
    expect(after).toMatchObject({ replied: 1, rated: 1, satisfied: 1, dissatisfied: 0, satisfactionRate: 100 });
    expect((await auditActions(id)).filter((a) => a.startsWith('proposal.r'))).toEqual([
      'proposal.reply.draft',
      'proposal.reply.submit',
      'proposal.reply.approve',
      'proposal.reply.send',
      'proposal.reopened',
      'proposal.reply.draft',
      'proposal.reply.submit',
      'proposal.reply.approve',
      'proposal.reply.send',
      'proposal.rate',
    ]);
  });

  it('is final the second time: a second 不满意 closes the item and counts as dissatisfied', async () => {
    const res = await api('admin').post('/api/proposals', item({ proposalNo: 'T第0302号', assignedOn: '2024-03-06' }));
    const id = res.json().id as string;
    const t = await api('admin').post(`/api/proposals/${id}/tasks`, { unitId: units.SANITATION });
    await api('unitmanager').post(`/api/proposals/${id}/tasks/${t.json().tasks[0].id}/complete`, { result: '已处理' });
    for (const expected of ['handling', 'closed']) {
      await api('admin').put(`/api/proposals/${id}/reply`, { text: '答复' });
      await api('admin').post(`/api/proposals/${id}/reply/submit`);
      await api('leader').post(`/api/proposals/${id}/reply/approve`, {});
      await api('admin').post(`/api/proposals/${id}/reply/send`);
      const r = await api('admin').post(`/api/proposals/${id}/satisfaction`, { level: 'dissatisfied' });
      expect(r.json().status).toBe(expected);
    }
    const f = (await api('leader').get('/api/proposals/figures?from=2024-03-06&to=2024-03-06')).json();
    expect(f).toMatchObject({ rated: 1, dissatisfied: 1, satisfactionRate: 0 });
  });
});
