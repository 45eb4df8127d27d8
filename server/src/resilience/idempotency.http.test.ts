import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStandardsWorkbook } from '../modules/catalog/standards-sheet.ts';
import { portraitJpegWithGps, wideJpeg } from '../testing/photo.fixtures.ts';
import { importOutcome } from '../testing/imports.ts';
import { as, createTestApp, login, type Session, type TestContext } from '../testing/test-app.ts';

/**
 * Idempotency on every create endpoint: a retry with the same Idempotency-Key returns the first result
 * and creates nothing more — intake, photo upload and the three imports (立结案标准 workbook, components, GeoJSON).
 * Open311 POST and the hotline webhook are covered by their modules' own tests.
 */
let ctx: TestContext;
let admin: Session;
let inspector: Session;
let operator: Session;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

beforeAll(async () => {
  ctx = await createTestApp();
  admin = await login(ctx.app, 'admin', 'Admin@12345');
  inspector = await login(ctx.app, 'inspector', 'Demo@12345');
  operator = await login(ctx.app, 'operator', 'Demo@12345');
});
afterAll(async () => ctx.close());

function multipart(
  session: Session,
  url: string,
  data: Buffer,
  type: string,
  filename: string,
  headers: Record<string, string>,
) {
  const boundary = `----idem${Date.now().toString(16)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`;
  return ctx.app.inject({
    method: 'POST',
    url,
    payload: Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: {
      cookie: session.cookie,
      'x-csrf-token': session.csrf,
      'content-type': `multipart/form-data; boundary=${boundary}`,
      ...headers,
    },
  });
}
/** Imports run as jobs: the outcome is the finished job's result or error, in the shape the import always had. */
const adminImport = async (url: string, body: unknown, headers?: Record<string, string>) =>
  importOutcome(ctx.app, admin, await as(ctx.app, admin).post(url, body, headers));
const multipartImport = async (session: Session, ...rest: [string, Buffer, string, string, Record<string, string>]) =>
  importOutcome(ctx.app, session, await multipart(session, ...rest));
