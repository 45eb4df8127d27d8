import { expect, test } from '@playwright/test';

/**
 * 车辆监管 on a fresh start (docs/vehicles.md, "Demo"): the seed stored yesterday's shifts of the demo fleet through
 * the GPS intake and computed the day's coverage, so the squad leader (who holds vehicle.read) opens a sprinkler
 * from the list, replays yesterday's track, moves the slider and sees the vehicle and the time move; the coverage
 * tab lists the roads the sprinklers covered yesterday.
 */
const SPRINKLER = '鄂B·S1001（示例）';

test('the squad leader replays a sprinkler of yesterday and reads the coverage report', async ({ page }) => {
  await page.goto('/login');
  await page.getByTestId('login-username').fill('squadleader');
  await page.getByTestId('login-password').fill('Demo@12345');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('app-menu').first()).toBeVisible();

  await page.goto('/vehicles');
  await expect(page.getByTestId('vehicles-page')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('vehicles-search').locator('input').fill('SS001');
  await page.getByTestId('vehicles-search').locator('input').press('Enter');
  const row = page.getByTestId('vehicles-table').getByRole('row').filter({ hasText: SPRINKLER });
  await expect(row).toHaveCount(1, { timeout: 20_000 });
  // the sprinkler reported yesterday: the time of its last position is there
  await expect(row).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  await row.locator('a', { hasText: SPRINKLER }).click();

  // The replay opens on the day of its last position (yesterday's shift) with the track loaded.
  const slider = page.getByTestId('replay-slider');
  await expect(slider).toBeVisible({ timeout: 20_000 });
  const map = page.getByTestId('vehicle-track-map');
  const marker = map.locator('path.leaflet-interactive[stroke="#f5222d"]');
  await expect(marker).toHaveCount(1);
  await expect(map.locator('path.leaflet-interactive[stroke="#1677ff"]')).toHaveCount(1);
  const caption = slider.locator('.ant-typography');
  const startText = await caption.innerText();
  expect(startText).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  // the map settles (fitted to the track) before the marker's position is read
  await expect
    .poll(async () => marker.getAttribute('d'), { timeout: 10_000, intervals: [250, 500, 1000] })
    .toMatch(/^M/);
  await page.waitForTimeout(300);
  const startPath = await marker.getAttribute('d');

  // Halfway along the track: a later time and the marker elsewhere on the map.
  const rail = slider.locator('.ant-slider');
  const box = (await rail.boundingBox())!;
  await rail.click({ position: { x: box.width * 0.5, y: box.height / 2 } });
  await expect(caption).not.toHaveText(startText);
  await expect.poll(async () => marker.getAttribute('d')).not.toBe(startPath);
  const midText = await caption.innerText();
  expect(midText.match(/\d{2}:\d{2}/)![0] > startText.match(/\d{2}:\d{2}/)![0]).toBe(true);

  // And with the keyboard to the end of the shift.
  await slider.getByRole('slider').press('End');
  await expect(caption).not.toHaveText(midText);

  // Yesterday's coverage, computed by the seed as the nightly job does.
  await page.getByRole('tab', { name: '作业覆盖' }).click();
  const table = page.getByTestId('coverage-table');
  await expect(table).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: '新冶大道' })).toHaveCount(1, { timeout: 20_000 });
  expect(await table.locator('.ant-progress').count()).toBeGreaterThan(5);
});
