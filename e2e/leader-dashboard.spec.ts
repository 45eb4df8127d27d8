import { expect, request, test, type APIRequestContext } from '@playwright/test';
import { withAfterPhoto } from './after-photo.ts';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { pickOption } from './select.ts';

/**
 * Leader journey: a leader opens the command dashboard (which updates itself when a case arrives), drills from a
 * unit's 按期处置率 down to its cases and opens one, then downloads the yearly statistics report (.docx and .xlsx).
 * The demo city ships without cases, so the setup runs a few through the whole loop over the API first.
 */
const PASSWORD = 'Demo@12345';
const POINT = { lng: 114.975, lat: 30.1 };
const YEAR = String(new Date().getFullYear());

type Call = (method: 'GET' | 'POST', url: string, body?: unknown) => Promise<Record<string, unknown>>;

async function as(baseURL: string, username: string): Promise<{ ctx: APIRequestContext; call: Call; csrf: string }> {
  const ctx = await request.newContext({ baseURL });
  const res = await ctx.post('/api/auth/login', {
    data: { username, password: username === 'admin' ? 'Admin@12345' : PASSWORD },
  });
  expect(res.status(), `login ${username}`).toBe(200);
  const csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
  const call: Call = async (method, url, body) => {
    const r =
      method === 'GET'
        ? await ctx.get(url)
        : await ctx.post(url, { data: body ?? {}, headers: { 'x-csrf-token': csrf } });
    const text = await r.text();
    expect(r.ok(), `${method} ${url}: ${text}`).toBe(true);
    return JSON.parse(text) as Record<string, unknown>;
  };
  return { ctx, call, csrf };
}

let sanitationId = '';
const closedCaseNos: string[] = [];
let roles: Record<string, { ctx: APIRequestContext; call: Call; csrf: string }> = {};
/** The dashboard before this file's cases: other journeys share the server (one worker), so figures are relative. */
let base = { closed: 0, open: 0, mapped: 0 };

async function step(who: string, id: string, body: Record<string, unknown>) {
  const actor = roles[who];
  if (!actor) throw new Error(who);
  const current = await actor.call('GET', `/api/cases/${id}`);
  const sent = await withAfterPhoto(actor.ctx, { 'x-csrf-token': actor.csrf }, body);
  return actor.call('POST', `/api/cases/${id}/transitions`, { version: current.version, ...sent });
}

async function reportCase(description: string): Promise<{ id: string; caseNo: string }> {
  const c = await roles.inspector!.call('POST', '/api/cases', { matterCode: '09006', description, ...POINT });
  return { id: String(c.id), caseNo: String(c.caseNo) };
}

// eslint-disable-next-line no-empty-pattern -- Playwright passes the fixtures first; this hook needs only its info
test.beforeAll(async ({}, info) => {
  const baseURL = String(info.project.use.baseURL);
  roles = {};
  for (const u of ['inspector', 'operator', 'shiftleader', 'dispatcher', 'handler', 'admin'])
    roles[u] = await as(baseURL, u);
  const conditions = (await roles.shiftleader!.call('GET', '/api/catalog/conditions?matterCode=09006')).items as {
    id: string;
  }[];
  const units = (await roles.admin!.call('GET', '/api/org/units?q=SANITATION')).items as { id: string }[];
  sanitationId = units[0]!.id;
  const inspectors = (await roles.operator!.call('GET', '/api/cases/inspectors')) as unknown as {
    id: string;
    displayName: string;
  }[];
  const inspectorId = inspectors.find((i) => i) ? inspectors[0]!.id : '';
  const before = (await roles.admin!.call('GET', '/api/dashboard/summary')) as unknown as {
    today: { closed: number };
    openTotal: number;
    openCases: unknown[];
  };
  base = { closed: before.today.closed, open: before.openTotal, mapped: before.openCases.length };

  // four cases through the whole loop, one left with the unit, one still waiting for the operator
  for (let i = 1; i <= 6; i++) {
    const c = await reportCase(`大屏演示案件 ${i}：金湖大道占道经营`);
    if (i === 6) continue;
    await step('operator', c.id, { action: 'accept' });
    await step('shiftleader', c.id, { action: 'file', filingConditionId: conditions[0]!.id });
    await step('dispatcher', c.id, { action: 'dispatch', unitId: sanitationId });
    if (i === 5) continue;
    await step('handler', c.id, { action: 'report_back', note: '已清理' });
    await step('operator', c.id, { action: 'send_check', userId: inspectorId });
    await step('inspector', c.id, { action: 'check_pass' });
    await step('shiftleader', c.id, { action: 'close' });
    closedCaseNos.push(c.caseNo);
  }
});

