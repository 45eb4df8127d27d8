/**
 * `npm run build:server`: compiles the server and its operations scripts into plain JavaScript under
 * dist/server, so that production runs `node dist/server/main.js` with only the runtime dependencies installed
 * (no TypeScript loader). Packages stay external (installed by npm); our own code is bundled per entry, with
 * shared chunks. Data files that the code opens at run time are copied beside the bundle.
 */
import { build } from 'esbuild';
import { cpSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}dist/server`;

rmSync(out, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: {
    main: 'server/src/main.ts',
    backup: 'scripts/backup.ts',
    restore: 'scripts/restore.ts',
    'audit-verify': 'scripts/audit-verify.ts',
    // Spawned by platform/sheet-thread.ts as ./sheet-worker.js next to the bundle.
    'sheet-worker': 'server/src/platform/sheet-worker.ts',
  },
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
// The national catalog is read from data/ next to the module that loads it (catalog-data.ts); entries and chunks
// all sit in one folder, so one copy beside them serves whichever file holds that module.
cpSync(`${root}server/src/modules/catalog/data`, `${out}/data`, { recursive: true });
console.log(`server compiled to ${out}`);
