import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';

/**
 * Inspector H5 journey (issue: offline drafts, idempotent re-send): on a 390×844 phone with geolocation granted,
 * the inspector photographs a problem, picks the matter by pinyin initials, submits while offline (a draft is
 * kept), comes back online (the draft is sent and shows its case number) and the case exists exactly once.
 */
test.use({
  viewport: { width: 390, height: 844 },
  geolocation: { latitude: 30.1003, longitude: 114.9712, accuracy: 12 },
  permissions: ['geolocation'],
  locale: 'zh-CN',
});

const photo = () =>
  sharp({ create: { width: 320, height: 240, channels: 3, background: '#c0392b' } })
    .jpeg({ quality: 80 })
    .toBuffer();

/** Signed out, /h5 opens the app's own sign-in (not the console's), and signing in lands back in the app. */
async function signInToH5(page: Page) {
  await page.goto('/h5');
  await expect(page).toHaveURL(/\/h5\/login$/);
  await expect(page.getByTestId('h5-sign-in')).toBeVisible();
  await expect(page.getByTestId('login-tenant')).toHaveValue('420281');
  await page.getByTestId('login-username').fill('inspector');
  await page.getByTestId('login-password').fill('Demo@12345');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('h5-app')).toBeVisible();
  await expect(page).toHaveURL(/\/h5$/);
}

async function fillReport(page: Page, description: string) {
  await expect(page.getByTestId('h5-report-location-status')).toHaveAttribute('data-status', 'located');
  await expect(page.getByTestId('h5-report-coords')).toContainText('114.971200, 30.100300');
  await page
    .getByTestId('h5-report-photo-input')
    .setInputFiles({ name: 'scene.jpg', mimeType: 'image/jpeg', buffer: await photo() });
  await expect(page.getByTestId('h5-report-photo-0')).toBeVisible();
  await page.getByTestId('h5-report-matter').click();
  await page.getByTestId('h5-report-matter-search').fill('zdjy');
  await page.getByTestId('h5-report-matter-option-09006').click();
  await expect(page.getByTestId('h5-report-matter')).toHaveAttribute('data-value', '09006');
  await page.getByTestId('h5-report-description').fill(description);
  await page.getByTestId('h5-report-address').fill('新冶大道与东风路交叉口东北角');
}

async function casesMatching(page: Page, description: string) {
  const response = await page.request.get(`/api/cases?q=${encodeURIComponent(description)}`);
  expect(response.ok()).toBe(true);
  return (await response.json()) as {
    total: number;
    items: { caseNo: string; description: string; matterCode: string }[];
  };
}

test('a report made offline is kept as a draft and sent once when the network returns', async ({ page, context }) => {
  const description = `E2E 离线上报 占道经营 ${Date.now()}`;
  await signInToH5(page);
  await fillReport(page, description);

  await context.setOffline(true);
  await expect(page.getByTestId('h5-offline-banner')).toBeVisible();
  await page.getByTestId('h5-report-submit').click();
  await expect(page.getByTestId('h5-report-result')).toHaveAttribute('data-kind', 'saved');

  await page.getByTestId('h5-tab-drafts').click();
  const draft = page.getByTestId('h5-draft-1');
  await expect(draft).toHaveAttribute('data-status', 'pending');
  await expect(draft).toContainText(description);

  await context.setOffline(false);
  await expect(draft).toHaveAttribute('data-status', 'sent', { timeout: 20_000 });
  const caseNo = (await draft.getAttribute('data-case-no')) ?? '';
  expect(caseNo).toMatch(/^420281-\d{8}-\d{5}$/);
  await expect(page.getByTestId('h5-draft-1-case-no')).toContainText(caseNo);

  const found = await casesMatching(page, description);
  expect(found.total).toBe(1);
  expect(found.items[0]).toMatchObject({ caseNo, description, matterCode: '09006' });
});

