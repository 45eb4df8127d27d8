import { describe, expect, it } from 'vitest';
import { buildImportGraph, findCycles, specifiersOf, type ImportGraph } from './import-graph.ts';

function graphOf(edges: Record<string, string[]>): ImportGraph {
  const graph: ImportGraph = new Map();
  for (const [from, to] of Object.entries(edges)) {
    graph.set(from, new Set(to));
    for (const t of to) if (!graph.has(t)) graph.set(t, new Set());
  }
  return graph;
}

describe('the cycle finder', () => {
  it('finds no cycle in a tree or a diamond', () => {
    expect(findCycles(graphOf({ a: ['b', 'c'], b: ['d'], c: ['d'], d: [] }))).toEqual([]);
  });

  it('finds a two-file cycle, a longer one, a self-import, and reports each component once', () => {
    const cycles = findCycles(
      graphOf({
        a: ['b'],
        b: ['a', 'c'], // a ↔ b, and b leads on into a separate three-file loop
        c: ['d'],
        d: ['e'],
        e: ['c', 'x'],
        s: ['s'],
        x: [],
      }),
    );
    expect(cycles).toEqual([
      ['a', 'b', 'a'],
      ['c', 'd', 'e', 'c'],
      ['s', 's'],
    ]);
  });

  it('gives a shortest way round a larger component', () => {
    const [cycle] = findCycles(graphOf({ a: ['b', 'z'], b: ['c'], c: ['a'], z: ['a'] }));
    expect(cycle).toEqual(['a', 'z', 'a']);
  });

  it('reads every kind of import arrow, type-only ones too', () => {
    const text = [
      "import { a } from './a.ts';",
      "import type { B } from './b.ts';",
      "export { c } from './c.ts';",
      "export * from './d.ts';",
      "export type { E } from './e.ts';",
      "const f = () => import('./f.tsx');",
      "type G = import('./g.ts').G;",
      "import 'node:fs';",
    ].join('\n');
    expect(specifiersOf('x.tsx', text)).toEqual([
      './a.ts',
      './b.ts',
      './c.ts',
      './d.ts',
      './e.ts',
      './f.tsx',
      './g.ts',
      'node:fs',
    ]);
  });
});

describe('server/src, common and web/src import each other without cycles (docs/architecture.md, "Dependency rule")', () => {
  const { graph, unresolved } = buildImportGraph();

  it('reads the whole tree: every relative import names a file, and known arrows are present', () => {
    expect(unresolved).toEqual([]);
    expect(graph.size).toBeGreaterThan(300);
    expect(graph.get('server/src/app.ts')).toContain('server/src/composition.ts');
    expect(graph.get('web/src/main.tsx')?.size).toBeGreaterThan(0);
  });

  it('has no import cycle', () => {
    const cycles = findCycles(graph);
    expect(
      cycles.map((c) => c.join(' → ')),
      'each line is one cycle; break it by moving the shared part down a layer',
    ).toEqual([]);
  });
});
