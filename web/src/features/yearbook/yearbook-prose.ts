/** Editing the prose of a section: where a placeholder goes and how a period is written (docs/yearbook.md). */

export type PeriodKind = 'year' | 'quarter' | 'month';

/** The period of a placeholder: `2023`, `2023-Q2` or `2023-03`. */
export function periodOf(year: number, kind: PeriodKind, n: number): string {
  if (kind === 'quarter') return `${year}-Q${n}`;
  if (kind === 'month') return `${year}-${String(n).padStart(2, '0')}`;
  return String(year);
}

export const placeholder = (key: string, period: string) => `{{${key}|${period}}}`;

/**
 * The body with `text` put at the cursor (replacing a selection), and where the cursor goes after it. A cursor
 * inside a placeholder moves to its end first, so an insertion never splits one and every binding stays whole.
 */
export function insertAt(body: string, start: number, end: number, text: string): { body: string; cursor: number } {
  let from = Math.max(0, Math.min(start, body.length));
  let to = Math.max(from, Math.min(end, body.length));
  for (const m of body.matchAll(/\{\{[^{}]*\}\}/g)) {
    const a = m.index;
    const b = a + m[0].length;
    if (from > a && from < b) from = b;
    if (to > a && to < b) to = b;
  }
  to = Math.max(from, to);
  return { body: body.slice(0, from) + text + body.slice(to), cursor: from + text.length };
}

/** A figure matches a search by its label or its key, ignoring case and spaces. */
export function figureMatches(f: { key: string; label: string }, q: string): boolean {
  const term = q.replace(/\s+/g, '').toLowerCase();
  if (!term) return true;
  return f.label.replace(/\s+/g, '').toLowerCase().includes(term) || f.key.toLowerCase().includes(term);
}
