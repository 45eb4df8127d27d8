import type { ReportSectionView } from '../../../../common/contracts/reports.ts';
import type { KpiCounts, KpiOptions, KpiPeriod } from '../../../../common/domain/kpi.ts';
import type { Db } from '../../platform/db.ts';
import type { Locale } from '../../platform/messages.ts';
import {
  familyDeclared,
  familyMemberOf,
  type DeclaredFigure,
  type ReportFigureFamily,
  type ReportFigureSpec,
} from './report-figures.ts';

/**
 * The one interface through which a business module adds its part to the statistics report: 市容执法,
 * 查违控违, 户外广告, 环卫, 燃气, 信访, 审批 each register a ReportSection; the report (JSON, .docx, .xlsx) is the
 * ordered list of sections that answer for the period. A section returns null when it has nothing to say.
 *
 *   reports.sections.register({ key: 'petition', order: 800, build: async (ctx) => ({ key: 'petition', title: …,
 *     paragraphs: [`共处理各类投诉${n}件，办结率${ctx.pct(rate)}`], tables: [] }) });
 */
export interface ReportSection {
  /** stable key: 'overview', 'channels', … 'enforcement', 'petition', 'approval' */
  key: string;
  /** position in the report; core sections use 100–700, business modules 800+ */
  order: number;
  build(ctx: ReportContext): Promise<ReportSectionView | null>;
  /** the figures its views carry (`sectionFigures`), declared so a 工作总结 can bind to them in any period */
  figures?: readonly ReportFigureSpec[];
  /**
   * Figures that follow the tenant's own data (one per asset type of a register, docs/assets.md, "Figures"): declared
   * like `figures`, but read per tenant.
   */
  tenantFigures?(db: Db, tenantId: string): Promise<readonly ReportFigureSpec[]>;
  /** families of figures over members the records define (report-figures.ts, `ReportFigureFamily`) */
  figureFamilies?: readonly ReportFigureFamily[];
}

export interface ReportContext {
  tenantId: string;
  tenantName: string;
  period: KpiPeriod;
  /** the period in words, e.g. 2024年3月 */
  periodText: string;
  locale: Locale;
  now: Date;
  db: Db;
  options: KpiOptions;
  /** translated text with {params}; numbers are formatted by the caller */
  t(key: string, params?: Record<string, unknown>): string;
  /** a percentage with one decimal and '%', or the 'no data' wording: never NaN */
  pct(value: number | null): string;
  /** the case figures of the period (memoised): the tenant total and Σ per roll-up dimension member */
  totals(): Promise<KpiCounts>;
  by(dim: 'street' | 'unit' | 'channel' | 'major' | 'community'): Promise<Map<string, KpiCounts>>;
  /** the tenant totals of the 环比 and 同比 ranges (docs/analysis.md, "Comparison periods"), memoised */
  compared(): Promise<{
    ranges: { previous: { from: string; to: string }; lastYear: { from: string; to: string } };
    previous: KpiCounts;
    lastYear: KpiCounts;
  }>;
  /** Σ per roll-up dimension member over the 环比 and 同比 ranges, memoised */
  comparedBy(
    dim: 'street' | 'unit' | 'channel' | 'major' | 'community',
  ): Promise<{ previous: Map<string, KpiCounts>; lastYear: Map<string, KpiCounts> }>;
  names(dim: 'street' | 'unit' | 'major' | 'community'): Promise<Map<string, string>>;
  /** the members of a family of this section that the reader of the report asked for (a 工作总结's placeholders) */
  asked(section: string, family: ReportFigureFamily): string[];
}

export class ReportRegistry {
  private readonly sections = new Map<string, ReportSection>();

  /** Adds a section; a second registration under the same key replaces the first (a module reloaded). */
  register(section: ReportSection): void {
    this.sections.set(section.key, section);
  }

  /** Every declared figure of every section, in report order. */
  figures(): DeclaredFigure[] {
    return this.list().flatMap((s) =>
      (s.figures ?? []).map((f) => ({ ...f, section: s.key, key: `${s.key}.${f.name}` })),
    );
  }

  /** Every declared figure for one tenant: the fixed ones and those of the tenant's own data, in report order. */
  async figuresFor(db: Db, tenantId: string): Promise<DeclaredFigure[]> {
    const out: DeclaredFigure[] = [];
    for (const s of this.list()) {
      const specs = [...(s.figures ?? []), ...((await s.tenantFigures?.(db, tenantId)) ?? [])];
      out.push(...specs.map((f) => ({ ...f, section: s.key, key: `${s.key}.${f.name}` })));
    }
    return out;
  }

  /** The declaration of a key: a section's own figure or a member of one of its families; undefined when unknown. */
  declared(key: string): DeclaredFigure | undefined {
    const own = this.figures().find((f) => f.key === key);
    if (own) return own;
    for (const s of this.list())
      for (const family of s.figureFamilies ?? []) {
        const m = familyMemberOf(s.key, family, key);
        if (m) return familyDeclared(s.key, family, m.member, m.spec);
      }
    return undefined;
  }

  list(): ReportSection[] {
    return [...this.sections.values()].sort((a, b) => a.order - b.order || a.key.localeCompare(b.key));
  }
}
