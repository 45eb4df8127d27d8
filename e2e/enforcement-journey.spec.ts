import {
  expect,
  request as playwrightRequest,
  test,
  type Browser,
  type Download,
  type Locator,
  type Page,
  type TestInfo,
} from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import sharp from 'sharp';
import { makeTempDir } from '../server/src/testing/temp-dir.ts';

/**
 * The enforcement line (docs/enforcement.md): an officer opens a 行政处罚 case from a 数字城管 case in one step, the
 * squad leader approves the filing, two officers record an inquiry and evidence, the investigation ends with a
 * proposed fine, the squad leader decides (the 文号 is drawn), issues the 行政处罚决定书 and downloads it as Word and
 * PDF, the decision is served, the fine is paid in full, which closes the case — every step in the drawer's forms.
 */
const PASSWORD = 'Demo@12345';
const FINE = 300; // yuan, inside the 噪声 一般 band (200–500) and below the hearing threshold

async function signedIn(browser: Browser, info: TestInfo, username: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL: info.project.use.baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('app-menu').first()).toBeVisible();
  return page;
}

/** Today in the tenant's zone (the demo city is in Asia/Shanghai), as the date inputs take it. */
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** Opens the 数字城管 case and, from its enforcement card, the linked enforcement case's drawer. */
async function openDrawer(page: Page, cityCaseId: string, enforcementNo: string) {
  await page.goto(`/cases/${encodeURIComponent(cityCaseId)}`);
  await page.getByTestId(`case-enforcement-${enforcementNo}`).click();
  await expect(page.getByTestId('enforcement-drawer').getByTestId('enforcement-stage')).toBeVisible();
}

const stage = (page: Page) => page.getByTestId('enforcement-drawer').getByTestId('enforcement-stage');

/** Picks a step in the drawer's form (only the steps the stage allows are offered), fills it and submits. */
async function act(page: Page, action: string, fill?: (form: Locator) => Promise<void>) {
  const form = page.getByTestId('enforcement-actions');
  await pick(page, byId(page, 'enforcement-action-select'), action);
  if (fill) await fill(form);
  await form.getByTestId('enforcement-action-submit').click();
}

/**
 * Picks the option showing `text` in a Select of the drawer (by test id, or by its form item's label). A click on an
 * option while the drawer re-renders after a reload can be lost, so the pick is checked and made again.
 */
