/**
 * The searchable keys of a place name (docs/gazetteer.md, "Matching"): every substring of the name, of its full
 * pinyin starting at a syllable, and of its pinyin initials, each at most MAX_KEY characters. A query is then one
 * equality lookup: "大冶", "dayelu", "yelu", "dyl" and "yl" all find 大冶路. Polyphonic characters give every reading
 * (行 → xing and hang), as the catalog search does.
 */
import { polyphonic } from 'pinyin-pro';

export const MAX_KEY = 16;

export interface PlaceKey {
  key: string;
  /** 0 when the key starts the name */
  pos: number;
  /** 1 when the key is the whole name, full pinyin or initials */
  whole: number;
}

/** Lower case without spaces and the punctuation people type or omit at will (·, -, brackets). */
export function normalizeQuery(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s·•\-_()（）【】[\],，.。、]/gu, '');
}

const HAN = /\p{Script=Han}/u;

/** Per character, its distinct toneless readings (a non-Han character reads as itself). */
function readings(name: string): string[][] {
  const chars = [...name];
  const sets = polyphonic(name, { toneType: 'none', type: 'array' });
  return chars.map((ch, i) => {
    if (!HAN.test(ch)) return [ch];
    const options = (sets[i] ?? []).map((s) => s.toLowerCase().replace(/ü/g, 'v')).filter(Boolean);
    return options.length ? [...new Set(options)] : [ch];
  });
}

function add(out: Map<string, PlaceKey>, key: string, pos: number, whole: number) {
  if (!key) return;
  const was = out.get(key);
  if (!was) out.set(key, { key, pos, whole });
  else out.set(key, { key, pos: Math.min(was.pos, pos), whole: Math.max(was.whole, whole) });
}

/** Every substring of `text` of at most MAX_KEY characters. */
function substrings(out: Map<string, PlaceKey>, text: string) {
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    for (let j = i + 1; j <= Math.min(chars.length, i + MAX_KEY); j++) {
      add(out, chars.slice(i, j).join(''), i, i === 0 && j === chars.length ? 1 : 0);
    }
  }
}

/** Cartesian product of the readings, capped so a name of many polyphonic characters stays small. */
function spellings(sets: string[][], cap = 8): string[][] {
  let acc: string[][] = [[]];
  for (const options of sets) {
    const next: string[][] = [];
    for (const prefix of acc) for (const o of options) if (next.length < cap) next.push([...prefix, o]);
    acc = next;
  }
  return acc;
}

/** The keys of one name. */
export function placeKeys(name: string): PlaceKey[] {
  const text = normalizeQuery(name);
  const out = new Map<string, PlaceKey>();
  substrings(out, text);
  if (HAN.test(text)) {
    for (const syllables of spellings(readings(text))) {
      const initials = syllables.map((s) => s[0] ?? '').join('');
      substrings(out, initials);
      // Full pinyin from each syllable start, cut anywhere (the last syllable may be typed half way).
      const full = syllables.join('');
      let start = 0;
      syllables.forEach((s, i) => {
        for (let end = start + 1; end <= Math.min(full.length, start + MAX_KEY); end++) {
          add(out, full.slice(start, end), i, start === 0 && end === full.length ? 1 : 0);
        }
        start += s.length;
      });
    }
  }
  return [...out.values()];
}

/** The key a query looks up: normalised and cut to MAX_KEY (longer names still match on their first part). */
export const queryKey = (q: string) => [...normalizeQuery(q)].slice(0, MAX_KEY).join('');

/**
 * A query for a house number: "大冶路12号", "大冶路 12", "dyl12" → road part and number; null when the query does not
 * end in a number after some road text.
 */
export function houseQuery(q: string): { road: string; number: number } | null {
  const m = /^(.*?\D)(\d{1,5})号?$/u.exec(normalizeQuery(q));
  if (!m || !m[1] || !m[2]) return null;
  return { road: m[1], number: Number(m[2]) };
}
