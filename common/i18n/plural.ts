/**
 * ICU MessageFormat plural arguments, the subset our catalogs use:
 * `{count, plural, =0 {no cases} one {# case} other {# cases}}`. `#` in a branch is the number; branches may hold
 * ordinary `{name}` placeholders. Categories come from Intl.PluralRules (Node and every current browser), so
 * Chinese (one category, `other`) and English need no code of their own. Anything that is not a well-formed plural
 * argument is left as it is for the ordinary placeholder step.
 */

const rulesCache = new Map<string, Intl.PluralRules>();
function rulesFor(locale: string): Intl.PluralRules {
  let rules = rulesCache.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    rulesCache.set(locale, rules);
  }
  return rules;
}

/** Index just past the `}` that closes the `{` at `open`, or -1 when unbalanced. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i + 1;
  }
  return -1;
}

/** `=0 {…} one {…} other {…}` → selector → branch text; null when malformed or without `other`. */
function branches(body: string): Map<string, string> | null {
  const out = new Map<string, string>();
  let i = 0;
  while (i < body.length) {
    const m = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/.exec(body.slice(i));
    if (!m) return /^\s*$/.test(body.slice(i)) && out.has('other') ? out : null;
    const open = i + m[0].length - 1;
    const end = closing(body, open);
    if (end < 0) return null;
    out.set(m[1]!, body.slice(open + 1, end - 1));
    i = end;
  }
  return out.has('other') ? out : null;
}

export function formatPlurals(text: string, locale: string, params: Record<string, unknown> | undefined): string {
  if (!text.includes(', plural,') && !text.includes(',plural,')) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const head = /\{\s*(\w+)\s*,\s*plural\s*,/y;
    head.lastIndex = i;
    const m = text[i] === '{' ? head.exec(text) : null;
    const end = m ? closing(text, i) : -1;
    const value = m ? params?.[m[1]!] : undefined;
    const n =
      typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
    const options = m && end > 0 ? branches(text.slice(i + m[0].length, end - 1)) : null;
    if (!m || !options || value === undefined || value === null) {
      out += text[i];
      i++;
      continue;
    }
    // A value that is not a number (a dash for "no data") reads with the `other` branch.
    const branch = Number.isFinite(n)
      ? (options.get(`=${n}`) ?? options.get(rulesFor(locale).select(n)) ?? options.get('other')!)
      : options.get('other')!;
    out += branch.replace(/#/g, String(value));
    i = end;
  }
  return out;
}
