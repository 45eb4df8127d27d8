import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadAfterPhoto } from '../../testing/after-photo.ts';
import { staffSessions, step } from '../../testing/case-loop.ts';
import { as, createTestApp, type Session, type TestContext } from '../../testing/test-app.ts';

/** After-photos for 处置反馈 and 核查通过: required by default, waived per matter class by the tenant. */
let ctx: TestContext;
let s: Record<string, Session>;
let sanitationId = '';
let inspectorId = '';
const POINT = { lng: 114.975, lat: 30.1 };

beforeAll(async () => {
  ctx = await createTestApp();
  s = await staffSessions(ctx.app);
  sanitationId = (await as(ctx.app, s.admin!).get('/api/org/units?q=SANITATION')).json().items[0].id;
  inspectorId = (await as(ctx.app, s.inspector!).get('/api/auth/me')).json().user.id;
});
afterAll(async () => ctx.close());

/** A case of `matterCode` with 环卫所, handling. */
async function handling(matterCode: string) {
  const res = await as(ctx.app, s.inspector!).post('/api/cases', { matterCode, description: '照片规则', ...POINT });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  await step(ctx.app, s, 'operator', id, { action: 'accept' });
  const conditions = (await as(ctx.app, s.shiftleader!).get(`/api/catalog/conditions?matterCode=${matterCode}`)).json()
    .items;
  await step(ctx.app, s, 'shiftleader', id, { action: 'file', filingConditionId: conditions[0].id });
  await step(ctx.app, s, 'dispatcher', id, { action: 'dispatch', unitId: sanitationId });
  return id;
}

async function attempt(who: string, id: string, body: Record<string, unknown>) {
  const api = as(ctx.app, s[who]!);
  const version = (await api.get(`/api/cases/${id}`)).json().version;
  return api.post(`/api/cases/${id}/transitions`, { version, ...body });
}

async function expectPhotoRefusal(who: string, id: string, action: string) {
  const res = await attempt(who, id, { action, note: '已处置' });
  expect(res.statusCode, res.body).toBe(400);
  expect(res.json().error.details).toEqual([expect.objectContaining({ field: 'body.photoIds', rule: 'required' })]);
}

const rules = (classes: { majorCode: string; reportBack: boolean; checkPass: boolean }[]) =>
  as(ctx.app, s.admin!).put('/api/cases/settings/after-photos', { classes });

describe('after-photos', () => {
  it('are required by default for report back and check pass, and the case says so', async () => {
    const view = (await as(ctx.app, s.operator!).get('/api/cases/settings/after-photos')).json();
    expect(view.classes).toHaveLength(10);
    expect(view.classes.every((c: { reportBack: boolean; checkPass: boolean }) => c.reportBack && c.checkPass)).toBe(
      true,
    );
    const id = await handling('09006');
    expect((await as(ctx.app, s.handler!).get(`/api/cases/${id}`)).json().photosRequiredFor).toEqual([
      'report_back',
      'check_pass',
    ]);
    await expectPhotoRefusal('handler', id, 'report_back');
    const empty = await attempt('handler', id, { action: 'report_back', note: '已处置', photoIds: [] });
    expect(empty.statusCode, 'an empty list is no photo either').toBe(400);
    const photo = await uploadAfterPhoto(ctx.app, s.handler!);
    expect((await attempt('handler', id, { action: 'report_back', photoIds: [photo] })).statusCode).toBe(200);
    await step(ctx.app, s, 'operator', id, { action: 'send_check', userId: inspectorId });
    await expectPhotoRefusal('inspector', id, 'check_pass');
    // 核查不通过 sends the case back and needs a reason, not photos.
    expect((await attempt('inspector', id, { action: 'check_fail', note: '未清理干净' })).statusCode).toBe(200);
    const detail = (await as(ctx.app, s.operator!).get(`/api/cases/${id}`)).json();
    expect(detail.photos.filter((p: { phase: string }) => p.phase === 'after')).toHaveLength(1);
  });

  it('follow the tenant setting per matter class, step by step', async () => {
    expect((await rules([{ majorCode: '09', reportBack: false, checkPass: true }])).statusCode).toBe(200);
    const street = await handling('09006');
    const litter = await handling('06010');
    expect((await as(ctx.app, s.handler!).get(`/api/cases/${street}`)).json().photosRequiredFor).toEqual([
      'check_pass',
    ]);
    // 09 waives the report back photo, not the check photo; 06 still needs both.
    expect((await attempt('handler', street, { action: 'report_back', note: '已劝离' })).statusCode).toBe(200);
    await expectPhotoRefusal('handler', litter, 'report_back');
    await step(ctx.app, s, 'operator', street, { action: 'send_check', userId: inspectorId });
    await expectPhotoRefusal('inspector', street, 'check_pass');

    expect((await rules([{ majorCode: '09', reportBack: false, checkPass: false }])).statusCode).toBe(200);
    expect((await attempt('inspector', street, { action: 'check_pass' })).statusCode).toBe(200);

    // Back to the default: the 09 waivers go.
    const reset = await rules([]);
    expect(reset.json().classes.find((c: { majorCode: string }) => c.majorCode === '09')).toEqual({
      majorCode: '09',
      reportBack: true,
      checkPass: true,
    });
    const again = await handling('09006');
    await expectPhotoRefusal('handler', again, 'report_back');
  });

  it('are changed only with settings.manage, for known classes, and the change is audited', async () => {
    const refused = await as(ctx.app, s.operator!).put('/api/cases/settings/after-photos', { classes: [] });
    expect(refused.statusCode).toBe(403);
    const unknown = await rules([{ majorCode: '99', reportBack: false, checkPass: false }]);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0].field).toBe('body.classes.0.majorCode');
    const audit = await ctx.database.db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('action', '=', 'setting.update')
      .where('entity_id', '=', 'case.afterPhotos')
      .execute();
    expect(audit.length).toBeGreaterThan(0);
  });
});
