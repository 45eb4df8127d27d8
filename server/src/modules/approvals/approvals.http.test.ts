import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { as, createTestApp, login, type Session, type TestContext } from '../../testing/test-app.ts';
import { TEST_NOW } from '../../testing/test-template.ts';

/**
 * 行政审批 over HTTP on the seeded demo city: the 2023 totals make the report's sentence; an application goes
 * through 补正 with the clock paused (the promised date moves by the paused working days); a grant of 户外广告设置
 * writes the permit and the sign in the inventory in one transaction; bad input is a 4xx naming what is wrong,
 * with nothing written; the period's 办结率 and 提前办结率; and who may do what.
 */
let ctx: TestContext;
const sessions: Record<string, Session> = {};
const api = (who: string) => as(ctx.app, sessions[who] ?? null);
const types = new Map<string, { id: string; materials: { code: string; required: boolean }[] }>();
const body = (res: { body: string }) =>
  JSON.parse(res.body) as { error: { code: string; details: { field: string; message: string }[] } };

/** Signs everyone in again: moving the clock on by days ends the sessions (sign-ins are rate limited: only then). */
let signedInAt = 0;
async function signIn() {
  signedInAt = ctx.clock.now().getTime();
  sessions.admin = await login(ctx.app, 'admin', 'Admin@12345');
  for (const u of ['leader', 'operator', 'bureauleader', 'inspector'])
    sessions[u] = await login(ctx.app, u, 'Demo@12345');
}

beforeAll(async () => {
  ctx = await createTestApp();
  await signIn();
  const list = (await api('operator').get('/api/approvals/types')).json().items as {
    id: string;
    code: string;
    materials: { code: string; required: boolean }[];
  }[];
  for (const t of list) types.set(t.code, t);
});
afterAll(async () => ctx.close());

async function at(local: string) {
  ctx.clock.set(new Date(`${local}+08:00`));
  if (ctx.clock.now().getTime() - signedInAt > 12 * 3_600_000) await signIn();
}
const all = (code: string) => types.get(code)!.materials.map((m) => m.code);
const application = (code: string, over: Record<string, unknown> = {}) => ({
  typeId: types.get(code)!.id,
  applicantName: '大冶市测试广告有限公司',
  applicantPhone: '13912345678',
  address: '新冶大道88号',
  materials: all(code),
  ...over,
});
const adDetails = { adType: 'shop_sign', sizeM2: 12.5, lng: 114.98, lat: 30.1, content: '测试店招' };

describe('the yearly report', () => {
  it('says what the window accepted, closed and answered in 2023, in both languages', async () => {
    const zh = (await api('leader').get('/api/reports/statistics?period=year&at=2023')).json();
    const s = zh.sections.find((x: { key: string }) => x.key === 'approvals');
    expect(s.paragraphs[0]).toBe('2023年度，受理行政审批事项121件，办结121件，办结率100%；接待咨询150人次。');
    const en = (await api('leader').get('/api/reports/statistics?period=year&at=2023&lang=en')).json();
    const e = en.sections.find((x: { key: string }) => x.key === 'approvals');
    expect(e.paragraphs[0]).toContain('121 approval applications accepted and 121 closed, a completion rate of 100%');
    expect(e.paragraphs[0]).toContain('150 consultations');
  });
});

