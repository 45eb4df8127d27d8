/**
 * `npm run test:quick [since]`: the inner loop, a minute or two for a change within one module. On SQLite only,
 * without the typecheck, the PostgreSQL pass, the web build and the browser journeys, it runs the test files in
 * the folders (not their subfolders) of the files changed since the last commit — staged or not, and new files —
 * or since `since` (a commit or branch, e.g. main). With nothing changed it runs the domain unit tests (common/).
 * It does not follow imports: a test elsewhere that uses the changed code is not run (Vitest's `--changed` would,
 * and for any server file that is nearly the whole suite, through the app). `npm test` is the check before a merge.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

const since = process.argv[2];
if (since?.startsWith('-')) {
  console.error(
    'usage: npm run test:quick [since]   (since: a commit or branch, e.g. main; default: uncommitted changes)',
  );
  process.exit(2);
}
const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).split('\n').filter(Boolean);
const changed = [
  ...git('diff', '--name-only', 'HEAD'),
  ...(since ? git('diff', '--name-only', `${since}...HEAD`) : []),
  ...git('ls-files', '--others', '--exclude-standard'),
];
const ROOTS = ['common/', 'server/', 'web/src/', 'scripts/'];
const folders = [
  ...new Set(changed.filter((f) => /\.tsx?$/.test(f) && ROOTS.some((r) => f.startsWith(r))).map(dirname)),
].sort();
const tests = folders.flatMap((dir) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => /\.test\.tsx?$/.test(f))
        .map((f) => join(dir, f))
    : [],
);
const filters = folders.length ? tests : ['common/'];
console.log(
  `test:quick on SQLite: ${folders.length ? `${tests.length} test file(s) in ${folders.join(' ')}` : 'nothing changed: the domain unit tests (common/)'}`,
);
if (folders.length && !tests.length) process.exit(0);
const child = spawn('npx', ['vitest', 'run', ...filters, '--passWithNoTests'], {
  stdio: 'inherit',
  env: { ...process.env, TEST_DB: 'sqlite' },
});
child.once('close', (code) => process.exit(code ?? 1));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => child.kill(signal));
