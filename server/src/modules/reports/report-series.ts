import type { KeyFigureLine, KeyFigures } from '../../../../common/contracts/key-figures.ts';
import type { ReportFigure, ReportQuery, StatReport } from '../../../../common/contracts/reports.ts';
import { zonedDate } from '../../../../common/domain/zoned-time.ts';
import { emptyValue, type DeclaredFigure } from './report-figures.ts';

type Build = (tenantId: string, q: ReportQuery) => Promise<StatReport>;

const figuresOf = (report: StatReport) =>
  new Map(report.sections.flatMap((s) => s.figures ?? []).map((f): [string, ReportFigure] => [f.key, f]));

/**
 * The year's figures per section with a value for every month (docs/yearbook.md, "Key figures"): the year's report
 * gives the lines (a section that has nothing to say for the year has no line) and each month's report the points;
 * a section silent in a month stands at its empty value there, as in the 工作总结. Months after today are null and
 * not built. The reports are built one after another: on SQLite they share one connection anyway.
 */
export async function keyFigures(
  build: Build,
  declared: readonly DeclaredFigure[],
  tenantId: string,
  year: number,
  lang: 'zh-CN' | 'en',
): Promise<KeyFigures> {
  const report = await build(tenantId, { period: 'year', at: String(year), lang });
  const today = zonedDate(report.generatedAt, report.timeZone).slice(0, 7);
  const byKey = new Map(declared.map((d) => [d.key, d]));
  const months: (Map<string, ReportFigure> | null)[] = [];
  for (let m = 1; m <= 12; m++) {
    const at = `${year}-${String(m).padStart(2, '0')}`;
    months.push(at > today ? null : figuresOf(await build(tenantId, { period: 'month', at, lang })));
  }
  const lines: KeyFigureLine[] = [];
  for (const section of report.sections) {
    if (!section.figures?.length) continue;
    lines.push({
      key: section.key,
      title: section.title,
      figures: section.figures.map((f) => {
        const d = byKey.get(f.key);
        return {
          ...f,
          months: months.map((m) => {
            if (!m) return null;
            const v = m.get(f.key);
            return v ? v.value : d ? emptyValue(d) : null;
          }),
        };
      }),
    });
  }
  const last = `${year}-12`;
  return { year, through: last < today ? last : today, lines };
}
