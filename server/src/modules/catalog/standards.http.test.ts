import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XLSX_MIME } from '../../../../common/contracts/catalog.ts';

import { importOutcome } from '../../testing/imports.ts';
import { as, createTestApp, login, type Session, type TestContext } from '../../testing/test-app.ts';
import { FILING_DEFAULTS } from './filing-defaults.ts';
import { buildStandardsWorkbook, readStandardsWorkbook, type Column } from './standards-sheet.ts';
import { createTenant } from '../../testing/app-parts.ts';

let ctx: TestContext;
let admin: Session;
beforeAll(async () => {
  ctx = await createTestApp();
  admin = await login(ctx.app, 'admin', 'Admin@12345');
});
afterAll(async () => ctx.close());

const api = () => as(ctx.app, admin);
const enc = encodeURIComponent;
interface Condition {
  id: string;
  matterCode: string;
  matterName: string | null;
  seq: number;
  condition: string;
  handlingLimit: { value: number; unit: string };
  closingCondition: string;
  unitId: string | null;
  unitName: string | null;
}
const conditions = async (query = ''): Promise<{ items: Condition[]; total: number }> =>
  (await api().get(`/api/catalog/conditions?pageSize=200&${query}`)).json();
const unitId = async (code: string): Promise<string> =>
  (await api().get(`/api/org/units?q=${code}`)).json().items[0].id;
/** What must survive an export → import round trip: everything but ids and timestamps. */
const essence = (list: Condition[]) =>
  list.map((c) => [c.matterCode, c.seq, c.condition, c.handlingLimit, c.closingCondition, c.unitId]);

