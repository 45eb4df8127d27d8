import { expect, test, type Browser, type Page } from '@playwright/test';
import sharp from 'sharp';

/**
 * 泵站巡检 on the phone (docs/inspections.md): the inspector opens this week's round of 1号排水泵站 from the demo
 * seed, fails the pump test with a photo while offline (the results wait on the phone), and sends them when the
 * signal returns; the failed item opens a 养护工单 for the pump stations' contractor, whose worker finishes it on the
 * phone with an after-photo, and the console's work-order list shows it done.
 */
const phone = { viewport: { width: 390, height: 844 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };

const photo = (colour: string) =>
  sharp({ create: { width: 320, height: 240, channels: 3, background: colour } })
    .jpeg({ quality: 80 })
    .toBuffer();

async function signIn(browser: Browser, baseURL: string, path: string, username: string) {
  const context = await browser.newContext({ ...phone, baseURL });
  const page = await context.newPage();
  await page.goto(path);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('Demo@12345');
  await page.getByTestId('login-submit').click();
  return { context, page };
}

async function addPhoto(page: Page, testId: string, colour: string) {
  await page
    .getByTestId(`${testId}-input`)
    .setInputFiles({ name: 'site.jpg', mimeType: 'image/jpeg', buffer: await photo(colour) });
  await expect(page.getByTestId(`${testId}-0`)).toBeVisible();
}

test('a failed pump-station item becomes a work order the contractor closes with photos', async ({
  browser,
  baseURL,
  page,
}) => {
  test.setTimeout(120_000);
  const inspector = await signIn(browser, baseURL!, '/h5/login', 'inspector');
  const p = inspector.page;
  await expect(p.getByTestId('h5-app')).toBeVisible();
  await p.getByTestId('h5-tab-tasks').click();
  await p.getByTestId('h5-inspections-entry').click();
  // the sweep has generated next week's round too: the nearest due date comes first
  await p.getByTestId('h5-inspection-DY-BZ-01').first().click();
  await expect(p.getByTestId('h5-inspection')).toContainText('1号排水泵站');
  await p.getByTestId('item-power-pass').click();
  await p.getByTestId('item-pumps-fail').click();
  await p.getByTestId('item-pumps-text').fill('E2E 1号泵试运行异响');
  await addPhoto(p, 'item-pumps-photo', '#c0392b');
  await p.getByTestId('item-sump-value').fill('1.6');
  await p.getByTestId('item-grille-pass').click();

  // The answers are kept while typing: a reload on the way does not lose them.
  await p.reload();
  await expect(p.getByTestId('item-pumps-text')).toHaveValue('E2E 1号泵试运行异响');

  await inspector.context.setOffline(true);
  await expect(p.getByTestId('h5-offline-banner')).toBeVisible();
  await p.getByTestId('inspection-submit').click();
  await expect(p.getByTestId('h5-inspections')).toHaveAttribute('data-waiting', '1');
  await inspector.context.setOffline(false);
  await expect(p.getByTestId('h5-inspections')).toHaveAttribute('data-waiting', '0', { timeout: 20_000 });
  await expect(p.getByTestId('h5-inspection-DY-BZ-01')).toHaveCount(1);

  // The inspection as done, with the order its failed item opened.
  const done = await p.request.get('/api/assets/my-inspections?state=done&q=DY-BZ-01&pageSize=50');
  const doneItems = (
    (await done.json()) as { items: { dueDate: string; items: { key: string; orderNo: string | null }[] }[] }
  ).items;
  const latest = doneItems.sort((a, b) => b.dueDate.localeCompare(a.dueDate))[0]!;
  const orderNo = latest.items.find((i) => i.key === 'pumps')!.orderNo!;
  expect(orderNo).toMatch(/^YH\d{4}-\d{5}$/);
  await inspector.context.close();

  // The contractor's worker finds it on the phone and finishes it with an after-photo.
  const worker = await signIn(browser, baseURL!, '/h5/login', 'contractor');
  const w = worker.page;
  await expect(w.getByTestId('h5-app')).toHaveAttribute('data-role', 'handler');
  await w.getByTestId('h5-work-orders-entry').click();
  await w.getByTestId(`h5-work-order-${orderNo}`).click();
  await expect(w.getByTestId('h5-work-order')).toHaveAttribute('data-state', 'open');
  await expect(w.getByTestId('h5-work-order')).toContainText('1号排水泵站');
  await w.getByTestId('h5-wo-finish').click();
  await expect(w.getByText('请先拍摄处置后照片')).toBeVisible();
  await addPhoto(w, 'h5-wo-photo', '#27ae60');
  await w.getByTestId('h5-wo-note').fill('更换密封件，试运行正常');
  // the contractor's actual quantity and cost: a negative cost is stopped on its field, then corrected
  await w.getByTestId('h5-wo-quantity').fill('2');
  await w.getByTestId('h5-wo-unit').selectOption('unit');
  await w.getByTestId('h5-wo-cost').fill('-1');
  await w.getByTestId('h5-wo-finish').click();
  await expect(w.getByTestId('h5-wo-cost-error')).toHaveText('不能为负数');
  await w.getByTestId('h5-wo-cost').fill('480.5');
  await w.getByTestId('h5-wo-finish').click();
  await expect(w.getByTestId('h5-work-orders')).toBeVisible();
  await expect(w.getByTestId(`h5-work-order-${orderNo}`)).toHaveCount(0);
  expect(await w.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await worker.context.close();

  // The console shows the order done, with its after-photo.
  await page.goto('/login');
  await page.getByTestId('login-username').fill('leader');
  await page.getByTestId('login-password').fill('Demo@12345');
  await page.getByTestId('login-submit').click();
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto('/data/assets?tab=workOrders');
  await page.getByTestId('assets-work-orders-search').locator('input').fill(orderNo);
  await page.getByTestId('assets-work-orders-search').locator('input').press('Enter');
  const row = page.getByTestId('assets-work-orders-table').locator('tr', { hasText: orderNo });
  await expect(row).toContainText('已完成');
  // its detail: the inspection's photo before, the worker's after, the quantity and the cost
  await row.locator('[data-testid^="wo-open-"]').click();
  const detail = page.getByTestId('wo-detail');
  await expect(detail.getByTestId('wo-detail-quantity')).toHaveText('2 个');
  await expect(detail.getByTestId('wo-detail-cost')).toHaveText('480.50');
  await expect(detail.getByTestId('wo-detail-before').locator('img')).toHaveCount(1);
  await expect(detail.getByTestId('wo-detail-after').locator('img')).toHaveCount(1);
  const order = await page.request.get(`/api/assets/work-orders?q=${orderNo}`);
  const found = (
    (await order.json()) as {
      items: { state: string; afterPhotoIds: string[]; quantity: number; quantityUnit: string; costFen: number }[];
    }
  ).items[0]!;
  expect(found).toMatchObject({ state: 'done', quantity: 2, quantityUnit: 'unit', costFen: 48_050 });
  expect(found.afterPhotoIds).toHaveLength(1);
});
