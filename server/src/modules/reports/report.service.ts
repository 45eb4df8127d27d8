import type { KeyFigures, KeyFiguresQuery } from '../../../../common/contracts/key-figures.ts';
import type { ReportQuery, StatReport } from '../../../../common/contracts/reports.ts';
import { zeroCounts, type KpiCounts, type KpiPeriod } from '../../../../common/domain/kpi.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import { forbidden } from '../../platform/errors.ts';
import { translate, type Locale } from '../../platform/messages.ts';
import { requirePermission, scopeOf, type Actor } from '../auth/index.ts';
import { periodOf, type KpiService } from '../kpi/index.ts';
import { CORE_SECTIONS } from './report-core-sections.ts';
import { reportDocx, reportXlsx, type ChangeLabels } from './report-files.ts';
import { keyFigures } from './report-series.ts';
import { familyMemberOf } from './report-figures.ts';
import { ReportRegistry, type ReportContext, type ReportSection } from './report-section.ts';
import { orgNames, tenantColumns } from '../org/index.ts';
import { DEFAULT_TIME_ZONE, zonedDateTime } from '../../../../common/domain/zoned-time.ts';
import { percentText } from '../../../../common/domain/number-format.ts';
import { catalogLookups } from '../catalog/index.ts';
import { comparisonOf } from '../../../../common/domain/period-compare.ts';
import { zonedDate } from '../../../../common/domain/zoned-time.ts';

