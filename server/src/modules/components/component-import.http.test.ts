import ExcelJS from 'exceljs';
import type { Buffer as ExcelBuffer } from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importOutcome } from '../../testing/imports.ts';
import { as, createTestApp, login, type Session, type TestContext } from '../../testing/test-app.ts';

let ctx: TestContext;
let admin: Session;
beforeAll(async () => {
  ctx = await createTestApp();
  admin = await login(ctx.app, 'admin', 'Admin@12345');
});
afterAll(async () => ctx.close());

const api = () => as(ctx.app, admin);
const total = async () =>
  Number(
    (
      await ctx.database.db
        .selectFrom('components')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A multipart/form-data upload, as a browser sends it; imports run as jobs, so this follows the job to its outcome. */
async function upload(filename: string, content: Buffer | string, type: string) {
  const boundary = `----cityloop${Date.now().toString(16)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`;
  return importOutcome(
    ctx.app,
    admin,
    await ctx.app.inject({
      method: 'POST',
      url: '/api/components/import',
      payload: Buffer.concat([Buffer.from(head), Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]),
      headers: {
        cookie: admin.cookie,
        'x-csrf-token': admin.csrf,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
    }),
  );
}
const importPost = async (url: string, body: unknown) => importOutcome(ctx.app, admin, await api().post(url, body));
const HEADER =
  '管理部件标识码,部件类别代码,管理部件名称,管理部件状态,主管部门名称,养护单位名称,经度,纬度,初始日期,备注';
const csv = (...rows: string[]) => `\uFEFF${[HEADER, ...rows].join('\r\n')}\r\n`;

describe('CSV import', () => {
  it('lists both bad rows by row number and field, and writes nothing', async () => {
    const before = await total();
    const res = await upload(
      'census.csv',
      csv(
        ',01037,,完好,市政所,市政所,114.972,30.098,2024-03-01,ok',
        ',01037,,坏了,市政所,,114.972,30.0981,,bad state',
        '42028101037800001,01037,路灯,破损,市政所,,114.9721,30.098,20240301,ok',
        ',01037,,完好,市政所,,116.39,39.9,,outside',
      ),
      'text/csv',
    );
    expect(res.statusCode).toBe(400);
    const { code, details } = res.json().error;
    expect(code).toBe('COMPONENT_IMPORT_INVALID');
    expect(details.map((d: { path: string }) => d.path)).toEqual(['row 3.state', 'row 5.lng']);
    expect(details[1]).toMatchObject({ row: 5, field: 'lng', message: expect.stringMatching(/outside the tenant/) });
    expect(await total()).toBe(before);
  });

  it('imports good rows: serials assigned in file order, grids located, dates read in both forms', async () => {
    const last =
      (await api().get('/api/components?classCode=01038&sort=code&order=desc&pageSize=1')).json().items[0]?.code ??
      '42028101038000000';
    const res = await importOutcome(
      ctx.app,
      admin,
      await ctx.app.inject({
        method: 'POST',
        url: '/api/components/import',
        payload: csv(
          ',01038,地灯,完好,市政所,市政所,114.972,30.098,2024-03-01,',
          ',01038,,破损,市政所,,114.9722,30.0982,20240302,"含,逗号"',
        ),
        headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'text/csv' },
      }),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ created: 2 });
    const serial = Number(last.slice(11));
    const rows = (await api().get('/api/components?classCode=01038&sort=code&order=desc&pageSize=2'))
      .json()
      .items.reverse();
    expect(rows.map((r: { code: string }) => r.code)).toEqual(
      [1, 2].map((k) => `42028101038${String(serial + k).padStart(6, '0')}`),
    );
    expect(rows[0]).toMatchObject({
      name: '地灯',
      state: 'intact',
      initialDate: '2024-03-01',
      maintainerName: '市政所',
    });
    expect(rows[1]).toMatchObject({
      state: 'damaged',
      initialDate: '2024-03-02',
      notes: '含,逗号',
      gridCode: expect.stringMatching(/^420281\d{9}$/),
    });
    const audit = (await api().get('/api/audit?entity=component&entityId=import')).json();
    expect(audit.items[0]).toMatchObject({ action: 'component.import', after: { count: 2 } });
  });

  it('names duplicate ids, in the file and already stored', async () => {
    const stored = (await api().get('/api/components?classCode=01072&pageSize=1')).json().items[0].code;
    const before = await total();
    const res = await upload(
      'dup.csv',
      csv(
        `${stored},,,完好,排水所,,114.972,30.098,,`,
        '42028101037800009,,,完好,市政所,,114.972,30.098,,',
        '42028101037800009,,,完好,市政所,,114.972,30.098,,',
      ),
      'text/csv',
    );
    expect(res.statusCode).toBe(400);
    const details = res.json().error.details as { path: string; message: string }[];
    expect(details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'row 2.code', message: expect.stringMatching(/已存在/) }),
        expect.objectContaining({ path: 'row 4.code', message: expect.stringMatching(/duplicate/) }),
      ]),
    );
    expect(await total()).toBe(before);
  });

  it('names a missing column once instead of every row', async () => {
    const res = await upload('nocol.csv', '经度,纬度\r\n114.97,30.09\r\n', 'text/csv');
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['row 1.code', 'row 1.deptName']);
  });
});

