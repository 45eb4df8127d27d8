import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffSessions, step } from '../../testing/case-loop.ts';
import { as, createTestApp, type Session, type TestContext } from '../../testing/test-app.ts';

/** 待审批: the 回退/延期/挂账 requests waiting for a decision, listed to those who decide them (the 工作台). */
let ctx: TestContext;
let s: Record<string, Session>;
let sanitationId: string;

beforeAll(async () => {
  ctx = await createTestApp();
  s = await staffSessions(ctx.app);
  sanitationId = (await as(ctx.app, s.admin!).get('/api/org/units?q=SANITATION')).json().items[0].id;
});
afterAll(async () => ctx.close());

const api = (who: string) => as(ctx.app, s[who] ?? null);

async function handlingCase(description: string): Promise<string> {
  const created = await api('inspector').post('/api/cases', {
    matterCode: '06010',
    description,
    lng: 114.975,
    lat: 30.1,
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  await step(ctx.app, s, 'operator', id, { action: 'accept' });
  const conditions = (await api('shiftleader').get('/api/catalog/conditions?matterCode=06010')).json().items;
  await step(ctx.app, s, 'shiftleader', id, { action: 'file', filingConditionId: conditions[0].id });
  await step(ctx.app, s, 'dispatcher', id, { action: 'dispatch', unitId: sanitationId });
  return id;
}

describe('approvals waiting (awaitingApproval=true)', () => {
  it('lists the cases with a request to decide, to the dispatcher and the shift leader, and no longer once decided', async () => {
    const asked = await handlingCase('垃圾堆放，申请延期');
    const quiet = await handlingCase('垃圾堆放，正常处置');
    await step(ctx.app, s, 'handler', asked, {
      action: 'request_extension',
      note: '需要调车',
      amountValue: 1,
      amountUnit: 'work_days',
    });
    for (const who of ['dispatcher', 'shiftleader']) {
      const res = await api(who).get('/api/cases?awaitingApproval=true');
      expect(res.statusCode, res.body).toBe(200);
      const ids = res.json().items.map((c: { id: string }) => c.id);
      expect(ids).toContain(asked);
      expect(ids).not.toContain(quiet);
      expect(res.json().items.find((c: { id: string }) => c.id === asked).pendingRequest).toBe('extension');
    }
    await step(ctx.app, s, 'dispatcher', asked, { action: 'approve_extension' });
    const after = (await api('dispatcher').get('/api/cases?awaitingApproval=true')).json();
    expect(after.items.map((c: { id: string }) => c.id)).not.toContain(asked);
  });

  it('is refused to those who cannot decide (403), whatever cases they see', async () => {
    for (const who of ['handler', 'leader', 'inspector']) {
      const res = await api(who).get('/api/cases?awaitingApproval=true');
      expect(res.statusCode, who).toBe(403);
    }
  });
});
