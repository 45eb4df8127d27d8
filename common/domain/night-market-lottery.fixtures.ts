import {
  ascending,
  commitmentOf,
  drawOrder,
  LOTTERY_FORMAT,
  seedOf,
  toHex,
  type LotteryFile,
} from './night-market-lottery.ts';

/**
 * One published lottery file for tests: the unit tests of the lottery and the tests of the standalone replay script
 * (scripts/lottery-verify.test.ts) both build their files here, so they check the same layout.
 */
export const SECRET = '3f1c9a7e5b2d4f608192a3b4c5d6e7f80112233445566778899aabbccddeeff0';
export const VALUE = '05 11 12 20 27 33 + 08';
export const ENTRANTS = Array.from({ length: 190 }, (_, i) => `YS2023-01-${String(190 - i).padStart(4, '0')}`);

export async function fileFor(secret = SECRET, value = VALUE, entrants = ENTRANTS): Promise<LotteryFile> {
  const seed = await seedOf(secret, value);
  return {
    format: LOTTERY_FORMAT,
    city: '大冶市',
    market: '恒达夜市',
    roundNo: 'YS2023-01',
    roundName: '2023年第一批',
    commitment: await commitmentOf(secret),
    committedAt: '2023-05-01T02:00:00.000Z',
    publicValueSource: '双色球第2023050期',
    publicValue: value,
    secret,
    entrants: ascending(entrants),
    seed: toHex(seed),
    order: await drawOrder(seed, entrants),
    stalls: ['A-001'],
    drawnAt: '2023-05-05T02:00:00.000Z',
  };
}
