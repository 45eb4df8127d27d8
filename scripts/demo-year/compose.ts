import type { DemoApi } from './api.ts';
import type { ManifestFigure } from './manifest.ts';

interface Figure {
  key: string;
  value: number | null;
  unit: string;
  text: string;
}
interface Section {
  id: string;
  heading: string;
}
interface YearbookDocument {
  id: string;
  year: number;
  sections: Section[];
  figures: (Figure & { period: string })[];
}

/** The heading of the section the script writes: the report's sentences with each figure bound live. */
export const SECTION_HEADING = '2023年工作总结数据（由记录生成）';

/**
 * A manifest sentence with its printed number replaced by the figure's placeholder; a number printed in a larger
 * unit (1.8127万户) becomes the figure in the key's own (18127户).
 */
export function bind(f: ManifestFigure, year: number): string {
  const placeholder = `{{${f.key}|${year}}}`;
  const printed = `${f.expected}${f.unit === '%' ? '%' : ''}`;
  // a figure printed in 万 or 公里 is not the number the key holds: the sentence keeps its words, the figure follows
  return !f.per && f.sentence.includes(printed)
    ? f.sentence.replace(printed, placeholder)
    : `${f.sentence}：${placeholder}`;
}

/**
 * Composes the year's 工作总结 as a leader would: the year's document (from the outline when it is new) and one
 * section whose prose is every keyed figure's sentence, then reads the document back with its figures resolved.
 */
export async function composeYear(api: DemoApi, year: number, manifest: readonly ManifestFigure[]) {
  const docs = await api.get<{ id: string; year: number }[]>('leader', '/api/yearbook/documents');
  const list = Array.isArray(docs) ? docs : (docs as { items: { id: string; year: number }[] }).items;
  const id =
    list.find((d) => d.year === year)?.id ??
    (await api.post<{ id: string }>('leader', '/api/yearbook/documents', { year })).id;
  const body = manifest
    .filter((f) => f.key)
    .map((f) => bind(f, year))
    .join('\n');
  const doc = await api.get<YearbookDocument>('leader', `/api/yearbook/documents/${id}`);
  const section = doc.sections.find((s) => s.heading === SECTION_HEADING);
  if (section)
    await api.put('leader', `/api/yearbook/documents/${id}/sections/${section.id}`, { heading: SECTION_HEADING, body });
  else
    await api.post('leader', `/api/yearbook/documents/${id}/sections`, {
      part: 'summary',
      heading: SECTION_HEADING,
      body,
    });
  return api.get<YearbookDocument>('leader', `/api/yearbook/documents/${id}`);
}

/** A figure's value in the unit the report prints it in: money in 元 or 万元, the rest as counted. */
export function printedValue(f: Pick<Figure, 'value' | 'unit'>): number | null {
  if (f.value === null) return null;
  if (f.unit === 'wanYuan') return f.value / 1_000_000;
  if (f.unit === 'yuan') return f.value / 100;
  return f.value;
}

export type Outcome = 'ok' | 'MISMATCH' | 'missing';
export interface Row {
  figure: ManifestFigure;
  got: number | null;
  outcome: Outcome;
}

/**
 * Each manifest figure against the composed document's figures: ok or MISMATCH when the figure has records behind
 * it (a loader), missing otherwise (the got value is still shown when the key exists).
 */
export function compare(manifest: readonly ManifestFigure[], figures: readonly Figure[]): Row[] {
  const byKey = new Map(figures.map((f) => [f.key, f]));
  return manifest.map((figure) => {
    const f = figure.key ? byKey.get(figure.key) : undefined;
    const value = f ? printedValue(f) : null;
    const got = value === null ? null : value / (figure.per ?? 1);
    if (!figure.loader) return { figure, got, outcome: 'missing' };
    return { figure, got, outcome: got !== null && Math.abs(got - figure.expected) < 1e-6 ? 'ok' : 'MISMATCH' };
  });
}

export function table(rows: readonly Row[]): string {
  const lines = rows.map((r) =>
    [
      r.outcome === 'missing' ? 'missing' : r.outcome,
      r.figure.key ?? '—',
      `${r.figure.expected}${r.figure.unit}`,
      r.got === null ? '—' : String(r.got),
      r.figure.sentence + (r.outcome === 'missing' ? `  (${r.figure.missing ?? ''})` : ''),
    ].join('\t'),
  );
  return ['outcome\tkey\texpected\tgot\tsentence', ...lines].join('\n');
}
