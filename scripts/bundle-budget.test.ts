import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { measure, staticClosure } from './bundle-budget.ts';

const manifest = {
  'public.html': {
    file: 'assets/public.js',
    isEntry: true,
    imports: ['_react.js'],
    dynamicImports: ['src/phone/pin-map.ts'],
  },
  '_react.js': { file: 'assets/react.js' },
  'src/phone/pin-map.ts': { file: 'assets/pin-map.js', imports: ['_leaflet.js'] },
  '_leaflet.js': { file: 'assets/leaflet.js' },
};

describe('bundle budget', () => {
  it('counts an entry and its static imports, not what it loads later', () => {
    expect([...staticClosure(manifest, ['public.html'])].sort()).toEqual(['_react.js', 'public.html']);
  });

  it('fails a page that is missing from the manifest', () => {
    const dist = mkdtempSync(join(tmpdir(), 'budget-'));
    mkdirSync(join(dist, '.vite'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, '.vite', 'manifest.json'), JSON.stringify(manifest));
    for (const name of ['public', 'react', 'pin-map', 'leaflet'])
      writeFileSync(join(dist, 'assets', `${name}.js`), 'x'.repeat(1000));
    const rows = measure(dist);
    const citizen = rows.find((r) => r.page.startsWith('citizen'));
    expect(citizen).toMatchObject({ ok: true, chunks: 2 });
    expect(rows.find((r) => r.page.startsWith('inspector'))).toMatchObject({ ok: false });
  });
});
