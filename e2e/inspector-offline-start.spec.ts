import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import sharp from 'sharp';

/**
 * The inspector app's service worker (docs/h5-offline.md). Signed in and used once online, the browser is shut
 * down; started again offline from the same profile, /h5 opens with the inspector still signed in, the map draws
 * the street layer, the matter search finds 占道经营 by its pinyin initials, and a report is kept as a draft; back
 * online, the draft makes exactly one case. A new version waits while a report may be open in another window and
 * takes over at the next start. Signing out leaves nothing to start offline with.
 */
const phone = {
  viewport: { width: 390, height: 844 },
  geolocation: { latitude: 30.1003, longitude: 114.9712, accuracy: 12 },
  permissions: ['geolocation'],
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
};

const photo = () =>
  sharp({ create: { width: 320, height: 240, channels: 3, background: '#2e86c1' } })
    .jpeg({ quality: 80 })
    .toBuffer();

/** The reads the worker keeps for the signed-in session (paths only). */
const cachedReads = (page: Page) =>
  page.evaluate(async () => {
    const names = await caches.keys();
    const data = names.find((name) => name.startsWith('cityloop-h5-data-'));
    if (!data) return [];
    const keys = await (await caches.open(data)).keys();
    return keys.map((request) => new URL(request.url).pathname);
  });

/** The built worker the test server sends (it reads web/dist on every request). */
const workerFile = join(import.meta.dirname, '..', 'web', 'dist', 'h5-sw.js');

let profile = '';
test.beforeAll(() => {
  profile = mkdtempSync(join(tmpdir(), 'cityloop-h5-profile-'));
});
test.afterAll(() => rmSync(profile, { recursive: true, force: true }));

test('a cold start with no network opens the app, searches the catalog, draws the map and keeps a draft', async ({
  playwright,
  launchOptions,
  baseURL,
}) => {
  const launch = (offline: boolean): Promise<BrowserContext> =>
    playwright.chromium.launchPersistentContext(profile, { ...launchOptions, ...phone, baseURL, offline });

  // Online once: the worker installs while the sign-in page is open, then the app reads what it keeps.
  let context = await launch(false);
  let page = context.pages()[0] ?? (await context.newPage());
  await page.goto('/h5');
  await expect(page).toHaveURL(/\/h5\/login$/);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.getByTestId('login-username').fill('inspector');
  await page.getByTestId('login-password').fill('Demo@12345');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('h5-app')).toBeVisible();
  await expect(page.getByTestId('h5-report-map').locator('.phone-map-label').first()).toBeVisible();
  await expect
    .poll(() => cachedReads(page))
    .toEqual(expect.arrayContaining(['/api/auth/me', '/api/catalog/entries', '/api/geo/layers/street']));
  await context.close();

  // The browser starts again with the network down: nothing reaches the server, not even from the worker.
  context = await launch(true);
  page = context.pages()[0] ?? (await context.newPage());
  await page.goto('/h5');
  await expect(page.getByTestId('h5-app')).toBeVisible();
  await expect(page).toHaveURL(/\/h5$/);
  await expect(page.getByTestId('h5-offline-banner')).toBeVisible();
  expect(
    await page.evaluate(() =>
      fetch('/api/health').then(
        () => 'reached',
        () => 'unreachable',
      ),
    ),
  ).toBe('unreachable');

  await expect(page.getByTestId('h5-report-map').locator('.phone-map-label').first()).toBeVisible();
  await expect(page.getByTestId('h5-report-location-status')).toHaveAttribute('data-status', 'located');
  await page
    .getByTestId('h5-report-photo-input')
    .setInputFiles({ name: 'scene.jpg', mimeType: 'image/jpeg', buffer: await photo() });
  await expect(page.getByTestId('h5-report-photo-0')).toBeVisible();
  await page.getByTestId('h5-report-matter').click();
  await page.getByTestId('h5-report-matter-search').fill('zdjy');
  await page.getByTestId('h5-report-matter-option-09006').click();
  await expect(page.getByTestId('h5-report-matter')).toHaveAttribute('data-value', '09006');
  const description = `E2E 冷启动离线上报 ${Date.now()}`;
  await page.getByTestId('h5-report-description').fill(description);
  await page.getByTestId('h5-report-address').fill('新冶大道与东风路交叉口');
  await page.getByTestId('h5-report-submit').click();
  await expect(page.getByTestId('h5-report-result')).toHaveAttribute('data-kind', 'saved');

  await page.getByTestId('h5-tab-drafts').click();
  const draft = page.locator('[data-testid^="h5-draft-"][data-status]').filter({ hasText: description });
  await expect(draft).toHaveAttribute('data-status', 'pending');

  // The network returns: the draft goes out with the session the phone remembered, once.
  await context.setOffline(false);
  await expect(draft).toHaveAttribute('data-status', 'sent', { timeout: 20_000 });
  const caseNo = (await draft.getAttribute('data-case-no')) ?? '';
  expect(caseNo).toMatch(/^420281-\d{8}-\d{5}$/);
  const found = await context.request.get(`/api/cases?q=${encodeURIComponent(description)}`);
  expect(found.ok()).toBe(true);
  const body = (await found.json()) as { total: number; items: { caseNo: string; matterCode: string }[] };
  expect(body.total).toBe(1);
  expect(body.items[0]).toMatchObject({ caseNo, matterCode: '09006' });
  await context.close();
});

