import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XLSX_MIME } from '../../../../common/contracts/catalog.ts';
import { importOutcome } from '../../testing/imports.ts';
import { withAfterPhoto } from '../../testing/after-photo.ts';
import { as, createTestApp, login, type Session, type TestContext } from '../../testing/test-app.ts';

/** 12345 / 民情通 / 信访 work orders over HTTP on a real database. Clock frozen at 2024-03-12 10:00 +08 (Tue). */
let ctx: TestContext;
const s: Record<string, Session> = {};
const POINT = { lng: 114.975, lat: 30.1 };
let secret = '';

beforeAll(async () => {
  ctx = await createTestApp();
  for (const u of ['operator', 'shiftleader', 'dispatcher', 'handler', 'inspector', 'leader'])
    s[u] = await login(ctx.app, u, 'Demo@12345');
  s.admin = await login(ctx.app, 'admin', 'Admin@12345');
  const res = await api('admin').post('/api/hotline/sources/12345/secret');
  expect(res.statusCode, res.body).toBe(201);
  secret = res.json().secret;
});
afterAll(async () => ctx.close());

const api = (who: string) => as(ctx.app, s[who] ?? null);
const csv = (lines: string[]) => Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`);
const HEADER = '工单编号,诉求人,联系电话,诉求内容,地址,办理时限,紧急程度';
/** Imports run as jobs: the outcome is the finished job's result or error, in the shape the import always had. */
const importFile = async (file: Buffer, source = '12345', headers: Record<string, string> = {}, type = 'text/csv') =>
  importOutcome(
    ctx.app,
    s.operator as Session,
    await ctx.app.inject({
      method: 'POST',
      url: `/api/hotline/orders/import?source=${source}`,
      payload: file,
      headers: {
        cookie: s.operator?.cookie ?? '',
        'x-csrf-token': s.operator?.csrf ?? '',
        'content-type': type,
        ...headers,
      },
    }),
  );
const hook = (body: object, headers: Record<string, string> = {}, source = '12345') =>
  ctx.app.inject({
    method: 'POST',
    url: `/api/hotline/webhook/${source}`,
    payload: body,
    headers: { authorization: `Bearer ${secret}`, ...headers },
  });
const list = async (query: string) => (await api('operator').get(`/api/hotline/orders?pageSize=200&${query}`)).json();
const orderNo = async (no: string) => (await list(`q=${encodeURIComponent(no)}`)).items[0];
const act = async (who: string, id: string, action: string, body: object = {}, status = 200) => {
  const current = (await api(who).get(`/api/hotline/orders/${id}`)).json();
  const res = await api(who).post(`/api/hotline/orders/${id}/${action}`, { version: current.version, ...body });
  expect(res.statusCode, `${action}: ${res.body}`).toBe(status);
  return res.json();
};

describe('import', () => {
  it('imports good rows (CSV), dedupes by work-order number and replays an Idempotency-Key', async () => {
    const file = csv([
      HEADER,
      'GD-IMP-001,张先生,13800001111,金湖大道夜间占道烧烤,金湖大道,2024-03-19 18:00,一般',
      'GD-IMP-002,,,"井盖缺失,行人危险",新冶大道,,特急',
    ]);
    const first = await importFile(file, '12345', { 'idempotency-key': 'hotline-import-0001' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ source: '12345', imported: 2, skipped: [] });
    const replay = await importFile(file, '12345', { 'idempotency-key': 'hotline-import-0001' });
    expect(replay.json()).toEqual(first.json());
    expect(replay.headers['idempotent-replayed']).toBe('true');
    const again = await importFile(file);
    expect(again.json()).toEqual({
      source: '12345',
      imported: 0,
      skipped: [
        { row: 2, externalNo: 'GD-IMP-001' },
        { row: 3, externalNo: 'GD-IMP-002' },
      ],
    });
    const one = await orderNo('GD-IMP-001');
    expect(one).toMatchObject({
      status: 'pending_sign',
      urgency: 'normal',
      requesterPhone: '138****1111',
      dueAt: '2024-03-19T10:00:00.000Z',
      receivedVia: 'import',
    });
    // 签收 within 2 working hours: 10:00 → 12:00 local.
    expect(one.signDeadline).toBe('2024-03-12T04:00:00.000Z');
    const two = await orderNo('GD-IMP-002');
    // 特急: 签收 in 30 minutes, 办理 in 2 hours, around the clock.
    expect([two.signDeadline, two.dueAt, two.content]).toEqual([
      '2024-03-12T02:30:00.000Z',
      '2024-03-12T04:00:00.000Z',
      '井盖缺失,行人危险',
    ]);
  });

  it('rejects a file with bad rows as a whole, naming each row and column (nothing written)', async () => {
    const before = (await list('')).total;
    const res = await importFile(
      csv([
        HEADER,
        'GD-BAD-001,李女士,13900002222,路灯不亮,,,一般',
        ',,,,,,',
        'GD-BAD-003,,abc,,,,很急',
        'GD-BAD-001,,,重复,,2024-02-30,',
      ]),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('HOTLINE_IMPORT_INVALID');
    expect(res.json().error.details.map((d: { row: number; field: string }) => `${d.row}:${d.field}`)).toEqual([
      '4:联系电话',
      '4:诉求内容',
      '4:紧急程度',
      '5:工单编号',
      '5:办理时限',
    ]);
    expect((await list('')).total).toBe(before);
  });

  it('reads an xlsx export with the hotline’s own headers and refuses a file without the needed columns', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('导出');
    sheet.addRow(['工单号', '来电人', '来电号码', '来电内容', '事发地址', '截止时间', '紧急度']);
    sheet.addRow([
      'MQT-0001',
      '王先生',
      '13700003333',
      '小区门口垃圾满溢',
      '东风路',
      new Date(Date.UTC(2024, 2, 15, 17, 30)),
      '紧急',
    ]);
    const ok = await importFile(Buffer.from(await wb.xlsx.writeBuffer()), 'minqingtong', {}, XLSX_MIME);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await orderNo('MQT-0001')).toMatchObject({
      source: 'minqingtong',
      urgency: 'urgent',
      dueAt: '2024-03-15T09:30:00.000Z',
    });
    const noHeader = await importFile(csv(['编号,姓名', 'X-1,张三']));
    expect(noHeader.statusCode).toBe(400);
    expect(noHeader.json().error.details).toEqual([{ row: 1, field: '诉求内容', message: '缺少表头「诉求内容」' }]);
    const template = await api('operator').get('/api/hotline/orders/template.xlsx');
    expect(template.statusCode).toBe(200);
    expect(template.headers['content-type']).toBe(XLSX_MIME);
  });
});

describe('webhook', () => {
  it('refuses a missing or wrong secret before looking at the body', async () => {
    expect((await hook({ nonsense: true }, { authorization: '' })).statusCode).toBe(401);
    expect(
      (await hook({ externalNo: 'X', content: 'y' }, { authorization: 'Bearer wrong-secret-wrong-secret' })).statusCode,
    ).toBe(401);
    // A valid 12345 secret is not a 民情通 secret.
    expect((await hook({ externalNo: 'X', content: 'y' }, {}, 'minqingtong')).statusCode).toBe(401);
  });

  it('creates once: the same Idempotency-Key or work-order number returns the first order', async () => {
    const body = {
      externalNo: 'WH-0001',
      requesterName: '赵先生',
      requesterPhone: '13600004444',
      content: '人行道破损',
      address: '湛月路',
      urgency: 'urgent',
    };
    const first = await hook(body, { 'idempotency-key': 'webhook-key-0001' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).not.toHaveProperty('requesterPhone');
    const retry = await hook(body, { 'idempotency-key': 'webhook-key-0001' });
    expect([retry.statusCode, retry.json().id, retry.headers['idempotent-replayed']]).toEqual([
      201,
      first.json().id,
      'true',
    ]);
    const resent = await hook(
      { ...body, content: '人行道破损（重复推送）' },
      { 'idempotency-key': 'webhook-key-0002' },
    );
    expect([resent.statusCode, resent.json().id]).toEqual([200, first.json().id]);
    expect((await list('q=WH-0001')).total).toBe(1);
  });

  it('answers bad input with field-level 400s', async () => {
    const res = await hook({ externalNo: 'has space', content: '', urgency: 'soon', deadline: 'tomorrow' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toEqual(
      expect.arrayContaining(['body.externalNo', 'body.content', 'body.urgency', 'body.deadline']),
    );
  });
});

describe('work order lifecycle', () => {
  it('signs, converts into a case with channel and number kept, replies when closed and takes the revisit into the case', async () => {
    const created = (
      await hook({
        externalNo: 'WH-LOOP-1',
        requesterPhone: '13500005555',
        content: '金湖大道占道经营，水果摊',
        address: '金湖大道',
      })
    ).json();
    const signed = await act('operator', created.id, 'sign');
    expect([signed.status, signed.signOverdue, signed.allowedActions]).toEqual([
      'signed',
      false,
      ['return', 'convert'],
    ]);
    const bad = await api('operator').post(`/api/hotline/orders/${created.id}/convert`, {
      version: signed.version,
      matterCode: '99999',
      ...POINT,
    });
    expect([bad.statusCode, bad.json().error.details[0].field]).toEqual([400, 'body.matterCode']);
    expect((await api('operator').get(`/api/hotline/orders/${created.id}`)).json().status).toBe('signed');
    const converted = await act('operator', created.id, 'convert', { matterCode: '09006', ...POINT });
    expect(converted.status).toBe('converted');
    const kase = (await api('operator').get(`/api/cases/${converted.caseId}`)).json();
    expect([kase.channel, kase.caseNo]).toEqual(['hotline', converted.caseNo]);
    const early = await api('operator').get(`/api/hotline/orders/${created.id}/reply-draft`);
    expect([early.statusCode, early.json().error.code]).toEqual([409, 'HOTLINE_CASE_NOT_CLOSED']);

    await closeCase(converted.caseId);
    const opened = (await api('operator').get(`/api/hotline/orders/${created.id}`)).json();
    expect(opened.allowedActions).toEqual(['reply']);
    const draft = (await api('operator').get(`/api/hotline/orders/${created.id}/reply-draft`)).json().text;
    expect(draft).toContain('WH-LOOP-1');
    expect(draft).toContain('已清理占道摊点');
    const replied = await act('operator', created.id, 'reply', { text: `${draft}\n（经办人核对）` });
    expect([replied.status, replied.pushStatus]).toEqual(['replied', 'pending']);
    const pushed = await ctx.database.db
      .selectFrom('hotline_pushes')
      .selectAll()
      .where('order_id', '=', created.id)
      .execute();
    expect(pushed.map((p) => [p.kind, JSON.parse(p.payload_json).caseNo])).toEqual([['reply', converted.caseNo]]);
    // The caller gets the reply too, through the notice outbox, and the order says so.
    const notices = await ctx.database.db
      .selectFrom('notifications')
      .select(['phone', 'kind', 'message', 'case_id', 'sent_at'])
      .where('case_id', '=', converted.caseId)
      .where('kind', '=', 'case.reply')
      .execute();
    expect(notices).toEqual([
      {
        phone: '13500005555',
        kind: 'case.reply',
        message: `${draft}\n（经办人核对）`,
        case_id: converted.caseId,
        sent_at: null,
      },
    ]);
    expect([replied.callerReplyStatus, replied.callerRepliedAt]).toEqual(['queued', expect.any(String)]);
    const revisited = await act('operator', created.id, 'revisit', {
      satisfaction: 'basically_satisfied',
      note: '回访基本满意',
    });
    expect([revisited.status, revisited.satisfaction]).toEqual(['closed', 'basically_satisfied']);
    const rated = await ctx.database.db
      .selectFrom('cases')
      .select(['satisfaction', 'satisfaction_source', 'external_no'])
      .where('id', '=', converted.caseId)
      .executeTakeFirstOrThrow();
    expect(rated).toEqual({
      satisfaction: 'basically_satisfied',
      satisfaction_source: 'hotline_revisit',
      external_no: 'WH-LOOP-1',
    });
    expect(revisited.events.map((e: { action: string }) => e.action)).toEqual([
      'receive',
      'sign',
      'convert',
      'reply',
      'revisit',
    ]);
  });

  it('an unsatisfied revisit with 重办 sends the case back to dispatch and opens the order for a new reply', async () => {
    const created = (await hook({ externalNo: 'WH-REOPEN-1', content: '金湖大道水果摊占道' })).json();
    await act('operator', created.id, 'sign');
    const converted = await act('operator', created.id, 'convert', { matterCode: '09006', ...POINT });
    await closeCase(converted.caseId);
    const replied = await act('operator', created.id, 'reply', { text: '已处理' });
    expect(replied.callerReplyStatus).toBe('no_phone');
    const refused = await api('operator').post(`/api/hotline/orders/${created.id}/revisit`, {
      version: (await orderNo('WH-REOPEN-1')).version,
      satisfaction: 'satisfied',
      reopen: true,
    });
    expect([refused.statusCode, refused.json().error.details[0].field]).toEqual([400, 'body.reopen']);
    const reopened = await act('operator', created.id, 'revisit', {
      satisfaction: 'unsatisfied',
      note: '摊点又回来了',
      reopen: true,
    });
    expect([reopened.status, reopened.replyText, reopened.satisfaction, reopened.caseClosed]).toEqual([
      'converted',
      null,
      'unsatisfied',
      false,
    ]);
    expect(reopened.callerReplyStatus).toBeNull();
    const kase = await ctx.database.db
      .selectFrom('cases')
      .select(['status', 'reopen_count', 'satisfaction_source'])
      .where('id', '=', converted.caseId)
      .executeTakeFirstOrThrow();
    expect(kase).toEqual({ status: 'pending_dispatch', reopen_count: 1, satisfaction_source: 'hotline_revisit' });
    expect(reopened.events.map((e: { action: string }) => e.action).slice(-2)).toEqual(['reply', 'reopen']);
  });

  it('does not text a 阳光信访 caller the reply unless the source is configured to (setting hotline.callerReply)', async () => {
    const petSecret = (await api('admin').post('/api/hotline/sources/petition/secret')).json().secret;
    const replyTo = async (no: string) => {
      const order = (
        await hook(
          { externalNo: no, requesterPhone: '13600006666', content: '工地夜间施工噪音扰民' },
          { authorization: `Bearer ${petSecret}` },
          'petition',
        )
      ).json();
      await act('shiftleader', order.id, 'sign');
      const converted = await act('shiftleader', order.id, 'convert', { matterCode: '09006', ...POINT });
      await closeCase(converted.caseId);
      const replied = await act('shiftleader', order.id, 'reply', { text: `${no} 已责令停工整改` });
      const notices = await ctx.database.db
        .selectFrom('notifications')
        .select('message')
        .where('case_id', '=', converted.caseId)
        .where('kind', '=', 'case.reply')
        .execute();
      return { status: replied.callerReplyStatus, notices: notices.map((n) => n.message) };
    };
    expect(await replyTo('XF-REPLY-1')).toEqual({ status: 'off', notices: [] });
    const petitionSource = async () =>
      (await api('admin').get('/api/hotline/sources')).json().find((x: { source: string }) => x.source === 'petition');
    expect((await petitionSource()).callerReply).toBe(false);
    expect((await api('admin').put('/api/hotline/sources/petition/caller-reply', { enabled: true })).statusCode).toBe(
      200,
    );
    expect((await petitionSource()).callerReply).toBe(true);
    expect(await replyTo('XF-REPLY-2')).toEqual({ status: 'queued', notices: ['XF-REPLY-2 已责令停工整改'] });
  });

  it('converts a 阳光信访 order into a petition case; returns another with its reason; refuses stale and illegal steps', async () => {
    const petSecret = (await api('admin').post('/api/hotline/sources/petition/secret')).json().secret;
    const pet = (
      await hook(
        { externalNo: 'XF-0001', content: '小区旁工地夜间施工噪音' },
        { authorization: `Bearer ${petSecret}` },
        'petition',
      )
    ).json();
    await act('shiftleader', pet.id, 'sign');
    const converted = await act('shiftleader', pet.id, 'convert', { matterCode: '09006', ...POINT });
    expect((await api('shiftleader').get(`/api/cases/${converted.caseId}`)).json().channel).toBe('petition');

    const other = (await hook({ externalNo: 'WH-RET-1', content: '小区停电' })).json();
    const noReason = await api('operator').post(`/api/hotline/orders/${other.id}/return`, { version: 1, reason: '' });
    expect([noReason.statusCode, noReason.json().error.details[0].field]).toEqual([400, 'body.reason']);
    const stale = await api('operator').post(`/api/hotline/orders/${other.id}/sign`, { version: 7 });
    expect([stale.statusCode, stale.json().error.code]).toEqual([409, 'HOTLINE_STALE']);
    const returned = await act('operator', other.id, 'return', { reason: '供电问题，不属于城管职责' });
    expect([returned.status, returned.returnReason, returned.allowedActions]).toEqual([
      'returned',
      '供电问题，不属于城管职责',
      [],
    ]);
    const outbox = await ctx.database.db
      .selectFrom('hotline_pushes')
      .select(['kind', 'status', 'payload_json'])
      .where('order_id', '=', other.id)
      .execute();
    expect(outbox.map((p) => [p.kind, p.status, JSON.parse(p.payload_json).reason])).toEqual([
      ['return', 'pending', '供电问题，不属于城管职责'],
    ]);
    const late = await api('operator').post(`/api/hotline/orders/${other.id}/sign`, { version: returned.version });
    expect([late.statusCode, late.json().error.code]).toEqual([409, 'HOTLINE_TRANSITION_NOT_ALLOWED']);
  });

  it('marks orders not signed in time (sweep) and lists them by overdue, source and status', async () => {
    const order = (await hook({ externalNo: 'WH-LATE-1', content: '垃圾清运不及时', urgency: 'emergency' })).json();
    ctx.clock.set(new Date('2024-03-12T03:00:00.000Z'));
    expect((await ctx.app.services.hotline.sweep(ctx.clock.now())).signOverdue).toBeGreaterThan(0);
    const overdue = await list('overdue=true');
    expect(overdue.items.map((o: { externalNo: string }) => o.externalNo)).toContain('WH-LATE-1');
    expect(overdue.items.every((o: { overdue: boolean }) => o.overdue)).toBe(true);
    const signed = await act('operator', order.id, 'sign');
    expect(signed.signOverdue).toBe(true);
    const bySource = await list('source=minqingtong');
    expect(bySource.items.map((o: { externalNo: string }) => o.externalNo)).toEqual(['MQT-0001']);
    expect((await list('status=returned')).items.map((o: { externalNo: string }) => o.externalNo)).toEqual([
      'WH-RET-1',
    ]);
    const sorted = await list('sort=externalNo&order=asc');
    const nos = sorted.items.map((o: { externalNo: string }) => o.externalNo);
    expect(nos).toEqual([...nos].sort());
    expect((await api('operator').get('/api/hotline/orders?sort=content')).statusCode).toBe(400);
  });

  it('lets the leader read but not handle, hides orders from other roles and the secrets from non-admins', async () => {
    const order = await orderNo('GD-IMP-001');
    expect((await api('leader').get(`/api/hotline/orders/${order.id}`)).json().allowedActions).toEqual([]);
    expect(
      (await api('leader').post(`/api/hotline/orders/${order.id}/sign`, { version: order.version })).statusCode,
    ).toBe(403);
    expect((await api('handler').get('/api/hotline/orders')).statusCode).toBe(403);
    expect((await api('operator').get('/api/hotline/sources')).statusCode).toBe(403);
    const sources = (await api('admin').get('/api/hotline/sources')).json();
    expect(sources.find((x: { source: string }) => x.source === '12345')).toMatchObject({
      configured: true,
      hint: secret.slice(-4),
    });
    expect(JSON.stringify(sources)).not.toContain(secret);
    expect((await api('operator').get('/api/hotline/orders/no-such-order')).statusCode).toBe(404);
  });
});

/** Walks a reported case to closed through the case API (the hotline only reads the result). */
async function closeCase(caseId: string) {
  const step = async (who: string, body: Record<string, unknown>) => {
    const current = (await api(who).get(`/api/cases/${caseId}`)).json();
    const sent = await withAfterPhoto(ctx.app, s[who] ?? null, body);
    const res = await api(who).post(`/api/cases/${caseId}/transitions`, { version: current.version, ...sent });
    expect(res.statusCode, `${who} ${String(body.action)}: ${res.body}`).toBe(200);
  };
  await step('operator', { action: 'accept' });
  const conditions = (await api('shiftleader').get('/api/catalog/conditions?matterCode=09006')).json().items;
  await step('shiftleader', { action: 'file', filingConditionId: conditions[0].id });
  const sanitation = (await api('admin').get('/api/org/units?q=SANITATION')).json().items[0];
  await step('dispatcher', { action: 'dispatch', unitId: sanitation.id });
  await step('handler', { action: 'report_back', note: '已清理占道摊点' });
  const inspectorId = (await api('inspector').get('/api/auth/me')).json().user.id;
  await step('operator', { action: 'send_check', userId: inspectorId });
  await step('inspector', { action: 'check_pass' });
  await step('shiftleader', { action: 'close' });
}
