import { expect, request as playwrightRequest, test, type APIRequestContext } from '@playwright/test';
import { pickOption } from './select.ts';

/**
 * A wrong dispatch is corrected (docs/standards.md, "Abnormal flows"): a case sent to 园林所, where nobody can handle
 * it, is re-dispatched by the dispatcher in the console to 环卫所 with a reason. The unit picker flags the unit
 * without an active handler, and the timeline shows the correction with both units and the reason.
 */
async function staff(baseURL: string, username: string) {
  const request = await playwrightRequest.newContext({ baseURL });
  const login = await request.post('/api/auth/login', {
    data: { tenantCode: '420281', username, password: username === 'admin' ? 'Admin@12345' : 'Demo@12345' },
  });
  expect(login.ok(), `login ${username}`).toBe(true);
  const headers = { 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken };
  return { request, headers };
}

type Staff = { request: APIRequestContext; headers: Record<string, string> };

async function step(who: Staff, id: string, body: Record<string, unknown>) {
  const current = (await (await who.request.get(`/api/cases/${id}`)).json()) as { version: number };
  const res = await who.request.post(`/api/cases/${id}/transitions`, {
    headers: who.headers,
    data: { version: current.version, ...body },
  });
  expect(res.ok(), `${String(body.action)}: ${await res.text()}`).toBe(true);
}

test('the dispatcher re-dispatches a case sent to a unit with nobody to handle it', async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  const [inspector, operator, shiftleader, dispatcher] = await Promise.all([
    staff(baseURL!, 'inspector'),
    staff(baseURL!, 'operator'),
    staff(baseURL!, 'shiftleader'),
    staff(baseURL!, 'dispatcher'),
  ]);
  const created = await inspector.request.post('/api/cases', {
    headers: inspector.headers,
    data: { matterCode: '06010', description: '改派旅程：人行道旁堆放垃圾', lng: 114.9913, lat: 30.0926 },
  });
  expect(created.ok(), await created.text()).toBe(true);
  const { id, caseNo } = (await created.json()) as { id: string; caseNo: string };
  await step(operator, id, { action: 'accept' });
  const conditions = (await (await shiftleader.request.get('/api/catalog/conditions?matterCode=06010')).json()) as {
    items: { id: string }[];
  };
  await step(shiftleader, id, { action: 'file', filingConditionId: conditions.items[0]!.id });
  const parks = (await (await dispatcher.request.get('/api/org/units?q=PARKS')).json()) as {
    items: { id: string; activeHandlers: number }[];
  };
  expect(parks.items[0]!.activeHandlers).toBe(0);
  await step(dispatcher, id, { action: 'dispatch', unitId: parks.items[0]!.id });
  await Promise.all([inspector, operator, shiftleader, dispatcher].map((s) => s.request.dispose()));

  await page.goto('/login');
  await page.getByTestId('login-username').fill('dispatcher');
  await page.getByTestId('login-password').fill('Demo@12345');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('app-menu').first()).toBeVisible();
  await page.goto(`/cases/${id}`);
  await expect(page.getByTestId('case-no')).toHaveText(caseNo);
  await expect(page.getByTestId('case-status')).toHaveAttribute('data-status', 'handling');

  await page.getByTestId('case-action-redispatch').click();
  await expect(page.getByTestId('action-form-redispatch')).toContainText('当前单位：园林所');
  // the picker flags 园林所; choosing it warns, and the form refuses the unit the case is already with
  await pickOption(page, 'action-form-unit', /园林所.*无在岗处置人员/, '园林');
  await expect(page.getByTestId('action-form-no-handlers')).toContainText('园林所 没有在岗的处置人员');
  await page.getByTestId('action-form-note').fill('园林所无人处置，改派环卫所');
  await page.getByTestId('action-submit').click();
  await expect(page.getByTestId('action-form-redispatch')).toContainText('请选择与当前不同的单位');
  await pickOption(page, 'action-form-unit', /^环卫所/, '环卫');
  await expect(page.getByTestId('action-form-no-handlers')).toHaveCount(0);
  await page.getByTestId('action-submit').click();

  const row = page.getByTestId('case-timeline').locator('[data-action="redispatch"]');
  await expect(row).toContainText('园林所 → 环卫所');
  await expect(row).toContainText('园林所无人处置，改派环卫所');
  await expect(page.getByTestId('case-status')).toHaveAttribute('data-status', 'handling');
});
