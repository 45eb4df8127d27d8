import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gramTerm, searchGrams } from '../../../../common/domain/search-grams.ts';
import { as, createTestApp, login, type Session, type TestContext } from '../../testing/test-app.ts';

/**
 * Searches of 1 and 2 characters go through the gram index (docs/conventions.md "Search",
 * docs/decisions/0011-public-reads-and-search.md) and find exactly what a substring match finds, under the same
 * visibility rule as every case list. Rare characters keep the demo city's own cases out of the answers.
 */
let ctx: TestContext;
const s: Record<string, Session> = {};
const POINT = { lng: 114.975, lat: 30.1 };
const api = (who: string) => as(ctx.app, s[who] ?? null);

async function report(description: string, address?: string) {
  const res = await api('inspector').post('/api/cases', {
    matterCode: '09006',
    description,
    ...POINT,
    ...(address ? { address } : {}),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; caseNo: string };
}
const search = async (who: string, q: string) => {
  const res = await api(who).get(`/api/cases?q=${encodeURIComponent(q)}&pageSize=100`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: { id: string }[]; total: number }).items.map((i) => i.id);
};

let a: { id: string }, b: { id: string }, c: { id: string };
beforeAll(async () => {
  ctx = await createTestApp();
  for (const u of ['inspector', 'operator', 'unitmanager']) s[u] = await login(ctx.app, u, 'Demo@12345');
  a = await report('鼋鼍井盖破损', '鼐字路口');
  b = await report('路边鼍龙雕塑掉漆，XYZ鼋');
  c = await report('绿化带垃圾，鼍');
}, 60_000);
afterAll(async () => ctx.close());

describe('1–2 character search', () => {
  it('a pair finds the cases holding it in any field, and only those', async () => {
    expect(await search('operator', '鼋鼍')).toEqual([a.id]);
    expect(await search('operator', '鼐字')).toEqual([a.id]); // the address
    expect((await search('operator', '鼍龙')).sort()).toEqual([b.id]);
  });

  it('one character finds every case holding it, the last character of a text included; newest first', async () => {
    expect(await search('operator', '鼍')).toEqual([c.id, b.id, a.id]);
    expect(await search('operator', '鼐')).toEqual([a.id]);
  });

  it('ASCII letters are folded to lower case; a pair across a letter and a Chinese character is found', async () => {
    expect(await search('operator', 'z鼋')).toEqual([b.id]);
    expect(await search('operator', 'Z鼋')).toEqual([b.id]);
  });

  it('punctuation takes the substring fallback and still finds the case', async () => {
    expect(await search('operator', '漆，')).toEqual([b.id]);
  });

  it('a handling unit sees none of these cases (they are not dispatched to it): the same visibility rule', async () => {
    expect(await search('unitmanager', '鼍')).toEqual([]);
    expect(await search('unitmanager', '鼋鼍')).toEqual([]);
  });

  it('the grams are letters and digits alone and in pairs; terms of other shapes are not gram terms', () => {
    expect(searchGrams('井盖 A1，b').split(' ').sort()).toEqual(['1', 'a', 'a1', 'b', '井', '井盖', '盖'].sort());
    expect(gramTerm('井盖')).toBe('井盖');
    expect(gramTerm('AB')).toBe('ab');
    expect(gramTerm('井盖破')).toBeNull();
    expect(gramTerm('，')).toBeNull();
  });
});
