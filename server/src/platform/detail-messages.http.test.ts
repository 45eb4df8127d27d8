import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XLSX_MIME } from '../../../common/contracts/catalog.ts';

import { importOutcome } from '../testing/imports.ts';
import { createTestApp, login, type Session, type TestContext } from '../testing/test-app.ts';
import { buildStandardsWorkbook } from '../testing/app-parts.ts';

/**
 * Row-level messages inside error details follow the reader's language (platform/errors.ts withMessage), also when
 * they come back later as an import job's error.
 */
let ctx: TestContext;
let admin: Session;
let operator: Session;
beforeAll(async () => {
  ctx = await createTestApp();
  admin = await login(ctx.app, 'admin', 'Admin@12345');
  operator = await login(ctx.app, 'operator', 'Demo@12345');
});
afterAll(async () => ctx.close());

const send = (session: Session, url: string, payload: Buffer, type: string, language?: string) =>
  ctx.app.inject({
    method: 'POST',
    url,
    payload,
    headers: {
      cookie: session.cookie,
      'x-csrf-token': session.csrf,
      'content-type': type,
      ...(language ? { 'accept-language': language } : {}),
    },
  });
/** An import, followed to the end of its job; the job is read in the same language. */
const post = async (session: Session, url: string, payload: Buffer, type: string, language?: string) =>
  importOutcome(ctx.app, session, await send(session, url, payload, type, language), language ?? 'zh-CN');
type Detail = { row: number; field: string; message: string };
const details = (res: { json: () => { error: { details: Detail[] } } }) => res.json().error.details;

