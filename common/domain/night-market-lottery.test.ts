import { describe, expect, it } from 'vitest';
import {
  ascending,
  commitmentOf,
  drawOrder,
  seedOf,
  toHex,
  uniformBelow,
  verifyLottery,
  wordStream,
  type LotteryFile,
} from './night-market-lottery.ts';
import { ENTRANTS, fileFor, SECRET, VALUE } from './night-market-lottery.fixtures.ts';
import { localHouseholdCheck, maskName, defaultRules, roundPhase, loseStall } from './night-market.ts';

/**
 * The lottery (docs/night-market.md, "The draw"): fixed vectors pin the byte layout, a published file replays to the
 * same order and any change of secret, public value or entrant set changes it, and rejection sampling throws away
 * the biased words. scripts/lottery-verify.test.ts runs the standalone script on such files.
 */
describe('byte layout', () => {
  it('commits with hex SHA-256 of the UTF-8 secret and seeds with SHA-256(secret ‖ public value)', async () => {
    expect(await commitmentOf('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    // plain concatenation, no separator: SHA-256("abc") again
    expect(toHex(await seedOf('a', 'bc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await commitmentOf('夜市')).toBe(
      toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode('夜市')))),
    );
  });

  it('reads SHA-256(seed ‖ uint32be(k)) as big-endian words, eight per block', async () => {
    const seed = await seedOf(SECRET, VALUE);
    const next = wordStream(seed);
    const words = [];
    for (let i = 0; i < 9; i++) words.push(await next());
    const block = async (k: number) => {
      const buf = new Uint8Array(36);
      buf.set(seed);
      new DataView(buf.buffer).setUint32(32, k, false);
      return new DataView(await crypto.subtle.digest('SHA-256', buf));
    };
    const b0 = await block(0);
    const b1 = await block(1);
    expect(words.slice(0, 8)).toEqual(Array.from({ length: 8 }, (_, i) => b0.getUint32(i * 4, false)));
    expect(words[8]).toBe(b1.getUint32(0, false));
  });

  it('rejects the words above the last whole multiple of n (no modulo bias)', async () => {
    const feed = (ws: number[]) => {
      let i = 0;
      return async () => ws[i++]!;
    };
    // n = 3: 2^32 mod 3 = 1, so 2^32 − 1 is thrown away and the next word answers
    expect(await uniformBelow(feed([2 ** 32 - 1, 7]), 3)).toBe(1);
    expect(await uniformBelow(feed([2 ** 32 - 2]), 3)).toBe((2 ** 32 - 2) % 3);
    // n = 2^31 + 1: every word at or above 2^31 + 1 is rejected
    expect(await uniformBelow(feed([2 ** 31 + 1, 2 ** 32 - 1, 5]), 2 ** 31 + 1)).toBe(5);
    await expect(uniformBelow(feed([1]), 0)).rejects.toThrow(RangeError);
  });

  it('shuffles the entrants sorted ascending, so the input order does not matter', async () => {
    const seed = await seedOf(SECRET, VALUE);
    const a = await drawOrder(seed, ENTRANTS);
    const b = await drawOrder(seed, [...ENTRANTS].reverse());
    expect(a).toEqual(b);
    expect([...a].sort()).toEqual(ascending(ENTRANTS));
    expect(a).not.toEqual(ascending(ENTRANTS));
  });
});

describe('replay', () => {
  it('replays a published file to the same order', async () => {
    const file = await fileFor();
    expect(await verifyLottery(file)).toEqual({ match: true, order: file.order });
    expect(await verifyLottery(JSON.parse(JSON.stringify(file)) as LotteryFile)).toMatchObject({ match: true });
  });

  it('changes the order when the secret, the public value or the entrant set changes', async () => {
    const base = (await fileFor()).order;
    expect((await fileFor(`${SECRET.slice(0, -1)}1`)).order).not.toEqual(base);
    expect((await fileFor(SECRET, '05 11 12 20 27 33 + 09')).order).not.toEqual(base);
    expect((await fileFor(SECRET, VALUE, ENTRANTS.slice(1))).order).not.toEqual(base.filter((x) => x !== ENTRANTS[0]));
    expect((await fileFor(SECRET, VALUE, [...ENTRANTS, 'YS2023-01-0191'])).order.slice(0, 20)).not.toEqual(
      base.slice(0, 20),
    );
  });

  it('finds every kind of tampering', async () => {
    const file = await fileFor();
    expect(await verifyLottery({ ...file, secret: 'x' })).toMatchObject({ match: false, reason: 'commitment' });
    expect(await verifyLottery({ ...file, publicValue: '1' })).toMatchObject({ match: false, reason: 'seed' });
    expect(await verifyLottery({ ...file, entrants: [...file.entrants].reverse() })).toMatchObject({
      match: false,
      reason: 'entrants',
    });
    const swapped = [file.order[1]!, file.order[0]!, ...file.order.slice(2)];
    expect(await verifyLottery({ ...file, order: swapped })).toMatchObject({ match: false, reason: 'order' });
    const other = await fileFor(SECRET, VALUE, ENTRANTS.slice(1));
    expect(await verifyLottery({ ...file, entrants: other.entrants })).toMatchObject({ match: false, reason: 'order' });
  });
});

describe('rules', () => {
  it('checks the local household by the ID address code, masks names, knows the phase and the threshold', () => {
    const rules = defaultRules('420281');
    expect(localHouseholdCheck(rules, '420281198503121005')).toEqual({ rule: 'localHousehold', result: 'pass' });
    expect(localHouseholdCheck(rules, '420202198503121005')).toEqual({ rule: 'localHousehold', result: 'fail' });
    expect(localHouseholdCheck({ ...rules, localHousehold: { enabled: false, idPrefixes: [] } }, 'x')).toBeNull();
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳小明')).toBe('欧***');
    expect(maskName('李')).toBe('李*');
    const r = { applyFrom: '2024-06-01', applyTo: '2024-06-10', committedAt: null, publicValue: null, drawnAt: null };
    expect(roundPhase(r, '2024-05-01')).toBe('upcoming');
    expect(roundPhase(r, '2024-06-05')).toBe('applying');
    expect(roundPhase(r, '2024-06-11')).toBe('reviewing');
    expect(roundPhase({ ...r, committedAt: 'x' }, '2024-06-11')).toBe('committed');
    expect(loseStall(11, 12)).toBe(false);
    expect(loseStall(12, 12)).toBe(true);
  });
});
