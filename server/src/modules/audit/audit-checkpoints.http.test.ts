import { makeTempDir } from '../../testing/temp-dir.ts';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.ts';

import { verifySignature } from '../../platform/chain-keys.ts';
import { entryMessage } from '../../platform/checkpoint-store.ts';
import { Scheduler } from '../../platform/scheduler.ts';

import { as, createTestApp, login, type Session, type TestContext } from '../../testing/test-app.ts';
import { checkpointJob, createTenant } from '../../testing/app-parts.ts';

/** The daily checkpoint job, the administrator's export of the checkpoints, and where the audit key comes from. */
let ctx: TestContext;
let admin: Session;
const HOUR = 3_600_000;

beforeAll(async () => {
  ctx = await createTestApp();
  await createTenant(
    ctx.database.db,
    ctx.clock,
    { code: '420202', name: '黄石港区' },
    { username: 'admin', password: 'Other#2024x' },
  );
  admin = await login(ctx.app, 'admin', 'Admin@12345', '420281');
  expect(
    (await as(ctx.app, admin).post('/api/org/units', { code: 'CP01', name: '校验点测试', kind: 'other' })).statusCode,
  ).toBe(201);
});
afterAll(async () => ctx.close());

const dir = () => ctx.config.audit.checkpointDir;
const job = () => checkpointJob(ctx.database, ctx.app.services.chainKeys, dir());

describe('the checkpoint job', () => {
  it('writes one read-only file per day, whichever instance holds the lease', async () => {
    const errors: unknown[] = [];
    const a = new Scheduler(ctx.database, ctx.clock, (_job, err) => errors.push(err));
    const b = new Scheduler(ctx.database, ctx.clock, (_job, err) => errors.push(err));
    expect(await a.tick(job())).toBe(true);
    expect(await b.tick(job())).toBe(false);
    const first = join(dir(), '2024-03-12.json');
    expect(statSync(first).mode & 0o222).toBe(0);
    const content = readFileSync(first, 'utf8');
    ctx.clock.advance(HOUR + 1000);
    expect(await b.tick(job())).toBe(true);
    expect(readFileSync(first, 'utf8')).toBe(content);
    ctx.clock.advance(24 * HOUR);
    expect(await a.tick(job())).toBe(true);
    expect(existsSync(join(dir(), '2024-03-13.json'))).toBe(true);
    const runs = await ctx.database.db
      .selectFrom('job_runs')
      .select(['owner', 'error'])
      .where('name', '=', 'audit.checkpoint')
      .execute();
    expect(runs).toHaveLength(3);
    expect(runs.every((r) => r.error === null)).toBe(true);
    expect(errors).toEqual([]);
  });
});

describe('GET /api/audit/checkpoints', () => {
  it("gives an administrator the tenant's own signed entries, checkable with the public key alone, and audits it", async () => {
    admin = await login(ctx.app, 'admin', 'Admin@12345', '420281');
    const res = await as(ctx.app, admin).get('/api/audit/checkpoints');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.checkpoints.map((c: { file: string }) => c.file)).toEqual(['2024-03-12.json', '2024-03-13.json']);
    for (const c of body.checkpoints) {
      expect(c).toMatchObject({
        problem: null,
        keyId: body.keyId,
        publicKey: body.publicKey,
        tenant: { tenantCode: '420281' },
      });
      expect(verifySignature(body.publicKey, entryMessage(c, c.tenant), c.tenant.signature)).toBe(true);
      expect(
        verifySignature(
          body.publicKey,
          entryMessage(c, { ...c.tenant, audit: { ...c.tenant.audit, rows: 0 } }),
          c.tenant.signature,
        ),
      ).toBe(false);
    }
    // The other city is in the files, not in this export.
    expect(readFileSync(join(dir(), '2024-03-13.json'), 'utf8')).toContain('420202');
    expect(res.body).not.toContain('420202');
    const audit = (await as(ctx.app, admin).get('/api/audit?entity=audit_checkpoint')).json();
    expect(audit.items[0]).toMatchObject({
      action: 'audit.export_checkpoints',
      entityId: '2024-03-13.json',
      actorName: '系统管理员',
    });
  });

  it('marks a file whose signature does not hold and gives no entry from it', async () => {
    writeFileSync(
      join(dir(), '2024-03-11.json'),
      JSON.stringify({
        format: 'cityloop/checkpoint/v1',
        at: '2024-03-11T00:00:00.000Z',
        keyId: 'x',
        tenants: [],
        signature: 'x',
      }),
    );
    const body = (await as(ctx.app, admin).get('/api/audit/checkpoints')).json();
    expect(body.checkpoints[0]).toMatchObject({ file: '2024-03-11.json', tenant: null });
    expect(body.checkpoints[0].problem).toMatch(/not among/);
  });

  it('is for administrators only', async () => {
    const leader = await login(ctx.app, 'leader', 'Demo@12345', '420281');
    expect((await as(ctx.app, leader).get('/api/audit/checkpoints')).statusCode).toBe(403);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/audit/checkpoints' })).statusCode).toBe(401);
  });
});