describe('an application through 补正', () => {
  let id: string;

  it('accepts against the checklist; the promised date is 5 working days on', async () => {
    await at('2024-03-12T10:00:00');
    const res = await api('operator').post(
      '/api/approvals/applications',
      application('outdoor_ad', { details: adDetails }),
    );
    expect(res.statusCode, res.body).toBe(201);
    id = res.json().id;
    expect(res.json()).toMatchObject({ status: 'accepted', dueDate: '2024-03-19', applicantPhone: '139****5678' });
    expect(res.body).not.toContain('13912345678');
  });

  it('pauses the clock for 补正 and moves the due date by the paused working days', async () => {
    const asked = await api('operator').post(`/api/approvals/applications/${id}/corrections`, {
      items: ['design_drawing'],
      note: '效果图尺寸标注不全，请补充',
    });
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json().status).toBe('correction');
    expect(asked.json().materials.find((m: { code: string }) => m.code === 'design_drawing').received).toBe(false);
    await at('2024-03-14T10:00:00'); // two working days later
    const back = await api('operator').post(`/api/approvals/applications/${id}/resume`, {
      materials: ['design_drawing'],
    });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({
      status: 'reviewing',
      dueDate: '2024-03-21',
      pausedWorkingMs: 2 * 8 * 3_600_000,
    });
    expect(back.json().corrections).toHaveLength(1);
  });

  it('refuses a grant without the sign’s permit end, writing nothing', async () => {
    const before = (await api('admin').get('/api/outdoor-ads/ads?pageSize=1')).json().total;
    const res = await api('bureauleader').post(`/api/approvals/applications/${id}/decision`, {
      decision: 'grant',
      note: '符合设置规划',
    });
    expect(res.statusCode).toBe(400);
    expect(body(res).error.details.map((d) => d.field)).toEqual(['body.validTo']);
    expect((await api('admin').get('/api/outdoor-ads/ads?pageSize=1')).json().total).toBe(before);
    expect((await api('operator').get(`/api/approvals/applications/${id}`)).json()).toMatchObject({
      status: 'reviewing',
      permitNo: null,
      register: null,
    });
  });

  it('grants: the permit and the sign in the inventory come with the decision, and it is audited', async () => {
    const res = await api('bureauleader').post(`/api/approvals/applications/${id}/decision`, {
      decision: 'grant',
      note: '符合设置规划，准予设置',
      validTo: '2027-03-13',
    });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d).toMatchObject({ status: 'decided', decision: 'grant', validFrom: '2024-03-14', validTo: '2027-03-13' });
    expect(d.permitNo).toMatch(/^大城管许〔2024〕\d{4}号$/);
    expect(d.register.register).toBe('outdoor_ad');
    const ad = await api('admin').get(`/api/outdoor-ads/ads/${d.register.id}`);
    expect(ad.statusCode).toBe(200);
    expect(ad.json()).toMatchObject({
      adType: 'shop_sign',
      sizeM2: 12.5,
      permitNo: d.permitNo,
      permitFrom: '2024-03-14',
      permitTo: '2027-03-13',
      ownerPhone: '139****5678',
    });
    const audit = (await api('admin').get(`/api/audit?entityId=${id}`)).json().items as { action: string }[];
    expect(audit.map((a) => a.action).sort()).toEqual(
      ['approval.accept', 'approval.correct', 'approval.decide', 'approval.resume'].sort(),
    );
  });

  it('refuses a second decision and 补正 after the close', async () => {
    const twice = await api('bureauleader').post(`/api/approvals/applications/${id}/decision`, {
      decision: 'deny',
      note: '再次决定',
    });
    expect(twice.statusCode).toBe(409);
    expect(body(twice).error.code).toBe('AP_TRANSITION_NOT_ALLOWED');
    expect((await api('operator').post(`/api/approvals/applications/${id}/close`, {})).statusCode).toBe(200);
    const late = await api('operator').post(`/api/approvals/applications/${id}/corrections`, {
      items: ['application_form'],
      note: '补正',
    });
    expect(late.statusCode).toBe(409);
    expect(body(late).error.details[0]?.field).toBe('status');
  });
});

