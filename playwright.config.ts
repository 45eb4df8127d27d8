import { defineConfig } from '@playwright/test';
import { makeTempDir } from './server/src/testing/temp-dir.ts';

/**
 * Journeys run against the real server on a fresh SQLite data directory with the demo city, in Debian's Chromium
 * (browsers cannot be downloaded here: stack-notes §6). `npm test` builds web/dist first.
 */
const port = Number(process.env.E2E_PORT ?? 8181);
// The process that makes the server's data directory removes it when it exits (temp-dir.ts); the workers, which
// load this file too, inherit E2E_DATA_DIR and reuse it.
/** The private Mosquitto of the sensor journey (e2e/iot-alarm.spec.ts starts it; the consumer reconnects until then). */
export const e2eMqttPort = Number(process.env.E2E_MQTT_PORT ?? port + 2);
const dataDir = process.env.E2E_DATA_DIR ?? (process.env.E2E_DATA_DIR = makeTempDir('cityloop-e2e-'));

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  // One retry on CI only; a retried pass is reported as flaky in the summary, not hidden.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['json']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'node --import tsx server/src/main.ts',
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'true',
      // The journeys start from the bare demo city (their counts and lists assume no synthetic history).
      DEMO_HISTORY: '0',
      LOGIN_PER_MINUTE_IP: '1000',
      MQTT_URL: `mqtt://127.0.0.1:${e2eMqttPort}`,
      MQTT_CLIENT_ID: 'cityloop-e2e',
    },
  },
});
