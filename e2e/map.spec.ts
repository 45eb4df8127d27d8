import { expect, test, type Page } from '@playwright/test';

/**
 * Map journey (一张图): the administrator opens the map, zooms in until the unit grids are drawn, identifies a
 * grid by clicking it, and opens a component from its marker to read its 17-digit id. Areas are drawn on a
 * canvas (no DOM per polygon), so the page exposes the number of grids drawn as `map-grid-count[data-count]`;
 * component markers are SVG paths with the class `cl-component-single`.
 */
async function signIn(page: Page) {
  await page.goto('/login');
  await page.getByTestId('login-username').fill('admin');
  await page.getByTestId('login-password').fill('Admin@12345');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('app-menu').first()).toBeVisible();
}

const zoomOf = async (page: Page) => Number(await page.getByTestId('map-stats').getAttribute('data-zoom'));

async function zoomIn(page: Page) {
  const before = await zoomOf(page);
  await page.locator('.leaflet-control-zoom-in').click();
  await expect.poll(() => zoomOf(page)).toBeGreaterThan(before);
}

/** The centre of a single-component marker inside the visible map, clear of the overlays, or null. */
function visibleSingleMarker(page: Page) {
  return page.evaluate(() => {
    const map = document.querySelector('[data-testid="map-container"]')?.getBoundingClientRect();
    if (!map) return null;
    for (const el of Array.from(document.querySelectorAll('path.cl-component-single'))) {
      const r = el.getBoundingClientRect();
      const x = r.x + r.width / 2;
      const y = r.y + r.height / 2;
      const inside = x > map.left + 60 && x < map.right - 260 && y > map.top + 20 && y < map.bottom - 60;
      if (inside && document.elementFromPoint(x, y) === el) return { x, y };
    }
    return null;
  });
}

test('the map draws unit grids and opens a component with its 17-digit id', async ({ page }) => {
  await signIn(page);
  await page.getByTestId('menu-map').click();
  await expect(page.getByTestId('map-container')).toBeVisible();
  await expect(page.getByTestId('map-stats')).toBeVisible();
  // The whole city is too small a scale for ~100 m grids: the map says so and draws none.
  await expect(page.getByTestId('map-grid-hint')).toBeVisible();
  await expect(page.getByTestId('map-grid-count')).toHaveAttribute('data-count', '0');

  for (let i = 0; i < 5 && (await page.getByTestId('map-grid-hint').isVisible()); i++) await zoomIn(page);
  await expect(page.getByTestId('map-grid-hint')).toBeHidden();
  await expect
    .poll(async () => Number(await page.getByTestId('map-grid-count').getAttribute('data-count')), { timeout: 20_000 })
    .toBeGreaterThan(0);

  // Identify a grid: hide the components so the click reaches the grid layer.
  await page.getByTestId('map-layer-components').click();
  const box = await page.getByTestId('map-container').boundingBox();
  if (!box) throw new Error('map has no box');
  await page.mouse.click(box.x + box.width * 0.4, box.y + box.height * 0.5);
  await expect(page.getByTestId('map-grid-info')).toBeVisible();
  await expect(page.getByTestId('map-grid-code')).toHaveText(/^\d{15}$/);
  await page.getByTestId('map-layer-components').click();

  // Open a component: zoom in until a single marker is visible, then click it.
  let marker = null;
  for (let i = 0; i < 4; i++) {
    await expect.poll(() => page.locator('path.cl-component-single').count()).toBeGreaterThan(0);
    marker = await visibleSingleMarker(page);
    if (marker) break;
    await zoomIn(page);
  }
  if (!marker) throw new Error('no component marker in view');
  await page.mouse.click(marker.x, marker.y);
  const drawer = page.getByTestId('component-drawer');
  await expect(drawer).toBeVisible();
  await expect(page.getByTestId('component-code')).toHaveText(/^\d{17}$/);
  await expect(drawer).toContainText('主管部门');
});