async function pick(page: Page, select: Locator, text: string | RegExp) {
  const box = select.getByRole('combobox');
  await expect(async () => {
    if ((await box.getAttribute('aria-expanded')) !== 'true') await select.click();
    await expect(box).toHaveAttribute('aria-expanded', 'true', { timeout: 2_000 });
    const id = await box.getAttribute('id');
    const option = page.locator(`[id="${id}_list"]`).locator('..').getByTitle(text, { exact: true });
    await option.first().click({ timeout: 2_000 });
    await expect(select).toContainText(text, { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
}

const byId = (page: Page, testId: string) => page.getByTestId(testId);
const byLabel = (page: Page, labelText: string) =>
  page
    .getByTestId('enforcement-actions')
    .locator('.ant-form-item')
    .filter({ hasText: labelText })
    .locator('.ant-select');

/** antd's InputNumber puts the test id on the input or on its wrapper, depending on the version. */
async function fillNumber(form: Locator, testId: string, value: string) {
  const el = form.getByTestId(testId);
  const input = (await el.evaluate((node) => node.tagName)) === 'INPUT' ? el : el.locator('input');
  await input.fill(value);
}

async function twoOfficers(page: Page) {
  await pick(page, byId(page, 'enforcement-action-officer-0'), /^黄队员/);
  await pick(page, byId(page, 'enforcement-action-officer-1'), /^吴队员/);
}

async function downloaded(page: Page, docNo: string, button: string): Promise<Buffer> {
  const row = page.getByTestId('enforcement-issued-documents').getByRole('row').filter({ hasText: docNo });
  const [download]: [Download, void] = await Promise.all([
    page.waitForEvent('download', { timeout: 20_000 }),
    row.getByRole('button', { name: button }).click(),
  ]);
  const path = await download.path();
  return readFile(path);
}

test('an enforcement case goes from a 数字城管 case to 结案 through the drawer', async ({ browser }, info) => {
  test.setTimeout(240_000);
  const file = join(makeTempDir('cityloop-evidence-'), 'scene.jpg');
  await sharp({ create: { width: 96, height: 64, channels: 3, background: { r: 120, g: 120, b: 200 } } })
    .jpeg()
    .toFile(file);

  // The 数字城管 case: an inspector's report (its own loop is case-loop.spec.ts), made through the API here.
  const inspector = await playwrightRequest.newContext({ baseURL: info.project.use.baseURL });
  const login = await inspector.post('/api/auth/login', {
    data: { tenantCode: '420281', username: 'inspector', password: PASSWORD },
  });
  expect(login.ok(), 'login inspector').toBe(true);
  const reported = await inspector.post('/api/cases', {
    headers: { 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken },
    data: { matterCode: '09006', description: '居民区夜间高音喇叭噪声扰民', lng: 114.975, lat: 30.1 },
  });
  expect(reported.status(), await reported.text()).toBe(201);
  const city = (await reported.json()) as { id: string; caseNo: string };

  // 立案 in one step from the 数字城管 case page.
  const officer = await signedIn(browser, info, 'officer');
  await officer.goto(`/cases/${encodeURIComponent(city.id)}`);
  await officer.getByTestId('case-enforcement-create').click();
  const modal = officer.getByTestId('enforcement-create-modal');
  await expect(modal.getByTestId('enforcement-create-facts')).toBeVisible();
  await pick(officer, byId(officer, 'enforcement-create-violation'), '噪声');
  await modal.getByTestId('enforcement-create-facts').fill('夜间在居民区使用高音喇叭招揽生意，经劝阻未停止');
  await modal.getByTestId('enforcement-create-party-name').fill('张三');
  await modal.getByTestId('enforcement-create-id-number').fill('11010519491231002X');
  await pick(officer, byId(officer, 'enforcement-create-officer-0'), /^黄队员/);
  await pick(officer, byId(officer, 'enforcement-create-officer-1'), /^吴队员/);
  await modal.getByTestId('enforcement-create-submit').click();
  const drawer = officer.getByTestId('enforcement-drawer');
  await expect(stage(officer)).toHaveText('立案审批');
  // Linked both ways: the drawer names the 数字城管 case, the case page lists the enforcement case.
  await expect(drawer.getByTestId('enforcement-city-case')).toHaveText(city.caseNo);
  const title = (await drawer.locator('.ant-drawer-title').textContent()) ?? '';
  const enforcementNo = /[A-Z0-9][-A-Z0-9]+/.exec(title)?.[0] ?? '';
  expect(enforcementNo).not.toBe('');
  await expect(officer.getByTestId(`case-enforcement-${enforcementNo}`)).toBeVisible();

  // The squad leader approves the filing; the officers' own form offers no approval.
  await expect(drawer.getByTestId('enforcement-actions')).toHaveCount(0);
  const leader = await signedIn(browser, info, 'squadleader');
  await openDrawer(leader, city.id, enforcementNo);
  await act(leader, '批准立案');
  await expect(stage(leader)).toHaveText('调查取证');

  // Two officers: an inquiry by the first, evidence with its file by the second, each step naming both.
  await openDrawer(officer, city.id, enforcementNo);
  await act(officer, '调查笔录', async (form) => {
    await pick(officer, byLabel(officer, '笔录类型'), '询问笔录');
    await twoOfficers(officer);
    await form.getByTestId('enforcement-action-note').fill('询问当事人，当事人承认夜间使用高音喇叭');
  });
  await expect(officer.getByTestId('enforcement-events')).toContainText('调查笔录');
  const officer2 = await signedIn(browser, info, 'officer2');
  await openDrawer(officer2, city.id, enforcementNo);
  await act(officer2, '登记证据', async (form) => {
    await pick(officer2, byLabel(officer2, '证据类型'), '照片');
    await form.getByTestId('enforcement-evidence-file').setInputFiles(file);
    await twoOfficers(officer2);
    await form.getByTestId('enforcement-action-note').fill('现场拍照固定证据');
  });
  await expect(officer2.getByTestId('enforcement-evidence')).toContainText('scene.jpg');
  await expect(officer2.getByTestId('enforcement-events')).toContainText('登记证据');
  await expect(officer2.getByTestId('enforcement-events')).toContainText('黄队员、吴队员');
  await act(officer2, '责令改正', async (form) => {
    await twoOfficers(officer2);
    await form.locator('input[placeholder="YYYY-MM-DD"]').fill(today());
    await form.getByTestId('enforcement-action-note').fill('责令立即停止使用高音喇叭');
  });
  await expect(stage(officer2)).toHaveText('责令改正');
  await act(officer2, '调查终结', async (form) => {
    await fillNumber(form, 'enforcement-fine', String(FINE));
    await pick(officer2, byId(officer2, 'enforcement-band'), /^噪声 · 一般/);
  });
  await expect(stage(officer2)).toHaveText('事先告知');
  // The party waives 陈述申辩 (the 3 working days would otherwise have to run out first).
  await act(officer2, '告知期满', async (form) => {
    await form.getByRole('checkbox').check();
  });
  await expect(stage(officer2)).toHaveText('待决定');

  // The squad leader decides: the 文号 is drawn; then issues the 行政处罚决定书 and downloads it.
  await openDrawer(leader, city.id, enforcementNo);
  await act(leader, '作出处罚决定', async (form) => {
    await fillNumber(form, 'enforcement-fine', String(FINE));
    await pick(leader, byId(leader, 'enforcement-band'), /^噪声 · 一般/);
  });
  await expect(stage(leader)).toHaveText('送达');
  const decisionNo = leader.getByTestId('enforcement-decision-no');
  await expect(decisionNo).toHaveText(/^.+罚决字〔\d{4}〕第\d+号$/);
  const docNo = (await decisionNo.textContent()) ?? '';
  const docs = leader.getByTestId('enforcement-documents');
  await docs.getByRole('button', { name: 'file-add 行政处罚决定书', exact: true }).click();
  await leader
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  await expect(docs.getByTestId('enforcement-issued-documents')).toContainText(docNo);

  const docx = await downloaded(leader, docNo, 'Word');
  const zip = await JSZip.loadAsync(docx);
  const xml = await zip.file('word/document.xml')!.async('string');
  expect(xml).toContain(docNo);
  expect(xml).toContain('行政处罚决定书');
  const pdf = await downloaded(leader, docNo, 'PDF');
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.toString('latin1')).toContain('/FontFile2');

  // Served today and paid in full: nothing outstanding, and the case is closed.
  await openDrawer(officer, city.id, enforcementNo);
  await act(officer, '送达', async (form) => {
    await form.locator('input[placeholder="YYYY-MM-DD"]').fill(today());
  });
  await expect(stage(officer)).toHaveText('执行');
  await act(officer, '缴纳罚款', async (form) => {
    await fillNumber(form, 'enforcement-pay-amount', String(FINE));
    await pick(officer, byLabel(officer, '缴款渠道'), '非税收入');
    await form.getByTestId('enforcement-pay-reference').fill('FS2026000000017');
    await form.getByTestId('enforcement-pay-date').fill(today());
  });
  // The payment that settles the fine closes the case: no separate 结案 step.
  await expect(stage(officer)).toHaveText('已结案');
  await expect(officer.getByTestId('enforcement-outstanding')).toHaveText('¥0.00');
  await openDrawer(leader, city.id, enforcementNo);
  await expect(stage(leader)).toHaveText('已结案');
  await expect(leader.getByTestId('enforcement-outstanding')).toHaveText('¥0.00');
  const events = leader.getByTestId('enforcement-events');
  await expect(events).toContainText('缴纳罚款');
  await expect(events).toContainText('结案');
});
