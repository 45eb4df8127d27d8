import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { as, createTestApp, login, type TestContext } from '../testing/test-app.ts';
import { buildApp } from '../testing/app-parts.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => ctx.close());

describe('platform plumbing', () => {
  it('reports health with the database status', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'ok',
      db: { ok: true, dialect: process.env.TEST_DB === 'postgres' ? 'postgres' : 'sqlite' },
    });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves OpenAPI JSON listing the routes, and the docs UI', async () => {
    const spec = (await ctx.app.inject({ method: 'GET', url: '/docs/json' })).json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/org/users', '/api/org/units/{id}', '/api/health']),
    );
    const ui = await ctx.app.inject({ method: 'GET', url: '/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain('swagger');
  });

  it('answers unknown API paths with the JSON error shape', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      error: { code: 'NOT_FOUND', message: expect.any(String), requestId: expect.any(String) },
    });
  });

  it('sends security headers', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('rejects an oversize body with 413, not a crash', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'x'.repeat(2_000_000), password: 'x' },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('the 413 message names the limit of the route that refused, in both languages', async () => {
    const big = { username: 'x'.repeat(2_000_000), password: 'x' };
    const zh = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: big });
    expect(zh.json().error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: '请求体超过 1 MB 上限',
      details: { limit: '1 MB', limitBytes: 1024 * 1024 },
    });
    const en = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: big,
      headers: { 'accept-language': 'en' },
    });
    expect(en.json().error.message).toBe('Request body exceeds the 1 MB limit');
    // An import route allows 10 MB: a 2 MB document passes the parser there, 11 MB is refused naming 10 MB.
    const admin = await login(ctx.app, 'admin', 'Admin@12345');
    const doc = (size: number) => ({ type: 'FeatureCollection', features: [], padding: 'x'.repeat(size) });
    expect((await as(ctx.app, admin).post('/api/components/import', doc(2_000_000))).statusCode).not.toBe(413);
    const refused = await as(ctx.app, admin).post('/api/components/import', doc(11 * 1024 * 1024), {
      'accept-language': 'en',
    });
    expect(refused.statusCode).toBe(413);
    expect(refused.json().error.message).toBe('Request body exceeds the 10 MB limit');
  });

  it('serves the built console with a fallback for client routes', async () => {
    const dist = join(ctx.config.dataDir, 'web');
    mkdirSync(dist, { recursive: true });
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>CityLoop</title>');
    const app = await buildApp({ config: { ...ctx.config, webDist: dist }, database: ctx.database, logger: false });
    const deep = await app.inject({ method: 'GET', url: '/admin/users', headers: { accept: 'text/html' } });
    expect(deep.statusCode).toBe(200);
    expect(deep.body).toContain('CityLoop');
    const api = await app.inject({ method: 'GET', url: '/api/missing', headers: { accept: 'text/html' } });
    expect(api.statusCode).toBe(404);
    await app.close();
  });

  it('serves each separate page its own HTML for its client routes, the console everything else', async () => {
    const dist = join(ctx.config.dataDir, 'web-pages');
    mkdirSync(dist, { recursive: true });
    for (const page of ['index', 'public', 'h5', 'dashboard'])
      writeFileSync(join(dist, `${page}.html`), `<!doctype html><title>page:${page}</title>`);
    const app = await buildApp({ config: { ...ctx.config, webDist: dist }, database: ctx.database, logger: false });
    const html = async (url: string) =>
      (await app.inject({ method: 'GET', url, headers: { accept: 'text/html' } })).body;
    expect(await html('/public')).toContain('page:public');
    expect(await html('/public/track?x=1')).toContain('page:public');
    expect(await html('/h5/tasks/42')).toContain('page:h5');
    expect(await html('/dashboard')).toContain('page:dashboard');
    expect(await html('/publicity')).toContain('page:index');
    expect(await html('/cases/1')).toContain('page:index');
    expect(await html('/login?next=%2Fh5')).toContain('page:index');
    await app.close();
  });

  it("serves the inspector app's service worker as a script its policy allows, revalidated on every check", async () => {
    const dist = join(ctx.config.dataDir, 'web-worker');
    mkdirSync(dist, { recursive: true });
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>CityLoop</title>');
    writeFileSync(join(dist, 'h5-sw.js'), '"use strict";');
    const app = await buildApp({ config: { ...ctx.config, webDist: dist }, database: ctx.database, logger: false });
    const res = await app.inject({ method: 'GET', url: '/h5-sw.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(res.headers['cache-control']).toMatch(/max-age=0|no-cache/);
    expect(res.headers['content-security-policy']).toContain("worker-src 'self'");
    await app.close();
  });
});
