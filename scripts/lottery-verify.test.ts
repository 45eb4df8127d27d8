import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ascending,
  commitmentOf,
  drawOrder,
  LOTTERY_FORMAT,
  seedOf,
  toHex,
  type LotteryFile,
} from '../common/domain/night-market-lottery.ts';

/**
 * The standalone replay script (node:crypto only, docs/night-market.md "Verifying a draw") against files written by
 * the project's own implementation: it agrees on them and finds every change.
 */
const SECRET = '3f1c9a7e5b2d4f608192a3b4c5d6e7f80112233445566778899aabbccddeeff0';
const VALUE = '05 11 12 20 27 33 + 08';
const ENTRANTS = Array.from({ length: 190 }, (_, i) => `YS2023-01-${String(190 - i).padStart(4, '0')}`);

async function fileFor(secret = SECRET, value = VALUE, entrants = ENTRANTS): Promise<LotteryFile> {
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

describe('npm run lottery:verify', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nm-lottery-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const script = join(import.meta.dirname, 'lottery-verify.js');
  const run = (file: unknown) => {
    const path = join(dir, `f${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(path, JSON.stringify(file));
    return spawnSync(process.execPath, [script, path], { encoding: 'utf8' });
  };

  it('prints match for a published file and mismatch for a changed one', async () => {
    const file = await fileFor();
    const ok = run(file);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/^match: 190 entrants/);
    const swapped = run({ ...file, order: [file.order[1], file.order[0], ...file.order.slice(2)] });
    expect(swapped.status).toBe(1);
    expect(swapped.stdout).toMatch(/^mismatch: the drawn order differs/);
    expect(run({ ...file, secret: `${SECRET}0` }).stdout).toMatch(/^mismatch: the secret does not match/);
    expect(run({ ...file, publicValue: 'x' }).stdout).toMatch(/^mismatch: the seed/);
  });

  it('agrees with this implementation on small and one-entrant draws', async () => {
    for (const n of [1, 2, 3, 17]) {
      const file = await fileFor(`s${n}`, `v${n}`, ENTRANTS.slice(0, n));
      expect(run(file).status).toBe(0);
    }
    const missing = spawnSync(process.execPath, [script, join(dir, 'missing.json')], { encoding: 'utf8' });
    expect(missing.status).toBe(2);
  });
});