describe('bad input', () => {
  it('names the required materials missing from a grant', async () => {
    await at('2024-03-12T10:00:00');
    const res = await api('operator').post(
      '/api/approvals/applications',
      application('road_occupation', { materials: ['application_form'] }),
    );
    expect(res.statusCode).toBe(201);
    const no = await api('bureauleader').post(`/api/approvals/applications/${res.json().id}/decision`, {
      decision: 'grant',
      note: '准予',
    });
    expect(no.statusCode).toBe(400);
    const err = body(no).error;
    expect(err.code).toBe('AP_MISSING_MATERIALS');
    expect(err.details.map((d) => d.message)).toEqual([
      '缺少必要材料：申请人身份证明（营业执照或身份证）',
      '缺少必要材料：占道位置示意图',
    ]);
    const after = (await api('operator').get(`/api/approvals/applications/${res.json().id}`)).json();
    expect(after).toMatchObject({ status: 'accepted', decision: null, permitNo: null });
  });

  it('refuses materials outside the checklist and a sign without its facts', async () => {
    const outside = await api('operator').post(
      '/api/approvals/applications',
      application('road_occupation', { materials: ['application_form', 'birth_certificate'] }),
    );
    expect(outside.statusCode).toBe(400);
    expect(body(outside).error).toMatchObject({ code: 'AP_UNKNOWN_MATERIAL' });
    expect(body(outside).error.details.map((d) => d.field)).toEqual(['body.materials/1']);
    const sign = await api('operator').post(
      '/api/approvals/applications',
      application('outdoor_ad', { details: { adType: 'blimp' } }),
    );
    expect(sign.statusCode).toBe(400);
    expect(body(sign).error.details.map((d) => d.field)).toEqual([
      'body.details.adType',
      'body.details.sizeM2',
      'body.details.lng',
      'body.details.lat',
    ]);
  });

  it('rolls the whole decision back when a register refuses it', async () => {
    ctx.app.services.approvalEffects.register('green_space', async () => {
      throw new AppError('TEST_REGISTER_REFUSED', 409, [{ field: 'body', rule: 'register', message: 'refused' }]);
    });
    const res = await api('operator').post('/api/approvals/applications', application('green_space'));
    const id = res.json().id as string;
    const no = await api('bureauleader').post(`/api/approvals/applications/${id}/decision`, {
      decision: 'grant',
      note: '准予',
    });
    expect(no.statusCode).toBe(409);
    const after = (await api('operator').get(`/api/approvals/applications/${id}`)).json();
    expect(after).toMatchObject({ status: 'accepted', permitNo: null, register: null });
    const audit = (await api('admin').get(`/api/audit?entityId=${id}`)).json().items as { action: string }[];
    expect(audit.map((a) => a.action)).toEqual(['approval.accept']);
  });
});

describe('the figures of a period', () => {
  it('counts 办结率 and 提前办结率, and the consultations', async () => {
    await at('2025-06-03T10:00:00');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push((await api('operator').post('/api/approvals/applications', application('road_occupation'))).json().id);
    for (const id of ids.slice(0, 2))
      expect(
        (
          await api('bureauleader').post(`/api/approvals/applications/${id}/decision`, {
            decision: 'deny',
            note: '不符合条件',
          })
        ).statusCode,
      ).toBe(200);
    await api('operator').post(`/api/approvals/applications/${ids[0]}/close`, {}); // days early
    await at('2025-06-06T16:00:00'); // the promised date itself: closed, not early
    await api('operator').post(`/api/approvals/applications/${ids[1]}/close`, {});
    const walk = await api('operator').post('/api/approvals/consultations', {
      channel: 'walk_in',
      topic: '店招设置需要哪些材料',
    });
    expect(walk.statusCode, walk.body).toBe(201);
    const phone = await api('operator').post('/api/approvals/consultations', {
      channel: 'phone',
      name: '刘女士',
      phone: '13712345678',
      topic: '临时占道办理时限',
    });
    expect(phone.json().phone).toBe('137****5678');
    const noPhone = await api('operator').post('/api/approvals/consultations', { channel: 'phone', topic: '咨询' });
    expect(body(noPhone).error.details.map((d) => d.field)).toEqual(['body.phone']);
    const list = await api('leader').get('/api/approvals/consultations?from=2025-06-01&to=2025-06-30');
    expect(list.json().total).toBe(2);
    expect(list.body).not.toContain('13712345678');

    const csv = await api('leader').get('/api/exports/approval-consultations.csv?from=2025-06-01&to=2025-06-30');
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('137****5678');
    expect(csv.body).not.toContain('13712345678');
    const xlsx = await api('leader').get('/api/exports/approval-applications.xlsx?from=2025-06-01&to=2025-06-30');
    expect(xlsx.statusCode).toBe(200);

    const f = (await api('leader').get('/api/approvals/figures?from=2025-06-01&to=2025-06-30')).json();
    expect(f).toMatchObject({ accepted: 3, closed: 2, early: 1, closedRate: 66.7, earlyRate: 50, consultations: 2 });
    const zh = (await api('leader').get('/api/reports/statistics?period=month&at=2025-06')).json();
    const s = zh.sections.find((x: { key: string }) => x.key === 'approvals');
    expect(s.paragraphs[0]).toContain('受理行政审批事项3件，办结2件，办结率66.7%；接待咨询2人次。');
    expect(s.paragraphs[1]).toBe('其中在承诺时限前提前办结1件，提前办结率50%。');
  });
});

