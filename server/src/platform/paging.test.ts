import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-db.ts';
import { pageWithCappedTotal } from './paging.ts';

/** The capped count of the large registers, on the demo city's regions (both databases). */
describe('pageWithCappedTotal', () => {
  let database: TestDatabase;
  let all: number;
  beforeAll(async () => {
    database = await createTestDatabase({ kind: 'seeded' });
    const r = await database.db
      .selectFrom('regions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    all = Number(r.n);
  }, 120_000);
  afterAll(() => database.close());

  const list = (cap: number, kind?: string) => {
    let q = database.db.selectFrom('regions');
    if (kind) q = q.where('kind', '=', kind);
    return pageWithCappedTotal(
      database.db,
      q,
      (p) => p.select(['id', 'code']).orderBy('code'),
      { limit: 2, offset: 0 },
      cap,
    );
  };

  it('counts exactly up to the cap and says "more" beyond it, with the page unchanged', async () => {
    expect(all).toBeGreaterThan(5);
    const exact = await list(all);
    expect(exact).toMatchObject({ total: all, totalCapped: false });
    expect(exact.rows).toHaveLength(2);
    const capped = await list(3);
    expect(capped).toMatchObject({ total: 3, totalCapped: true });
    expect(capped.rows.map((r) => r.code)).toEqual(exact.rows.map((r) => r.code));
  });

  it('counts with the filters bound, as the page sees them', async () => {
    const streets = await database.db
      .selectFrom('regions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('kind', '=', 'street')
      .executeTakeFirstOrThrow();
    const n = Number(streets.n);
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(all);
    expect(await list(10_000, 'street')).toMatchObject({ total: n, totalCapped: false });
  });
});
