import { expect, request as playwrightRequest, test, type Page } from '@playwright/test';

/**
 * Participation journey (docs/participation.md): a first citizen has reported rubbish at a spot. A second citizen,
 * on a 390×844 phone at the same spot, starts a report of the same matter, sees that report in the nearby box and
 * presses 我也遇到 instead of reporting it again; the page confirms. The operator sees the supporter on the case
 * page. The public list 身边问题 shows the report without the first citizen's phone.
 */
const POINT = { lng: 114.9752, lat: 30.1003 };
const PHONE = '13900002222';

test.use({
  viewport: { width: 390, height: 844 },
  geolocation: { latitude: POINT.lat, longitude: POINT.lng, accuracy: 15 },
  permissions: ['geolocation'],
  locale: 'zh-CN',
});

async function signIn(page: Page, username: string) {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('Demo@12345');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('app-menu').first()).toBeVisible();
}

test('a citizen adds 我也遇到 to a nearby report instead of a duplicate; staff see the supporter, the public list hides the phone', async ({
  page,
  browser,
  baseURL,
}) => {
  // The first citizen's report, filed through the public API from another device.
  // Public text masks digit runs (they may be phone numbers), so the description is told apart by letters.
  const tag = Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
  const description = `小区门口垃圾堆了三天没人清 ${tag}`;
  const first = await playwrightRequest.newContext({ baseURL });
  const filed = await first.post('/api/public/reports', {
    headers: { 'x-device-id': `e2e-first-citizen-${Date.now()}` },
    data: { matterCode: '06010', description, ...POINT, address: '东岳路 12 号', phone: PHONE },
  });
  expect(filed.status(), await filed.text()).toBe(201);
  const { caseNo } = (await filed.json()) as { caseNo: string };
  await first.dispose();

  // The second citizen starts a report of the same matter at the same spot.
  await page.goto('/public');
  await expect(page.getByTestId('public-location-status')).toHaveAttribute('data-status', 'located');
  await page.getByTestId('public-matter-search').fill('垃圾');
  await page.getByTestId('public-matter-option-06010').click();
  await expect(page.getByTestId('public-matter-chosen')).toHaveAttribute('data-code', '06010');

  const nearby = page.getByTestId(`public-nearby-${caseNo}`);
  await expect(page.getByTestId('public-nearby')).toBeVisible();
  await expect(nearby).toContainText(description);
  await expect(nearby).not.toContainText(PHONE);
  await page.getByTestId(`public-nearby-support-${caseNo}`).click();
  await expect(page.getByTestId('public-toast-success')).toContainText('已记录，共 1 人遇到');
  await expect(nearby).toContainText('1 人遇到');
  await expect(page.getByTestId(`public-nearby-support-${caseNo}`)).toBeDisabled();

  // The operator finds the case and sees the supporter on its page.
  const staffContext = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const staffPage = await staffContext.newPage();
  await signIn(staffPage, 'operator');
  const found = (await (
    await staffPage.request.get(`/api/cases?q=${encodeURIComponent(caseNo)}&inbox=all`)
  ).json()) as { items: { id: string; caseNo: string }[] };
  expect(found.items.map((c) => c.caseNo)).toEqual([caseNo]);
  await staffPage.goto(`/cases/${found.items[0]!.id}`);
  await expect(staffPage.getByTestId('case-supporters')).toHaveText('1 位市民表示也遇到');
  await staffContext.close();

  // 身边问题 lists the report (open ones first shown), with no phone, masked or not.
  await page.getByTestId('public-tab-reports').click();
  await expect(page).toHaveURL(/\/public\/reports$/);
  const listed = page.getByTestId(`public-report-${caseNo}`);
  await expect(listed).toContainText(description);
  await expect(listed).toContainText('1 人遇到');
  const list = (await page.getByTestId('public-reports-list').textContent()) ?? '';
  expect(list).not.toContain(PHONE);
  expect(list).not.toContain('139****2222');
  expect(await page.content()).not.toContain(PHONE);
});
