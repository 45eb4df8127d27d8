import fc from 'fast-check';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Grant } from '../../../../common/domain/roles.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-db.ts';
import { scopeRule } from './scope-rule.ts';

/**
 * The scope rule's two faces — the in-memory test used by detail pages and the SQL filter used by lists — must
 * select the same records for every combination of grants, on both databases.
 */
let database: TestDatabase;
const COLUMNS = { unit: 'unit_id', regions: ['street_id', 'community_id'] } as const;
type Row = { id: string; unit_id: string | null; street_id: string | null; community_id: string | null };
const rows: Row[] = [];
/** A probe table made by this test only, typed for it. */
const probe = () => database.db as unknown as Kysely<{ scope_probe: Row }>;

beforeAll(async () => {
  database = await createTestDatabase();
  await database.db.schema
    .createTable('scope_probe')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text')
    .addColumn('street_id', 'text')
    .addColumn('community_id', 'text')
    .execute();
  // Every combination of unit, street and community, including the empty ones.
  for (const unit_id of ['u1', 'u2', null]) {
    for (const [street_id, community_id] of [
      ['s1', 'm1'],
      ['s1', 'm2'],
      ['s2', 'm3'],
      ['s2', null],
      [null, null],
    ] as const) {
      rows.push({ id: `r${rows.length}`, unit_id, street_id, community_id });
    }
  }
  await probe().insertInto('scope_probe').values(rows).execute();
});
afterAll(async () => database.close());

async function selected(grants: Grant[]): Promise<string[]> {
  const where = scopeRule({ grants }, 'case.read', COLUMNS).where('p');
  let q = probe().selectFrom('scope_probe as p').select('p.id');
  if (where) q = q.where(where);
  return (await q.execute()).map((r) => r.id).sort();
}

const grant = fc.record({
  role: fc.constantFrom(...ROLES),
  unitId: fc.constantFrom('u1', 'u2', 'u9', null),
  regionId: fc.constantFrom('s1', 's2', 'm1', 'm2', 'm3', 'x', null),
});

describe('scopeRule', () => {
  it('its SQL filter and its in-memory test select the same rows for any set of grants', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(grant, { maxLength: 4 }), async (grants) => {
        const rule = scopeRule({ grants }, 'case.read', COLUMNS);
        expect(await selected(grants)).toEqual(
          rows
            .filter((r) => rule.test(r))
            .map((r) => r.id)
            .sort(),
        );
      }),
      { numRuns: 150 },
    );
  });

  it("a grant naming a unit and a region reaches that unit's records in that region only; grants are OR'ed", () => {
    const ids = (grants: Grant[]) =>
      rows
        .filter((r) => scopeRule({ grants }, 'case.read', COLUMNS).test(r))
        .map((r) => `${r.unit_id}/${r.street_id}/${r.community_id}`);
    expect(ids([{ role: 'leader', unitId: 'u1', regionId: 's1' }])).toEqual(['u1/s1/m1', 'u1/s1/m2']);
    expect(
      ids([
        { role: 'leader', unitId: 'u1', regionId: 'm2' },
        { role: 'leader', unitId: null, regionId: 'm3' },
      ]),
    ).toEqual(['u1/s1/m2', 'u1/s2/m3', 'u2/s2/m3', 'null/s2/m3']);
    // a unit grant reaches its unit everywhere; a grant naming neither reaches everything; no grant, nothing
    expect(ids([{ role: 'admin', unitId: 'u1', regionId: null }])).toHaveLength(5);
    expect(
      scopeRule({ grants: [{ role: 'leader', unitId: null, regionId: null }] }, 'case.read', COLUMNS).where('p'),
    ).toBeNull();
    expect(rows.filter((r) => scopeRule({ grants: [] }, 'case.read', COLUMNS).test(r))).toEqual([]);
    // only grants whose role carries the verb count (a leader does not verify)
    const unrestrictedLeader: Grant[] = [{ role: 'leader', unitId: null, regionId: null }];
    expect(rows.filter((r) => scopeRule({ grants: unrestrictedLeader }, 'case.verify', COLUMNS).test(r))).toEqual([]);
  });
});