test.afterAll(async () => {
  for (const r of Object.values(roles)) await r.ctx.dispose();
});

test("a leader watches the dashboard, drills from a unit's 按期处置率 to its cases, and downloads the yearly report", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/login');
  await page.getByTestId('login-username').fill('leader');
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('app-menu').first()).toBeVisible();

  // 指挥大屏 from the menu: full screen, figures from the loop above
  await page.getByTestId('app-menu').first().getByText('指挥大屏').click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId('dashboard')).toBeVisible();
  await expect(page.getByTestId('dash-today-closed')).toHaveText(String(base.closed + 4));
  await expect(page.getByTestId('dash-open-total')).toContainText(String(base.open + 2));
  await expect(page.getByTestId('dashboard-map')).toHaveAttribute('data-cases', String(base.mapped + 2));

  // a new report arrives: the dashboard shows it without a reload (SSE /api/live)
  const marker = await page.evaluate(() => {
    (window as unknown as { marker: number }).marker = 1;
    return 1;
  });
  await reportCase('大屏实时刷新测试：新的占道经营');
  await expect(page.getByTestId('dash-open-total')).toContainText(String(base.open + 3), { timeout: 15_000 });
  await expect(page.getByTestId('dashboard-map')).toHaveAttribute('data-cases', String(base.mapped + 3));
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(marker);

  // 考核评价: units this year, 环卫所's 按期处置率 → the cases behind it → one case
  // a figure of the dashboard opens its period in 考核评价 (today, whole city)
  await page.getByTestId('dash-today-closed').click();
  await expect(page).toHaveURL(/\/kpi\?period=day&at=\d{4}-\d{2}-\d{2}&subject=tenant$/);
  await expect(page.getByTestId('page-kpi')).toBeVisible();
  await expect(page.getByTestId('kpi-cell-total-closeRate')).toBeVisible();
  await page.goto(`/kpi?period=year&at=${YEAR}&subject=unit`);
  const cell = page.getByTestId(`kpi-cell-${sanitationId}-onTimeHandleRate`);
  await expect(cell).toBeVisible();
  await cell.click();
  const drawer = page.getByTestId('kpi-drill');
  await expect(drawer).toBeVisible();
  const first = closedCaseNos[0]!;
  // at least this file's four closed cases (other journeys may have closed more for 环卫所 on the same server)
  await expect(drawer.getByTestId(`drill-case-${first}`)).toBeVisible();
  expect(
    await drawer.getByTestId('kpi-drill-table').locator('a[data-testid^="drill-case-"]').count(),
  ).toBeGreaterThanOrEqual(4);
  await drawer.getByTestId(`drill-case-${first}`).click();
  await expect(page.getByTestId('case-no')).toHaveText(first);

  // 统计报表: the year, on screen, then both downloads
  await page.goto('/reports');
  await expect(page.getByTestId('page-reports')).toBeVisible();
  await pickOption(page, 'report-period-kind', '年');
  await expect(page.getByTestId('report-title')).toContainText(YEAR);
  await expect(page.getByTestId('report-body')).toContainText('环卫所');

  const [docx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-docx').click()]);
  expect(docx.suggestedFilename()).toMatch(/\.docx$/);
  const docxBytes = readFileSync(await docx.path());
  expect(docxBytes.subarray(0, 2).toString()).toBe('PK');
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-xlsx').click()]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  expect(
    readFileSync(await xlsx.path())
      .subarray(0, 2)
      .toString(),
  ).toBe('PK');

  // every console list exports what it shows: the case list searched for the live-update case → one row
  await page.goto('/cases?inbox=all');
  await page.getByTestId('cases-search').locator('input').fill('大屏实时刷新');
  await page.getByTestId('cases-search').locator('input').press('Enter');
  await expect(page.getByTestId('cases-table').locator('a[data-testid^="case-row-"]')).toHaveCount(1);
  const [list] = await Promise.all([page.waitForEvent('download'), page.getByTestId('cases-export').click()]);
  expect(list.suggestedFilename()).toBe('案件列表.xlsx');
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await list.path());
  const sheet = book.worksheets[0]!;
  expect(sheet.rowCount).toBe(2);
  expect(String(sheet.getRow(2).getCell(6).value)).toContain('大屏实时刷新');
});
