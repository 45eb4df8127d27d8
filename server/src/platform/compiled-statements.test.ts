import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-db.ts';
import { compiledStatement } from './compiled-statements.ts';

/** A statement compiled once binds each call's own parameters, on the real database of either dialect. */
let database: TestDatabase;
let TENANT: string;

beforeAll(async () => {
  database = await createTestDatabase({ kind: 'seeded' });
  TENANT = (await database.db.selectFrom('tenants').select('id').executeTakeFirstOrThrow()).id;
});
afterAll(async () => database.close());

const compiles: string[] = [];
const insertSetting = compiledStatement(
  (db, row: { tenant_id: string; key: string; value_json: string; updated_at: string }) => {
    compiles.push(Object.keys(row).join(','));
    return db.insertInto('tenant_settings').values(row);
  },
);
const settingsIn = compiledStatement((db, p: { tenantId: string; keys: string[] }) =>
  db
    .selectFrom('tenant_settings')
    .select(['key', 'value_json'])
    .where('tenant_id', '=', p.tenantId)
    .where('key', 'in', p.keys)
    .orderBy('key'),
);
const oneSetting = compiledStatement((db, p: { tenantId: string; key: string }) =>
  db
    .selectFrom('tenant_settings')
    .select('value_json')
    .where('tenant_id', '=', p.tenantId)
    .where('key', '=', p.key)
    .limit(1),
);

describe('compiledStatement', () => {
  it('writes and reads each call’s own values, compiling a shape once', async () => {
    const { db } = database;
    for (let i = 0; i < 5; i += 1)
      await insertSetting.execute(db, {
        tenant_id: TENANT,
        key: `k${i}`,
        value_json: JSON.stringify(i),
        updated_at: '2026-01-01T00:00:00.000Z',
      });
    expect(compiles).toHaveLength(1);
    for (let i = 0; i < 5; i += 1)
      expect(await oneSetting.first(db, { tenantId: TENANT, key: `k${i}` })).toEqual({ value_json: String(i) });
    expect(await oneSetting.first(db, { tenantId: TENANT, key: 'none' })).toBeUndefined();
    expect(await oneSetting.first(db, { tenantId: 'other', key: 'k1' })).toBeUndefined();
  });

  it('compiles a list of another length anew instead of binding it to the wrong text', async () => {
    const { db } = database;
    const two = await settingsIn.rows(db, { tenantId: TENANT, keys: ['k1', 'k3'] });
    expect(two.map((r) => r.key)).toEqual(['k1', 'k3']);
    const three = await settingsIn.rows(db, { tenantId: TENANT, keys: ['k0', 'k2', 'k4'] });
    expect(three.map((r) => r.key)).toEqual(['k0', 'k2', 'k4']);
    const twoAgain = await settingsIn.rows(db, { tenantId: TENANT, keys: ['k2', 'k4'] });
    expect(twoAgain.map((r) => r.key)).toEqual(['k2', 'k4']);
  });

  it('takes a member left undefined for a shape of its own, as Kysely leaves such a column out', async () => {
    const { db } = database;
    const withUndefined = compiledStatement((d, row: { tenant_id: string; key: string; value_json?: string }) =>
      d
        .insertInto('tenant_settings')
        .values({ ...row, value_json: row.value_json ?? sql<string>`'"default"'`, updated_at: 'x' }),
    );
    await withUndefined.execute(db, { tenant_id: TENANT, key: 'u1', value_json: '"given"' });
    await withUndefined.execute(db, { tenant_id: TENANT, key: 'u2', value_json: undefined });
    await withUndefined.execute(db, { tenant_id: TENANT, key: 'u3', value_json: '"again"' });
    expect(await oneSetting.first(db, { tenantId: TENANT, key: 'u1' })).toEqual({ value_json: '"given"' });
    expect(await oneSetting.first(db, { tenantId: TENANT, key: 'u2' })).toEqual({ value_json: '"default"' });
    expect(await oneSetting.first(db, { tenantId: TENANT, key: 'u3' })).toEqual({ value_json: '"again"' });
  });

  it('runs inside a transaction, which sees its own write and undoes it on failure', async () => {
    const { db } = database;
    await expect(
      db.transaction().execute(async (tx) => {
        await insertSetting.execute(tx, {
          tenant_id: TENANT,
          key: 'in-tx',
          value_json: '1',
          updated_at: '2026-01-01T00:00:00.000Z',
        });
        expect(await oneSetting.first(tx, { tenantId: TENANT, key: 'in-tx' })).toEqual({ value_json: '1' });
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    expect(await oneSetting.first(db, { tenantId: TENANT, key: 'in-tx' })).toBeUndefined();
  });
});
