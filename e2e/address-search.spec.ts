import { expect, test } from '@playwright/test';
import { pickOption } from './select.ts';

/**
 * Location without GPS (docs/gazetteer.md): a 受理员 taking a phone call files a case by typing the caller's address
 * (大冶路12号) instead of clicking bare polygons; a citizen whose browser refuses the position sees one clear prompt
 * (never "定位失败" beside "已按定位放置图钉") and places the pin by searching an address.
 */

test('an operator files a phone-in case by typing the address', async ({ page }) => {
  await page.goto('/login');
  await page.getByTestId('login-username').fill('operator');
  await page.getByTestId('login-password').fill('Demo@12345');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('app-menu').first()).toBeVisible();
  await page.goto('/cases/new');

  await pickOption(page, 'case-form-matter', '06010', '暴露垃圾');
  await page.getByTestId('case-form-description').fill('来电反映大冶路12号门前堆放生活垃圾');
  await page.getByTestId('case-form-place-search').locator('input').fill('dyl12');
  const option = page.getByTestId('case-form-place-option').first();
  await expect(option).toContainText('大冶路12号');
  // Each answer names where it falls: street, community and the 15-digit grid.
  await expect(option).toContainText(/街道 · .*社区 · \d{15}/);
  await option.click();
  await expect(page.getByTestId('case-form-address')).toHaveValue('大冶路12号');
  const lng = Number(await page.getByTestId('case-form-lng').inputValue());
  const lat = Number(await page.getByTestId('case-form-lat').inputValue());
  expect(lng).toBeGreaterThan(114.94);
  expect(lat).toBeGreaterThan(30.08);
  // The map shows the roads by name.
  // A road is labelled once per stretch between bends, so its name may stand several times.
  await expect(
    page.getByTestId('case-form-map').locator('.map-label-road', { hasText: '大冶路' }).first(),
  ).toBeVisible();

  await page.getByTestId('case-form-submit').click();
  await expect(page.getByTestId('case-status')).toHaveAttribute('data-status', 'reported');
  await expect(page.getByTestId('case-map')).toHaveAttribute(
    'data-lng',
    new RegExp(`^${String(lng).slice(0, 7).replace('.', '\\.')}`),
  );
});

test.describe('the citizen page without GPS', () => {
  // No geolocation permission: the browser answers PERMISSION_DENIED.
  test.use({ viewport: { width: 390, height: 844 }, permissions: [], locale: 'zh-CN' });

  test('shows one prompt and lets the citizen pick the place by address', async ({ page }) => {
    await page.goto('/public');
    await expect(page.getByTestId('public-location-status')).toHaveAttribute('data-status', 'failed');
    await expect(page.getByTestId('public-location-status')).toContainText('无法自动定位');
    await expect(page.getByTestId('public-no-gps')).toContainText('搜索地址');
    await expect(page.getByText('已按定位放置图钉')).toHaveCount(0);

    await page.getByTestId('public-place-search').fill('大冶路12号');
    await page.getByTestId('public-place-option').first().click();
    await expect(page.getByTestId('public-location-status')).toHaveAttribute('data-status', 'manual');
    await expect(page.getByTestId('public-coords')).toContainText('经度 114.');
    await expect(page.getByTestId('public-no-gps')).toHaveCount(0);
    await expect(page.getByText('已按定位放置图钉')).toHaveCount(0);

    // Or by street and community: the pin moves to the community.
    const before = await page.getByTestId('public-coords').textContent();
    await page.getByTestId('public-area-street').selectOption({ index: 1 });
    await page.getByTestId('public-area-community').selectOption({ index: 1 });
    await expect(page.getByTestId('public-coords')).not.toHaveText(before ?? '');
  });
});
