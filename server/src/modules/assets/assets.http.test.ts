import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importOutcome } from '../../testing/imports.ts';
import { uploadPhoto } from '../../testing/photo.fixtures.ts';
import { as, createTestApp, login, type Session, type TestContext } from '../../testing/test-app.ts';
import { TEST_NOW } from '../../testing/test-template.ts';

/**
 * The registers over HTTP on the seeded demo city (clock frozen at 2024-03-12 08:00 +08:00): attribute schemas
 * checked per type with a message per attribute, geometry inside the city, unique codes, quantities, imports all or
 * nothing with every bad row named, the 养护工单 lifecycle with its overdue flag, and the weighbridge file feeding
 * the report's sentence.
 */
let ctx: TestContext;
const sessions: Record<string, Session> = {};
const api = (who: string) => as(ctx.app, sessions[who] ?? null);
const units: Record<string, string> = {};
interface Detail {
  field: string;
  rule: string;
  message: string;
}
const details = (body: string) => (JSON.parse(body) as { error: { details: Detail[] } }).error.details;
const code = (body: string) => (JSON.parse(body) as { error: { code: string } }).error.code;
const IN = [114.98, 30.1] as const;

async function signInAll() {
  sessions.admin = await login(ctx.app, 'admin', 'Admin@12345');
  for (const u of ['leader', 'handler', 'operator']) sessions[u] = await login(ctx.app, u, 'Demo@12345');
}

beforeAll(async () => {
  ctx = await createTestApp();
  await signInAll();
  const list = (await api('admin').get('/api/org/units?pageSize=200')).json().items as { id: string; code: string }[];
  for (const u of list) units[u.code] = u.id;
});
afterAll(async () => ctx.close());

const station = (over: Record<string, unknown> = {}) => ({
  code: 'T-ZZ-01',
  name: '测试转运站',
  typeCode: 'SAN-TRANSFER',
  geometry: { type: 'Point', coordinates: [...IN] },
  unitId: units.SANITATION,
  attributes: { capacityTpd: 120, compactors: 2 },
  ...over,
});

