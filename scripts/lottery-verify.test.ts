import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ENTRANTS, fileFor, SECRET } from '../common/domain/night-market-lottery.fixtures.ts';

/**
 * The standalone replay script (node:crypto only, docs/night-market.md "Verifying a draw") against files written by
 * the project's own implementation: it agrees on them and finds every change.
 */
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
