/**
 * The national GB/T 47678.5-2026 catalog (153 部件, 250 事项), loaded from `data/gbt47678-5-catalog.csv`
 * (transcribed from a public implementation: docs/standards.md, "Catalog: classes and codes"), with old codes
 * ("Old to new codes") and pinyin computed once per entry for search.
 */
import { readFileSync } from 'node:fs';
import { pinyin } from 'pinyin-pro';
import {
  CATALOG_KINDS,
  majorClassName,
  type CatalogEntry,
  type CatalogKind,
} from '../../../../common/domain/catalog.ts';
import { checkCatalogCode, newToOldCode } from './catalog-codes.ts';
import { parseCsv } from '../../platform/csv.ts';

const CATALOG_FILE = new URL('./data/gbt47678-5-catalog.csv', import.meta.url);
const HEADER = ['kind', 'major_code', 'major_name', 'code', 'name'] as const;

const PUNCTUATION = /[^\p{Script=Han}\p{L}\p{N}]/u;

/**
 * Pinyin keys of a name from pinyin-pro's context-aware reading: 占道经营 → { initials: 'zdjy', full:
 * 'zhandaojingying' }. Letters and digits are kept as they are (lower-cased); punctuation such as （ ） is dropped.
 * ü is written v, as people type it (绿地 → lvdi).
 */
export function pinyinKeys(name: string): { initials: string; full: string } {
  const chars = Array.from(name);
  const syllables = pinyin(name, { type: 'array', toneType: 'none', v: true });
  let initials = '';
  let full = '';
  chars.forEach((ch, i) => {
    if (PUNCTUATION.test(ch)) return;
    const syllable = (syllables[i] ?? ch).toLowerCase();
    initials += syllable.charAt(0);
    full += syllable;
  });
  return { initials, full };
}

export interface NewCatalogEntry {
  kind: CatalogKind;
  code: string;
  name: string;
  source?: CatalogEntry['source'];
}

/** Builds a complete entry (major name, old code, pinyin) for a national or local code; throws on a bad code. */
export function makeCatalogEntry(input: NewCatalogEntry): CatalogEntry {
  const check = checkCatalogCode(input.kind, input.code);
  if (!check.ok) throw new Error(check.message);
  const name = input.name.trim();
  if (name === '') throw new Error(`分类「${input.code}」缺少名称`);
  const majorCode = input.code.slice(0, 2);
  const keys = pinyinKeys(name);
  return {
    kind: input.kind,
    code: input.code,
    name,
    majorCode,
    majorName: majorClassName(input.kind, majorCode) ?? '',
    oldCode: newToOldCode(input.kind, input.code),
    pinyinInitials: keys.initials,
    pinyin: keys.full,
    source: input.source ?? 'national',
  };
}

/** Parses the catalog CSV text and checks every row against the closed vocabularies; throws on bad data. */
export function parseCatalogCsv(text: string): CatalogEntry[] {
  const [header, ...rows] = parseCsv(text);
  if (!header || HEADER.some((col, i) => header[i]?.trim() !== col)) {
    throw new Error(`catalog CSV: header must be ${HEADER.join(',')}`);
  }
  return rows.map((cells, i) => {
    const line = i + 2;
    const [kind, majorCode, majorName, code, name] = cells.map((c) => c.trim());
    if (cells.length !== HEADER.length || !CATALOG_KINDS.some((k) => k === kind)) {
      throw new Error(`catalog CSV line ${line}: expected 5 fields and kind component|matter`);
    }
    const entry = makeCatalogEntry({ kind: kind as CatalogKind, code: code ?? '', name: name ?? '' });
    if (entry.majorCode !== majorCode || entry.majorName !== majorName) {
      throw new Error(`catalog CSV line ${line}: major class ${majorCode} ${majorName} does not match code ${code}`);
    }
    return entry;
  });
}

let cached: readonly CatalogEntry[] | undefined;

/** The national catalog, read and parsed once per process. Returns fresh copies so callers may not corrupt it. */
export function loadNationalCatalog(): CatalogEntry[] {
  cached ??= Object.freeze(parseCatalogCsv(readFileSync(CATALOG_FILE, 'utf8')));
  return cached.map((entry) => ({ ...entry }));
}
