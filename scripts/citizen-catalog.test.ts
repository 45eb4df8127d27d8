import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CITIZEN_PARTS } from '../common/i18n/citizen.ts';
import { zhCN } from '../common/i18n/zh-CN.ts';
import { buildImportGraph, ROOT, type ImportGraph } from './import-graph.ts';

/** Every project file `entry` reaches through its imports (static and dynamic), the entry included. */
function reachable(graph: ImportGraph, entry: string): string[] {
  const seen = new Set([entry]);
  const queue = [entry];
  for (let file = queue.pop(); file !== undefined; file = queue.pop())
    for (const next of graph.get(file) ?? [])
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
  return [...seen].sort();
}

const TOP_LEVEL = new Set(Object.keys(zhCN));

/** `file: part` for each message key a file names whose top-level part (`public`, `cases` …) is not in `parts`. */
function keysOutside(files: string[], parts: readonly string[]): string[] {
  const out: string[] = [];
  for (const file of files) {
    // Keys are named where the page renders them; common/ holds data whose dotted words are not keys
    // (permissions such as 'org.read', and the catalogs themselves).
    if (!file.startsWith('web/src/')) continue;
    const text = readFileSync(join(ROOT, file), 'utf8');
    for (const [, part] of text.matchAll(/['"`]([A-Za-z0-9]+)\.[A-Za-z_$]/g))
      if (part && TOP_LEVEL.has(part) && !parts.includes(part)) out.push(`${file}: ${part}`);
  }
  return [...new Set(out)];
}

describe('the citizen page registers every catalog part it shows', () => {
  const { graph } = buildImportGraph();

  it('finds no message key outside common/i18n/citizen.ts in the files the citizen page imports', () => {
    const files = reachable(graph, 'web/src/main-public.tsx');
    expect(files).toContain('web/src/public/report/ReportPage.tsx');
    expect(keysOutside(files, CITIZEN_PARTS)).toEqual([]);
  });

  it('would notice: the console uses parts the citizen page leaves out', () => {
    const console = keysOutside(reachable(graph, 'web/src/main.tsx'), CITIZEN_PARTS);
    expect(console.some((hit) => hit.endsWith(': cases'))).toBe(true);
  });
});