const count = async (table: 'cases' | 'case_photos' | 'components' | 'filing_conditions' | 'regions') =>
  Number(
    (
      await ctx.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('Idempotency-Key on create endpoints', () => {
  it("intake: the retry returns the first case; another user's same key is their own; a malformed key is a 400 on the header", async () => {
    const body = { matterCode: '09006', description: '幂等 占道经营', lng: 114.975, lat: 30.1 };
    const first = await as(ctx.app, inspector).post('/api/cases', body, { 'idempotency-key': 'idem-intake-0001' });
    expect(first.statusCode).toBe(201);
    const before = await count('cases');
    const again = await as(ctx.app, inspector).post(
      '/api/cases',
      { lat: body.lat, lng: body.lng, description: body.description, matterCode: body.matterCode },
      { 'idempotency-key': 'idem-intake-0001' },
    );
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await count('cases')).toBe(before);
    const other = await as(ctx.app, operator).post('/api/cases', body, { 'idempotency-key': 'idem-intake-0001' });
    expect(other.statusCode).toBe(201);
    expect(other.json().id).not.toBe(first.json().id);
    const bad = await as(ctx.app, inspector).post('/api/cases', body, { 'idempotency-key': 'bad key!' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('headers.idempotency-key');
  });

  it('photo upload: the retry returns the first photo', async () => {
    const jpeg = await portraitJpegWithGps();
    const first = await multipart(inspector, '/api/photos', jpeg, 'image/jpeg', 'a.jpg', {
      'idempotency-key': 'idem-photo-0001',
    });
    expect(first.statusCode, first.body).toBe(201);
    const again = await multipart(inspector, '/api/photos', jpeg, 'image/jpeg', 'a.jpg', {
      'idempotency-key': 'idem-photo-0001',
    });
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
  });

  it('components import: the retry returns the first result instead of "already exists"', async () => {
    const file = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [114.972, 30.098] },
          properties: { code: '42028103005900777', deptName: '环卫所' },
        },
      ],
    };
    const before = await count('components');
    const first = await adminImport('/api/components/import', file, { 'idempotency-key': 'idem-comp-0001' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ created: 1 });
    const again = await adminImport('/api/components/import', file, { 'idempotency-key': 'idem-comp-0001' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ created: 1 });
    expect(await count('components')).toBe(before + 1);
    // Without the key the same file is a new request, refused because its id now exists.
    expect((await adminImport('/api/components/import', file)).statusCode).toBe(400);
  });

  it('GeoJSON import: the retry returns "created", not a second run\'s "updated"', async () => {
    const square = [
      [114.975, 30.095],
      [114.977, 30.095],
      [114.977, 30.097],
      [114.975, 30.097],
      [114.975, 30.095],
    ];
    const file = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { code: '420281001096', name: '幂等社区' },
          geometry: { type: 'Polygon', coordinates: [square] },
        },
      ],
    };
    const first = await adminImport('/api/geo/import/community', file, { 'idempotency-key': 'idem-geo-0001' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ created: 1, updated: 0 });
    const regions = await count('regions');
    const again = await adminImport('/api/geo/import/community', file, { 'idempotency-key': 'idem-geo-0001' });
    expect(again.json()).toEqual({ created: 1, updated: 0 });
    expect(await count('regions')).toBe(regions);
    expect((await adminImport('/api/geo/import/community', file)).json()).toEqual({ created: 0, updated: 1 });
  });

  it('立结案标准 import (append): the retry returns the first result, without the key it is a duplicate', async () => {
    const sheet = await buildStandardsWorkbook([
      {
        类型: '事项',
        大类: '街面秩序类',
        小类: '占道经营',
        立案条件: '幂等测试条件',
        处置时限: '2紧急工作时',
        结案条件: '取缔',
        处置单位: '城管执法大队',
      },
    ]);
    const first = await multipartImport(admin, '/api/catalog/conditions/import', sheet, XLSX, 's.xlsx', {
      'idempotency-key': 'idem-std-0001',
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ mode: 'append', imported: 1 });
    const conditions = await count('filing_conditions');
    const again = await multipartImport(admin, '/api/catalog/conditions/import', sheet, XLSX, 's.xlsx', {
      'idempotency-key': 'idem-std-0001',
    });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect(await count('filing_conditions')).toBe(conditions);
    expect((await multipartImport(admin, '/api/catalog/conditions/import', sheet, XLSX, 's.xlsx', {})).statusCode).toBe(
      400,
    );
  });

  it('the same key with a different body is a 422 IDEMPOTENCY_KEY_REUSED, not the first answer, and creates nothing', async () => {
    const body = { matterCode: '09006', description: '幂等 第一次', lng: 114.975, lat: 30.1 };
    const first = await as(ctx.app, inspector).post('/api/cases', body, { 'idempotency-key': 'idem-reuse-0001' });
    expect(first.statusCode).toBe(201);
    const cases = await count('cases');
    const reused = await as(ctx.app, inspector).post(
      '/api/cases',
      { ...body, description: '幂等 改了内容' },
      { 'idempotency-key': 'idem-reuse-0001', 'accept-language': 'en' },
    );
    expect(reused.statusCode, reused.body).toBe(422);
    expect(reused.json().error).toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
      message: expect.stringContaining('Idempotency-Key'),
    });
    expect(await count('cases')).toBe(cases);
    // The first request, sent again, still gets its answer.
    expect(
      (await as(ctx.app, inspector).post('/api/cases', body, { 'idempotency-key': 'idem-reuse-0001' })).json().id,
    ).toBe(first.json().id);

    const photo = await multipart(inspector, '/api/photos', await portraitJpegWithGps(), 'image/jpeg', 'a.jpg', {
      'idempotency-key': 'idem-reuse-photo',
    });
    expect(photo.statusCode).toBe(201);
    const photos = await count('case_photos');
    const otherPhoto = await multipart(inspector, '/api/photos', await wideJpeg(300, 200), 'image/jpeg', 'a.jpg', {
      'idempotency-key': 'idem-reuse-photo',
    });
    expect(otherPhoto.statusCode, otherPhoto.body).toBe(422);
    expect(await count('case_photos')).toBe(photos);

    // The imports look the key up before validating the file: a different file under the key is refused there too.
    const point = (code: string) => ({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [114.972, 30.098] },
          properties: { code, deptName: '环卫所' },
        },
      ],
    });
    expect(
      (
        await adminImport('/api/components/import', point('42028103005900779'), {
          'idempotency-key': 'idem-reuse-comp',
        })
      ).statusCode,
    ).toBe(200);
    const components = await count('components');
    const otherFile = await adminImport('/api/components/import', point('42028103005900780'), {
      'idempotency-key': 'idem-reuse-comp',
    });
    expect(otherFile.statusCode, otherFile.body).toBe(422);
    expect(otherFile.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await count('components')).toBe(components);
  });

  it('a malformed key on an import is a 400 naming the header, and nothing is imported', async () => {
    const file = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [114.972, 30.098] },
          properties: { code: '42028103005900778', deptName: '环卫所' },
        },
      ],
    };
    const before = await count('components');
    const res = await adminImport('/api/components/import', file, { 'idempotency-key': 'bad key!' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('headers.idempotency-key');
    expect(await count('components')).toBe(before);
  });
});
