import { expect, request as playwrightRequest, test } from '@playwright/test';

/**
 * 监督员管理 through the console (docs/monitor.md): the shift leader rosters the inspector for today, assigns a
 * responsibility grid by clicking it on the map, the inspector's app reports a position in that grid, and the 在岗
 * list shows the coverage and 一张图 shows the inspector.
 */
async function staff(baseURL: string, username: string) {
  const request = await playwrightRequest.newContext({ baseURL });
  const login = await request.post('/api/auth/login', {
    data: { tenantCode: '420281', username, password: 'Demo@12345' },
  });
  expect(login.ok(), `login ${username}`).toBe(true);
  const headers = { 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken };
  return { request, headers };
}

const coordinates = (g: unknown): number[][] =>
  Array.isArray(g) && typeof g[0] === 'number' ? [g as number[]] : Array.isArray(g) ? g.flatMap(coordinates) : [];

test('a supervisor assigns a grid on the map, the inspector reports, coverage updates', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const [lead, field] = await Promise.all([staff(baseURL!, 'shiftleader'), staff(baseURL!, 'inspector')]);
  const board = (await (await lead.request.get('/api/monitor/board')).json()) as {
    day: string;
    items: { inspectorId: string; displayName: string }[];
  };
  const inspector = board.items.find((i) => i.displayName === '李监督员')!;
  const rostered = await lead.request.put('/api/monitor/roster', {
    headers: lead.headers,
    data: {
      inspectorIds: [inspector.inspectorId],
      from: board.day,
      to: board.day,
      starts: '00:00',
      ends: '23:59',
      workdaysOnly: false,
    },
  });
  expect(rostered.ok(), await rostered.text()).toBe(true);
  // the drawer opens on the middle of the city's box when there is no track yet
  const outline = (await (await lead.request.get('/api/geo/layers/tenant')).json()) as {
    features: { geometry: { coordinates: unknown } }[];
  };
  const points = coordinates(outline.features[0]!.geometry.coordinates);
  const lngs = points.map((p) => p[0]!);
  const lats = points.map((p) => p[1]!);
  const centre = { lng: (Math.min(...lngs) + Math.max(...lngs)) / 2, lat: (Math.min(...lats) + Math.max(...lats)) / 2 };

  await page.goto('/login');
  await page.getByTestId('login-username').fill('shiftleader');
  await page.getByTestId('login-password').fill('Demo@12345');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('app-menu').first()).toBeVisible();
  await page.goto('/monitor');
  // grids are drawn once the view's layer has loaded; clicking the map's middle then selects the grid there
  const gridsLoaded = page.waitForResponse((r) => r.url().includes('/api/geo/layers/grid') && r.ok(), {
    timeout: 30_000,
  });
  await page.getByTestId(`open-track-${inspector.inspectorId}`).click();
  await page.getByTestId('edit-grids').click();
  const map = page.getByTestId('track-map');
  await expect(map).toBeVisible();
  await gridsLoaded;
  await page.waitForTimeout(500);
  const box = (await map.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.getByTestId('save-grids').click();
  await expect(page.getByText('责任网格已保存')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId(`coverage-${inspector.inspectorId}`)).toContainText('0/1');

  const report = await field.request.post('/api/monitor/positions', {
    headers: field.headers,
    data: { points: [{ at: new Date(Date.now() - 30_000).toISOString(), lng: centre.lng, lat: centre.lat }] },
  });
  expect(report.ok(), await report.text()).toBe(true);
  expect(((await report.json()) as { stored: number }).stored).toBe(1);
  await page.getByRole('button', { name: '刷新' }).click();
  await expect(page.getByTestId(`coverage-${inspector.inspectorId}`)).toContainText('1/1');

  await page.goto('/map');
  await expect(page.getByTestId('map-inspectors')).toHaveAttribute('data-count', '1');
  await expect(page.getByText('李监督员').first()).toBeVisible();
});
