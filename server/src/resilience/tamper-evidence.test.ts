import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditLogTable, CaseEventsTable } from '../db/schema.ts';
import { AUDIT_V2_COLUMNS, auditFormat } from '../modules/audit/audit-chain.ts';
import { CASE_EVENT_V2_COLUMNS, timelineFormat } from '../modules/cases/case-timeline.ts';
import { ChainKeys } from '../platform/chain-keys.ts';
import { CheckpointStore } from '../platform/checkpoint-store.ts';
import { GENESIS, type ChainFormat } from '../platform/hash-chain.ts';
import { runAuditVerify } from '../testing/audit-verify-cli.ts';
import { as, createTestApp, login, type Session, type TestContext } from '../testing/test-app.ts';
import { writeCheckpoint } from './audit-checkpoint.ts';
import { verifyAll } from './audit-verify.ts';

/**
 * Tamper evidence against someone who can write the database but holds neither the audit key nor the checkpoint
 * files: forged actors rehashed with plain SHA-256 or another key, a chain downgraded to the unkeyed format, rows
 * deleted from the end, and an edited checkpoint are all reported; legacy rows followed by keyed rows verify.
 */
let ctx: TestContext;
let admin: Session;
let tenantId = '';
let caseId = '';
const POINT = { lng: 114.975, lat: 30.1 };
const DAY = 86_400_000;

const db = () => ctx.database.db;
const keys = () => ctx.app.services.chainKeys;
const store = () => new CheckpointStore(ctx.config.audit.checkpointDir, keys());
const verify = () => verifyAll(ctx.database, { keys: keys(), checkpoints: store() });
const auditRows = () =>
  db().selectFrom('audit_log').selectAll().where('tenant_id', '=', tenantId).orderBy('seq').execute();
const events = (id = caseId) =>
  db().selectFrom('case_events').selectAll().where('case_id', '=', id).orderBy('seq').execute();
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

interface Hasher<T> {
  version: number;
  hash(row: T): string;
}
const plainSha = <T>(format: ChainFormat<T>): Hasher<T> => ({ version: 2, hash: (row) => sha256(format.message(row)) });
const otherKey = <T>(format: ChainFormat<T>): Hasher<T> => {
  const wrong = new ChainKeys([randomBytes(32).toString('hex')]).current;
  return { version: 2, hash: (row) => wrong.hmac(format.message(row)) };
};
const downgrade = <T>(format: ChainFormat<T>): Hasher<T> => ({ version: 1, hash: (row) => format.legacyHash(row) });

/** What an attacker with only the database does: changes a row, then recomputes every hash from there on. */
async function rehash<T extends AuditLogTable | CaseEventsTable>(
  table: 'audit_log' | 'case_events',
  rows: readonly T[],
  from: number,
  hasher: Hasher<Omit<T, 'hash'>>,
  change: Partial<T> = {},
) {
  let prev = from > 0 ? rows[from - 1]!.hash : GENESIS;
  for (let i = from; i < rows.length; i++) {
    const row = { ...rows[i]!, ...(i === from ? change : {}), prev_hash: prev, hash_version: hasher.version };
    row.hash = hasher.hash(row);
    await db()
      .updateTable(table)
      .set(row as never)
      .where('id', '=', row.id)
      .execute();
    prev = row.hash;
  }
}

/** Restores rows saved before a tampering step. */
async function putBack(table: 'audit_log' | 'case_events', rows: readonly (AuditLogTable | CaseEventsTable)[]) {
  if (table === 'audit_log') await db().deleteFrom('audit_log').where('tenant_id', '=', tenantId).execute();
  else
    await db()
      .deleteFrom('case_events')
      .where('case_id', 'in', [...new Set(rows.map((r) => (r as CaseEventsTable).case_id))])
      .execute();
  for (const r of rows) await db().insertInto(table).values(r).execute();
}

