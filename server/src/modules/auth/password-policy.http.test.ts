import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, type Session, type TestContext } from '../../testing/test-app.ts';

/** The password policy on every route that sets a password, and the forced change enforced by the server. */
let ctx: TestContext;
let admin: Session;
let unitId: string;

beforeAll(async () => {
  ctx = await createTestApp();
  admin = await login(ctx.app, 'admin', 'Admin@12345');
  unitId = (await as(ctx.app, admin).get('/api/org/units?q=SANITATION')).json().items[0].id;
});
afterAll(async () => ctx.close());

const rules = (body: string) => (JSON.parse(body).error.details as { rule: string }[]).map((d) => d.rule);

describe('password policy', () => {
  it('refuses "password" and "12345678" as a new password', async () => {
    const s = await login(ctx.app, 'leader', 'Demo@12345');
    for (const newPassword of ['password', '12345678']) {
      const res = await as(ctx.app, s).post('/api/auth/password', { currentPassword: 'Demo@12345', newPassword });
      expect(res.statusCode, newPassword).toBe(400);
      expect(res.json().error.details[0].field).toBe('body.newPassword');
    }
  });

  it('names each broken rule on the field, in Chinese or English', async () => {
    const s = await login(ctx.app, 'inspector', 'Demo@12345');
    const change = (newPassword: string, lang = 'zh-CN') =>
      as(ctx.app, s).post(
        '/api/auth/password',
        { currentPassword: 'Demo@12345', newPassword },
        { 'accept-language': lang },
      );
    const classes = await change('onlylowercase1');
    expect(classes.statusCode).toBe(400);
    expect(classes.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [
        {
          field: 'body.newPassword',
          rule: 'passwordClasses',
          message: '密码须含大写字母、小写字母、数字、符号中的至少三类',
        },
      ],
    });
    expect(rules((await change('Inspector#2024')).body)).toEqual(['passwordUsername']);
    for (const common of ['Aa123456789', 'P@ssw0rd123', '123456789a', 'qwertyuiop', 'woaini1314']) {
      expect(rules((await change(common)).body), common).toContain('passwordCommon');
    }
    const en = await change('Inspector#2024', 'en');
    expect(en.json().error.details[0].message).toBe('The password must not contain the username');
    expect((await change('Copper#Kettle42')).statusCode).toBe(200);
  });

  it('applies to the passwords an administrator sets when creating a user and when resetting one', async () => {
    const api = as(ctx.app, admin);
    const weak = await api.post('/api/org/users', {
      username: 'weak.one',
      displayName: '弱密码',
      password: 'password12',
      unitId,
      grants: [{ role: 'unitHandler', unitId }],
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'body.password', rule: 'passwordClasses' })]),
    );
    expect((await api.get('/api/org/users?q=weak.one')).json().total).toBe(0);
    const handlerId = (await api.get('/api/org/users?q=handler'))
      .json()
      .items.find((u: { username: string }) => u.username === 'handler').id;
    const reset = await api.post(`/api/org/users/${handlerId}/password`, { password: 'Handler#2024' });
    expect(reset.statusCode).toBe(400);
    expect(rules(reset.body)).toEqual(['passwordUsername']);
  });
});

describe('forced password change', () => {
  it('until the new user changes the password, the server answers only change-password, sign-out and who-am-I', async () => {
    const created = await as(ctx.app, admin).post('/api/org/users', {
      username: 'new.handler',
      displayName: '新处置员',
      password: 'Temp#Start2024',
      unitId,
      grants: [{ role: 'unitHandler', unitId }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const s = await login(ctx.app, 'new.handler', 'Temp#Start2024');
    const api = as(ctx.app, s);
    const me = await api.get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user.mustChangePassword).toBe(true);
    for (const url of ['/api/cases', '/api/cases/counts', `/api/org/units/${unitId}`]) {
      const res = await api.get(url);
      expect(res.statusCode, url).toBe(403);
      expect(res.json().error.code).toBe('AUTH_PASSWORD_CHANGE_REQUIRED');
    }
    const write = await api.post(`/api/cases`, {
      matterCode: '09006',
      description: '强制改密前',
      lng: 114.975,
      lat: 30.1,
    });
    expect(write.statusCode).toBe(403);
    expect(write.json().error.code).toBe('AUTH_PASSWORD_CHANGE_REQUIRED');

    expect(
      (await api.post('/api/auth/password', { currentPassword: 'Temp#Start2024', newPassword: 'Own#Choice2024' }))
        .statusCode,
    ).toBe(200);
    expect((await api.get('/api/auth/me')).json().user.mustChangePassword).toBe(false);
    expect((await api.get('/api/cases')).statusCode).toBe(200);
  });

  it('a user told to change the password may still sign out', async () => {
    const id = (await as(ctx.app, admin).get('/api/org/users?q=new.handler')).json().items[0].id;
    expect(
      (await as(ctx.app, admin).post(`/api/org/users/${id}/password`, { password: 'Reset#Again2024' })).statusCode,
    ).toBe(200);
    const s = await login(ctx.app, 'new.handler', 'Reset#Again2024');
    expect((await as(ctx.app, s).get('/api/cases')).statusCode).toBe(403);
    expect((await as(ctx.app, s).post('/api/auth/logout')).statusCode).toBe(200);
    expect((await as(ctx.app, s).get('/api/auth/me')).statusCode).toBe(401);
  });
});