test('a new version installs in the background and takes over at the next start, not during a report', async ({
  context,
  page,
}) => {
  await page.goto('/h5');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.getByTestId('login-username').fill('inspector');
  await page.getByTestId('login-password').fill('Demo@12345');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('h5-app')).toBeVisible();
  const shellCaches = (on: Page) =>
    on.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith('cityloop-h5-shell-')).sort());
  const [installed = ''] = await shellCaches(page);

  // The server gets another build: the same files under another version. The browser fetches the worker's script
  // itself, past Playwright's routing, so the served file is replaced (and put back afterwards).
  const current = readFileSync(workerFile, 'utf8');
  const version = installed.replace('cityloop-h5-shell-', '');
  expect(current).toContain(`"${version}"`);
  const next = version.replace(/^./, (c) => (c === 'f' ? '0' : 'f'));
  writeFileSync(workerFile, current.replace(`"${version}"`, `"${next}"`));
  try {
    // A report is being written in one window when the app starts in a second one, which finds the new version.
    await page.getByTestId('h5-report-description').fill('写到一半的上报');
    const second = await context.newPage();
    await second.goto('/h5');
    await expect(second.getByTestId('h5-app')).toBeVisible();
    await expect.poll(() => shellCaches(second)).toEqual([installed, `cityloop-h5-shell-${next}`].sort());

    // Started again while the first window is open: the new version waits, the report there is untouched.
    await second.reload();
    await expect(second.getByTestId('h5-app')).toBeVisible();
    expect(await shellCaches(second)).toHaveLength(2);
    await expect(page.getByTestId('h5-report-description')).toHaveValue('写到一半的上报');

    // Started again as the app's only window: the new version takes over before the app is drawn.
    await page.close();
    await second.reload();
    await expect(second.getByTestId('h5-app')).toBeVisible();
    await expect.poll(() => shellCaches(second)).toEqual([`cityloop-h5-shell-${next}`]);
  } finally {
    writeFileSync(workerFile, current);
  }
});

test('signing out on a shared phone forgets the session: an offline start then asks to sign in', async ({
  context,
  page,
}) => {
  await page.goto('/h5');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.getByTestId('login-username').fill('inspector');
  await page.getByTestId('login-password').fill('Demo@12345');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('h5-app')).toBeVisible();
  await expect.poll(() => cachedReads(page)).toContain('/api/auth/me');

  await page.getByTestId('h5-tab-me').click();
  await page.getByTestId('h5-me-logout').click();
  await expect(page.getByTestId('h5-sign-in')).toBeVisible();
  await expect.poll(() => cachedReads(page)).toEqual([]);

  await page.close();
  await context.setOffline(true);
  const next = await context.newPage();
  await next.goto('/h5');
  await expect(next.getByTestId('h5-sign-in')).toBeVisible();
  await expect(next).toHaveURL(/\/h5\/login$/);
});
