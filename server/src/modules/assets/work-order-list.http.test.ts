import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffSessions } from '../../testing/case-loop.ts';
import { as, createTestApp, type Session, type TestContext } from '../../testing/test-app.ts';

/**
 * The 养护工单 list's rows (docs/assets.md, "Work orders"): each names its project, read for the whole page at once,
 * and carries its photos before and after, so the console shows both without a request per row.
 */
let ctx: TestContext;
let s: Record<string, Session>;
const api = (who: string) => as(ctx.app, s[who]!);
type Row = { id: string; projectId?: string | null; projectName?: string | null; beforePhotoIds: string[] };

beforeAll(async () => {
  ctx = await createTestApp();
  s = await staffSessions(ctx.app);
}, 120_000);
afterAll(async () => ctx.close());

describe('the work-order list', () => {
  it("names each row's project and gives its photo ids, a row without a project naming none", async () => {
    const units = (await api('admin').get('/api/org/units?pageSize=200')).json().items as { id: string }[];
    const unitId = units[0]!.id;
    const asset = (await api('admin').get('/api/assets/items?line=drainage&pageSize=1')).json().items[0] as {
      id: string;
    };
    const project = async (name: string) => {
      const res = await api('admin').post('/api/projects', {
        name,
        shortName: name.slice(0, 4),
        startOn: '2024-01-01',
        endOn: '2024-12-31',
        unitId,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const a = await project('泵站提升改造工程');
    const b = await project('老旧管网更新工程');
    const open = async (title: string, projectId: string | null) => {
      const res = await api('admin').post('/api/assets/work-orders', {
        assetId: asset.id,
        title,
        unitId,
        workDays: 3,
        ...(projectId ? { projectId } : {}),
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const ids = [await open('一', a), await open('二', a), await open('三', b), await open('四', null)];
    const page = (await api('leader').get(`/api/assets/work-orders?assetId=${asset.id}&pageSize=100`)).json();
    const rows = new Map((page.items as Row[]).map((r) => [r.id, r]));
    expect(ids.map((id) => rows.get(id)?.projectName ?? null)).toEqual([
      '泵站提升改造工程',
      '泵站提升改造工程',
      '老旧管网更新工程',
      null,
    ]);
    expect(rows.get(ids[3]!)?.projectId ?? null).toBeNull();
    expect((page.items as Row[]).every((r) => Array.isArray(r.beforePhotoIds))).toBe(true);
  });
});
