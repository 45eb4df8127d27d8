import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CheckpointStore } from '../platform/checkpoint-store.ts';
import { runAuditVerify } from '../testing/audit-verify-cli.ts';
import { as, createTestApp, login, type Session, type TestContext } from '../testing/test-app.ts';

import { verifyAll } from './audit-verify.ts';

/**
 * Tamper-evident audit (docs/security.md, "Tamper evidence"): a row edited or deleted directly in the database is reported as the first broken
 * link of its chain, with the table, row id, tenant and case; `npm run audit:verify` exits 1 and prints it.
 */
let ctx: TestContext;
let admin: Session;
let caseId = '';
const POINT = { lng: 114.975, lat: 30.1 };

beforeAll(async () => {
  ctx = await createTestApp();
  admin = await login(ctx.app, 'admin', 'Admin@12345');
  for (const code of ['AV01', 'AV02', 'AV03', 'AV04']) {
    const res = await as(ctx.app, admin).post('/api/org/units', { code, name: `审计测试${code}`, kind: 'other' });
    expect(res.statusCode, res.body).toBe(201);
  }
  const inspector = await login(ctx.app, 'inspector', 'Demo@12345');
  const operator = await login(ctx.app, 'operator', 'Demo@12345');
  const created = await as(ctx.app, inspector).post('/api/cases', {
    matterCode: '09006',
    description: '审计链测试 占道经营',
    ...POINT,
  });
  expect(created.statusCode, created.body).toBe(201);
  caseId = created.json().id;
  const accepted = await as(ctx.app, operator).post(`/api/cases/${caseId}/transitions`, {
    action: 'accept',
    version: created.json().version,
  });
  expect(accepted.statusCode, accepted.body).toBe(200);
});
afterAll(async () => ctx.close());

const db = () => ctx.database.db;
const verify = () =>
  verifyAll(ctx.database, {
    keys: ctx.app.services.chainKeys,
    checkpoints: new CheckpointStore(ctx.config.audit.checkpointDir, ctx.app.services.chainKeys),
  });
const auditRows = () => db().selectFrom('audit_log').selectAll().orderBy('seq').execute();
const events = () => db().selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('seq').execute();

const runScript = () => runAuditVerify(ctx);

describe('audit:verify', () => {
  it('finds every chain intact after ordinary work, and the script exits 0', async () => {
    const result = await verify();
    expect(result.broken).toEqual([]);
    expect(result.auditRows).toBeGreaterThanOrEqual(4);
    expect(result.eventRows).toBeGreaterThanOrEqual(2);
    const script = await runScript();
    expect(script.code, script.out).toBe(0);
    expect(script.out).toContain('every chain intact');
  }, 60_000);

  it('reports an edited audit row by its id, then a deleted one at the row after the gap', async () => {
    const rows = await auditRows();
    const target = rows[rows.length - 3]!;
    await db().updateTable('audit_log').set({ after_json: '{"name":"篡改"}' }).where('id', '=', target.id).execute();
    let result = await verify();
    expect(result.broken).toHaveLength(1);
    expect(result.broken[0]).toMatchObject({
      table: 'audit_log',
      rowId: target.id,
      seq: Number(target.seq),
      tenantCode: '420281',
    });
    expect(result.broken[0]!.reason).toMatch(/edited/);
    const script = await runScript();
    expect(script.code, script.out).toBe(1);
    expect(script.out).toContain(`row id ${target.id}`);

    await db().updateTable('audit_log').set({ after_json: target.after_json }).where('id', '=', target.id).execute();
    expect((await verify()).broken).toEqual([]);
    await db().deleteFrom('audit_log').where('id', '=', target.id).execute();
    result = await verify();
    const next = rows[rows.length - 2]!;
    expect(result.broken).toEqual([
      expect.objectContaining({ table: 'audit_log', rowId: next.id, seq: Number(next.seq) }),
    ]);
    expect(result.broken[0]!.reason).toMatch(/missing/);
    await db().insertInto('audit_log').values(target).execute();
    expect((await verify()).broken).toEqual([]);
  }, 60_000);

  it('reports an edited, a deleted and a truncated case timeline row with the case number', async () => {
    const [first, second] = await events();
    const caseNo = (await db().selectFrom('cases').select('case_no').where('id', '=', caseId).executeTakeFirstOrThrow())
      .case_no;
    await db().updateTable('case_events').set({ note: '后来加的' }).where('id', '=', first!.id).execute();
    let result = await verify();
    expect(result.broken).toEqual([
      expect.objectContaining({ table: 'case_events', caseId, caseNo, rowId: first!.id, seq: 1 }),
    ]);
    const script = await runScript();
    expect(script.code).toBe(1);
    expect(script.out).toContain(`case ${caseNo}`);
    await db().updateTable('case_events').set({ note: first!.note }).where('id', '=', first!.id).execute();

    await db().deleteFrom('case_events').where('id', '=', first!.id).execute();
    result = await verify();
    expect(result.broken).toEqual([
      expect.objectContaining({ table: 'case_events', caseId, rowId: second!.id, seq: 2 }),
    ]);
    await db().insertInto('case_events').values(first!).execute();

    // The last row removed: the chain that is left is valid, but it no longer leads to the case's status.
    await db().deleteFrom('case_events').where('id', '=', second!.id).execute();
    result = await verify();
    expect(result.broken).toEqual([expect.objectContaining({ table: 'case_events', caseId, rowId: null, seq: 2 })]);
    await db().insertInto('case_events').values(second!).execute();
    expect((await verify()).broken).toEqual([]);
  }, 60_000);
});
