import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XLSX_MIME } from '../../../common/contracts/catalog.ts';
import { importOutcome } from '../testing/imports.ts';
import { createTestApp, login, type Session, type TestContext } from '../testing/test-app.ts';
import { bombSheetXml, SHEET_PATH, sheetXml, withDeclaredSize, workbookWithSheet } from '../testing/xlsx-bombs.ts';

/**
 * Every spreadsheet import refuses zip bombs and oversized sheets with a 413 / 422 naming the limit, and the
 * server keeps answering meanwhile. Limits are lowered here (4 MB unpacked, 100 rows) so the files stay small.
 */
let ctx: TestContext;
let operator: Session;
let admin: Session;
const MB = 1024 * 1024;

beforeAll(async () => {
  ctx = await createTestApp({ env: { IMPORT_MAX_UNPACKED_MB: '4', IMPORT_MAX_ROWS: '100' } });
  operator = await login(ctx.app, 'operator', 'Demo@12345');
  admin = await login(ctx.app, 'admin', 'Admin@12345');
});
afterAll(async () => ctx.close());

interface Route {
  name: string;
  url: string;
  who: () => Session;
  header: string[];
  cell: (row: number, col: number) => string;
}
const ROUTES: Route[] = [
  {
    name: 'hotline work orders',
    url: '/api/hotline/orders/import?source=12345',
    who: () => operator,
    header: ['工单编号', '诉求内容'],
    cell: (r, c) => (c === 0 ? `GD-${r}` : '路灯不亮'),
  },
  {
    name: '立结案标准',
    url: '/api/catalog/conditions/import',
    who: () => admin,
    header: ['小类', '立案条件', '处置时限', '结案条件', '处置单位'],
    cell: (r, c) => ['井盖', `条件${r}`, '2工作日', '已修复', '属地'][c] ?? '',
  },
  {
    name: 'components',
    url: '/api/components/import',
    who: () => admin,
    header: ['code', 'lng', 'lat', 'deptName'],
    cell: (r, c) => [`42028101001${String(r).padStart(6, '0')}`, '114.97', '30.1', '市政'][c] ?? '',
  },
];

/** Imports run as jobs: a refusal comes either at once (no job) or as the finished job's error, in the same shape. */
const send = async (route: Route, file: Buffer, lang = 'zh-CN') =>
  importOutcome(
    ctx.app,
    route.who(),
    await ctx.app.inject({
      method: 'POST',
      url: route.url,
      payload: file,
      headers: {
        cookie: route.who().cookie,
        'x-csrf-token': route.who().csrf,
        'content-type': XLSX_MIME,
        'accept-language': lang,
      },
    }),
    lang,
  );

describe.each(ROUTES)('$name import', (route) => {
  it('a zip bomb is a 413 naming the unpacked-size limit, and the server answers other requests meanwhile', async () => {
    const bomb = await workbookWithSheet(bombSheetXml(route.header, 6 * MB));
    expect(bomb.length).toBeLessThan(100 * 1024);
    const [res, health] = await Promise.all([send(route, bomb), ctx.app.inject({ method: 'GET', url: '/api/health' })]);
    expect(health.statusCode).toBe(200);
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json().error).toMatchObject({
      code: 'IMPORT_TOO_LARGE',
      details: { field: 'body.file', maxUnpackedMb: 4 },
    });
    expect(res.json().error.message).toContain('4 MB');
    // Its zip directory declares the size: refused by the request itself, before any job is stored.
    expect(res.job).toBeNull();
    expect((await send(route, bomb, 'en')).json().error.message).toBe(
      'The spreadsheet unpacks to more than the import limit of 4 MB; nothing was imported',
    );
  });

  it('a bomb whose zip headers understate its size is stopped while inflating (413)', async () => {
    const lying = withDeclaredSize(await workbookWithSheet(bombSheetXml(route.header, 6 * MB)), SHEET_PATH, 2048);
    const res = await send(route, lying);
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json().error.code).toBe('IMPORT_TOO_LARGE');
    // Found only while inflating, by the job: it failed, and its upload is no longer kept.
    expect(res.job?.status).toBe('failed');
  });

  it('a sheet over the row limit is a 422 naming it, whether its dimension says so or not', async () => {
    const claimed = await workbookWithSheet(sheetXml(route.header, 2, route.cell, 'A1:E1048576'));
    const many = await workbookWithSheet(sheetXml(route.header, 101, route.cell));
    for (const file of [claimed, many]) {
      const res = await send(route, file);
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().error).toMatchObject({
        code: 'IMPORT_TOO_MANY_ROWS',
        details: { field: 'body.file', maxRows: 100 },
      });
      expect(res.json().error.message).toContain('100');
    }
  });
});