describe('the audit key', () => {
  it('is generated once into DATA_DIR and then reused; a verifying tool never generates one', () => {
    const dataDir = makeTempDir('cityloop-key-');
    expect(loadConfig({ DATA_DIR: dataDir }, { generateAuditKey: false }).audit).toMatchObject({
      keySource: 'missing',
      keys: [],
    });
    const first = loadConfig({ DATA_DIR: dataDir }).audit;
    expect(first.keySource).toBe('generated');
    expect(statSync(join(dataDir, '.audit-key')).mode & 0o077).toBe(0);
    const again = loadConfig({ DATA_DIR: dataDir }).audit;
    expect(again).toMatchObject({ keySource: 'file', keys: first.keys, checkpointDir: join(dataDir, 'checkpoints') });
  });

  it('comes from AUDIT_HMAC_KEY when set, after the old keys kept for verification; short keys are refused', () => {
    const dataDir = makeTempDir('cityloop-key-');
    const key = 'k'.repeat(40);
    const old = 'o'.repeat(40);
    expect(loadConfig({ DATA_DIR: dataDir, AUDIT_HMAC_KEY: key, AUDIT_HMAC_OLD_KEYS: old }).audit).toMatchObject({
      keySource: 'env',
      keys: [old, key],
    });
    expect(existsSync(join(dataDir, '.audit-key'))).toBe(false);
    expect(() => loadConfig({ DATA_DIR: dataDir, AUDIT_HMAC_KEY: 'short' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATA_DIR: dataDir, AUDIT_HMAC_KEY: key, AUDIT_HMAC_OLD_KEYS: 'short' })).toThrow(
      ConfigError,
    );
  });
});

describe('the checkpoint job after tampering', () => {
  it("still writes the day's checkpoint, then fails loudly when a chain lost the head an earlier checkpoint recorded", async () => {
    const tenantId = (
      await ctx.database.db.selectFrom('tenants').select('id').where('code', '=', '420281').executeTakeFirstOrThrow()
    ).id;
    // From the head the last checkpoint recorded to the newest row: the rest of the chain still links up.
    const recorded = JSON.parse(readFileSync(join(dir(), '2024-03-13.json'), 'utf8')).tenants.find(
      (t: { tenantId: string }) => t.tenantId === tenantId,
    );
    await ctx.database.db
      .deleteFrom('audit_log')
      .where('tenant_id', '=', tenantId)
      .where('seq', '>=', recorded.audit.headSeq)
      .execute();
    ctx.clock.advance(24 * HOUR);
    admin = await login(ctx.app, 'admin', 'Admin@12345', '420281');
    const scheduler = new Scheduler(ctx.database, ctx.clock, () => undefined);
    await expect(scheduler.tick(job())).rejects.toThrow(/420281: the audit chain no longer holds the head/);
    expect(existsSync(join(dir(), '2024-03-14.json'))).toBe(true);
    const run = await ctx.database.db
      .selectFrom('job_runs')
      .select('error')
      .where('name', '=', 'audit.checkpoint')
      .orderBy('started_at', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(run.error).toMatch(/audit:verify/);
  });
});
