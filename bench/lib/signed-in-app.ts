/**
 * The real app in process on a loaded database, signed in as a demo user, for the scale benches that time answers
 * through `inject` (bench/analysis-scale.bench.ts, bench/assets-scale.bench.ts). A GET that does not answer 200
 * throws with the start of the body, so a bench never times an error page.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../server/src/app.ts';
import { loadConfig } from '../../server/src/config.ts';
import { systemClock } from '../../server/src/platform/clock.ts';
import type { Database } from '../../server/src/platform/db.ts';
import { login } from '../../server/src/testing/test-app.ts';

export async function signedInApp(database: Database, name: string, username = 'leader') {
  const dataDir = mkdtempSync(join(tmpdir(), `cityloop-${name}-app-`));
  const app = await buildApp({
    config: loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', WEB_DIST: join(dataDir, 'no-web') }),
    database,
    clock: systemClock,
    logger: false,
  });
  await app.ready();
  const session = await login(app, username, 'Demo@12345');
  const get = async (url: string) => {
    const res = await app.inject({ method: 'GET', url, headers: { cookie: session.cookie } });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    return res.body;
  };
  const close = async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { get, close };
}
