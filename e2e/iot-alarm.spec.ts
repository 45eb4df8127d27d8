import { createHmac } from 'node:crypto';
import { expect, request as playwrightRequest, test, type Page } from '@playwright/test';
import mqtt, { type MqttClient } from 'mqtt';
import { signingString, type MessageKind } from '../common/domain/iot.ts';
import { startPrivateBroker, type PrivateBroker } from '../server/src/testing/mosquitto.ts';
import { e2eMqttPort } from '../playwright.config.ts';

/**
 * 城市之感 live on 一张图 and the 大屏, through the real path: a gas detector publishes a signed reading over MQTT to
 * the server's consumer (a private Mosquitto on the port the server was given), the rule raises an alarm, and the
 * marker appears on the open map and the alarm on the open 大屏 without a reload; a safe reading clears it and the
 * marker goes away.
 */
const TENANT = '420281';
// A code of its own per attempt: a retry registers the device again on the same server.
const CODE = `E2E-GAS-${Date.now().toString(36).toUpperCase()}`;
let broker: PrivateBroker;
let device: MqttClient;
let key = '';
let seq = 0;

async function staff(baseURL: string, username: string, password: string) {
  const ctx = await playwrightRequest.newContext({ baseURL });
  const login = await ctx.post('/api/auth/login', { data: { username, password } });
  expect(login.ok(), `login ${username}`).toBe(true);
  const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
  const post = async (path: string, data: unknown = {}) => {
    const res = await ctx.post(path, { data, headers: { 'x-csrf-token': csrf } });
    expect(res.ok(), `${path}: ${await res.text()}`).toBe(true);
    return res.json();
  };
  return { ctx, post, get: async (path: string) => (await ctx.get(path)).json() };
}

async function publish(kind: MessageKind, values: Record<string, number>) {
  const ts = new Date().toISOString();
  seq++;
  const sig = createHmac('sha256', key)
    .update(signingString({ tenant: TENANT, device: CODE, kind, ts, seq, values }))
    .digest('hex');
  await device.publishAsync(`cityloop/${TENANT}/${CODE}/${kind}`, JSON.stringify({ v: 1, ts, seq, values, sig }), {
    qos: 1,
  });
}

async function signIn(page: Page, username: string) {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('Demo@12345');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('app-menu').first()).toBeVisible();
}

test.beforeAll(async ({ baseURL }) => {
  broker = await startPrivateBroker(e2eMqttPort);
  const admin = await staff(baseURL!, 'admin', 'Admin@12345');
  await admin.post('/api/alarm-rules/defaults');
  const made = (await admin.post('/api/devices', {
    code: CODE,
    name: '端到端燃气探测器',
    type: 'gas_detector',
    lng: 114.975,
    lat: 30.1,
  })) as { key: string };
  key = made.key;
  // the consumer reconnects every second: wait until it is on the broker before anything is published
  await expect
    .poll(async () => ((await admin.get('/api/telemetry/consumer')) as { connected: boolean }).connected, {
      timeout: 20_000,
    })
    .toBe(true);
  await admin.ctx.dispose();
  device = await mqtt.connectAsync(broker.url, { clientId: 'e2e-device', clean: true });
});

test.afterAll(async () => {
  await device?.endAsync();
  await broker?.dispose();
});

test('a gas alarm appears live on 一张图 and the 大屏 and goes when the reading recovers', async ({
  page,
  context,
}) => {
  await signIn(page, 'leader');
  await page.goto('/map');
  // the map's chunk and the city's layers load first; on a busy machine that takes a while
  await expect(page.getByTestId('map-container')).toBeVisible({ timeout: 30_000 });
  const layer = page.getByTestId('alarm-layer');
  await expect(layer).toHaveAttribute('data-count', '0');
  await expect(page.locator('.cl-alarm-point')).toHaveCount(0);

  const wall = await context.newPage();
  await wall.goto('/dashboard');
  await expect(wall.getByTestId('dashboard')).toBeVisible({ timeout: 30_000 });
  await expect(wall.getByTestId('dash-alarms')).toHaveAttribute('data-count', '0');
  // the wall hears alarms on its live stream: publish only once it is connected
  await expect(wall.getByTestId('dashboard-live')).toHaveAttribute('data-status', 'open', { timeout: 30_000 });

  // a normal reading, then 35 % LEL: over the 20 % threshold at once
  await publish('telemetry', { lel_pct: 3, battery_pct: 90 });
  await publish('telemetry', { lel_pct: 35, battery_pct: 90 });
  await expect(layer).toHaveAttribute('data-count', '1');
  await expect(page.locator('.cl-alarm-point')).toHaveCount(1);
  await expect(wall.getByTestId('dash-alarms')).toHaveAttribute('data-count', '1');
  await expect(wall.getByTestId('dash-alarm-list')).toContainText(CODE);
  await expect(wall.getByTestId('dashboard-map')).toHaveAttribute('data-alarms', '1');

  // back under the threshold by more than the hysteresis: cleared, and gone from both screens
  await publish('telemetry', { lel_pct: 2, battery_pct: 90 });
  await expect(layer).toHaveAttribute('data-count', '0');
  await expect(page.locator('.cl-alarm-point')).toHaveCount(0);
  await expect(wall.getByTestId('dash-alarms')).toHaveAttribute('data-count', '0');
});
