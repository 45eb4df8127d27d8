/**
 * Character grams for 1–2 character searches (docs/conventions.md, "Search"): a trigram index cannot answer 垃圾 or
 * 井盖, so case text is also indexed by its single characters and character pairs. Only letters and digits form
 * grams (spaces and punctuation separate words); ASCII is folded to lower case, as SQLite's `ascii` tokenizer and
 * the PostgreSQL gram function (migration 0030) do, so the three sides agree. Pure, isomorphic.
 */
const GRAM_CHAR = /^[\p{L}\p{N}]$/u;

const foldAscii = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** The distinct 1- and 2-character grams of `text`, space-separated for an FTS5 `ascii` column. */
export function searchGrams(text: string): string {
  const chars = [...foldAscii(text)];
  const out = new Set<string>();
  for (let i = 0; i < chars.length; i++) {
    const a = chars[i] as string;
    if (!GRAM_CHAR.test(a)) continue;
    out.add(a);
    const b = chars[i + 1];
    if (b !== undefined && GRAM_CHAR.test(b)) out.add(a + b);
  }
  return [...out].join(' ');
}

/** A search term the gram index answers (1 or 2 letters or digits), folded; null for anything else. */
export function gramTerm(term: string): string | null {
  const chars = [...term];
  if (chars.length < 1 || chars.length > 2 || !chars.every((c) => GRAM_CHAR.test(c))) return null;
  return foldAscii(term);
}
