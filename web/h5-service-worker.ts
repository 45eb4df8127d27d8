import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import type { Plugin } from 'vite';
import { SW_SCRIPT, precacheFiles, type ManifestChunk } from './src/h5/offline/sw-rules.ts';

/**
 * Writes the inspector app's service worker (web/src/h5/offline/service-worker.ts) into the build as /h5-sw.js,
 * after the pages are written: its precache list is the h5 entry's files read from the build manifest, and its
 * version a hash of that list and of h5.html, so every build that changes the app ships a worker the browser sees
 * as new (docs/h5-offline.md). Bundled on its own into one classic script: a module service worker is not yet
 * supported by every phone browser the inspectors use.
 */
export function h5ServiceWorker(): Plugin {
  let outDir = '';
  return {
    name: 'cityloop-h5-service-worker',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async writeBundle() {
      const manifestText = await readFile(join(outDir, '.vite', 'manifest.json'), 'utf8');
      const manifest = JSON.parse(manifestText) as Record<string, ManifestChunk>;
      const files = precacheFiles(manifest, 'h5.html');
      const html = await readFile(join(outDir, 'h5.html'));
      const version = createHash('sha256').update(html).update(files.join('\n')).digest('hex').slice(0, 16);
      await build({
        entryPoints: [resolve(import.meta.dirname, 'src/h5/offline/service-worker.ts')],
        outfile: join(outDir, SW_SCRIPT.slice(1)),
        bundle: true,
        format: 'iife',
        target: 'es2020',
        minify: true,
        legalComments: 'none',
        logLevel: 'warning',
        define: {
          __H5_SW_VERSION__: JSON.stringify(version),
          __H5_SW_PRECACHE__: JSON.stringify(files),
        },
      });
    },
  };
}
