/**
 * Runs Vitest on some test files in a child process, for tests of the test machinery itself (temporary folders,
 * the private PostgreSQL). The child gets this process's environment without the Vitest worker's own variables,
 * with `env` on top (an undefined value removes a variable).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTempDir, removeTempDir } from './temp-dir.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface VitestChildRun {
  code: number;
  output: string;
  passed: number;
  failed: number;
}

export async function runVitestChild(
  files: string[],
  env: Record<string, string | undefined>,
  timeoutMs = 150_000,
): Promise<VitestChildRun> {
  const reportDir = makeTempDir('cityloop-vitest-report-');
  const report = join(reportDir, 'report.json');
  const childEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...process.env, ...env }))
    if (v !== undefined && !k.startsWith('VITEST')) childEnv[k] = v;
  try {
    const { code, output } = await new Promise<{ code: number; output: string }>((resolve) => {
      const child = spawn(
        process.execPath,
        [
          join(ROOT, 'node_modules/vitest/vitest.mjs'),
          'run',
          ...files,
          '--reporter=dot',
          '--reporter=json',
          `--outputFile.json=${report}`,
        ],
        {
          cwd: ROOT,
          env: childEnv,
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let out = '';
      const keep = (b: Buffer) => {
        out = (out + b.toString()).slice(-20_000);
      };
      child.stdout.on('data', keep);
      child.stderr.on('data', keep);
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      child.once('close', (c) => {
        clearTimeout(timer);
        resolve({ code: c ?? 1, output: out });
      });
    });
    const r = existsSync(report)
      ? (JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number })
      : null;
    return { code, output, passed: r?.numPassedTests ?? 0, failed: r?.numFailedTests ?? 0 };
  } finally {
    removeTempDir(reportDir);
  }
}
