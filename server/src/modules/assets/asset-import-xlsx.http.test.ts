import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importOutcome } from '../../testing/imports.ts';
import { as, createTestApp, login, type Session, type TestContext } from '../../testing/test-app.ts';

/**
 * Register files as Excel: an .xlsx import with the CSV's rows and per-row errors, all or nothing; the kind of an
 * upload told by content and extension (another kind is a 415, not a parse error); the .xlsx export importing again
 * unchanged; and the texts of row errors in the reader's language (zh-CN by default, English complete).
 */
let ctx: TestContext;
let admin: Session;
let handler: Session;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
interface Detail {
  field: string;
  message: string;
}
const details = (body: string) => (JSON.parse(body) as { error: { details: Detail[] } }).error.details;

beforeAll(async () => {
  ctx = await createTestApp();
  admin = await login(ctx.app, 'admin', 'Admin@12345');
  handler = await login(ctx.app, 'handler', 'Demo@12345');
});
afterAll(async () => ctx.close());

function upload(session: Session, url: string, filename: string, body: Buffer | string, type: string) {
  const boundary = '----cityloopxlsx';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    Buffer.isBuffer(body) ? body : Buffer.from(body),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return ctx.app.inject({
    method: 'POST',
    url,
    payload,
    headers: {
      cookie: session.cookie,
      'x-csrf-token': session.csrf,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
  });
}

async function workbook(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('台账');
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const HEADER = ['code', 'name', 'type', 'lng', 'lat', 'attr.capacityTpd', 'attr.bins'];
const count = async (q: string) => (await as(ctx.app, admin).get(`/api/assets/items?q=${q}`)).json().total as number;

describe('an .xlsx import', () => {
  it('is all or nothing, names every bad row as the CSV does and writes nothing', async () => {
    const bad = await workbook([
      HEADER,
      ['X-XL-01', '表格收集站一', 'SAN-COLLECT', 114.97, 30.09, 10, 5],
      ['X-XL-02', '表格收集站二', 'SAN-COLLECT', 116.4, 39.9, 10, 5],
      ['DY-BZ-01', '泵站改类型', 'SAN-COLLECT', 114.97, 30.09, 10, 5],
      ['X-XL-04', '表格收集站四', 'SAN-COLLECT', 114.97, 30.09, -1, 'x'],
    ]);
    const res = await importOutcome(ctx.app, admin, await upload(admin, '/api/assets/import', 'a.xlsx', bad, XLSX));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.code).toBe('ASSET_IMPORT_INVALID');
    expect(details(res.body).map((d) => d.field)).toEqual([
      'rows[2].lng',
      'rows[3].type',
      'rows[4].attributes.capacityTpd',
      'rows[4].attributes.bins',
    ]);
    expect(details(res.body)[1]?.message).toBe('DY-BZ-01 已是另一类型的设施');
    expect(await count('X-XL')).toBe(0);

    const good = await workbook([HEADER, ['X-XL-01', '表格收集站一', 'SAN-COLLECT', 114.97, 30.09, 10, 5]]);
    const ok = await importOutcome(ctx.app, admin, await upload(admin, '/api/assets/import', 'a.xlsx', good, XLSX));
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ created: 1, updated: 0 });
    const item = (await as(ctx.app, admin).get('/api/assets/items?q=X-XL-01')).json().items[0];
    expect(item).toMatchObject({ code: 'X-XL-01', typeCode: 'SAN-COLLECT', attributes: { capacityTpd: 10, bins: 5 } });
  });

  it('gives the row texts in English to an English reader', async () => {
    const bad = await workbook([HEADER, ['DY-BZ-01', '泵站改类型', 'SAN-COLLECT', 114.97, 30.09, 10, 5]]);
    const res = await importOutcome(
      ctx.app,
      admin,
      await upload(admin, '/api/assets/import', 'a.xlsx', bad, XLSX),
      'en',
    );
    expect(details(res.body)).toEqual([
      expect.objectContaining({ field: 'rows[1].type', message: 'DY-BZ-01 is an asset of another type' }),
    ]);
  });

  it('tells the kind by content: a workbook named .geojson is read as a workbook, an unknown kind is a 415', async () => {
    const good = await workbook([HEADER, ['X-XL-09', '表格收集站九', 'SAN-COLLECT', 114.97, 30.09, 10, 5]]);
    const ok = await importOutcome(
      ctx.app,
      admin,
      await upload(admin, '/api/assets/import', 'misnamed.geojson', good, 'application/octet-stream'),
    );
    expect(ok.statusCode, ok.body).toBe(200);
    // as the console sends it: the bytes alone, the kind its name declared
    const declared = await importOutcome(
      ctx.app,
      admin,
      await ctx.app.inject({
        method: 'POST',
        url: '/api/assets/import?format=geojson',
        payload: good,
        headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/octet-stream' },
      }),
    );
    expect(declared.json()).toEqual({ created: 0, updated: 1 });
    const pdf = await upload(admin, '/api/assets/import', 'plan.pdf', '%PDF-1.4', 'application/pdf');
    expect(pdf.statusCode).toBe(415);
    expect(pdf.json().error.code).toBe('ASSET_IMPORT_FORMAT');
    expect(details(pdf.body)[0]).toMatchObject({ field: 'body.file' });
    expect(details(pdf.body)[0]?.message).toContain('plan.pdf');
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    const old = await upload(admin, '/api/assets/import', 'old.xls', xls, 'application/vnd.ms-excel');
    expect([old.statusCode, old.json().error.code]).toEqual([415, 'ASSET_IMPORT_FORMAT']);
    const broken = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64)]);
    const unreadable = await importOutcome(
      ctx.app,
      admin,
      await upload(admin, '/api/assets/import', 'b.xlsx', broken, XLSX),
    );
    expect(unreadable.statusCode).toBe(400);
    expect(details(unreadable.body)[0]).toMatchObject({ field: 'file', message: '不是可读的 .xlsx 文件' });
  });
});

