import { expect, request as playwrightRequest, test } from '@playwright/test';
import { idNumberCheckChar } from '../common/domain/enforcement-identity.ts';

/**
 * 夜市摊位摇号 journey (docs/night-market.md): the bureau opens a short application round for a market; a merchant
 * applies on the citizen phone page; the squad leader, in the console, passes the review, makes the secret in the
 * browser and publishes its commitment with the named public value, enters the value, and draws with the secret; the
 * phone page then shows the result and replays the draw in the browser (Web Crypto): 复核一致.
 */
const first17 = '42028119900101123';
const ID_NUMBER = `${first17}${idNumberCheckChar(first17)}`;
const WINDOW_MS = 25_000;

test('a merchant applies on the phone, staff commit, enter the public value and draw, the phone verifies it', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const api = await playwrightRequest.newContext({ baseURL: baseURL ?? '' });
  const login = await api.post('/api/auth/login', {
    data: { tenantCode: '420281', username: 'squadleader', password: 'Demo@12345' },
  });
  expect(login.ok()).toBe(true);
  const headers = { 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken };
  const market = await api.post('/api/night-market/markets', {
    headers,
    data: { name: `恒达夜市E2E${Date.now() % 100_000}`, address: '大冶市恒达欢乐大世界' },
  });
  expect(market.ok(), await market.text()).toBe(true);
  const marketId = ((await market.json()) as { id: string }).id;
  const stalls = await api.post(`/api/night-market/markets/${marketId}/stalls`, {
    headers,
    data: { stalls: [1, 2, 3].map((i) => ({ code: `A-00${i}`, widthCm: 300, depthCm: 200, location: '东区' })) },
  });
  expect(stalls.ok(), await stalls.text()).toBe(true);
  const closesAt = Date.now() + WINDOW_MS;
  const created = await api.post('/api/night-market/rounds', {
    headers,
    data: {
      marketId,
      name: '第一批',
      applyFrom: new Date(Date.now() - 60_000).toISOString(),
      applyTo: new Date(closesAt).toISOString(),
      stallFeeFen: 30_000,
      depositFen: 100_000,
      pointThreshold: 12,
    },
  });
  expect(created.ok(), await created.text()).toBe(true);
  const round = (await created.json()) as { id: string; roundNo: string };

  // The merchant, on a phone.
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  await phone.goto('/public');
  await phone.getByTestId('public-tab-night-market').click();
  const card = phone.getByTestId(`nm-round-${round.roundNo}`);
  await expect(card.getByTestId('nm-public-phase')).toHaveText('申请中');
  await card.getByTestId('nm-apply-name').fill('张小明');
  await card.getByTestId('nm-apply-phone').fill('13912345678');
  await card.getByTestId('nm-apply-idNumber').fill(ID_NUMBER);
  await card.getByTestId('nm-apply-goods').fill('烧烤');
  await card.getByTestId('nm-apply-submit').click();
  await expect(card.getByTestId('nm-applied')).toBeVisible();
  const applicationNo = (await card.getByTestId('nm-applied').getAttribute('data-no')) ?? '';
  expect(applicationNo).toBe(`${round.roundNo}-0001`);

  // The squad leader, in the console, once the window has closed.
  const desk = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await desk.goto('/login');
  await desk.getByTestId('login-username').fill('squadleader');
  await desk.getByTestId('login-password').fill('Demo@12345');
  await desk.getByTestId('login-submit').click();
  await desk.waitForURL((u) => !u.pathname.startsWith('/login'));
  await desk.waitForTimeout(Math.max(0, closesAt - Date.now() + 1_000));
  await desk.goto('/night-market');
  await desk.getByTestId(`nm-round-${round.roundNo}`).click();
  await expect(desk.getByTestId('nm-phase')).toHaveAttribute('data-phase', 'reviewing');
  // the staff list shows the phone masked
  await expect(desk.getByTestId(`nm-app-${applicationNo}`)).toContainText('139****5678');
  await desk.getByTestId(`nm-eligible-${applicationNo}`).click();
  await expect(desk.getByTestId(`nm-app-${applicationNo}`)).toContainText('合格');

  await desk.getByTestId('nm-generate').click();
  const secret = (await desk.getByTestId('nm-secret').textContent())?.trim() ?? '';
  expect(secret).toMatch(/^[0-9a-f]{64}/);
  await desk.getByTestId('nm-source').fill('中国福利彩票双色球第2026140期开奖号码');
  await desk.getByTestId('nm-commit').click();
  await expect(desk.getByTestId('nm-phase')).toHaveAttribute('data-phase', 'committed');
  await desk.getByTestId('nm-public-value').fill('03 09 14 21 26 31 + 12');
  await desk.getByTestId('nm-enter-value').click();
  await expect(desk.getByTestId('nm-phase')).toHaveAttribute('data-phase', 'valued');
  await desk.getByTestId('nm-draw-secret').fill(secret.slice(0, 64));
  await desk.getByTestId('nm-draw').click();
  await expect(desk.getByTestId('nm-phase')).toHaveAttribute('data-phase', 'drawn');
  await expect(desk.getByTestId('nm-verified')).toContainText('复核一致');

  // Back on the phone: the result, and the replay in the browser.
  await phone.reload();
  const drawn = phone.getByTestId(`nm-round-${round.roundNo}`);
  await expect(drawn.getByTestId('nm-public-phase')).toHaveText('已摇号');
  await expect(drawn.getByTestId('nm-entrants')).toContainText('张**');
  await expect(drawn.getByTestId('nm-entrants')).toContainText('A-001');
  await drawn.getByTestId('nm-verify').click();
  await expect(drawn.getByTestId('nm-verify-result')).toHaveAttribute('data-kind', 'match');
  expect(await phone.content()).not.toContain('13912345678');
  expect(await phone.content()).not.toContain(ID_NUMBER);
  await api.dispose();
});