describe('import row errors', () => {
  it('a catalog standards row error is Chinese by default and English for an English request', async () => {
    const file = await buildStandardsWorkbook([
      {
        类型: '事项',
        大类: '',
        小类: '占道经营',
        立案条件: '夜间占道摆卖',
        处置时限: '尽快',
        结案条件: '取缔',
        处置单位: '城管执法大队',
      },
    ]);
    const zh = await post(admin, '/api/catalog/conditions/import?mode=append', file, XLSX_MIME);
    expect(zh.statusCode, zh.body).toBe(400);
    expect(details(zh)).toEqual([
      {
        row: 2,
        field: '处置时限',
        message: '无法识别处置时限「尽快」：应为 1–999 的整数加单位，如 2紧急工作时、4工作时、3工作日、7自然日',
      },
    ]);
    const en = await post(admin, '/api/catalog/conditions/import?mode=append', file, XLSX_MIME, 'en-US,en;q=0.9');
    expect(en.statusCode).toBe(400);
    expect(details(en)).toEqual([
      {
        row: 2,
        field: '处置时限',
        message: expect.stringMatching(
          /^Cannot read the handling time limit "尽快": write a whole number from 1 to 999 and a unit/,
        ),
      },
    ]);
  });

  it('a hotline row error and a missing header are Chinese by default and English for an English request', async () => {
    const csv = Buffer.from('\uFEFF工单编号,诉求内容,紧急程度\r\nGD-LANG-1,,很急\r\n');
    const zh = await post(operator, '/api/hotline/orders/import?source=12345', csv, 'text/csv');
    expect(zh.statusCode, zh.body).toBe(400);
    expect(details(zh)).toEqual([
      { row: 2, field: '诉求内容', message: '诉求内容不能为空' },
      { row: 2, field: '紧急程度', message: '紧急程度「很急」应为 一般、紧急、特急' },
    ]);
    const en = await post(operator, '/api/hotline/orders/import?source=12345', csv, 'text/csv', 'en');
    expect(details(en)).toEqual([
      { row: 2, field: '诉求内容', message: '诉求内容 is required' },
      { row: 2, field: '紧急程度', message: 'Urgency "很急" must be one of: 一般、紧急、特急' },
    ]);
    const noHeader = await post(
      operator,
      '/api/hotline/orders/import?source=12345',
      Buffer.from('编号,姓名\r\nX-1,张三\r\n'),
      'text/csv',
      'en',
    );
    expect(details(noHeader)).toEqual([
      { row: 1, field: '诉求内容', message: 'The column header "诉求内容" is missing' },
    ]);
  });

  it('a missing upload names the field in the request language', async () => {
    const boundary = '----cityloopLang';
    const body = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="other"; filename="a.xlsx"\r\nContent-Type: ${XLSX_MIME}\r\n\r\nx\r\n--${boundary}--\r\n`,
    );
    const type = `multipart/form-data; boundary=${boundary}`;
    const zh = await send(admin, '/api/catalog/conditions/import', body, type);
    expect(zh.statusCode).toBe(400);
    expect(details(zh)).toEqual([
      { field: 'body.file', rule: 'required', message: '请在表单字段 file 中上传 xlsx 文件' },
    ]);
    const en = await send(admin, '/api/catalog/conditions/import', body, type, 'en');
    expect(details(en)).toEqual([
      { field: 'body.file', rule: 'required', message: 'Upload the xlsx file in the multipart form field "file"' },
    ]);
  });
});

describe('detail messages of each module', () => {
  const json = (value: unknown) => Buffer.from(JSON.stringify(value));
  const NO_FEATURES = { type: 'FeatureCollection', features: [] };

  it('catalog: a rule broken by a new entry, and a sheet row naming no catalog class', async () => {
    const body = json({ kind: 'matter', majorCode: '01', name: '井盖移位' });
    const zh = await send(admin, '/api/catalog/entries', body, 'application/json');
    expect(zh.statusCode, zh.body).toBe(400);
    expect(details(zh)[0]?.message).toBe('01–05 大类的事项是部件的「异常」，请新增部件，其异常事项随之生成');
    const en = await send(admin, '/api/catalog/entries', body, 'application/json', 'en');
    expect(details(en)[0]?.message).toMatch(/^Matters in the major classes 01–05 are component anomalies/);

    const file = await buildStandardsWorkbook([
      {
        类型: '',
        大类: '',
        小类: '会飞的井盖',
        立案条件: '飞走了',
        处置时限: '2工作日',
        结案条件: '找回',
        处置单位: '属地',
      },
    ]);
    const sheet = await post(admin, '/api/catalog/conditions/import?mode=append', file, XLSX_MIME, 'en');
    expect(details(sheet)).toEqual([
      {
        row: 2,
        field: '小类',
        message:
          'Minor class "会飞的井盖" is not in the catalog (write the name, the 5-digit code or the old 4-digit code)',
      },
    ]);
  });

  it('hotline: a file without data rows', async () => {
    const csv = Buffer.from('\uFEFF工单编号,诉求内容\r\n');
    const zh = await post(operator, '/api/hotline/orders/import?source=12345', csv, 'text/csv');
    expect(zh.statusCode, zh.body).toBe(400);
    expect(details(zh)).toEqual([{ row: 2, field: 'file', message: '表中没有数据行' }]);
    const en = await post(operator, '/api/hotline/orders/import?source=12345', csv, 'text/csv', 'en');
    expect(details(en)).toEqual([{ row: 2, field: 'file', message: 'The sheet has no data rows' }]);
  });

  it('geo: a boundary file without features', async () => {
    const zh = await post(admin, '/api/geo/import/community', json(NO_FEATURES), 'application/json');
    expect(zh.statusCode, zh.body).toBe(400);
    expect(zh.json().error.details).toEqual([{ path: 'features', message: '文件中没有要素' }]);
    const en = await post(admin, '/api/geo/import/community', json(NO_FEATURES), 'application/json', 'en');
    expect(en.json().error.details).toEqual([{ path: 'features', message: 'The file has no features' }]);
  });

  it('components: a census file without rows', async () => {
    const zh = await post(admin, '/api/components/import', json(NO_FEATURES), 'application/json');
    expect(zh.statusCode, zh.body).toBe(400);
    expect(zh.json().error.details).toEqual([{ path: 'file', message: '文件中没有数据行' }]);
    const en = await post(admin, '/api/components/import', json(NO_FEATURES), 'application/json', 'en');
    expect(en.json().error.details).toEqual([{ path: 'file', message: 'The file has no rows' }]);
  });
});