describe('the .xlsx export', () => {
  it('has the CSV columns and imports again unchanged', async () => {
    const res = await as(ctx.app, admin).get('/api/assets/export.xlsx?typeCode=SAN-TRANSFER');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const header = (wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      'code',
      'name',
      'type',
      'status',
      'address',
      'lng',
      'lat',
      'geometry',
      'attr.capacityTpd',
      'attr.compactors',
      'attr.operator',
    ]);
    const again = await importOutcome(
      ctx.app,
      admin,
      await upload(admin, '/api/assets/import', 'assets.xlsx', res.rawPayload, XLSX),
    );
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toEqual({ created: 0, updated: wb.worksheets[0]!.rowCount - 1 });
    expect(wb.worksheets[0]!.rowCount - 1).toBeGreaterThan(1);
  });
});

describe('the weighbridge file', () => {
  it('names bad rows in zh-CN, and in English for an English reader', async () => {
    const file = ['station,date,tonnes', 'NOPE,2023-12-31,1', 'DY-ZZ-01,2023-12-31,-2'].join('\n');
    const zh = await importOutcome(
      ctx.app,
      handler,
      await upload(handler, '/api/assets/logs/import', 'w.csv', file, 'text/csv'),
      'zh-CN',
    );
    expect(details(zh.body)).toEqual([
      expect.objectContaining({ field: 'rows[1].station', message: '没有站点 NOPE' }),
      expect.objectContaining({ field: 'rows[2].tonnes', message: '净重须为 0 到 10000 之间的数字（吨）' }),
    ]);
    const en = await importOutcome(
      ctx.app,
      handler,
      await upload(handler, '/api/assets/logs/import', 'w.csv', file, 'text/csv'),
      'en',
    );
    expect(details(en.body).map((d) => d.message)).toEqual(['no station NOPE', 'tonnes: a number from 0 to 10000']);
  });
});