describe('GeoJSON and Excel import', () => {
  it('takes a JSON FeatureCollection and names features[i] paths', async () => {
    const before = await total();
    const bad = await importPost('/api/components/import', {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [114.972, 30.098] },
          properties: { classCode: '03005' },
        },
        {
          type: 'Feature',
          geometry: { type: 'Polygon', coordinates: [] },
          properties: { code: '42028103005900001', deptName: '环卫所' },
        },
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [114.972, 30.098] },
          properties: { code: '42028199999900001', deptName: '环卫所' },
        },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual([
      'features[0].properties.deptName',
      'features[1].geometry',
      'features[2].properties.code',
    ]);
    expect(await total()).toBe(before);
    const good = await importPost('/api/components/import?crs=gcj02', {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [114.9775, 30.0955] },
          properties: { 管理部件标识码: '42028103005900001', 主管部门名称: '环卫所', 管理部件状态: '丢失' },
        },
      ],
    });
    expect(good.json()).toEqual({ created: 1 });
    const c = (await api().get('/api/components/42028103005900001')).json();
    expect(c).toMatchObject({ state: 'lost', deptName: '环卫所', name: '垃圾箱' });
    expect(c.lng).toBeLessThan(114.9775); // GCJ-02 → WGS84 moves Daye points west and south by a few hundred metres
  });

  it('reads an uploaded workbook and refuses ids stored as numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('部件');
    sheet.addRow(['部件类别代码', '主管部门', '经度', '纬度', '初始日期', '管理部件标识码']);
    sheet.addRow(['04002', '园林所', 114.973, 30.097, new Date(Date.UTC(2023, 5, 1)), null]);
    sheet.addRow(['04002', '园林所', 114.9731, 30.0971, '2023-06-02', null]);
    const good = await upload('trees.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()), XLSX);
    expect(good.statusCode).toBe(200);
    expect(good.json()).toEqual({ created: 2 });
    // A 17-digit id typed into Excel as a number has already lost its last digits: the import must refuse it.
    // eslint-disable-next-line no-loss-of-precision
    sheet.addRow([null, '园林所', 114.9732, 30.0972, null, 42028104002999999]);
    const bad = await upload('trees.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()), XLSX);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toContain('row 4.code');
  });
});

describe('export', () => {
  it('writes CSV, Excel and GeoJSON with the same filters; the CSV reads back (ids then clash)', async () => {
    const res = await api().get('/api/components/export.csv?classCode=01072');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(20);
    expect(lines[0]).toContain('管理部件标识码');
    const again = await upload('export.csv', res.body, 'text/csv');
    const details = again.json().error.details as { field: string; message: string }[];
    expect(details).toHaveLength(19);
    expect(details.every((d) => d.field === 'code' && /已存在/.test(d.message))).toBe(true);

    const xlsx = await api().get('/api/components/export.xlsx?classCode=01072');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ExcelBuffer);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.rowCount).toBe(20);
    expect(typeof sheet.getRow(2).getCell(1).value).toBe('string');

    const geojson = (await api().get('/api/components/export.geojson?classCode=01072')).json();
    expect(geojson.features).toHaveLength(19);
    expect(geojson.features[0]).toMatchObject({
      geometry: { type: 'Point' },
      properties: { classCode: '01072', synthetic: true },
    });
  });
});