/** The statistics report: sections from the registry, rendered as JSON, .docx or .xlsx. */
/** `extra`: the sections business modules contribute (wired in app.ts), or `reports.sections.register(...)` later. */
export function createReportService(
  database: Database,
  clock: Clock,
  kpi: KpiService,
  extra: readonly ReportSection[] = [],
) {
  const { db } = database;
  const sections = new ReportRegistry();
  for (const s of [...CORE_SECTIONS, ...extra]) sections.register(s);

  function periodText(p: KpiPeriod, t: ReportContext['t']): string {
    const [year, month] = p.from.split('-');
    if (p.kind === 'month') return t('report.periodMonth', { year, month: Number(month) });
    if (p.kind === 'quarter') return t('report.periodQuarter', { year, quarter: p.label.slice(-1) });
    if (p.kind === 'year') return t('report.periodYear', { year });
    return t('report.periodCustom', { from: p.from, to: p.to });
  }

  async function names(tenantId: string, dim: 'street' | 'unit' | 'major' | 'community'): Promise<Map<string, string>> {
    if (dim === 'unit') return orgNames.activeUnitNames(db, tenantId);
    if (dim === 'major') return catalogLookups.majorNames(db, tenantId);
    return orgNames.regionNamesOfKinds(db, tenantId, dim === 'street' ? ['street', 'town'] : ['community']);
  }

  /**
   * Builds the report for a tenant (no permission check: the bench and scheduled exports use it). `only` keeps the
   * sections whose key it accepts: a reader of a few figures (a plan target's progress) builds just their sections.
   * `asked`: figure keys the reader will look up, so the sections compute the family members among them.
   */
  async function build(
    tenantId: string,
    q: ReportQuery,
    only?: (sectionKey: string) => boolean,
    asked: readonly string[] = [],
  ): Promise<StatReport> {
    const period = periodOf(q);
    const locale: Locale = q.lang ?? 'zh-CN';
    const t = (key: string, params?: Record<string, unknown>) => translate(locale, key, params) ?? key;
    const tenant = await tenantColumns(db, tenantId, ['name', 'timezone']);
    const settings = await kpi.loadSettings(tenantId);
    const memo = new Map<string, Promise<unknown>>();
    const once = <T>(key: string, f: () => Promise<T>): Promise<T> => {
      if (!memo.has(key)) memo.set(key, f());
      return memo.get(key) as Promise<T>;
    };
    const now = clock.now();
    const ranges = () => comparisonOf(period.kind, period, zonedDate(now, tenant?.timezone || DEFAULT_TIME_ZONE));
    const ctx: ReportContext = {
      tenantId,
      tenantName: tenant?.name ?? '',
      period,
      periodText: '',
      locale,
      now,
      db,
      options: settings.options,
      t,
      pct: (v) => (v === null || !Number.isFinite(v) ? t('report.percentNoData') : percentText(v)),
      totals: () => once('all', async () => (await kpi.sumsBy(tenantId, 'all', period)).get('') ?? zeroCounts()),
      by: (dim) => once<Map<string, KpiCounts>>(`by:${dim}`, () => kpi.sumsBy(tenantId, dim, period)),
      names: (dim) => once(`names:${dim}`, () => names(tenantId, dim)),
      asked: (section, family) => [
        ...new Set(asked.map((k) => familyMemberOf(section, family, k)?.member).filter((m): m is string => !!m)),
      ],
      compared: () =>
        once('compared', async () => {
          const c = ranges();
          const total = async (r: { from: string; to: string }) =>
            (await kpi.sumsBy(tenantId, 'all', { ...period, ...r })).get('') ?? zeroCounts();
          const [previous, lastYear] = await Promise.all([total(c.previous), total(c.lastYear)]);
          return { ranges: { previous: c.previous, lastYear: c.lastYear }, previous, lastYear };
        }),
      comparedBy: (dim) =>
        once(`comparedBy:${dim}`, async () => {
          const c = ranges();
          const [previous, lastYear] = await Promise.all([
            kpi.sumsBy(tenantId, dim, { ...period, ...c.previous }),
            kpi.sumsBy(tenantId, dim, { ...period, ...c.lastYear }),
          ]);
          return { previous, lastYear };
        }),
    };
    ctx.periodText = periodText(period, t);
    const built = [];
    for (const s of sections.list()) {
      if (only && !only(s.key)) continue;
      const view = await s.build(ctx);
      if (view) built.push(view);
    }
    const totals = await ctx.totals();
    return {
      title: t('report.title', { tenant: ctx.tenantName, period: ctx.periodText }),
      tenantName: ctx.tenantName,
      period,
      generatedAt: now.toISOString(),
      timeZone: tenant?.timezone || DEFAULT_TIME_ZONE,
      noData: totals.reported === 0 && totals.filed === 0,
      sections: built,
    };
  }

  function authorize(actor: Actor) {
    requirePermission(actor, 'report.read');
    // The report is the whole bureau's: a unit- or region-bound grant reads its own figures on the KPI pages.
    if (!scopeOf(actor, 'report.read').all) throw forbidden('report.read');
  }

  const translator = (q: ReportQuery) => (key: string, params?: Record<string, unknown>) =>
    translate(q.lang ?? 'zh-CN', key, params) ?? key;
  const changeLabels = (q: ReportQuery): ChangeLabels => ({
    previousChange: translator(q)('analysis.report.cols.previousChange'),
    lastYearChange: translator(q)('analysis.report.cols.lastYearChange'),
    sep: (q.lang ?? 'zh-CN') === 'zh-CN' ? '' : ' ',
  });
  return {
    sections,
    build,
    /** Every figure key a 工作总结 or a target may bind to for the tenant (fixed and from its own data). */
    declaredFigures: (tenantId: string) => sections.figuresFor(db, tenantId),
    async json(actor: Actor, q: ReportQuery): Promise<StatReport> {
      authorize(actor);
      return build(actor.tenantId, q);
    },
    async docx(actor: Actor, q: ReportQuery): Promise<{ name: string; body: Buffer }> {
      authorize(actor);
      const report = await build(actor.tenantId, q);
      const t = translator(q);
      return {
        name: `report-${report.period.label}`,
        body: await reportDocx(
          report,
          t('report.generatedAt', { at: zonedDateTime(report.generatedAt, report.timeZone) }),
          changeLabels(q),
        ),
      };
    },
    /** The year's figures per section with their months, for the leader's key-figures page. */
    async keyFigures(actor: Actor, q: KeyFiguresQuery): Promise<KeyFigures> {
      authorize(actor);
      return keyFigures(
        build,
        await sections.figuresFor(db, actor.tenantId),
        actor.tenantId,
        q.year,
        q.lang ?? 'zh-CN',
      );
    },
    async xlsx(actor: Actor, q: ReportQuery): Promise<{ name: string; body: Buffer }> {
      authorize(actor);
      const report = await build(actor.tenantId, q);
      return { name: `report-${report.period.label}`, body: await reportXlsx(report, changeLabels(q)) };
    },
  };
}
export type ReportService = ReturnType<typeof createReportService>;
