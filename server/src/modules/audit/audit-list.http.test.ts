import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tryT } from '../../../../common/i18n/core.ts';
import { as, createTestApp, login, type Session, type TestContext } from '../../testing/test-app.ts';

/** The audit log as an administrator reads it: names instead of ids, and filters by who, what and when. */
let ctx: TestContext;
let admin: Session;
let adminId: string;
let unitId: string;

interface Row {
  action: string;
  actorId: string | null;
  entity: string;
  entityId: string;
  entityName: string | null;
  at: string;
}

const list = async (query: string) => as(ctx.app, admin).get(`/api/audit?pageSize=100&${query}`);
const rows = async (query: string): Promise<Row[]> => (await list(query)).json().items;

beforeAll(async () => {
  ctx = await createTestApp();
  admin = await login(ctx.app, 'admin', 'Admin@12345');
  adminId = (await as(ctx.app, admin).get('/api/auth/me')).json().user.id;
  await login(ctx.app, 'leader', 'Demo@12345');
  const created = await as(ctx.app, admin).post('/api/org/units', {
    code: 'AUDITNAME',
    name: '审计测试所',
    kind: 'other',
  });
  expect(created.statusCode).toBe(201);
  unitId = created.json().id;
});
afterAll(async () => ctx.close());

describe('audit log list', () => {
  it('names the object a row is about, not only its id', async () => {
    const [row] = await rows(`entityId=${unitId}`);
    expect(row).toMatchObject({ action: 'unit.create', entity: 'unit', entityId: unitId, entityName: '审计测试所' });
    // a sign-in is about the user who signed in
    const [signIn] = await rows(`action=auth.login&actorId=${adminId}`);
    expect(signIn).toMatchObject({ entity: 'user', entityId: adminId, entityName: '系统管理员' });
  });

  it('filters by action and by who did it', async () => {
    const creates = await rows('action=unit.create');
    expect(creates.length).toBeGreaterThan(0);
    expect(creates.every((r) => r.action === 'unit.create')).toBe(true);

    const byAdmin = await rows(`actorId=${adminId}`);
    expect(byAdmin.map((r) => r.action)).toEqual(expect.arrayContaining(['auth.login', 'unit.create']));
    expect(byAdmin.every((r) => r.actorId === adminId)).toBe(true);
    // the leader's sign-in is someone else's row
    expect((await rows('action=auth.login')).some((r) => r.actorId !== adminId)).toBe(true);
  });

  it('filters by time: from is inclusive, to exclusive, any offset accepted', async () => {
    const all = await rows('');
    const newest = all[0]!.at;
    expect((await rows(`from=${encodeURIComponent(newest)}`)).map((r) => r.at)).toContain(newest);
    expect((await rows(`to=${encodeURIComponent(newest)}`)).map((r) => r.at)).not.toContain(newest);
    // the same instant written in Beijing time
    const beijing = new Date(Date.parse(newest) + 8 * 3600_000).toISOString().replace('Z', '+08:00');
    expect((await rows(`from=${encodeURIComponent(beijing)}`)).map((r) => r.at)).toContain(newest);
    expect(await rows('from=2099-01-01T00:00:00Z')).toEqual([]);
  });

  it('refuses a malformed time with the field named, never a 5xx', async () => {
    const res = await list('from=yesterday');
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().error.details)).toContain('from');
  });
});

describe('audit action labels', () => {
  it('labels every action the server writes to the audit log, in both languages', () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) files.push(path);
      }
    };
    walk(root);
    // Audit actions are dotted (unit.create, auth.login); case timeline actions (void, resume) are not.
    const actions = new Set<string>();
    for (const f of files)
      for (const m of readFileSync(f, 'utf8').matchAll(/action: '([a-z_]+(?:\.[a-z_]+)+)'/g)) actions.add(m[1]!);
    expect(actions.size).toBeGreaterThan(20);
    const missing = [...actions].filter(
      (a) => !tryT('zh-CN', `audit.actions.${a}`) || !tryT('en', `audit.actions.${a}`),
    );
    expect(missing).toEqual([]);
  });
});
