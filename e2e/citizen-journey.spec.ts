import { expect, request as playwrightRequest, test, type APIRequestContext } from '@playwright/test';
import { withAfterPhoto } from './after-photo.ts';
import sharp from 'sharp';

/**
 * Citizen journey: on a 390×844 phone, a citizen reports a problem on /public with a photo, a map pin,
 * a matter found in plain words (垃圾) and a phone number, and gets a case number and a tracking code. The bureau
 * handles the case round the whole loop (accept → file → dispatch → report back → check → close, driven through
 * the staff API as each role). The citizen opens the tracking page from the phone's list, sees it closed with the
 * closing note, and rates it 满意. No page the citizen sees shows the phone number.
 */
test.use({
  viewport: { width: 390, height: 844 },
  geolocation: { latitude: 30.0926, longitude: 114.9913, accuracy: 15 },
  permissions: ['geolocation'],
  locale: 'zh-CN',
});

const PHONE = '13900001111';
const photo = () =>
  sharp({ create: { width: 320, height: 240, channels: 3, background: '#8e6e3b' } })
    .jpeg({ quality: 80 })
    .toBuffer();

/** A staff member signed in through the API, sending the session's CSRF token on every write. */
async function staff(baseURL: string, username: string) {
  const request = await playwrightRequest.newContext({ baseURL });
  const login = await request.post('/api/auth/login', {
    data: { tenantCode: '420281', username, password: username === 'admin' ? 'Admin@12345' : 'Demo@12345' },
  });
  expect(login.ok(), `login ${username}`).toBe(true);
  const headers = { 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken };
  return { request, headers };
}

async function step(
  who: { request: APIRequestContext; headers: Record<string, string> },
  id: string,
  body: Record<string, unknown>,
) {
  const current = (await (await who.request.get(`/api/cases/${id}`)).json()) as { version: number };
  const res = await who.request.post(`/api/cases/${id}/transitions`, {
    headers: who.headers,
    data: { version: current.version, ...(await withAfterPhoto(who.request, who.headers, body)) },
  });
  expect(res.ok(), `${String(body.action)}: ${await res.text()}`).toBe(true);
}

test('a citizen reports on the phone page, the bureau closes the case, the citizen sees it closed and rates it', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  await page.goto('/public');
  await expect(page.getByTestId('public-title')).toHaveText('大冶市·市民随手拍');

  // 1 拍照 → 2 地图选点 (browser position) → 3 问题类型 in plain words → 4 描述/电话 → 提交.
  await page
    .getByTestId('public-photo-input')
    .setInputFiles({ name: 'scene.jpg', mimeType: 'image/jpeg', buffer: await photo() });
  await expect(page.getByTestId('public-photos')).toHaveAttribute('data-count', '1');
  await expect(page.getByTestId('public-location-status')).toHaveAttribute('data-status', 'located');
  await expect(page.getByTestId('public-coords')).toContainText('经度 114.991300，纬度 30.092600');
  await page.getByTestId('public-matter-search').fill('垃圾');
  await page.getByTestId('public-matter-option-06010').click();
  await expect(page.getByTestId('public-matter-chosen')).toHaveAttribute('data-code', '06010');
  await page.getByTestId('public-description').fill('东岳路人行道旁堆着几袋生活垃圾，已经两天了');
  await page.getByTestId('public-address').fill('东岳路 88 号门前');
  await page.getByTestId('public-phone').fill(PHONE);
  await page.getByTestId('public-submit').click();

  await expect(page.getByTestId('public-done')).toBeVisible();
  const caseNo = (await page.getByTestId('public-case-no').textContent()) ?? '';
  const token = (await page.getByTestId('public-token').textContent()) ?? '';
  expect(caseNo).toMatch(/^420281-\d{8}-\d{5}$/);
  expect(token).toMatch(/^[A-Za-z0-9_-]{20,}$/);

  // The bureau handles it round the loop, each step as the role that owns it.
  const url = baseURL ?? '';
  const operator = await staff(url, 'operator');
  const shiftleader = await staff(url, 'shiftleader');
  const dispatcher = await staff(url, 'dispatcher');
  const handler = await staff(url, 'handler');
  const inspector = await staff(url, 'inspector');
  const admin = await staff(url, 'admin');
  const found = (await (await operator.request.get(`/api/cases?q=${encodeURIComponent(caseNo)}&inbox=all`)).json()) as {
    items: { id: string; channel: string }[];
  };
  expect(found.items).toHaveLength(1);
  const id = found.items[0]!.id;
  expect(found.items[0]!.channel).toBe('public');
  await step(operator, id, { action: 'accept' });
  const conditions = (await (await shiftleader.request.get('/api/catalog/conditions?matterCode=06010')).json()) as {
    items: { id: string }[];
  };
  await step(shiftleader, id, { action: 'file', filingConditionId: conditions.items[0]!.id });
  const units = (await (await admin.request.get('/api/org/units?q=SANITATION')).json()) as { items: { id: string }[] };
  await step(dispatcher, id, { action: 'dispatch', unitId: units.items[0]!.id });
  await step(handler, id, { action: 'report_back', note: '已清运' });
  const inspectorId = ((await (await inspector.request.get('/api/auth/me')).json()) as { user: { id: string } }).user
    .id;
  await step(operator, id, { action: 'send_check', userId: inspectorId });
  await step(inspector, id, { action: 'check_pass' });
  // 办理意见 is internal; 答复市民 is what the citizen reads
  await step(shiftleader, id, {
    action: 'close',
    note: '内部：清运车辆临时调配，费用走维修基金',
    publicReply: '垃圾已全部清运，路面已冲洗',
  });
  await Promise.all([operator, shiftleader, dispatcher, handler, inspector, admin].map((s) => s.request.dispose()));

  // Later the citizen opens 进度查询: the phone remembers the report.
  await page.goto('/public');
  await page.getByTestId('public-tab-track').click();
  await page.getByTestId(`public-mine-${caseNo}`).getByRole('link').click();
  await expect(page.getByTestId('public-case')).toHaveAttribute('data-status', 'closed');
  await expect(page.getByTestId('public-case-status')).toHaveText('已办结');
  await expect(page.getByTestId('public-case-note')).toContainText('垃圾已全部清运');
  await expect(page.getByTestId('public-case')).not.toContainText('维修基金');
  // The citizen's photo and the handler's after-photo; the inspector's check photo is internal evidence.
  await expect(page.getByTestId('public-case-photos').locator('img')).toHaveCount(2);
  const actions = await page
    .getByTestId('public-timeline')
    .locator('[data-action]')
    .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-action')));
  expect(actions[0]).toBe('close');
  expect(actions.at(-1)).toBe('report');

  await page.getByTestId('public-rate-satisfied').click();
  await page.getByTestId('public-rate-submit').click();
  await expect(page.getByTestId('public-rated')).toHaveAttribute('data-value', 'satisfied');
  await expect(page.getByTestId('public-rated')).toContainText('满意');
  await expect(page.getByTestId('public-reopen')).toBeVisible();

  // The rating reached the case, and no public page shows the citizen's phone.
  await page.reload();
  await expect(page.getByTestId('public-rated')).toHaveAttribute('data-value', 'satisfied');
  expect(await page.content()).not.toContain(PHONE);
  expect(await page.content()).not.toContain('139****1111');
});