/** A multipart upload of one file, as the console sends it. */
function upload(session: Session, url: string, filename: string, body: string, type = 'text/csv') {
  const boundary = '----cityloopassets';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    Buffer.from(body),
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

describe('the demo city', () => {
  it('has the types each line needs and a few dozen assets, marked synthetic', async () => {
    const types = (await api('leader').get('/api/assets/types')).json().items as { code: string; line: string }[];
    for (const c of [
      'SAN-TRANSFER',
      'SAN-COLLECT',
      'DRN-PUMP',
      'DRN-FLOOD',
      'MUN-ROAD',
      'MUN-BRIDGE',
      'PRK-PARK',
      'GAS-ENT',
    ])
      expect(types.map((t) => t.code)).toContain(c);
    expect(new Set(types.map((t) => t.line))).toEqual(
      new Set(['sanitation', 'parks', 'municipal', 'drainage', 'muck', 'gas']),
    );
    const page = (await api('leader').get('/api/assets/items?pageSize=100')).json();
    expect(page.total).toBeGreaterThanOrEqual(36);
    expect(page.items.every((a: { synthetic: boolean }) => a.synthetic)).toBe(true);
    const drainage = (await api('leader').get('/api/assets/items?line=drainage&pageSize=100')).json();
    expect(drainage.items.every((a: { line: string }) => a.line === 'drainage')).toBe(true);
    // 泵站, 易涝点, 管渠; 易渍水路段, 污水处理厂, 缺陷点 and 检查井 (seed/demo-line-entries.ts)
    expect(drainage.total).toBe(19 + 5 + 2 + 3 + 2 + 6 + 8);
  });

  it('pages, searches and sorts the list', async () => {
    const first = (
      await api('leader').get('/api/assets/items?typeCode=SAN-COLLECT&pageSize=5&sort=code&order=desc')
    ).json();
    expect(first.total).toBe(14);
    expect(first.items.map((a: { code: string }) => a.code)).toEqual([
      'DY-SJ-14',
      'DY-SJ-13',
      'DY-SJ-12',
      'DY-SJ-11',
      'DY-SJ-10',
    ]);
    const found = (await api('leader').get(`/api/assets/items?q=${encodeURIComponent('尹家湖')}`)).json();
    expect(found.items.map((a: { code: string }) => a.code).sort()).toEqual(['DY-GY-02', 'DY-QL-02']);
    // A code-shaped term searches the codes' beginnings, typed in either case; inside a code it still matches.
    const codes = async (q: string) =>
      (await api('leader').get(`/api/assets/items?q=${q}&pageSize=50`))
        .json()
        .items.map((a: { code: string }) => a.code) as string[];
    const prefixed = await codes('dy-sj-1');
    expect(prefixed).toEqual(['DY-SJ-10', 'DY-SJ-11', 'DY-SJ-12', 'DY-SJ-13', 'DY-SJ-14']);
    expect(await codes('SJ-14')).toEqual(['DY-SJ-14']);
    const bad = await api('leader').get('/api/assets/items?sort=secret');
    expect(bad.statusCode).toBe(400);
    expect(details(bad.body)[0]?.field).toBe('query.sort');
  });
});

describe('attribute schemas', () => {
  it('checks each type against its own schema and names every bad attribute', async () => {
    const res = await api('admin').post(
      '/api/assets/items',
      station({ attributes: { capacityTpd: -5, compactors: 2.5, colour: 'red' } }),
    );
    expect(res.statusCode, res.body).toBe(400);
    expect(code(res.body)).toBe('ASSET_INVALID_ATTRIBUTES');
    const byField = Object.fromEntries(details(res.body).map((d) => [d.field, d]));
    expect(Object.keys(byField).sort()).toEqual([
      'body.attributes.capacityTpd',
      'body.attributes.colour',
      'body.attributes.compactors',
    ]);
    expect(byField['body.attributes.capacityTpd']).toMatchObject({
      rule: 'minimum',
      message: '「设计规模」（capacityTpd）不能小于 0t/d',
    });
    expect(byField['body.attributes.compactors']?.message).toBe('「压缩设备」（compactors）应为整数');
    const missing = await api('admin').post('/api/assets/items', station({ attributes: {} }));
    expect(details(missing.body)).toEqual([
      { field: 'body.attributes.capacityTpd', rule: 'required', message: '请填写「设计规模」（capacityTpd）' },
    ]);
    const en = await api('admin').post('/api/assets/items', station({ attributes: {} }), { 'accept-language': 'en' });
    expect(details(en.body)[0]?.message).toBe('capacityTpd (设计规模) is required');
  });

  it('uses another schema for another type: an enum and a boolean of the 易涝点', async () => {
    const res = await api('admin').post('/api/assets/items', {
      code: 'T-YL-01',
      name: '测试易涝点',
      typeCode: 'DRN-FLOOD',
      geometry: { type: 'Point', coordinates: [...IN] },
      attributes: { thresholdCm: 300, level: '特别严重', sensor: 'yes' },
    });
    expect(res.statusCode).toBe(400);
    const byField = Object.fromEntries(details(res.body).map((d) => [d.field, d.rule]));
    expect(byField).toEqual({
      'body.attributes.thresholdCm': 'maximum',
      'body.attributes.level': 'enum',
      'body.attributes.sensor': 'type',
    });
  });

  it('refuses a type whose schema leaves the subset or contradicts itself, naming the part', async () => {
    const base = { code: 'T-TYPE', nameZh: '测试', nameEn: 'Test', line: 'gas', geometryKind: 'point' };
    const badType = await api('admin').post('/api/assets/types', {
      ...base,
      attributeSchema: { type: 'object', properties: { a: { type: 'array', title: 'A' } } },
    });
    expect(badType.statusCode).toBe(400);
    expect(details(badType.body)[0]?.field).toBe('body.attributeSchema.properties.a.type');
    const contradicting = await api('admin').post('/api/assets/types', {
      ...base,
      attributeSchema: {
        type: 'object',
        properties: { n: { type: 'number', title: 'N', minimum: 5, maximum: 1 } },
        required: ['m'],
      },
    });
    expect(contradicting.statusCode).toBe(400);
    expect(code(contradicting.body)).toBe('ASSET_INVALID_SCHEMA');
    expect(
      details(contradicting.body)
        .map((d) => d.field)
        .sort(),
    ).toEqual(['body.attributeSchema.properties.n.maximum', 'body.attributeSchema.required.0']);
    expect(details(contradicting.body).map((d) => d.message)).toEqual([
      '属性「n」：最大值小于最小值',
      '必填项「m」不是已定义的属性',
    ]);
    const ok = await api('admin').post('/api/assets/types', {
      ...base,
      attributeSchema: { type: 'object', properties: { n: { type: 'integer', title: 'N', minimum: 0 } } },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const again = await api('admin').post('/api/assets/types', {
      ...base,
      attributeSchema: { type: 'object', properties: {} },
    });
    expect(again.statusCode).toBe(409);
    expect(details(again.body)[0]?.field).toBe('body.code');
  });
});

describe('assets', () => {
  let id: string;

  it('registers an asset inside the city; a taken code is a 409 naming the field', async () => {
    const res = await api('admin').post('/api/assets/items', station());
    expect(res.statusCode, res.body).toBe(201);
    id = res.json().id;
    expect(res.json()).toMatchObject({
      code: 'T-ZZ-01',
      line: 'sanitation',
      unitName: '环卫所',
      lng: IN[0],
      lat: IN[1],
    });
    const dup = await api('admin').post('/api/assets/items', station({ name: '另一个' }));
    expect(dup.statusCode).toBe(409);
    expect(code(dup.body)).toBe('ASSET_DUPLICATE_CODE');
    expect(details(dup.body)[0]).toMatchObject({ field: 'body.code', rule: 'unique' });
    const read = await api('leader').get(`/api/assets/items/${id}`);
    expect(read.json().attributes).toEqual({ capacityTpd: 120, compactors: 2 });
  });

  it('refuses a position outside the tenant, and a geometry of the wrong kind', async () => {
    const far = await api('admin').post(
      '/api/assets/items',
      station({ code: 'T-FAR', geometry: { type: 'Point', coordinates: [116.4, 39.9] } }),
    );
    expect(far.statusCode).toBe(400);
    expect(code(far.body)).toBe('ASSET_OUTSIDE_TENANT');
    expect(details(far.body)[0]?.field).toBe('body.geometry.coordinates');
    const road = await api('admin').post('/api/assets/items', {
      code: 'T-ROAD',
      name: '测试路',
      typeCode: 'MUN-ROAD',
      geometry: { type: 'LineString', coordinates: [[...IN], [114.99, 30.1], [121.47, 31.23]] },
      attributes: { grade: '支路' },
    });
    expect(road.statusCode).toBe(400);
    expect(details(road.body)[0]?.field).toBe('body.geometry.coordinates.2');
    const kind = await api('admin').post(
      '/api/assets/items',
      station({ code: 'T-KIND', geometry: { type: 'LineString', coordinates: [[...IN], [114.99, 30.1]] } }),
    );
    expect(kind.statusCode).toBe(400);
    expect(details(kind.body)[0]?.field).toBe('body.geometry.type');
  });

  it('is read by the list roles and written only by the register keeper', async () => {
    expect((await api('operator').get('/api/assets/items')).statusCode).toBe(403);
    expect((await api('handler').post('/api/assets/items', station({ code: 'T-H' }))).statusCode).toBe(403);
    const patched = await api('admin').patch(`/api/assets/items/${id}`, {
      status: 'maintenance',
      attributes: { capacityTpd: 130 },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ status: 'maintenance', attributes: { capacityTpd: 130 } });
  });

  it('exports CSV and GeoJSON that import again unchanged', async () => {
    const csv = await api('leader').get('/api/assets/export.csv?typeCode=SAN-TRANSFER');
    expect(csv.statusCode).toBe(200);
    expect(csv.body.split('\r\n')[0]).toBe(
      '\ufeffcode,name,type,status,address,lng,lat,geometry,attr.capacityTpd,attr.compactors,attr.operator',
    );
    const geo = await api('leader').get('/api/assets/export.geojson?line=parks&typeCode=PRK-PARK');
    const fc = JSON.parse(geo.body) as { features: { geometry: { type: string }; properties: { type: string } }[] };
    expect(fc.features).toHaveLength(3);
    expect(fc.features[0]?.geometry.type).toBe('Polygon');
    const again = await importOutcome(
      ctx.app,
      sessions.admin!,
      await upload(sessions.admin!, '/api/assets/import', 'a.csv', csv.body.slice(1)),
    );
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toEqual({ created: 0, updated: 3 });
  });
});

describe('import', () => {
  it('is all or nothing and names every bad row', async () => {
    const csv = [
      'code,name,type,lng,lat,attr.capacityTpd,attr.bins',
      'T-SJ-01,新收集站一,SAN-COLLECT,114.97,30.09,10,5',
      'T-SJ-02,新收集站二,SAN-COLLECT,116.40,39.90,10,5',
      'T-SJ-03,新收集站三,NO-SUCH,114.97,30.09,10,5',
      'T-SJ-01,重复,SAN-COLLECT,114.97,30.09,10,5',
      'T-SJ-05,新收集站五,SAN-COLLECT,114.97,30.09,-1,x',
    ].join('\n');
    const res = await importOutcome(
      ctx.app,
      sessions.admin!,
      await upload(sessions.admin!, '/api/assets/import', 'new.csv', csv),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('ASSET_IMPORT_INVALID');
    expect((res.json().error.details as Detail[]).map((d) => d.field)).toEqual([
      'rows[2].lng',
      'rows[3].type',
      'rows[4].code',
      'rows[5].attributes.capacityTpd',
      'rows[5].attributes.bins',
    ]);
    const none = (await api('admin').get('/api/assets/items?q=T-SJ')).json();
    expect(none.total).toBe(0);
    const good = await importOutcome(
      ctx.app,
      sessions.admin!,
      await upload(sessions.admin!, '/api/assets/import', 'new.csv', csv.split('\n').slice(0, 2).join('\n')),
    );
    expect(good.json()).toEqual({ created: 1, updated: 0 });
  });

  it('reads a GeoJSON FeatureCollection with typed attributes', async () => {
    const fc = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: {
            type: 'LineString',
            coordinates: [
              [114.96, 30.1],
              [114.961, 30.1],
            ],
          },
          properties: {
            code: 'T-QL-01',
            name: '测试桥',
            type: 'MUN-BRIDGE',
            attributes: { kind: '桥梁', structure: '拱桥', spanM: 40 },
          },
        },
        {
          type: 'Feature',
          geometry: {
            type: 'LineString',
            coordinates: [
              [114.96, 30.1],
              [114.961, 30.1],
            ],
          },
          properties: {
            code: 'T-QL-02',
            name: '测试桥二',
            type: 'MUN-BRIDGE',
            attributes: { kind: '桥梁', structure: '吊桥' },
          },
        },
      ],
    };
    const bad = await importOutcome(ctx.app, sessions.admin!, await api('admin').post('/api/assets/import', fc));
    expect((bad.json().error.details as Detail[]).map((d) => d.field)).toEqual([
      'features[1].properties.attributes.structure',
    ]);
    const good = await importOutcome(
      ctx.app,
      sessions.admin!,
      await api('admin').post('/api/assets/import', { ...fc, features: fc.features.slice(0, 1) }),
    );
    expect(good.json()).toEqual({ created: 1, updated: 0 });
  });
});

describe('work orders', () => {
  let assetId: string;
  let orderId: string;

  beforeAll(async () => {
    const list = (await api('admin').get('/api/assets/items?q=DY-ZZ-02')).json();
    assetId = list.items[0].id;
  });

  it('refuses a negative quantity or cost, naming the field', async () => {
    const res = await api('admin').post('/api/assets/work-orders', {
      assetId,
      title: '测试',
      unitId: units.SANITATION,
      workDays: 3,
      quantity: -1,
      quantityUnit: 'm2',
      costFen: -5,
    });
    expect(res.statusCode).toBe(400);
    expect(
      details(res.body)
        .map((d) => d.field)
        .sort(),
    ).toEqual(['body.costFen', 'body.quantity']);
    const noUnit = await api('admin').post('/api/assets/work-orders', {
      assetId,
      title: '测试',
      unitId: units.SANITATION,
      workDays: 3,
      quantity: 5,
    });
    expect(details(noUnit.body)[0]?.field).toBe('body.quantityUnit');
  });

  it('goes open → in progress → done → accepted, by the unit and the keeper, with photos before and after', async () => {
    const photo = (who: string) => uploadPhoto(ctx.app, sessions[who]!);
    const before = await photo('admin');
    // Friday 2024-03-15 17:30 +08:00 after three working days from Tuesday 08:00
    const res = await api('admin').post('/api/assets/work-orders', {
      assetId,
      title: '压缩箱体焊补',
      unitId: units.SANITATION,
      workDays: 3,
      quantity: 2,
      quantityUnit: 'unit',
      beforePhotoIds: [before],
    });
    expect(res.statusCode, res.body).toBe(201);
    orderId = res.json().id;
    expect(res.json()).toMatchObject({
      state: 'open',
      overdue: false,
      orderNo: 'YH2024-00001',
      beforePhotoIds: [before],
    });
    expect(Date.parse(res.json().dueAt)).toBeGreaterThan(Date.parse('2024-03-14T16:00:00Z'));
    // the photo is held by the order: the handler of the unit sees it, a case cannot take it
    expect((await api('handler').get(`/api/photos/${before}/thumb`)).statusCode).toBe(200);
    expect((await api('operator').get(`/api/photos/${before}/thumb`)).statusCode).toBe(404);

    const skip = await api('admin').post(`/api/assets/work-orders/${orderId}/steps`, { action: 'accept' });
    expect(skip.statusCode).toBe(409);
    expect(code(skip.body)).toBe('ASSET_WORK_ORDER_TRANSITION');
    const start = await api('handler').post(`/api/assets/work-orders/${orderId}/steps`, { action: 'start' });
    expect(start.statusCode, start.body).toBe(200);
    expect(start.json().state).toBe('in_progress');
    const after = await photo('handler');
    const finish = await api('handler').post(`/api/assets/work-orders/${orderId}/steps`, {
      action: 'finish',
      quantity: 2.5,
      quantityUnit: 't',
      costFen: 45_000,
      afterPhotoIds: [after],
    });
    expect(finish.statusCode, finish.body).toBe(200);
    expect(finish.json()).toMatchObject({
      state: 'done',
      quantity: 2.5,
      quantityUnit: 't',
      costFen: 45_000,
      afterPhotoIds: [after],
      overdue: false,
    });
    expect(
      (await api('handler').post(`/api/assets/work-orders/${orderId}/steps`, { action: 'accept' })).statusCode,
    ).toBe(403);
    const accepted = await api('admin').post(`/api/assets/work-orders/${orderId}/steps`, { action: 'accept' });
    expect(accepted.json().state).toBe('accepted');
    const audit = (await api('admin').get('/api/audit?entity=work_order&pageSize=20')).json();
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['work_order.create', 'work_order.start', 'work_order.finish', 'work_order.accept']),
    );
  });

  it('flags an order overdue once its deadline passes unfinished, and lists by it', async () => {
    const res = await api('admin').post('/api/assets/work-orders', {
      assetId,
      title: '围挡修复',
      unitId: units.SANITATION,
      workDays: 1,
    });
    const id = res.json().id as string;
    expect(res.json().overdue).toBe(false);
    ctx.clock.set(new Date(Date.parse(res.json().dueAt) + 60_000));
    // a day later the sessions of the morning have lapsed: sign in again at the new time
    await signInAll();
    try {
      expect((await api('leader').get(`/api/assets/work-orders/${id}`)).json().overdue).toBe(true);
      const overdue = (await api('leader').get('/api/assets/work-orders?overdue=true&pageSize=100')).json();
      expect(overdue.items.map((o: { id: string }) => o.id)).toContain(id);
      expect(overdue.items.every((o: { overdue: boolean }) => o.overdue)).toBe(true);
      const onTime = (await api('leader').get('/api/assets/work-orders?overdue=false&pageSize=100')).json();
      expect(onTime.items.map((o: { id: string }) => o.id)).toContain(orderId);
      await api('handler').post(`/api/assets/work-orders/${id}/steps`, { action: 'start' });
      const late = await api('handler').post(`/api/assets/work-orders/${id}/steps`, { action: 'finish' });
      expect(late.json()).toMatchObject({ state: 'done', overdue: true });
    } finally {
      ctx.clock.set(new Date(TEST_NOW));
      await signInAll();
    }
  });

  it('links a project by id (an unknown one is a 400 on the field) and names it in the detail', async () => {
    const unknown = await api('admin').post('/api/assets/work-orders', {
      assetId,
      title: '项目外',
      unitId: units.SANITATION,
      workDays: 3,
      projectId: 'no-such-project',
    });
    expect(unknown.statusCode).toBe(400);
    expect(code(unknown.body)).toBe('ASSET_UNKNOWN_PROJECT');
    expect(details(unknown.body).map((d) => d.field)).toEqual(['body.projectId']);

    const project = await api('admin').post('/api/projects', {
      name: '转运站提升改造工程',
      shortName: '转运站改造',
      startOn: '2024-01-01',
      endOn: '2024-12-31',
      unitId: units.SANITATION,
    });
    expect(project.statusCode, project.body).toBe(201);
    const res = await api('admin').post('/api/assets/work-orders', {
      assetId,
      title: '压缩机更换',
      unitId: units.SANITATION,
      workDays: 3,
      projectId: project.json().id,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      projectId: project.json().id,
      projectName: '转运站提升改造工程',
    });
    expect((await api('leader').get('/api/assets/work-orders?pageSize=100')).json().items).toContainEqual(
      expect.objectContaining({ id: res.json().id, projectId: project.json().id }),
    );
  });

  it('counts a finished quantity in the unit the order was opened with, and refuses a quantity with no unit at all', async () => {
    const open = async (over: Record<string, unknown>) => {
      const res = await api('admin').post('/api/assets/work-orders', {
        assetId,
        title: '路面修补',
        unitId: units.SANITATION,
        workDays: 3,
        ...over,
      });
      expect(res.statusCode, res.body).toBe(201);
      const id = res.json().id as string;
      expect((await api('handler').post(`/api/assets/work-orders/${id}/steps`, { action: 'start' })).statusCode).toBe(
        200,
      );
      return id;
    };
    const withUnit = await open({ quantity: 10, quantityUnit: 'm2' });
    const done = await api('handler').post(`/api/assets/work-orders/${withUnit}/steps`, {
      action: 'finish',
      quantity: 12.5,
      costFen: 123_456,
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ state: 'done', quantity: 12.5, quantityUnit: 'm2', costFen: 123_456 });

    const noUnit = await open({});
    const refused = await api('handler').post(`/api/assets/work-orders/${noUnit}/steps`, {
      action: 'finish',
      quantity: 3,
    });
    expect(refused.statusCode).toBe(400);
    expect(details(refused.body).map((d) => d.field)).toEqual(['body.quantityUnit']);
    const negative = await api('handler').post(`/api/assets/work-orders/${noUnit}/steps`, {
      action: 'finish',
      quantity: -1,
      quantityUnit: 'm',
      costFen: -1,
    });
    expect(negative.statusCode).toBe(400);
    expect(
      details(negative.body)
        .map((d) => d.field)
        .sort(),
    ).toEqual(['body.costFen', 'body.quantity']);
    // nothing was written by the refused finishes
    expect((await api('handler').get(`/api/assets/work-orders/${noUnit}`)).json()).toMatchObject({
      state: 'in_progress',
      quantity: null,
      costFen: null,
    });
  });
});

