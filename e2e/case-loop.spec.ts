import { expect, test, type Browser, type Page, type TestInfo } from '@playwright/test';
import { join } from 'node:path';
import sharp from 'sharp';
import { makeTempDir } from '../server/src/testing/temp-dir.ts';
import { pickOption } from './select.ts';

/**
 * The closed loop through five roles: the inspector reports with a photo → the operator accepts →
 * the shift leader files → the dispatcher, whose inbox is open, sees the case arrive without reloading and
 * dispatches it to the suggested unit → the unit reports back with a photo → the operator sends it to check → the
 * inspector's check fails → rework → check passes → the shift leader closes. The timeline shows every step.
 */
const PASSWORD = 'Demo@12345';

async function photo(name: string, color: { r: number; g: number; b: number }): Promise<string> {
  // Removed when the worker exits (temp-dir.ts).
  const file = join(makeTempDir('cityloop-photo-'), name);
  await sharp({ create: { width: 96, height: 64, channels: 3, background: color } })
    .jpeg()
    .toFile(file);
  return file;
}

async function signedIn(browser: Browser, info: TestInfo, username: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL: info.project.use.baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('app-menu').first()).toBeVisible();
  return page;
}

async function fillNumber(page: Page, testId: string, value: string) {
  const el = page.getByTestId(testId);
  const input = (await el.evaluate((node) => node.tagName)) === 'INPUT' ? el : el.locator('input');
  await input.fill(value);
}

async function attach(page: Page, testId: string, file: string) {
  await page.getByTestId(testId).locator('input[type=file]').setInputFiles(file);
  await expect(page.getByTestId(testId)).toHaveAttribute('data-count', '1');
}

/** Opens the inbox tab, finds the case row and opens the case. */
async function openFromInbox(page: Page, inbox: string, caseNo: string) {
  await page.goto(`/cases?inbox=${inbox}`);
  await expect(page.getByTestId(`cases-tab-${inbox}`)).toBeVisible();
  await page.getByTestId(`case-row-${caseNo}`).click();
  await expect(page.getByTestId('case-no')).toHaveText(caseNo);
}

async function act(page: Page, action: string, to: string, fill?: () => Promise<void>) {
  await page.getByTestId(`case-action-${action}`).click();
  await expect(page.getByTestId(`action-form-${action}`)).toBeVisible();
  if (fill) await fill();
  await page.getByTestId('action-submit').click();
  await expect(page.getByTestId('case-status')).toHaveAttribute('data-status', to);
}

