/**
 * `npm run test:quick [since]`: the inner loop. On SQLite only, without the typecheck, the PostgreSQL pass, the web
 * build and the browser journeys, it runs the test files that a change reaches: every test file that imports
 * (directly or not) a file changed since `since` (default: uncommitted changes, staged or not, and new files) —
 * Vitest's `--changed`. A change to shared code (server/src/testing, the platform, the app) reaches most of the
 * suite and takes as long; `npm test` remains the check before a merge.
 */
import { spawn } from 'node:child_process';

const since = process.argv[2];
if (since?.startsWith('-')) {
  console.error('usage: npm run test:quick [since]   (since: a commit or branch, e.g. main; default: uncommitted changes)');
  process.exit(2);
}
const args = ['vitest', 'run', since ? `--changed=${since}` : '--changed', '--passWithNoTests'];
console.log(`test:quick: npx ${args.join(' ')} (SQLite)`);
const child = spawn('npx', args, { stdio: 'inherit', env: { ...process.env, TEST_DB: 'sqlite' } });
child.once('close', (code) => process.exit(code ?? 1));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => child.kill(signal));