describe('daily logs and the report', () => {
  const sentence = async (lang = 'zh-CN') => {
    const r = (await api('leader').get(`/api/reports/statistics?period=year&at=2023&lang=${lang}`)).json();
    return r.sections.find((s: { key: string }) => s.key === 'assets.sanitation') as {
      title: string;
      paragraphs: string[];
    };
  };

  it('says the seeded 2023 tonnage of the transfer stations in the report', async () => {
    const s = await sentence();
    expect(s.title).toBe('环境卫生设施');
    expect(s.paragraphs).toContain('2023年度，垃圾转运站共转运生活垃圾7012.4吨（2座）。');
    const drainage = (await api('leader').get('/api/reports/statistics?period=year&at=2023'))
      .json()
      .sections.find((x: { key: string }) => x.key === 'assets.drainage');
    expect(drainage.paragraphs).toContain('2023年度，排水管渠累计作业23500米（2处）。');
  });

  it('imports a weighbridge file, all or nothing, and the sentence carries its tonnes', async () => {
    const bad = [
      'station,date,tonnes',
      'DY-ZZ-01,2023-12-31,5',
      'DY-BZ-01,2023-12-31,3',
      'NOPE,2023-12-31,1',
      'DY-ZZ-01,2023-13-01,-2',
    ].join('\n');
    const refused = await importOutcome(
      ctx.app,
      sessions.handler!,
      await upload(sessions.handler!, '/api/assets/logs/import', 'w.csv', bad),
    );
    expect(refused.statusCode).toBe(400);
    expect((refused.json().error.details as Detail[]).map((d) => d.field)).toEqual([
      'rows[2].station',
      'rows[3].station',
      'rows[4].date',
      'rows[4].tonnes',
    ]);
    expect((await sentence()).paragraphs).toContain('2023年度，垃圾转运站共转运生活垃圾7012.4吨（2座）。');
    // the last day of 2023 replaced by three weighings: 12.5 + 10 + 7.25 t at station 1, 4 t at station 2
    const logs = (await api('leader').get('/api/assets/logs?from=2023-12-31&to=2023-12-31&line=sanitation')).json();
    const was = logs.items.reduce((s: number, l: { quantity: number }) => s + l.quantity, 0) as number;
    const file = [
      '站点编码,日期,净重',
      'DY-ZZ-01,2023/12/31,12.5',
      'DY-ZZ-01,2023-12-31,10',
      'DY-ZZ-01,2023-12-31,7.25',
      'DY-ZZ-02,2023-12-31,4',
    ].join('\r\n');
    const ok = await importOutcome(
      ctx.app,
      sessions.handler!,
      await upload(sessions.handler!, '/api/assets/logs/import', 'w.csv', file),
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ written: 2, tonnes: 33.75 });
    const expected = Math.round((7012.4 - was + 33.75) * 10) / 10;
    expect((await sentence()).paragraphs).toContain(`2023年度，垃圾转运站共转运生活垃圾${expected}吨（2座）。`);
    expect((await sentence('en')).paragraphs).toContain(
      `year 2023: Waste transfer station transferred ${expected} t of household waste (2 stations).`,
    );
  });

  it('records a day by form; a type without a daily log refuses it', async () => {
    const pump = (await api('admin').get('/api/assets/items?q=DY-BZ-01')).json().items[0].id as string;
    const flood = (await api('admin').get('/api/assets/items?q=DY-YL-01')).json().items[0].id as string;
    const res = await api('admin').post('/api/assets/logs', { assetId: pump, logDate: '2024-03-11', quantity: 6.5 });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ quantity: 6.5, unit: 'h', source: 'form' });
    const neg = await api('admin').post('/api/assets/logs', { assetId: pump, logDate: '2024-03-11', quantity: -1 });
    expect(details(neg.body)[0]?.field).toBe('body.quantity');
    const none = await api('admin').post('/api/assets/logs', { assetId: flood, logDate: '2024-03-11', quantity: 1 });
    expect(code(none.body)).toBe('ASSET_NO_DAILY_LOG');
  });

  it('draws the map layer as GeoJSON', async () => {
    const res = await api('leader').get('/api/assets/layer?line=parks&typeCode=PRK-PARK');
    expect(res.statusCode).toBe(200);
    const fc = JSON.parse(res.body) as { features: { properties: { line: string } }[] };
    expect(fc.features.length).toBe(3);
  });
});