test('a case goes round the closed loop through five roles, every step on the timeline', async ({ browser }, info) => {
  test.setTimeout(180_000);
  const before = await photo('before.jpg', { r: 180, g: 90, b: 40 });
  const after = await photo('after.jpg', { r: 60, g: 160, b: 90 });

  // 监督员 reports through the console intake form, with a photo.
  const inspector = await signedIn(browser, info, 'inspector');
  await inspector.goto('/cases');
  await inspector.getByTestId('case-create').click();
  await pickOption(inspector, 'case-form-matter', '06010', '暴露垃圾');
  await inspector.getByTestId('case-form-description').fill('东岳路人行道旁堆放生活垃圾，约两袋');
  await inspector.getByTestId('case-form-address').fill('东岳路 88 号门前');
  await fillNumber(inspector, 'case-form-lng', '114.9913');
  await fillNumber(inspector, 'case-form-lat', '30.0926');
  await attach(inspector, 'case-form-photos', before);
  await inspector.getByTestId('case-form-submit').click();
  await expect(inspector.getByTestId('case-status')).toHaveAttribute('data-status', 'reported');
  const caseNo = (await inspector.getByTestId('case-no').textContent()) ?? '';
  expect(caseNo).toMatch(/^420281-\d{8}-\d{5}$/);
  const caseUrl = new URL(inspector.url()).pathname;
  await expect(inspector.getByTestId('photo-before')).toHaveAttribute('data-count', '1');

  // 受理员 accepts from 待受理.
  const operator = await signedIn(browser, info, 'operator');
  await openFromInbox(operator, 'reported', caseNo);
  await act(operator, 'accept', 'pending_filing');

  // 派遣员 keeps 待派遣 open: the filed case must appear there without a reload (SSE).
  const dispatcher = await signedIn(browser, info, 'dispatcher');
  await dispatcher.goto('/cases?inbox=pending_dispatch');
  await expect(dispatcher.getByTestId('cases-live')).toHaveAttribute('data-connected', 'true');
  await expect(dispatcher.getByTestId(`case-row-${caseNo}`)).toHaveCount(0);

  // 值班长 files with a filing condition (its handling limit shows).
  const shiftLeader = await signedIn(browser, info, 'shiftleader');
  await openFromInbox(shiftLeader, 'pending_filing', caseNo);
  await act(shiftLeader, 'file', 'pending_dispatch', async () => {
    await pickOption(shiftLeader, 'action-form-filing-condition', '公共场所未倒入垃圾容器');
    await expect(shiftLeader.getByTestId('action-form-limit')).toContainText('4');
  });

  await expect(dispatcher.getByTestId(`case-row-${caseNo}`)).toBeVisible({ timeout: 15_000 });
  await dispatcher.getByTestId(`case-row-${caseNo}`).click();
  await act(dispatcher, 'dispatch', 'handling', async () => {
    await expect(dispatcher.getByTestId('action-form-suggested')).toBeVisible();
    await expect(dispatcher.getByTestId('action-form-unit')).toContainText('环卫所');
  });

  // 处置单位 (环卫所) reports back with an after photo.
  const unit = await signedIn(browser, info, 'unitmanager');
  await openFromInbox(unit, 'handling', caseNo);
  await act(unit, 'report_back', 'reported_back', async () => {
    await attach(unit, 'action-form-photos', after);
    await unit.getByTestId('action-form-note').fill('已清运');
  });

  // 受理员 sends it to 核查.
  await openFromInbox(operator, 'reported_back', caseNo);
  await act(operator, 'send_check', 'checking');

  // 监督员: the check fails → rework.
  await inspector.goto(caseUrl);
  await act(inspector, 'check_fail', 'handling', async () => {
    await inspector.getByTestId('action-form-note').fill('仍有垃圾袋未清理');
  });

  await unit.goto(caseUrl);
  await act(unit, 'report_back', 'reported_back', async () => {
    await attach(unit, 'action-form-photos', after);
    await unit.getByTestId('action-form-note').fill('已全部清理');
  });
  await operator.goto(caseUrl);
  await act(operator, 'send_check', 'checking');
  await inspector.goto(caseUrl);
  // The inspector reads what the unit reported back, and passes the check with a photo of the result.
  await expect(inspector.getByTestId('case-report-back-note')).toHaveText('已全部清理');
  await act(inspector, 'check_pass', 'pending_close', async () => {
    await attach(inspector, 'action-form-photos', after);
  });

  // 值班长 closes.
  await openFromInbox(shiftLeader, 'pending_close', caseNo);
  await act(shiftLeader, 'close', 'closed');

  // The timeline has every step, in order; before and after photos side by side.
  const steps = await shiftLeader
    .getByTestId('case-timeline')
    .locator('[data-action]')
    .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-action')));
  expect(steps).toEqual([
    'report',
    'accept',
    'file',
    'dispatch',
    'report_back',
    'send_check',
    'check_fail',
    'report_back',
    'send_check',
    'check_pass',
    'close',
  ]);
  await expect(shiftLeader.getByTestId('case-timeline')).toContainText('仍有垃圾袋未清理');
  await expect(shiftLeader.getByTestId('photo-before')).toHaveAttribute('data-count', '1');
  await expect(shiftLeader.getByTestId('photo-after')).toHaveAttribute('data-count', '2');
  await expect(shiftLeader.getByTestId('case-actions')).toContainText('当前没有您可以办理的操作');
});
