import { expect, request as playwrightRequest, test, type APIRequestContext } from '@playwright/test';
import sharp from 'sharp';

/**
 * 处置通: a unit handler (环卫所) signs in to /h5 on a phone, finds the case the command centre dispatched to the
 * unit, sees where it is with a link for the phone's map app, and reports back with an after-photo. The case then
 * waits for 核查 with the photo as its "after" photo.
 */
test.use({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });

type Staff = { request: APIRequestContext; headers: Record<string, string> };

async function staff(baseURL: string, username: string): Promise<Staff> {
  const request = await playwrightRequest.newContext({ baseURL });
  const login = await request.post('/api/auth/login', {
    data: { tenantCode: '420281', username, password: 'Demo@12345' },
  });
  expect(login.ok(), `login ${username}`).toBe(true);
  return { request, headers: { 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken } };
}

async function step(who: Staff, id: string, body: Record<string, unknown>) {
  const current = (await (await who.request.get(`/api/cases/${id}`)).json()) as { version: number };
  const res = await who.request.post(`/api/cases/${id}/transitions`, {
    headers: who.headers,
    data: { version: current.version, ...body },
  });
  expect(res.ok(), `${String(body.action)}: ${await res.text()}`).toBe(true);
}

/** A case filed and dispatched to 环卫所, through the API as the command centre would. */
async function dispatchedToSanitation(baseURL: string, description: string) {
  const [inspector, operator, shiftleader, dispatcher] = await Promise.all(
    ['inspector', 'operator', 'shiftleader', 'dispatcher'].map((u) => staff(baseURL, u)),
  );
  const created = await inspector!.request.post('/api/cases', {
    headers: inspector!.headers,
    data: { matterCode: '06010', description, lng: 114.9913, lat: 30.0926, address: '新冶大道 18 号旁' },
  });
  expect(created.ok(), await created.text()).toBe(true);
  const { id, caseNo } = (await created.json()) as { id: string; caseNo: string };
  await step(operator!, id, { action: 'accept' });
  const conditions = (await (await shiftleader!.request.get('/api/catalog/conditions?matterCode=06010')).json()) as {
    items: { id: string }[];
  };
  await step(shiftleader!, id, { action: 'file', filingConditionId: conditions.items[0]!.id });
  const units = (await (await dispatcher!.request.get('/api/org/units?q=SANITATION')).json()) as {
    items: { id: string }[];
  };
  await step(dispatcher!, id, { action: 'dispatch', unitId: units.items[0]!.id });
  await Promise.all([inspector, operator, shiftleader, dispatcher].map((s) => s!.request.dispose()));
  return { id, caseNo };
}

test('a handler finds the unit’s case on the phone and reports back with a photo', async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  const description = `处置通旅程：人行道垃圾堆放 ${Date.now()}`;
  const { id, caseNo } = await dispatchedToSanitation(baseURL!, description);

  await page.goto('/h5');
  await expect(page).toHaveURL(/\/h5\/login$/);
  await page.getByTestId('login-username').fill('handler');
  await page.getByTestId('login-password').fill('Demo@12345');
  await page.getByTestId('login-submit').click();
  // A handler lands on the unit's task list; there is no report tab.
  await expect(page.getByTestId('h5-app')).toHaveAttribute('data-role', 'handler');
  await expect(page).toHaveURL(/\/h5\/tasks$/);
  await expect(page.getByTestId('h5-tab-report')).toHaveCount(0);
  await expect(page.getByTestId('h5-tasks')).toHaveAttribute('data-tab', 'handling');

  await page.getByTestId(`h5-task-item-${id}`).click();
  await expect(page.getByTestId('h5-task-case-no')).toHaveText(caseNo);
  await expect(page.getByTestId('h5-task-navigate')).toHaveAttribute('href', /^geo:30\.092600,114\.991300/);
  // Nothing on the phone scrolls sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  await page.getByTestId('h5-feedback-submit').click();
  await expect(page.getByTestId('h5-feedback-error')).toBeVisible();
  await page.getByTestId('h5-feedback-note').fill('已清运，现场已恢复');
  const photo = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#2e86c1' } })
    .jpeg({ quality: 80 })
    .toBuffer();
  await page
    .getByTestId('h5-feedback-photo-input')
    .setInputFiles({ name: 'after.jpg', mimeType: 'image/jpeg', buffer: photo });
  await expect(page.getByTestId('h5-feedback-photo-0')).toBeVisible();
  await page.getByTestId('h5-feedback-submit').click();
  await page.getByTestId('h5-feedback-confirm').click();
  await expect(page).toHaveURL(/\/h5\/tasks$/);
  await expect(page.getByTestId(`h5-task-item-${id}`)).toHaveCount(0);

  const after = (await (await page.request.get(`/api/cases/${id}`)).json()) as {
    status: string;
    photos: { phase: string }[];
  };
  expect(after.status).toBe('reported_back');
  expect(after.photos.filter((p) => p.phase === 'after')).toHaveLength(1);
});