test('nothing is lost: a report that fails to send stays on the phone, survives a reload and is filed exactly once', async ({
  page,
  context,
}) => {
  const description = `地下通道入口的护栏被撞坏了 ${Date.now()}`;
  await page.goto('/public');
  await page
    .getByTestId('public-photo-input')
    .setInputFiles({ name: 'scene.jpg', mimeType: 'image/jpeg', buffer: await photo() });
  await expect(page.getByTestId('public-location-status')).toHaveAttribute('data-status', 'located');
  await page.getByTestId('public-matter-search').fill('护栏');
  await page.getByTestId('public-matter-option-02017').click();
  await expect(page.getByTestId('public-matter-chosen')).toHaveAttribute('data-code', '02017');
  await page.getByTestId('public-description').fill(description);

  await context.setOffline(true);
  await page.getByTestId('public-submit').click();
  await expect(page.getByTestId('public-submit-failed')).toBeVisible();
  await context.setOffline(false);

  // The citizen closes the page and comes back: photo, matter and text are still there.
  await page.reload();
  await expect(page.getByTestId('public-draft-restored')).toBeVisible();
  await expect(page.getByTestId('public-photos')).toHaveAttribute('data-count', '1');
  await expect(page.getByTestId('public-matter-chosen')).toHaveAttribute('data-code', '02017');
  await expect(page.getByTestId('public-description')).toHaveValue(description);
  await page.getByTestId('public-submit').click();
  await expect(page.getByTestId('public-done')).toBeVisible();
  const caseNo = (await page.getByTestId('public-case-no').textContent()) ?? '';

  const operator = await staff(page.url().replace(/\/public.*$/, ''), 'operator');
  const found = (await (
    await operator.request.get(`/api/cases?q=${encodeURIComponent(description)}&inbox=all`)
  ).json()) as { items: { caseNo: string }[] };
  expect(found.items.map((c) => c.caseNo)).toEqual([caseNo]);
  await operator.request.dispose();

  // A new report starts empty.
  await page.getByTestId('public-done-another').click();
  await expect(page.getByTestId('public-photos')).toHaveAttribute('data-count', '0');
  await expect(page.getByTestId('public-description')).toHaveValue('');
});

test('a file that is not a photo is refused on the phone, and a refusal by the server says why without blaming the network', async ({
  page,
}) => {
  await page.goto('/public');
  await page
    .getByTestId('public-photo-input')
    .setInputFiles({ name: '发票.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7 not a photo') });
  await expect(page.getByTestId('public-toast-error')).toContainText('「发票.pdf」不是照片');
  await expect(page.getByTestId('public-photos')).toHaveAttribute('data-count', '0');

  // A PNG the browser cannot decode goes to the server as it is, which refuses it: the page says so in its words.
  await page
    .getByTestId('public-photo-input')
    .setInputFiles({ name: 'broken.png', mimeType: 'image/png', buffer: Buffer.from('this is not really a png') });
  await expect(page.getByTestId('public-photos')).toHaveAttribute('data-count', '1');
  await expect(page.getByTestId('public-location-status')).toHaveAttribute('data-status', 'located');
  await page.getByTestId('public-matter-search').fill('护栏');
  await page.getByTestId('public-matter-option-02017').click();
  await page.getByTestId('public-description').fill('护栏倒在人行道上，行人需要绕行');
  await page.getByTestId('public-submit').click();
  const failed = page.getByTestId('public-submit-failed');
  await expect(failed).toContainText('提交未被接受');
  await expect(failed).not.toContainText('网络');
});
