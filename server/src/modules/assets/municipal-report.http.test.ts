import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, type Session, type TestContext } from '../../testing/test-app.ts';

/**
 * The 市政 line's sentences in the statistics report on the demo city (clock at 2024-03-12): its register (roads,
 * 桥涵隧道 by kind, street lamps by light source) in a year with a finished 养护工单 (2024) and in one without logs
 * or finished orders (2023), where the section says so instead of vanishing; and an order finished through the API
 * moves the sentence's count.
 */
let ctx: TestContext;
const sessions: Record<string, Session> = {};
const api = (who: string) => as(ctx.app, sessions[who] ?? null);

interface Report {
  sections: { key: string; paragraphs: string[]; figures?: { key: string; value: number | null }[] }[];
}
const municipal = async (year: number, lang = 'zh-CN') => {
  const res = await api('leader').get(`/api/reports/statistics?period=year&at=${year}&lang=${lang}`);
  expect(res.statusCode, res.body).toBe(200);
  const section = (res.json() as Report).sections.find((s) => s.key === 'assets.municipal');
  return {
    section,
    text: section?.paragraphs.join('\n') ?? '',
    value: (k: string) => section?.figures?.find((f) => f.key === `assets.municipal.${k}`)?.value,
  };
};

beforeAll(async () => {
  ctx = await createTestApp();
  sessions.admin = await login(ctx.app, 'admin', 'Admin@12345');
  sessions.leader = await login(ctx.app, 'leader', 'Demo@12345');
}, 120_000);
afterAll(async () => ctx.close());

describe('the 市政 sections of the statistics report', () => {
  it('names the register, the bridges and tunnels by kind and the lamps by light source', async () => {
    const { text, value } = await municipal(2024);
    expect(text).toMatch(/登记在册市政设施42处，其中/);
    expect(text).toMatch(/城市道路6处/);
    expect(text).toMatch(/桥涵隧道6处/);
    expect(text).toMatch(/路灯30处/);
    expect(text).toContain('桥涵隧道中，按类别：桥梁3处、涵洞2处、隧道1处。');
    expect(text).toContain('路灯中，按光源：LED24处、高压钠灯6处。');
    // the sidewalk repair finished on 2024-02-29; the expansion-joint repair is still in hand
    expect(text).toMatch(/完成养护工单1件，其中超期完成0件，养护费用12500(\.00)?元。/);
    expect(text).not.toContain('无日报和完成的养护工单记录');
    expect([value('assets'), value('workOrders'), value('type.munBridge.kind.v3')]).toEqual([42, 1, 1]);
  });

  it('in a year with nothing done says so, in both languages, rather than leaving the line out', async () => {
    const zh = await municipal(2023);
    expect(zh.section).toBeDefined();
    expect(zh.text).toMatch(/登记在册市政设施42处/);
    expect(zh.text).toContain('2023年度，市政无日报和完成的养护工单记录。');
    expect(zh.text).not.toContain('完成养护工单');
    const en = await municipal(2023, 'en');
    expect(en.text).toMatch(/42 .* assets on the register/);
    expect(en.text).toContain('no daily logs and no finished maintenance work orders for');
    expect(en.text).toMatch(/by Kind: 桥梁 3, 涵洞 2, 隧道 1\./);
  });

  it('counts an order on a tunnel finished through the API', async () => {
    const tunnel = (await api('admin').get('/api/assets/items?typeCode=MUN-BRIDGE&q=DY-QL-05')).json().items[0] as {
      id: string;
    };
    const units = (await api('admin').get('/api/org/units?pageSize=200')).json().items as {
      id: string;
      code: string;
    }[];
    const opened = await api('admin').post('/api/assets/work-orders', {
      assetId: tunnel.id,
      title: '隧道照明检修',
      unitId: units.find((u) => u.code === 'MUNICIPAL')!.id,
      workDays: 5,
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const id = opened.json().id as string;
    const start = await api('admin').post(`/api/assets/work-orders/${id}/steps`, { action: 'start' });
    expect(start.statusCode, start.body).toBe(200);
    const finish = await api('admin').post(`/api/assets/work-orders/${id}/steps`, {
      action: 'finish',
      quantity: 1,
      quantityUnit: 'unit',
      costFen: 300000,
    });
    expect(finish.statusCode, finish.body).toBe(200);
    const { text, value } = await municipal(2024);
    expect(text).toMatch(/完成养护工单2件，其中超期完成0件，养护费用15500(\.00)?元。/);
    expect(value('workOrders')).toBe(2);
  });
});