beforeAll(async () => {
  ctx = await createTestApp();
  admin = await login(ctx.app, 'admin', 'Admin@12345');
  tenantId = (await as(ctx.app, admin).get('/api/auth/me')).json().user.tenantId;
  for (const code of ['TE01', 'TE02', 'TE03']) {
    const res = await as(ctx.app, admin).post('/api/org/units', { code, name: `防篡改${code}`, kind: 'other' });
    expect(res.statusCode, res.body).toBe(201);
  }
  const inspector = await login(ctx.app, 'inspector', 'Demo@12345');
  const created = await as(ctx.app, inspector).post('/api/cases', {
    matterCode: '09006',
    description: '防篡改测试 占道经营',
    ...POINT,
  });
  expect(created.statusCode, created.body).toBe(201);
  caseId = created.json().id;
  const operator = await login(ctx.app, 'operator', 'Demo@12345');
  expect(
    (
      await as(ctx.app, operator).post(`/api/cases/${caseId}/transitions`, {
        action: 'accept',
        version: created.json().version,
      })
    ).statusCode,
  ).toBe(200);
});
afterAll(async () => ctx.close());

describe('hash format versions', () => {
  it('version 2 covers every column of both tables but the hash itself', async () => {
    const tables = await db().introspection.getTables();
    const columns = (name: string) =>
      tables
        .find((t) => t.name === name && (!ctx.database.schema || t.schema === ctx.database.schema))!
        .columns.map((c) => c.name)
        .filter((c) => c !== 'hash')
        .sort();
    expect([...AUDIT_V2_COLUMNS].sort()).toEqual(columns('audit_log'));
    expect([...CASE_EVENT_V2_COLUMNS].sort()).toEqual(columns('case_events'));
  });
});

describe('forged rows', () => {
  it('an audit row given another actor and request id, rehashed with plain SHA-256 or another key, is named', async () => {
    const rows = await auditRows();
    const at = rows.length - 1;
    const target = rows[at]!;
    expect(target.hash_version).toBe(2);
    for (const hasher of [plainSha(auditFormat), otherKey(auditFormat), downgrade(auditFormat)]) {
      await rehash('audit_log', rows, at, hasher, { actor_name: '局长', request_id: 'forged-request' });
      const result = await verify();
      expect(result.broken).toEqual([
        expect.objectContaining({ table: 'audit_log', rowId: target.id, seq: target.seq, tenantCode: '420281' }),
      ]);
      await putBack('audit_log', rows);
    }
    expect((await verify()).broken).toEqual([]);
  });

  it('a timeline row credited to someone else, rehashed with plain SHA-256 or another key, is named', async () => {
    const rows = await events();
    const target = rows[1]!;
    expect(target.hash_version).toBe(2);
    for (const hasher of [plainSha(timelineFormat), otherKey(timelineFormat), downgrade(timelineFormat)]) {
      await rehash('case_events', rows, 1, hasher, { actor_name: '值班长王某', actor_role: 'shiftLeader' });
      expect((await verify()).broken).toEqual([
        expect.objectContaining({ table: 'case_events', caseId, rowId: target.id, seq: 2 }),
      ]);
      await putBack('case_events', rows);
    }
    expect((await verify()).broken).toEqual([]);
  });
});

describe('legacy rows', () => {
  it('rows written before the upgrade (version 1, by default) followed by keyed rows verify', async () => {
    // The chain and the timeline as the old code wrote them: unkeyed, and without the hash_version column.
    await rehash('audit_log', await auditRows(), 0, downgrade(auditFormat));
    await rehash('case_events', await events(), 0, downgrade(timelineFormat));
    const legacy = (await auditRows()).at(-1)!;
    const old = {
      ...legacy,
      id: randomBytes(8).toString('hex'),
      seq: legacy.seq + 1,
      prev_hash: legacy.hash,
      action: 'unit.update',
      hash_version: 1,
    };
    const { hash_version: _v, ...columns } = { ...old, hash: auditFormat.legacyHash(old) };
    await db()
      .insertInto('audit_log')
      .values(columns as never)
      .execute();
    expect(
      (await db().selectFrom('audit_log').select('hash_version').where('id', '=', old.id).executeTakeFirstOrThrow())
        .hash_version,
    ).toBe(1);

    const shiftLeader = await login(ctx.app, 'shiftleader', 'Demo@12345');
    const version = (await as(ctx.app, shiftLeader).get(`/api/cases/${caseId}`)).json().version;
    const condition = (await as(ctx.app, shiftLeader).get('/api/catalog/conditions?matterCode=09006')).json().items[0];
    const filed = await as(ctx.app, shiftLeader).post(`/api/cases/${caseId}/transitions`, {
      action: 'file',
      version,
      filingConditionId: condition.id,
    });
    expect(filed.statusCode, filed.body).toBe(200);
    expect(
      (await as(ctx.app, admin).post('/api/org/units', { code: 'TE04', name: '防篡改TE04', kind: 'other' })).statusCode,
    ).toBe(201);
    // Keyed from here on: the shift leader's sign-in and the new unit.
    expect((await auditRows()).map((r) => r.hash_version)).toEqual([...Array(legacy.seq + 1).fill(1), 2, 2]);
    expect((await events()).map((r) => r.hash_version)).toEqual([1, 1, 2]);
    expect((await verify()).broken).toEqual([]);
  });
});

