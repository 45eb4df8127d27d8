import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, type Session, type TestContext } from '../../testing/test-app.ts';

/**
 * The figures per asset type (docs/assets.md, "Figures") over HTTP on the demo city (clock at 2024-03-12): a type
 * made through the API with a figure attribute, a daily log in trips and two work kinds; its assets, logs and
 * orders, all made through the API, come back as the figures of the drainage section and are placeholders a
 * 工作总结 accepts.
 */
let ctx: TestContext;
const sessions: Record<string, Session> = {};
const api = (who: string) => as(ctx.app, sessions[who] ?? null);
const code = (body: string) => (JSON.parse(body) as { error: { code: string } }).error.code;
const KEY = 'assets.drainage.type.tDefect';

interface Figure {
  key: string;
  value: number | null;
  label: string;
}
interface Report {
  sections: { key: string; paragraphs: string[]; figures?: Figure[] }[];
}

beforeAll(async () => {
  ctx = await createTestApp();
  sessions.admin = await login(ctx.app, 'admin', 'Admin@12345');
  sessions.leader = await login(ctx.app, 'leader', 'Demo@12345');
  sessions.handler = await login(ctx.app, 'handler', 'Demo@12345');
}, 120_000);
afterAll(async () => ctx.close());

const year2024 = async (lang = 'zh-CN') => {
  const report = (await api('leader').get(`/api/reports/statistics?period=year&at=2024&lang=${lang}`)).json() as Report;
  const section = report.sections.find((s) => s.key === 'assets.drainage');
  const figures = new Map((section?.figures ?? []).map((f) => [f.key, f]));
  return { section, value: (name: string) => figures.get(`${KEY}.${name}`)?.value, figures };
};

