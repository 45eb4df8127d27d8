import type { ReportFigure } from '../../../../common/contracts/reports.ts';
import type { YearbookFigureUse, YearbookSegment } from '../../../../common/contracts/yearbook.ts';
import { periodQuery, segmentsOf } from '../../../../common/domain/yearbook.ts';
import type { Locale } from '../../platform/messages.ts';
import { emptyValue, figureView, type DeclaredFigure, type ReportService } from '../reports/index.ts';
import { translate } from '../../platform/messages.ts';

export type FigureSource = Pick<ReportService, 'build' | 'declaredFigures' | 'sections'>;

/**
 * Resolves figure placeholders through the statistics report: one report per period the prose names, its sections'
 * figures by key; a declared figure whose section has nothing to say for the period stands at its empty value
 * (docs/yearbook.md, "Figures"). Nothing is cached between calls: every read shows today's records.
 */
export function figureResolver(reports: FigureSource, tenantId: string, locale: Locale, asked: readonly string[] = []) {
  const declared = reports.declaredFigures(tenantId).then((list) => {
    const map = new Map(list.map((f): [string, DeclaredFigure] => [f.key, f]));
    // a family member the prose names stands declared too (at its empty value when the section has nothing to say)
    for (const key of asked) {
      const d = map.has(key) ? undefined : reports.sections.declared(key);
      if (d) map.set(key, d);
    }
    return map;
  });
  const byPeriod = new Map<string, Promise<Map<string, ReportFigure>>>();
  const t = (key: string, params?: Record<string, unknown>) => translate(locale, key, params) ?? key;

  function periodFigures(period: string) {
    let p = byPeriod.get(period);
    if (!p) {
      p = reports.build(tenantId, { ...periodQuery(period), lang: locale }, undefined, asked).then(async (report) => {
        const out = new Map<string, ReportFigure>();
        for (const s of report.sections) for (const f of s.figures ?? []) out.set(f.key, f);
        for (const d of (await declared).values())
          if (!out.has(d.key)) out.set(d.key, figureView(t, report.period, d, emptyValue(d)));
        return out;
      });
      byPeriod.set(period, p);
    }
    return p;
  }

  return {
    declared: declared as Promise<ReadonlyMap<string, DeclaredFigure>>,
    periodFigures,
    async figure(key: string, period: string): Promise<ReportFigure | null> {
      return (await periodFigures(period)).get(key) ?? null;
    },
  };
}
export type FigureResolver = ReturnType<typeof figureResolver>;

/** The prose of a section, paragraph by paragraph (a line each), with each placeholder's text filled in. */
export async function resolveBody(
  body: string,
  resolver: FigureResolver,
  uses: Map<string, YearbookFigureUse>,
): Promise<YearbookSegment[][]> {
  const lines = body.split(/\r?\n/).filter((l) => l.trim() !== '');
  const out: YearbookSegment[][] = [];
  for (const line of lines) {
    const segs: YearbookSegment[] = [];
    for (const s of segmentsOf(line)) {
      if ('text' in s) {
        segs.push(s);
        continue;
      }
      const f = await resolver.figure(s.key, s.period);
      segs.push({ key: s.key, period: s.period, text: f?.text ?? '—' });
      if (!f) continue;
      const id = `${s.key}|${s.period}`;
      const use = uses.get(id);
      if (use) use.uses += 1;
      else uses.set(id, { ...f, period: s.period, uses: 1 });
    }
    out.push(segs);
  }
  return out;
}

/** The paragraph as one string (for the files). */
export const paragraphText = (segs: readonly YearbookSegment[]) => segs.map((s) => s.text).join('');
