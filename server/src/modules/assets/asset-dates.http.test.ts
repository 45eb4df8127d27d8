import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffSessions } from '../../testing/case-loop.ts';
import { importOutcome } from '../../testing/imports.ts';
import { as, createTestApp, type Session, type TestContext } from '../../testing/test-app.ts';

/**
 * Date attributes (docs/assets.md, "Attribute schema"): a string with `format: "date"` holds a real calendar day as
 * YYYY-MM-DD; anything else is a 400 on the attribute's own field, in the reader's language, from a form or a file.
 */
let ctx: TestContext;
let s: Record<string, Session>;
const api = (who: string) => as(ctx.app, s[who]!);
const IN = [114.98, 30.1];
interface Detail {
  field: string;
  rule: string;
  message: string;
}

const TYPE = {
  code: 'T-DATED',
  nameZh: '测试设施',
  nameEn: 'Test facility',
  line: 'municipal',
  geometryKind: 'point',
  attributeSchema: {
    type: 'object',
    properties: {
      builtOn: { type: 'string', format: 'date', title: '建成日期', titleEn: 'Built on' },
      note: { type: 'string', title: '备注', maxLength: 20 },
    },
    required: ['builtOn'],
  },
};
const asset = (code: string, attributes: Record<string, unknown>) => ({
  code,
  name: '测试设施',
  typeCode: TYPE.code,
  geometry: { type: 'Point', coordinates: IN },
  attributes,
});

beforeAll(async () => {
  ctx = await createTestApp();
  s = await staffSessions(ctx.app);
  const res = await api('admin').post('/api/assets/types', TYPE);
  expect(res.statusCode, res.body).toBe(201);
  expect(res.json().attributeSchema).toEqual(TYPE.attributeSchema);
}, 120_000);
afterAll(async () => ctx.close());

describe('a date attribute', () => {
  it('keeps a real day as YYYY-MM-DD, on registering and on editing', async () => {
    const res = await api('admin').post('/api/assets/items', asset('T-D-01', { builtOn: '2019-06-30' }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().attributes).toEqual({ builtOn: '2019-06-30' });
    const leap = await api('admin').patch(`/api/assets/items/${res.json().id}`, {
      attributes: { builtOn: '2024-02-29' },
      version: res.json().version,
    });
    expect(leap.statusCode, leap.body).toBe(200);
    expect(leap.json().attributes).toEqual({ builtOn: '2024-02-29' });
  });

  it('refuses a day that does not exist, another spelling, or a number, with one message on the field', async () => {
    for (const builtOn of ['2023-02-29', '2019-13-01', '2019/6/30', '30.06.2019', '2019-06-30T00:00:00Z', 20190630]) {
      const res = await api('admin').post('/api/assets/items', asset('T-D-02', { builtOn }));
      expect(res.statusCode, String(builtOn)).toBe(400);
      expect(res.json().error.code).toBe('ASSET_INVALID_ATTRIBUTES');
      expect(res.json().error.details).toEqual([
        {
          field: 'body.attributes.builtOn',
          rule: 'date',
          message: '「建成日期」（builtOn）应为有效日期，格式为 YYYY-MM-DD（如 2024-03-05）',
        },
      ]);
    }
    const en = await api('admin').post('/api/assets/items', asset('T-D-02', { builtOn: '2023-02-29' }), {
      'accept-language': 'en',
    });
    expect((en.json().error.details as Detail[])[0]?.message).toBe(
      'builtOn (建成日期) must be a real date written YYYY-MM-DD (e.g. 2024-03-05)',
    );
  });

  it('is checked the same in an import, named by its feature', async () => {
    const feature = (code: string, builtOn: string) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: IN },
      properties: { code, name: '导入设施', type: TYPE.code, attributes: { builtOn } },
    });
    const bad = await importOutcome(
      ctx.app,
      s.admin!,
      await api('admin').post('/api/assets/import', {
        type: 'FeatureCollection',
        features: [feature('T-D-11', '2020-01-15'), feature('T-D-12', '2020-04-31')],
      }),
    );
    expect(bad.statusCode).toBe(400);
    expect((bad.json().error.details as Detail[]).map((d) => [d.field, d.rule])).toEqual([
      ['features[1].properties.attributes.builtOn', 'date'],
    ]);
  });
});

describe('a date in the schema', () => {
  const base = { nameZh: '测试', nameEn: 'Test', line: 'gas', geometryKind: 'point' };
  const typeWith = (code: string, property: Record<string, unknown>) =>
    api('admin').post('/api/assets/types', {
      ...base,
      code,
      attributeSchema: { type: 'object', properties: { d: { title: '日期', ...property } } },
    });

  it('is only a string without a list of values, named on the format', async () => {
    const onNumber = await typeWith('T-DN', { type: 'number', format: 'date' });
    expect(onNumber.statusCode).toBe(400);
    expect(onNumber.json().error.code).toBe('ASSET_INVALID_SCHEMA');
    expect(onNumber.json().error.details).toEqual([
      expect.objectContaining({
        field: 'body.attributeSchema.properties.d.format',
        message: '属性「d」：只有文字属性可以是日期',
      }),
    ]);
    const withList = await typeWith('T-DE', { type: 'string', format: 'date', enum: ['2024-01-01'] });
    expect(withList.statusCode).toBe(400);
    expect((withList.json().error.details as Detail[]).map((d) => [d.field, d.message])).toEqual([
      ['body.attributeSchema.properties.d.format', '属性「d」：日期属性不能列出可选值'],
    ]);
    // the subset knows one format; any other is the contract's 400 on the same path
    const email = await typeWith('T-DM', { type: 'string', format: 'email' });
    expect(email.statusCode).toBe(400);
    expect((email.json().error.details as Detail[])[0]?.field).toMatch(/attributeSchema.properties.d.format$/);
  });
});