describe('figures per asset type', () => {
  const assets: string[] = [];

  beforeAll(async () => {
    const unitId = (
      (await api('admin').get('/api/org/units?pageSize=200')).json().items as { id: string; code: string }[]
    ).find((u) => u.code === 'DRAINAGE')!.id;
    const type = await api('admin').post('/api/assets/types', {
      code: 'T-DEFECT',
      nameZh: '测试缺陷点',
      nameEn: 'Test defect',
      line: 'drainage',
      geometryKind: 'point',
      logUnit: 'trip',
      attributeSchema: {
        type: 'object',
        properties: {
          kind: {
            type: 'string',
            title: '缺陷类别',
            titleEn: 'Defect kind',
            enum: ['mixed-connection', 'structural'],
            figure: true,
          },
          state: { type: 'string', title: '整改状态', titleEn: 'State', enum: ['待整改', '已整改'], figure: true },
        },
      },
      workKinds: [
        { code: 'cover-replace', nameZh: '井盖更换', nameEn: 'cover replacement' },
        { code: 'clean', nameZh: '清掏', nameEn: 'cleaning' },
      ],
    });
    expect(type.statusCode, type.body).toBe(201);
    expect(type.json().workKinds).toHaveLength(2);
    for (const [i, kind, state] of [
      [1, 'mixed-connection', '待整改'],
      [2, 'mixed-connection', '已整改'],
      [3, 'structural', '已整改'],
    ] as const) {
      const res = await api('admin').post('/api/assets/items', {
        code: `T-DF-${i}`,
        name: `测试缺陷${i}`,
        typeCode: 'T-DEFECT',
        geometry: { type: 'Point', coordinates: [114.98, 30.1] },
        unitId,
        attributes: { kind, state },
      });
      expect(res.statusCode, res.body).toBe(201);
      assets.push(res.json().id);
    }
    for (const [assetId, logDate, quantity] of [
      [assets[0], '2024-01-05', 5],
      [assets[1], '2024-02-06', 7],
      [assets[0], '2023-12-31', 100],
    ] as const) {
      const res = await api('admin').post('/api/assets/logs', { assetId, logDate, quantity });
      expect(res.statusCode, res.body).toBe(201);
    }
    const order = async (assetId: string, kind: string | null, costFen: number) => {
      const res = await api('admin').post('/api/assets/work-orders', {
        assetId,
        title: '测试养护',
        ...(kind ? { kind } : {}),
        unitId,
        workDays: 3,
      });
      expect(res.statusCode, res.body).toBe(201);
      const id = res.json().id as string;
      for (const step of [{ action: 'start' }, { action: 'finish', costFen }])
        expect((await api('admin').post(`/api/assets/work-orders/${id}/steps`, step)).statusCode).toBe(200);
    };
    await order(assets[0]!, 'cover-replace', 120_000);
    await order(assets[1]!, 'cover-replace', 80_000);
    await order(assets[2]!, null, 50_000);
    // an order of a kind the type does not declare, the other one open
    await api('admin').post('/api/assets/work-orders', { assetId: assets[2], title: '未完成', unitId, workDays: 3 });
  }, 120_000);

  it('refuses a kind the asset type does not declare, and a figure attribute without values', async () => {
    const bad = await api('admin').post('/api/assets/work-orders', {
      assetId: assets[0],
      title: '测试',
      kind: 'paint',
      unitId: (await api('admin').get(`/api/assets/items/${assets[0]}`)).json().unitId,
      workDays: 3,
    });
    expect(bad.statusCode).toBe(400);
    expect(code(bad.body)).toBe('ASSET_WORK_KIND');
    const schema = await api('admin').post('/api/assets/types', {
      code: 'T-BAD',
      nameZh: '坏',
      nameEn: 'Bad',
      line: 'drainage',
      geometryKind: 'point',
      attributeSchema: { type: 'object', properties: { n: { type: 'integer', title: '数', figure: true } } },
    });
    expect(schema.statusCode).toBe(400);
    expect(JSON.stringify(schema.json())).toContain('properties.n.figure');
  });

  it('counts the type, its assets per figure value, its logs in the period and its orders per kind', async () => {
    const { value, figures } = await year2024();
    expect(value('count')).toBe(3);
    expect(value('kind.mixedConnection')).toBe(2);
    expect(value('kind.structural')).toBe(1);
    // a Chinese value goes by its position in the list
    expect([value('state.v1'), value('state.v2')]).toEqual([1, 2]);
    // the 2023 log is outside the period
    expect(value('log.trip')).toBe(12);
    expect(value('orders.count')).toBe(3);
    expect(value('orders.costFen')).toBe(250_000);
    expect([value('orders.coverReplace.count'), value('orders.coverReplace.costFen')]).toEqual([2, 200_000]);
    expect(value('orders.clean.count')).toBe(0);
    expect(figures.get(`${KEY}.kind.mixedConnection`)?.label).toBe('测试缺陷点（缺陷类别：mixed-connection）数量');
    expect(figures.get(`${KEY}.log.trip`)?.label).toBe('测试缺陷点累计台次');
  });

  it('says the per-type figures in the line’s sentences, in both languages', async () => {
    const zh = (await year2024()).section!.paragraphs.join('\n');
    expect(zh).toContain('测试缺陷点3处');
    expect(zh).toContain('测试缺陷点中，按缺陷类别：mixed-connection2处、structural1处。');
    expect(zh).toContain('2024年度，测试缺陷点完成井盖更换2处（费用2000.00元）。');
    const en = (await year2024('en')).section!.paragraphs.join('\n');
    expect(en).toContain('Test defect by Defect kind: mixed-connection 2, structural 1.');
  });

  it('offers the keys to a 工作总结 and resolves them; an unknown type key is refused', async () => {
    const figures = (await api('leader').get('/api/yearbook/figures?year=2024')).json() as Figure[];
    expect(figures.find((f) => f.key === `${KEY}.orders.coverReplace.count`)?.value).toBe(2);
    const doc = await api('leader').post('/api/yearbook/documents', { year: 2024 });
    expect(doc.statusCode, doc.body).toBe(201);
    const id = doc.json().id as string;
    const ok = await api('leader').post(`/api/yearbook/documents/${id}/sections`, {
      part: 'summary',
      heading: '排水',
      body: `排查混接点{{${KEY}.kind.mixedConnection|2024}}个`,
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const used = (ok.json().figures as { key: string; value: number }[]).find((f) => f.key.endsWith('mixedConnection'));
    expect(used?.value).toBe(2);
    const unknown = await api('leader').post(`/api/yearbook/documents/${id}/sections`, {
      part: 'summary',
      heading: '排水',
      body: '{{assets.drainage.type.noSuchType.count|2024}}',
    });
    expect(unknown.statusCode).toBe(400);
  });
});