describe('checkpoints', () => {
  let file = '';

  it('are written once a day to an append-only file and verify', async () => {
    ctx.clock.advance(DAY);
    file = (await writeCheckpoint(ctx.database, store(), ctx.clock.now()))!;
    expect(file).toBe('2024-03-13.json');
    expect(await writeCheckpoint(ctx.database, store(), ctx.clock.now())).toBeNull();
    const result = await verify();
    expect(result.broken).toEqual([]);
    expect(result.checkpoints).toMatchObject({ files: 1, trusted: 1, latest: file });
    const entry = JSON.parse(readFileSync(join(ctx.config.audit.checkpointDir, file), 'utf8')).tenants.find(
      (t: { tenantId: string }) => t.tenantId === tenantId,
    );
    const rows = await auditRows();
    expect(entry.audit).toMatchObject({
      rows: rows.length,
      headSeq: rows.at(-1)!.seq,
      headId: rows.at(-1)!.id,
      headHash: rows.at(-1)!.hash,
    });
    expect(entry.audit.legacy.rows).toBe(rows.filter((r) => r.hash_version === 1).length);
  });

  it('find the newest audit rows deleted, even with the rest of the chain intact', async () => {
    const rows = await auditRows();
    await db()
      .deleteFrom('audit_log')
      .where(
        'id',
        'in',
        rows.slice(-2).map((r) => r.id),
      )
      .execute();
    const result = await verify();
    expect(result.broken).toEqual([
      expect.objectContaining({ table: 'audit_log', rowId: null, seq: rows.length - 1, checkpoint: file }),
    ]);
    expect(result.broken[0]!.reason).toMatch(/newest rows were deleted/);
    const script = await runAuditVerify(ctx);
    expect(script.code, script.out).toBe(1);
    expect(script.out).toContain(`checkpoint ${file} recorded the chain up to seq ${rows.length}`);
    await putBack('audit_log', rows);
    expect((await verify()).broken).toEqual([]);
  });

  it('find a timeline cut short even when the case status was made to match', async () => {
    const rows = await events();
    const status = (await db().selectFrom('cases').select('status').where('id', '=', caseId).executeTakeFirstOrThrow())
      .status;
    await db().deleteFrom('case_events').where('id', '=', rows.at(-1)!.id).execute();
    await db()
      .updateTable('cases')
      .set({ status: rows.at(-1)!.from_status! as never })
      .where('id', '=', caseId)
      .execute();
    const result = await verify();
    expect(result.broken).toEqual([
      expect.objectContaining({ table: 'case_events', tenantId, rowId: null, checkpoint: file }),
    ]);
    expect(result.broken[0]!.reason).toMatch(/were deleted/);
    await db().updateTable('cases').set({ status }).where('id', '=', caseId).execute();
    await putBack('case_events', rows);
    expect((await verify()).broken).toEqual([]);
  });

  it('seal the legacy rows: a column the old format left out, or a keyed chain rewritten whole in the old format, is found', async () => {
    const rows = await auditRows();
    const legacyCount = rows.filter((r) => r.hash_version === 1).length;
    // Version 1 never covered actor_name: the chain alone holds, the seal does not.
    await db().updateTable('audit_log').set({ actor_name: '局长' }).where('id', '=', rows[0]!.id).execute();
    let result = await verify();
    expect(result.broken).toEqual([expect.objectContaining({ table: 'audit_log', rowId: null, checkpoint: file })]);
    expect(result.broken[0]!.reason).toMatch(/legacy/);
    await rehash('audit_log', rows, 0, downgrade(auditFormat), { actor_name: '局长' });
    result = await verify();
    expect(result.broken).toEqual([
      expect.objectContaining({ table: 'audit_log', seq: legacyCount + 1, rowId: rows[legacyCount]!.id }),
    ]);
    await putBack('audit_log', rows);

    const timeline = await events();
    await db()
      .updateTable('case_events')
      .set({ actor_name: '某人', actor_role: 'leader' })
      .where('id', '=', timeline[0]!.id)
      .execute();
    result = await verify();
    expect(result.broken).toEqual([expect.objectContaining({ table: 'case_events', rowId: null, checkpoint: file })]);
    expect(result.broken[0]!.reason).toMatch(/legacy/);
    await rehash('case_events', timeline, 0, downgrade(timelineFormat));
    result = await verify();
    expect(result.broken).toEqual([expect.objectContaining({ table: 'case_events', rowId: null, checkpoint: file })]);
    expect(result.broken[0]!.reason).toMatch(/remain/);
    await putBack('case_events', timeline);
    expect((await verify()).broken).toEqual([]);
  });

  it('a checkpoint file edited, or re-signed with another key, is not trusted and is named', async () => {
    const path = join(ctx.config.audit.checkpointDir, file);
    const original = readFileSync(path, 'utf8');
    chmodSync(path, 0o644);
    const parsed = JSON.parse(original);
    parsed.tenants[0].audit.headSeq -= 1;
    writeFileSync(path, JSON.stringify(parsed, null, 2));
    let result = await verify();
    expect(result.broken).toEqual([expect.objectContaining({ table: 'checkpoint', checkpoint: file })]);
    expect(result.broken[0]!.reason).toMatch(/signature/);

    const forger = new CheckpointStore(
      join(ctx.config.dataDir, 'forged'),
      new ChainKeys([randomBytes(32).toString('hex')]),
    );
    const forged = forger.write(
      ctx.clock.now(),
      parsed.tenants.map(({ signature: _s, ...t }: { signature: string }) => t),
    )!;
    writeFileSync(path, JSON.stringify(forged.checkpoint));
    result = await verify();
    expect(result.broken).toEqual([expect.objectContaining({ table: 'checkpoint', checkpoint: file })]);
    expect(result.broken[0]!.reason).toMatch(/not among/);

    writeFileSync(path, original);
    expect((await verify()).broken).toEqual([]);
  });

  it('survive a key rotation: old rows and checkpoints verify, new ones use the new key', async () => {
    const rotated = new ChainKeys([...ctx.config.audit.keys, randomBytes(32).toString('hex')]);
    const rows = await auditRows();
    const last = rows.at(-1)!;
    const next = {
      ...last,
      id: randomBytes(8).toString('hex'),
      seq: last.seq + 1,
      prev_hash: last.hash,
      hash_version: 2,
    };
    await db()
      .insertInto('audit_log')
      .values({ ...next, hash: rotated.current.hmac(auditFormat.message(next)) })
      .execute();
    expect(
      (
        await verifyAll(ctx.database, {
          keys: rotated,
          checkpoints: new CheckpointStore(ctx.config.audit.checkpointDir, rotated),
        })
      ).broken,
    ).toEqual([]);
    // Without the new key the row is unverifiable; and a row under the old key may not follow one under the new.
    expect((await verify()).broken).toEqual([expect.objectContaining({ table: 'audit_log', rowId: next.id })]);
    const after = {
      ...next,
      id: randomBytes(8).toString('hex'),
      seq: next.seq + 1,
      prev_hash: rotated.current.hmac(auditFormat.message(next)),
    };
    await db()
      .insertInto('audit_log')
      .values({ ...after, hash: keys().current.hmac(auditFormat.message(after)) })
      .execute();
    expect((await verifyAll(ctx.database, { keys: rotated, checkpoints: null })).broken).toEqual([
      expect.objectContaining({ rowId: after.id }),
    ]);
    await db().deleteFrom('audit_log').where('id', 'in', [next.id, after.id]).execute();
    expect((await verify()).broken).toEqual([]);
  });
});