/** A multipart/form-data upload, as a browser sends it; imports run as jobs, so this follows the job to its outcome. */
async function upload(session: Session, url: string, content: Buffer, field = 'file', type = XLSX_MIME) {
  const boundary = `----cityloop${Date.now().toString(16)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="standards.xlsx"\r\nContent-Type: ${type}\r\n\r\n`;
  return importOutcome(
    ctx.app,
    session,
    await ctx.app.inject({
      method: 'POST',
      url,
      payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
      headers: {
        cookie: session.cookie,
        'x-csrf-token': session.csrf,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
    }),
  );
}
const sheetRow = (over: Partial<Record<Column, string>>): Record<Column, string> => ({
  类型: '事项',
  大类: '街面秩序类',
  小类: '占道经营',
  立案条件: '夜间占道摆卖',
  处置时限: '2紧急工作时',
  结案条件: '取缔',
  处置单位: '城管执法大队',
  ...over,
});
const exportRows = async (query = '') => {
  const res = await api().get(`/api/catalog/conditions/export.xlsx?${query}`);
  expect(res.statusCode).toBe(200);
  return (await readStandardsWorkbook(res.rawPayload)).map((r) => r.cells);
};

describe('seeded 立结案标准', () => {
  it('holds the defaults with matter and unit names; street matters have no fixed unit', async () => {
    const all = await conditions();
    expect(all.total).toBe(FILING_DEFAULTS.length);
    const [zdjy] = (await conditions('matterCode=09006')).items;
    expect(zdjy).toMatchObject({
      matterName: '占道经营',
      seq: 1,
      handlingLimit: { value: 2, unit: 'emergency_hours' },
      unitName: '城管执法大队',
    });
    expect((await conditions('matterCode=01001')).items.map((c) => c.seq)).toEqual([1, 2, 3, 4]);
    expect((await conditions('matterCode=06036')).items[0]).toMatchObject({ unitId: null, unitName: null });
    const covers = await conditions(`q=${enc('井盖')}`);
    expect(covers.items.map((c) => c.matterCode)).toEqual(
      expect.arrayContaining(['01001', '01002', '01003', '01011', '01004']),
    );
    expect(covers.items.every((c) => `${c.matterName}${c.condition}`.includes('井盖'))).toBe(true);
    const sanitation = await conditions(`unitId=${await unitId('SANITATION')}`);
    expect(sanitation.total).toBeGreaterThan(5);
    expect(sanitation.items.every((c) => c.unitName === '环卫所')).toBe(true);
  });
});

describe('condition CRUD', () => {
  it('creates, updates and deletes with audit rows; seq counts on within the matter', async () => {
    const created = await api().post('/api/catalog/conditions', {
      matterCode: '09006',
      condition: '夜市时段外占道经营',
      handlingLimit: { value: 4, unit: 'work_hours' },
      closingCondition: '取缔',
      unitId: await unitId('SQUAD1'),
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ seq: 2, matterName: '占道经营', unitName: '执法一中队', active: true });
    const id = created.json().id;
    const patched = await api().patch(`/api/catalog/conditions/${id}`, {
      handlingLimit: { value: 1, unit: 'work_days' },
      unitId: null,
    });
    expect(patched.json()).toMatchObject({
      handlingLimit: { value: 1, unit: 'work_days' },
      unitId: null,
      unitName: null,
      seq: 2,
    });
    const moved = await api().patch(`/api/catalog/conditions/${id}`, { matterCode: '09005' });
    expect(moved.json()).toMatchObject({ matterCode: '09005', matterName: '店外经营', seq: 2 });
    expect((await api().delete(`/api/catalog/conditions/${id}`)).statusCode).toBe(200);
    expect((await api().get(`/api/catalog/conditions/${id}`)).statusCode).toBe(404);
    const audit = (await api().get(`/api/audit?entity=filing_condition&entityId=${id}`)).json();
    expect(audit.items.map((a: { action: string }) => a.action).sort()).toEqual([
      'catalog.condition.create',
      'catalog.condition.delete',
      'catalog.condition.update',
      'catalog.condition.update',
    ]);
  });

  it('answers 400 naming each bad field, 400 for unknown matter or unit, 409 for a duplicate', async () => {
    const bad = await api().post('/api/catalog/conditions', {
      matterCode: '9006',
      condition: '',
      handlingLimit: { value: 0, unit: 'weeks' },
      closingCondition: '',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual([
      'body.closingCondition',
      'body.condition',
      'body.handlingLimit.unit',
      'body.handlingLimit.value',
      'body.matterCode',
    ]);
    const base = { condition: '新条件', handlingLimit: { value: 2, unit: 'work_days' }, closingCondition: '整改' };
    const matter = await api().post('/api/catalog/conditions', { ...base, matterCode: '09099' });
    expect(matter.json().error).toMatchObject({
      code: 'CATALOG_UNKNOWN_MATTER',
      details: [{ field: 'body.matterCode' }],
    });
    const unit = await api().post('/api/catalog/conditions', { ...base, matterCode: '09006', unitId: 'no-such-unit' });
    expect(unit.json().error).toMatchObject({ code: 'CATALOG_UNKNOWN_UNIT', details: [{ field: 'body.unitId' }] });
    const [zdjy] = (await conditions('matterCode=09006')).items;
    const dup = await api().post('/api/catalog/conditions', {
      ...base,
      matterCode: '09006',
      condition: ` ${zdjy?.condition} `,
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({
      code: 'CATALOG_DUPLICATE_CONDITION',
      details: [{ field: 'body.condition' }],
    });
    await api().patch('/api/catalog/entries/09021', { active: false });
    const inactive = await api().post('/api/catalog/conditions', { ...base, matterCode: '09021' });
    expect(inactive.json().error).toMatchObject({
      code: 'CATALOG_UNKNOWN_MATTER',
      details: [{ field: 'body.matterCode', rule: 'active' }],
    });
    await api().patch('/api/catalog/entries/09021', { active: true });
    expect((await conditions()).total).toBe(FILING_DEFAULTS.length);
  });
});

describe('Excel export and import', () => {
  it('exports the workbook with a UTF-8 file name, honouring the list filters', async () => {
    const res = await api().get('/api/catalog/conditions/export.xlsx?matterCode=01001');
    expect(res.headers['content-type']).toBe(XLSX_MIME);
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${enc('立结案标准.xlsx')}`);
    const rows = (await readStandardsWorkbook(res.rawPayload)).map((r) => r.cells);
    expect(rows).toHaveLength(4);
    expect(rows[0]).toEqual({
      类型: '部件',
      大类: '市政公用设施',
      小类: '供水井盖',
      立案条件: '缺失、移位、开裂，存在安全隐患的',
      处置时限: '2紧急工作时',
      结案条件: '恢复',
      处置单位: '属地',
    });
    expect(await exportRows()).toHaveLength(FILING_DEFAULTS.length);
  });

  it('export → import (replace) gives identical rows', async () => {
    const before = await conditions();
    const first = await exportRows();
    const file = (await api().get('/api/catalog/conditions/export.xlsx')).rawPayload;
    const res = await upload(admin, '/api/catalog/conditions/import?mode=replace', file);
    expect(res.statusCode).toBe(200);
    const matters = new Set(FILING_DEFAULTS.map((d) => d.matterCode)).size;
    expect(res.json()).toEqual({
      mode: 'replace',
      imported: FILING_DEFAULTS.length,
      replacedMatters: matters,
      removed: FILING_DEFAULTS.length,
    });
    expect(await exportRows()).toEqual(first);
    const after = await conditions();
    expect(essence(after.items)).toEqual(essence(before.items));
    expect(after.items.map((c) => c.id)).not.toEqual(before.items.map((c) => c.id));
    const audit = (await api().get('/api/audit?entity=filing_condition_import')).json();
    expect(audit.total).toBe(1);
    expect(audit.items[0].after.conditions).toHaveLength(FILING_DEFAULTS.length);
    const tenantId = (await api().get('/api/auth/me')).json().user.tenantId;
    expect(await ctx.app.services.audit.verifyChain(tenantId)).toBeNull();
  });

  it('a file with bad rows is refused whole, listing every bad row; nothing is written', async () => {
    const file = await buildStandardsWorkbook([
      sheetRow({}),
      sheetRow({ 小类: '飞碟降落' }),
      sheetRow({ 立案条件: '另一条', 处置时限: '尽快', 处置单位: '不存在的单位' }),
      sheetRow({ 立案条件: '第三条' }),
    ]);
    const res = await upload(admin, '/api/catalog/conditions/import?mode=replace', file);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('CATALOG_IMPORT_INVALID');
    expect(res.json().error.details.map((d: { row: number; field: string }) => [d.row, d.field])).toEqual([
      [3, '小类'],
      [4, '处置时限'],
      [4, '处置单位'],
    ]);
    expect(res.json().error.details[0].message).toContain('飞碟降落');
    expect((await conditions('matterCode=09006')).items.map((c) => c.condition)).toEqual([
      FILING_DEFAULTS.find((d) => d.matterCode === '09006')?.condition,
    ]);
    expect((await api().get('/api/audit?entity=filing_condition_import')).json().total).toBe(1);
  });

  it('append adds after the existing conditions, refuses a repeat, and takes a raw octet-stream body too', async () => {
    const file = await buildStandardsWorkbook([
      sheetRow({ 处置单位: '属地街道' }),
      sheetRow({ 小类: '0406', 类型: '事件', 大类: '', 立案条件: '节假日占道摆卖', 处置时限: '1天' }),
    ]);
    const res = await importOutcome(
      ctx.app,
      admin,
      await ctx.app.inject({
        method: 'POST',
        url: '/api/catalog/conditions/import',
        payload: file,
        headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/octet-stream' },
      }),
    );
    expect(res.json()).toEqual({ mode: 'append', imported: 2, replacedMatters: 0, removed: 0 });
    const rows = (await conditions('matterCode=09006')).items;
    expect(rows.map((c) => [c.seq, c.condition, c.unitName])).toEqual([
      [1, FILING_DEFAULTS.find((d) => d.matterCode === '09006')?.condition, '城管执法大队'],
      [2, '夜间占道摆卖', null],
      [3, '节假日占道摆卖', '城管执法大队'],
    ]);
    expect(rows[2]?.handlingLimit).toEqual({ value: 1, unit: 'work_days' });
    const again = await upload(admin, '/api/catalog/conditions/import?mode=append', file);
    expect(again.json().error.details.map((d: { row: number; field: string }) => [d.row, d.field])).toEqual([
      [2, '立案条件'],
      [3, '立案条件'],
    ]);
  });

  it('refuses a file that is not xlsx, a missing file field, a bad mode and a file over 5 MB', async () => {
    const text = await upload(
      admin,
      '/api/catalog/conditions/import',
      Buffer.from('类型,大类,小类\n事项,街面秩序类,占道经营\n'),
      'file',
      'text/csv',
    );
    expect(text.statusCode).toBe(400);
    expect(text.json().error).toMatchObject({ code: 'CATALOG_SHEET_INVALID', details: [{ field: 'file' }] });
    const zipNotXlsx = await upload(
      admin,
      '/api/catalog/conditions/import',
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]),
    );
    expect(zipNotXlsx.json().error.code).toBe('CATALOG_SHEET_INVALID');
    const wrongField = await upload(
      admin,
      '/api/catalog/conditions/import',
      await buildStandardsWorkbook([sheetRow({})]),
      'upload',
    );
    expect(wrongField.json().error.details[0].field).toBe('body.file');
    const mode = await upload(
      admin,
      '/api/catalog/conditions/import?mode=merge',
      await buildStandardsWorkbook([sheetRow({})]),
    );
    expect(mode.json().error.details[0].field).toBe('query.mode');
    // Above the app's 1 MB JSON limit but within the 5 MB upload limit: read, then refused as not a workbook.
    const fourMb = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(4 * 1024 * 1024)]);
    expect((await upload(admin, '/api/catalog/conditions/import', fourMb)).json().error.code).toBe(
      'CATALOG_SHEET_INVALID',
    );
    const raw = async (payload: Buffer) =>
      importOutcome(
        ctx.app,
        admin,
        await ctx.app.inject({
          method: 'POST',
          url: '/api/catalog/conditions/import',
          payload,
          headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': XLSX_MIME },
        }),
      );
    expect((await raw(fourMb)).json().error.code).toBe('CATALOG_SHEET_INVALID');
    const big = Buffer.alloc(5 * 1024 * 1024 + 10, 1);
    expect((await upload(admin, '/api/catalog/conditions/import', big)).statusCode).toBe(413);
    expect((await raw(big)).statusCode).toBe(413);
  });
});

describe('permissions and tenancy', () => {
  it('an operator reads and exports but cannot write or import', async () => {
    const operator = await login(ctx.app, 'operator', 'Demo@12345');
    const op = as(ctx.app, operator);
    expect((await op.get('/api/catalog/conditions')).statusCode).toBe(200);
    expect((await op.get('/api/catalog/conditions/export.xlsx')).statusCode).toBe(200);
    const id = (await conditions()).items[0]?.id;
    expect(
      (
        await op.post('/api/catalog/conditions', {
          matterCode: '09006',
          condition: 'x',
          handlingLimit: { value: 1, unit: 'work_days' },
          closingCondition: 'x',
        })
      ).statusCode,
    ).toBe(403);
    expect((await op.patch(`/api/catalog/conditions/${id}`, { active: false })).statusCode).toBe(403);
    expect((await op.delete(`/api/catalog/conditions/${id}`)).statusCode).toBe(403);
    expect(
      (
        await upload(
          operator,
          '/api/catalog/conditions/import',
          await buildStandardsWorkbook([sheetRow({ 立案条件: '越权' })]),
        )
      ).statusCode,
    ).toBe(403);
  });

  it("a second tenant sees none of the first tenant's conditions and cannot touch or reference them", async () => {
    await createTenant(
      ctx.database.db,
      ctx.clock,
      { code: '420202', name: '黄石港区' },
      { username: 'admin', password: 'Other#2024x' },
    );
    const otherSession = await login(ctx.app, 'admin', 'Other#2024x', '420202');
    const other = as(ctx.app, otherSession);
    expect((await other.get('/api/catalog/conditions')).json().total).toBe(0);
    expect(await readStandardsWorkbook((await other.get('/api/catalog/conditions/export.xlsx')).rawPayload)).toEqual(
      [],
    );
    const id = (await conditions()).items[0]?.id;
    expect((await other.get(`/api/catalog/conditions/${id}`)).statusCode).toBe(404);
    expect((await other.patch(`/api/catalog/conditions/${id}`, { active: false })).statusCode).toBe(404);
    expect((await other.delete(`/api/catalog/conditions/${id}`)).statusCode).toBe(404);
    const foreignUnit = await other.post('/api/catalog/conditions', {
      matterCode: '09006',
      condition: 'x',
      handlingLimit: { value: 1, unit: 'work_days' },
      closingCondition: 'x',
      unitId: await unitId('SANITATION'),
    });
    expect(foreignUnit.json().error.code).toBe('CATALOG_UNKNOWN_UNIT');
    // Its units are its own: Daye's 城管执法大队 is unknown there.
    const res = await upload(
      otherSession,
      '/api/catalog/conditions/import',
      await buildStandardsWorkbook([sheetRow({})]),
    );
    expect(res.json().error).toMatchObject({
      code: 'CATALOG_IMPORT_INVALID',
      details: [{ row: 2, field: '处置单位' }],
    });
    expect((await conditions()).total).toBeGreaterThan(0);
  });
});