describe('the types as tenant data', () => {
  const input = {
    code: 'night_lighting',
    name: '夜景亮化设施设置',
    promisedDays: 5,
    statutoryDays: 20,
    materials: [
      { code: 'application_form', name: '申请表', required: true },
      { code: 'design', name: '设计方案', required: true },
    ],
  };

  it('adds a type with its checklist, refuses a taken code and a checklist naming an item twice', async () => {
    const res = await api('admin').post('/api/approvals/types', input);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ code: 'night_lighting', active: true, hasRegister: false });
    const again = await api('admin').post('/api/approvals/types', input);
    expect(again.statusCode).toBe(409);
    expect(body(again).error.code).toBe('AP_TYPE_CODE_TAKEN');
    const twice = await api('admin').post('/api/approvals/types', {
      ...input,
      code: 'other_type',
      materials: [input.materials[0], input.materials[0]],
    });
    expect(twice.statusCode).toBe(400);
    expect(body(twice).error.details.map((d) => d.field)).toEqual(['body.materials/1/code']);
    const slow = await api('admin').post('/api/approvals/types', { ...input, code: 'slow_type', promisedDays: 30 });
    expect(body(slow).error.details.map((d) => d.field)).toEqual(['body.promisedDays']);
  });

  it('switches a type off: it is listed, but takes no new application', async () => {
    const id = (
      (await api('operator').get('/api/approvals/types')).json().items as { id: string; code: string }[]
    ).find((x) => x.code === 'night_lighting')!.id;
    const off = await api('admin').put(`/api/approvals/types/${id}`, { ...input, active: false });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json().active).toBe(false);
    const renamed = await api('admin').put(`/api/approvals/types/${id}`, { ...input, code: 'renamed' });
    expect(body(renamed).error.details.map((d) => d.field)).toEqual(['body.code']);
    const res = await api('operator').post('/api/approvals/applications', {
      typeId: id,
      applicantName: '测试',
      applicantPhone: '13912345678',
      address: '某路1号',
      materials: [],
    });
    expect(res.statusCode).toBe(400);
    expect(body(res).error.code).toBe('AP_UNKNOWN_TYPE');
  });
});

describe('permissions', () => {
  it('asks for a session, the read grant, and the decision grant', async () => {
    ctx.clock.set(new Date(TEST_NOW));
    expect((await api('nobody').get('/api/approvals/applications')).statusCode).toBe(401);
    expect((await api('inspector').get('/api/approvals/applications')).statusCode).toBe(403);
    const list = await api('leader').get('/api/approvals/applications?pageSize=5&sort=dueAt');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.length).toBeGreaterThan(0);
    const id = list.json().items[0].id as string;
    const byOperator = await api('operator').post(`/api/approvals/applications/${id}/decision`, {
      decision: 'deny',
      note: '不予',
    });
    expect(byOperator.statusCode).toBe(403);
    expect((await api('leader').post('/api/approvals/applications', application('road_occupation'))).statusCode).toBe(
      403,
    );
    expect(
      (
        await api('operator').post('/api/approvals/types', {
          code: 'test_type',
          name: '测试',
          promisedDays: 3,
          statutoryDays: 20,
          materials: [{ code: 'a', name: '申请表', required: true }],
        })
      ).statusCode,
    ).toBe(403);
  });
});
