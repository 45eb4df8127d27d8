import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { as, createTestApp, login, type TestContext } from '../testing/test-app.ts';
import { lazySchemaCompilers } from './lazy-schemas.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => ctx.close());

describe('route schemas compiled on first use', () => {
  it('validates and coerces on a route whose schemas were not compiled before', async () => {
    // Query strings are coerced (pageSize "2" → 2) and a bad one gets a field-level 400, as before.
    const admin = await login(ctx.app, 'admin', 'Admin@12345');
    const bad = await as(ctx.app, admin).get('/api/org/users?pageSize=abc');
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('pageSize');
    const ok = await as(ctx.app, admin).get('/api/org/users?pageSize=2');
    expect(ok.statusCode).toBe(200);
    expect((ok.json() as { items: unknown[] }).items.length).toBeLessThanOrEqual(2);
  });

  it('serializes with the response schema on first use: properties it does not list are dropped', () => {
    const { compilersFactory } = lazySchemaCompilers();
    const serialize = compilersFactory.buildSerializer(
      {},
      {},
    )({
      schema: { type: 'object', properties: { id: { type: 'integer' } } },
      httpStatus: '200',
    });
    expect(serialize({ id: 7, phone: '13812345678' })).toBe('{"id":7}');
  });

  it('compiles every route schema without error', () => {
    const compiled = ctx.app.compileSchemas();
    // a few hundred routes, most with a querystring/body/params schema and a response schema
    expect(compiled).toBeGreaterThan(200);
    expect(ctx.app.compileSchemas()).toBe(0);
  });

  it('refuses a header schema naming a header in upper case when the route is registered', () => {
    const { compilersFactory } = lazySchemaCompilers();
    const compile = compilersFactory.buildValidator({}, { customOptions: {}, plugins: [] });
    const schema = { type: 'object', properties: { 'Idempotency-Key': { type: 'string' } } };
    expect(() => compile({ schema, method: 'POST', url: '/x', httpPart: 'headers' })).toThrow(/lower case/);
    expect(() =>
      compile({ schema: { ...schema, properties: { 'idempotency-key': {} } }, httpPart: 'headers' }),
    ).not.toThrow();
  });
});
