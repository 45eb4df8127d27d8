import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, type Session, type TestContext } from '../../testing/test-app.ts';

/** Security audit: sign-in success and failure, sign-out and exports of personal data each leave a chained row. */
let ctx: TestContext;
let admin: Session;
let tenantId: string;

interface Row {
  action: string;
  actorId: string | null;
  actorName: string | null;
  entity: string;
  entityId: string;
  after: Record<string, unknown> | null;
}

beforeAll(async () => {
  ctx = await createTestApp();
  admin = await login(ctx.app, 'admin', 'Admin@12345');
  tenantId = (await as(ctx.app, admin).get('/api/auth/me')).json().user.tenantId;
});
afterAll(async () => ctx.close());

/** The newest audit rows, newest first. */
async function latest(n: number): Promise<Row[]> {
  return (await as(ctx.app, admin).get(`/api/audit?pageSize=${n}`)).json().items;
}

const attempt = (username: string, password: string) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: '10.9.0.1',
    payload: { username, password },
  });

describe('security audit of sign-in, sign-out and exports', () => {
  it('records a successful sign-in with the user and address', async () => {
    const me = (await as(ctx.app, await login(ctx.app, 'leader', 'Demo@12345')).get('/api/auth/me')).json();
    const [row] = await latest(1);
    expect(row).toMatchObject({
      action: 'auth.login',
      actorId: me.user.id,
      actorName: me.user.displayName,
      entity: 'user',
      entityId: me.user.id,
    });
    expect(row?.after?.ip).toBeTruthy();
  });

  it('records a failed sign-in of an existing account by name, without an actor', async () => {
    expect((await attempt('operator', 'not-this-one')).statusCode).toBe(401);
    const [row] = await latest(1);
    expect(row).toMatchObject({
      action: 'auth.login_failed',
      actorId: null,
      entity: 'user',
      after: { username: 'operator', ip: '10.9.0.1', reason: 'wrong_password' },
    });
    expect(row?.entityId).toMatch(/\w{8}/);
  });

  it('records a failed sign-in of an unknown username masked, and creates no user for it', async () => {
    const users = async () =>
      (
        await ctx.database.db
          .selectFrom('users')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    const before = Number(await users());
    expect((await attempt('MySecret#Pass1', 'whatever')).statusCode).toBe(401);
    const [row] = await latest(1);
    expect(row).toMatchObject({
      action: 'auth.login_failed',
      actorId: null,
      actorName: null,
      entityId: '',
      after: { username: 'M***1', reason: 'unknown_user' },
    });
    expect(JSON.stringify(await latest(3))).not.toContain('MySecret');
    expect(Number(await users())).toBe(before);
  });

  it('records a sign-out', async () => {
    const s = await login(ctx.app, 'dispatcher', 'Demo@12345');
    const id = (await as(ctx.app, s).get('/api/auth/me')).json().user.id;
    expect((await as(ctx.app, s).post('/api/auth/logout')).statusCode).toBe(200);
    const [row] = await latest(1);
    expect(row).toMatchObject({ action: 'auth.logout', actorId: id, entity: 'user', entityId: id });
  });

  it('records an export of a list with personal data, with its filters', async () => {
    const res = await as(ctx.app, admin).get('/api/exports/users.xlsx?role=inspector');
    expect(res.statusCode).toBe(200);
    const row = (await latest(3)).find((r) => r.action === 'data.export');
    expect(row).toMatchObject({
      entity: 'export',
      entityId: 'users',
      actorName: '系统管理员',
      after: { format: 'xlsx', query: { role: 'inspector' } },
    });
  });

  it("keeps the tenant's hash chain intact through all of it", async () => {
    expect(await ctx.app.services.audit.verifyChain(tenantId)).toBeNull();
  });
});
