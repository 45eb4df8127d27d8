/**
 * Where a .cpuprofile's time goes: self time by function and by file (node_modules packages folded into one line
 * each), as a share of the sampled time, over the last `seconds` of the profile (the measured phase, not the start):
 * `node --import tsx bench/lib/profile-summary.ts <file.cpuprofile> [top] [seconds]`
 */
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
const [file, topArg, lastArg] = process.argv.slice(2);
if (!file) throw new Error('usage: profile-summary.ts <file.cpuprofile> [top]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const at: number[] = [];
let t = 0;
for (const d of profile.timeDeltas) at.push((t += d));
const from = t - Number(lastArg ?? Infinity) * 1e6;
const hits = new Map<number, number>();
let total = 0;
profile.samples.forEach((s, i) => {
  if ((at[i] ?? 0) < from) return;
  const node = byId.get(s);
  if (node?.callFrame.functionName === '(idle)') return;
  hits.set(s, (hits.get(s) ?? 0) + 1);
  total++;
});
console.log(`${total} busy samples`);
const place = (url: string) => {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return `[${m[1]}]`;
  return url.replace(/^file:\/\/.*?\/(server|common|bench)\//, '$1/') || '(native)';
};
const fn = new Map<string, number>();
const files = new Map<string, number>();
for (const [id, n] of hits) {
  const node = byId.get(id);
  if (!node) continue;
  const f = node.callFrame;
  const key = `${f.functionName || '(anonymous)'}  ${place(f.url)}:${f.lineNumber + 1}`;
  fn.set(key, (fn.get(key) ?? 0) + n);
  files.set(place(f.url), (files.get(place(f.url)) ?? 0) + n);
}
const top = Number(topArg ?? 30);
const show = (title: string, m: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [k, n] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`${((100 * n) / total).toFixed(1).padStart(5)} %  ${k}`);
};
show('self time by file / package', files);
show('self time by function', fn);