test('a lost response is re-sent with the same key and still makes one case', async ({ page }) => {
  const description = `E2E 丢失响应重发 ${Date.now()}`;
  await signInToH5(page);
  await fillReport(page, description);

  // The server creates the case, but the phone never hears back (the connection drops on the way).
  const keys: string[] = [];
  await page.route('**/api/cases', async (route) => {
    if (route.request().method() !== 'POST') return route.fallback();
    keys.push(route.request().headers()['idempotency-key'] ?? '');
    if (keys.length === 1) {
      await route.fetch();
      return route.abort('connectionreset');
    }
    return route.fallback();
  });
  await page.getByTestId('h5-report-submit').click();
  await expect(page.getByTestId('h5-report-result')).toHaveAttribute('data-kind', 'saved');
  expect((await casesMatching(page, description)).total).toBe(1);

  await page.getByTestId('h5-tab-drafts').click();
  const draft = page.locator('[data-testid^="h5-draft-"][data-status]').filter({ hasText: description });
  await expect(draft).toHaveAttribute('data-status', 'pending');
  await draft.getByRole('button', { name: /立即发送/ }).click();
  await expect(draft).toHaveAttribute('data-status', 'sent');

  expect(keys).toHaveLength(2);
  expect(keys[1]).toBe(keys[0]);
  const found = await casesMatching(page, description);
  expect(found.total).toBe(1);
  expect(await draft.getAttribute('data-case-no')).toBe(found.items[0]?.caseNo);
});

test('a 核实 task opens with navigation to the spot and is verified from the phone', async ({
  page,
  playwright,
  baseURL,
}) => {
  await signInToH5(page);
  const inspectorId = ((await (await page.request.get('/api/auth/me')).json()) as { user: { id: string } }).user.id;

  // The operator registers a caller's report and sends the inspector to verify it.
  const operator = await playwright.request.newContext({ baseURL });
  const login = await operator.post('/api/auth/login', {
    data: { tenantCode: '420281', username: 'operator', password: 'Demo@12345' },
  });
  const headers = { 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken };
  const description = `E2E 核实任务 ${Date.now()}`;
  const created = await operator.post('/api/cases', {
    headers,
    data: {
      channel: 'operator',
      matterCode: '06010',
      description,
      address: '东岳路农贸市场东门',
      lng: 114.9735,
      lat: 30.0992,
    },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const sent = await operator.post(`/api/cases/${id}/transitions`, {
    headers,
    data: { action: 'send_verify', version: 1, userId: inspectorId },
  });
  expect(sent.ok()).toBe(true);
  await operator.dispose();

  await page.getByTestId('h5-tab-tasks').click();
  await page.getByTestId(`h5-task-item-${id}`).click();
  await expect(page.getByTestId('h5-task')).toHaveAttribute('data-status', 'verifying');
  await expect(page.getByTestId('h5-task-navigate')).toHaveAttribute('href', /^geo:30\.099200,114\.973500\?q=/);
  await expect(page.getByTestId('h5-task-webmap')).toHaveAttribute('href', /coordinate=wgs84/);
  await page.getByTestId('h5-task-note').fill('现场属实，约 3 平方米');
  await page
    .getByTestId('h5-task-photo-input')
    .setInputFiles({ name: 'onsite.jpg', mimeType: 'image/jpeg', buffer: await photo() });
  await expect(page.getByTestId('h5-task-photo-0')).toBeVisible();
  await page.getByTestId('h5-task-action-verify').click();
  const confirm = page.getByRole('alertdialog', { name: '核实属实' });
  await expect(confirm).toContainText('现场属实，约 3 平方米');
  await confirm.getByRole('button', { name: '确定' }).click();
  await expect(page.getByTestId('h5-tasks')).toBeVisible();
  await expect(page.getByTestId(`h5-task-item-${id}`)).toHaveCount(0);

  const detail = (await (await page.request.get(`/api/cases/${id}`)).json()) as {
    status: string;
    photos: { phase: string }[];
  };
  expect(detail.status).toBe('pending_filing');
  expect(detail.photos).toHaveLength(1);
});
