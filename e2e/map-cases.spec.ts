import { expect, request as playwrightRequest, test, type Page, type Response } from '@playwright/test';
import { pickOption } from './select.ts';

/**
 * 一张图's case layer: the leader opens the map and sees the open cases as markers (single cases are SVG circles
 * `cl-case-marker`, groups are `cl-case-cluster` discs); filtering by status fetches only that status; the search
 * box finds a case by its number, flies there and opens its popup. The demo city ships without cases, so two
 * citizen reports are filed first and the operator accepts one (待受理 → 待立案).
 */
const PASSWORD = 'Demo@12345';

async function staffApi(baseURL: string, username: string) {
  const ctx = await playwrightRequest.newContext({ baseURL });
  const login = await ctx.post('/api/auth/login', { data: { username, password: PASSWORD } });
  expect(login.ok(), `login ${username}`).toBe(true);
  const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
  return { ctx, csrf };
}

async function report(baseURL: string, lng: number, lat: number, description: string) {
  const ctx = await playwrightRequest.newContext({ baseURL });
  const res = await ctx.post('/api/public/reports', {
    headers: { 'x-device-id': `e2e-map-${String(lng).replace('.', '_')}-${String(lat).replace('.', '_')}` },
    data: { matterCode: '06010', description, lng, lat },
  });
  expect(res.status(), await res.text()).toBe(201);
  const { caseNo } = (await res.json()) as { caseNo: string };
  await ctx.dispose();
  return caseNo;
}

async function signIn(page: Page, username: string) {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('app-menu').first()).toBeVisible();
}

type MapAnswer = { items: { caseNo: string; status: string }[] };
/**
 * The next answer of the case layer for `status` that holds `caseNo`: the map may ask first for the box of a view
 * that is still settling (fitting the city into the container), which is not the one this journey looks at.
 */
const mapAnswer = (page: Page, status: string, caseNo: string) =>
  page
    .waitForResponse(
      async (r: Response) =>
        r.url().includes('/api/cases/map?') &&
        new URL(r.url()).searchParams.get('status') === status &&
        r.ok() &&
        (await r.text()).includes(caseNo),
    )
    .then(async (r) => (await r.json()) as MapAnswer);

test('the leader sees case markers on 一张图, filters them by status and finds a case by number', async ({
  page,
  baseURL,
}) => {
  const url = baseURL ?? '';
  const waiting = await report(url, 114.9705, 30.0952, '路边垃圾桶满溢没人清运');
  const accepted = await report(url, 114.9901, 30.0868, '菜市场门口垃圾散落一地');

  const operator = await staffApi(url, 'operator');
  const found = (await (await operator.ctx.get(`/api/cases?q=${encodeURIComponent(accepted)}&inbox=all`)).json()) as {
    items: { id: string }[];
  };
  const id = found.items[0]!.id;
  const current = (await (await operator.ctx.get(`/api/cases/${id}`)).json()) as { version: number };
  const step = await operator.ctx.post(`/api/cases/${id}/transitions`, {
    headers: { 'x-csrf-token': operator.csrf },
    data: { version: current.version, action: 'accept' },
  });
  expect(step.ok(), await step.text()).toBe(true);
  expect(((await (await operator.ctx.get(`/api/cases/${id}`)).json()) as { status: string }).status).toBe(
    'pending_filing',
  );
  await operator.ctx.dispose();

  await signIn(page, 'leader');
  const opening = mapAnswer(page, 'open', waiting);
  await page.getByTestId('menu-map').click();
  await expect(page.getByTestId('map-container')).toBeVisible();
  const open = await opening;
  expect(open.items.map((c) => c.caseNo)).toEqual(expect.arrayContaining([waiting, accepted]));
  await expect(page.getByTestId('case-layer')).toHaveAttribute('data-count', String(open.items.length));
  await expect.poll(() => page.locator('.cl-case-marker, .cl-case-cluster').count()).toBeGreaterThan(0);

  // 待立案 only: the accepted case stays, the waiting one goes.
  const filtering = mapAnswer(page, 'pending_filing', accepted);
  await pickOption(page, 'case-layer-status', '待立案');
  const filtered = await filtering;
  const shown = filtered.items.map((c) => c.caseNo);
  expect(shown).toContain(accepted);
  expect(shown).not.toContain(waiting);
  expect(filtered.items.every((c) => c.status === 'pending_filing')).toBe(true);
  await expect(page.getByTestId('case-layer')).toHaveAttribute('data-count', String(filtered.items.length));
  await expect(page.getByTestId('case-layer-count')).toContainText(String(filtered.items.length));
  await expect.poll(() => page.locator('.cl-case-marker, .cl-case-cluster').count()).toBeGreaterThan(0);

  // The search box finds the waiting case by its number and flies there with its popup open.
  await page
    .locator('input[data-testid="map-search-input"], [data-testid="map-search-input"] input')
    .first()
    .fill(waiting);
  const option = page.locator('.ant-select-item-option').filter({ hasText: waiting });
  await option.click();
  await expect(page.getByTestId('case-popup')).toBeVisible();
  await expect(page.getByTestId('case-popup-no')).toHaveText(waiting);
  await expect(page.getByTestId('case-popup')).toContainText('待受理');
  await expect
    .poll(async () => Number(await page.getByTestId('map-stats').getAttribute('data-zoom')))
    .toBeGreaterThanOrEqual(17);
});
