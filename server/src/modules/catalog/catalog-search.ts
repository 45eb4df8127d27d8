/**
 * In-memory search over catalog entries (403 national + a few local ones: a scan is instant, no index needed).
 * Finds by 5-digit code, code prefix, old 4-digit code, Chinese name (any substring, 1+ characters — 垃圾 and 井盖
 * are common 2-character queries, docs/conventions.md, "Search"), pinyin initials (zdjy → 占道经营) and full pinyin.
 * Polyphonic characters match on every reading (行道树: xds or hds), computed once per entry by pinyin-pro.
 */
import { polyphonic } from 'pinyin-pro';
import type { CatalogEntry, CatalogKind } from '../../../../common/domain/catalog.ts';

/** Match kinds in rank order: a lower index ranks first. */
export const MATCH_RANKS = [
  'code', // exact 5-digit code
  'oldCode', // exact old 4-digit code (docs/standards.md, "Old to new codes")
  'codePrefix',
  'name', // exact name
  'namePrefix',
  'initials', // pinyin initials from the first character: zdjy
  'pinyin', // full pinyin from the first character: zhandao
  'nameSubstring',
  'initialsInfix', // initials from a later character: jg → 供水井盖
  'pinyinInfix', // full pinyin from a later character: jinggai → 供水井盖
] as const;
export type MatchKind = (typeof MATCH_RANKS)[number];

export interface CatalogSearchHit {
  entry: CatalogEntry;
  match: MatchKind;
}

export interface CatalogSearchOptions {
  kind?: CatalogKind;
  majorCode?: string;
  /** Default 20. */
  limit?: number;
}

export interface CatalogSearch {
  search(query: string, options?: CatalogSearchOptions): CatalogSearchHit[];
}

interface Indexed {
  entry: CatalogEntry;
  /** NFKC, lower-case name for substring matching. */
  name: string;
  /** Per searchable character: every initial letter of every reading. */
  initialSets: string[][];
  /** Per searchable character: every toneless reading. */
  syllableSets: string[][];
}

const PUNCTUATION = /[^\p{L}\p{N}]/u;
const normalize = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

function indexEntry(entry: CatalogEntry): Indexed {
  const readings = polyphonic(entry.name, { type: 'array', toneType: 'none', v: true });
  const initialSets: string[][] = [];
  const syllableSets: string[][] = [];
  Array.from(entry.name).forEach((ch, i) => {
    if (PUNCTUATION.test(ch)) return;
    const syllables = [...new Set((readings[i] ?? [ch]).map((r) => r.toLowerCase()))];
    syllableSets.push(syllables);
    initialSets.push([...new Set(syllables.map((s) => s.charAt(0)))]);
  });
  return { entry, name: normalize(entry.name), initialSets, syllableSets };
}

/** Does `q` read as initials of the characters starting at `start`? */
function initialsAt(sets: string[][], q: string, start: number): boolean {
  if (start + q.length > sets.length) return false;
  for (let j = 0; j < q.length; j += 1) {
    if (!sets[start + j]?.includes(q.charAt(j))) return false;
  }
  return true;
}

/** Does `q` read as full syllables of the characters starting at `pos`, the last one possibly cut short? */
function pinyinAt(sets: string[][], q: string, pos: number, qi = 0): boolean {
  if (qi === q.length) return true;
  const options = sets[pos];
  if (!options) return false;
  const rest = q.slice(qi);
  return options.some((s) => (rest.startsWith(s) ? pinyinAt(sets, q, pos + 1, qi + s.length) : s.startsWith(rest)));
}

function matchOne(item: Indexed, q: string): MatchKind | null {
  const { entry } = item;
  if (/^\d+$/.test(q)) {
    if (entry.code === q) return 'code';
    if (entry.oldCode === q) return 'oldCode';
    if (entry.code.startsWith(q)) return 'codePrefix';
  }
  if (item.name === q) return 'name';
  if (item.name.startsWith(q)) return 'namePrefix';
  const latin = /^[a-z]+$/.test(q);
  if (latin && initialsAt(item.initialSets, q, 0)) return 'initials';
  if (latin && q.length > 1 && pinyinAt(item.syllableSets, q, 0)) return 'pinyin';
  if (item.name.includes(q)) return 'nameSubstring';
  if (!latin) return null;
  for (let start = 1; start < item.initialSets.length; start += 1) {
    if (initialsAt(item.initialSets, q, start)) return 'initialsInfix';
  }
  if (q.length > 1) {
    for (let start = 1; start < item.syllableSets.length; start += 1) {
      if (pinyinAt(item.syllableSets, q, start)) return 'pinyinInfix';
    }
  }
  return null;
}

const RANK = new Map<MatchKind, number>(MATCH_RANKS.map((m, i) => [m, i]));
/**
 * A name containing the term ranks with the names starting with it: a Chinese compound names its kind last (暴露垃圾 is
 * a kind of 垃圾), so a prefix says no more than a match further in. Among them the term covering more of the name (the
 * shorter name) comes first, then the prefix.
 */
const rankOf = (m: MatchKind) => RANK.get(m === 'nameSubstring' ? 'namePrefix' : m) ?? 0;

/**
 * Builds the search once for a set of entries (national catalog plus local extensions). Ranking: match kind
 * (MATCH_RANKS, a substring of the name counting as a prefix), then shorter name, then prefix before substring, then
 * code, then components before matters.
 */
export function createCatalogSearch(entries: readonly CatalogEntry[]): CatalogSearch {
  const items = entries.map(indexEntry);
  return {
    search(query, options = {}) {
      // Spaces and apostrophes separate syllables when people type pinyin (zhan'dao jing).
      const q = normalize(query).replace(/'/g, '');
      if (q === '') return [];
      const limit = options.limit ?? 20;
      const hits: CatalogSearchHit[] = [];
      for (const item of items) {
        if (options.kind && item.entry.kind !== options.kind) continue;
        if (options.majorCode && item.entry.majorCode !== options.majorCode) continue;
        const match = matchOne(item, q);
        if (match) hits.push({ entry: item.entry, match });
      }
      hits.sort(
        (a, b) =>
          rankOf(a.match) - rankOf(b.match) ||
          Array.from(a.entry.name).length - Array.from(b.entry.name).length ||
          (RANK.get(a.match) ?? 0) - (RANK.get(b.match) ?? 0) ||
          a.entry.code.localeCompare(b.entry.code) ||
          (a.entry.kind === b.entry.kind ? 0 : a.entry.kind === 'component' ? -1 : 1),
      );
      return hits.slice(0, Math.max(0, limit));
    },
  };
}
