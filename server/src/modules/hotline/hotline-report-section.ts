import { HOTLINE_SOURCES } from '../../../../common/contracts/hotline.ts';
import { ratePct } from '../../../../common/domain/approvals.ts';
import { zonedDate } from '../../../../common/domain/zoned-time.ts';
import {
  familyFigures,
  sectionFigures,
  type ReportContext,
  type ReportFigureFamily,
  type ReportFigureSpec,
  type ReportSection,
} from '../reports/index.ts';
import { ordersForReport } from './hotline.repository.ts';

/**
 * 信访投诉 in the statistics report, in the bureau's words: 「共处理各类投诉594件，其中“民情通”统一诉求平台297件、
 * 阳光信访平台7件……处理油烟噪音信访投诉184起，处理率、回复率、满意率均达100%」, over the work orders received in
 * the period, in total, by source and by matter class (docs/hotline.md, "Figures").
 */
const COUNTS = ['received', 'converted', 'handled', 'replied', 'rated', 'satisfied'] as const;
const RATES = ['handleRate', 'replyRate', 'satisfactionRate'] as const;
const specs = (path: string): ReportFigureSpec[] => [
  ...COUNTS.map((name) => ({ name, unit: 'count' as const, path })),
  ...RATES.map((name) => ({ name, unit: 'percent' as const, path })),
];
const FIGURES = specs('/hotline');
/** A hotline source as the contract spells it (12345, minqingtong, petition). */
const SOURCE_FAMILY: ReportFigureFamily = { name: 'source', member: /^[a-z0-9]+$/, figures: FIGURES };
/**
 * A matter class of the catalog: a major (2 digits) or a matter (5 digits), or several summed (`06027+06028`, the
 * report's 油烟噪音), of the case each order became.
 */
const CLASS_FAMILY: ReportFigureFamily = {
  name: 'class',
  member: /^(\d{2}|\d{5})(\+(\d{2}|\d{5}))*$/,
  figures: FIGURES,
};

interface Member {
  member: string;
  label: string;
  values: Counts;
}
type Row = Awaited<ReturnType<typeof ordersForReport>>[number];
type Counts = Record<(typeof COUNTS)[number], number> & Record<(typeof RATES)[number], number | null>;

/** 处理率 = cases closed ÷ orders turned into cases; 回复率 = replied ÷ turned into cases; 满意率 = satisfied ÷ rated. */
export function hotlineCounts(rows: readonly Row[]): Counts {
  const n = (f: (r: Row) => boolean) => rows.filter(f).length;
  const converted = n((r) => r.case_id !== null);
  const handled = n((r) => r.case_status === 'closed');
  const replied = n((r) => r.replied_at !== null);
  const rated = n((r) => r.satisfaction !== null);
  // basically satisfied counts as satisfied, as the case KPIs' 满意数 does (common/domain/kpi.ts)
  const satisfied = n((r) => r.satisfaction === 'satisfied' || r.satisfaction === 'basically_satisfied');
  return {
    received: rows.length,
    converted,
    handled,
    replied,
    rated,
    satisfied,
    handleRate: ratePct(handled, converted),
    replyRate: ratePct(replied, converted),
    satisfactionRate: ratePct(satisfied, rated),
  };
}

const inClass = (member: string) => {
  const codes = member.split('+');
  return (r: Row) => !!r.matter_code && codes.some((c) => r.matter_code?.startsWith(c));
};

/** The orders of the period: read a day wider on each side in UTC, then kept by their local day. */
async function periodRows(timeZone: string, ctx: ReportContext): Promise<Row[]> {
  const day = 86_400_000;
  const from = new Date(Date.parse(`${ctx.period.from}T00:00:00Z`) - day).toISOString();
  const to = new Date(Date.parse(`${ctx.period.to}T00:00:00Z`) + 2 * day).toISOString();
  const rows = await ordersForReport(ctx.db, ctx.tenantId, from, to);
  return rows.filter((r) => {
    const local = zonedDate(r.received_at, timeZone);
    return local >= ctx.period.from && local <= ctx.period.to;
  });
}

export function hotlineSection(timeZone: string): ReportSection {
  return {
    key: 'hotline',
    order: 815,
    figures: FIGURES,
    figureFamilies: [SOURCE_FAMILY, CLASS_FAMILY],
    async build(ctx) {
      const rows = await periodRows(timeZone, ctx);
      if (!rows.length) return null;
      const total = hotlineCounts(rows);
      const bySource: Member[] = HOTLINE_SOURCES.map((s) => ({
        member: s,
        label: ctx.t(`hotline.source.${s}`),
        values: hotlineCounts(rows.filter((r) => r.source === s)),
      }));
      const names = new Map(rows.filter((r) => r.matter_code).map((r) => [r.matter_code, r.matter_name ?? '']));
      const classes = [...new Set([...names.keys(), ...ctx.asked('hotline', CLASS_FAMILY)])]
        .filter((c): c is string => !!c)
        .map((member) => ({
          member,
          label: member
            .split('+')
            .map((c) => names.get(c) || c)
            .join('、'),
          values: hotlineCounts(rows.filter(inClass(member))),
        }));
      const col = (key: string, type: 'text' | 'int' | 'percent') => ({
        key,
        title: ctx.t(`hotline.report.cols.${key}`),
        type,
      });
      const tableRows = (list: Member[]) =>
        list
          .filter((m) => m.values.received > 0)
          .map((m) => ({
            name: m.label,
            received: m.values.received,
            handled: m.values.handled,
            handleRate: m.values.handleRate,
            replyRate: m.values.replyRate,
            satisfactionRate: m.values.satisfactionRate,
          }));
      const columns = [
        col('name', 'text'),
        col('received', 'int'),
        col('handled', 'int'),
        col('handleRate', 'percent'),
        col('replyRate', 'percent'),
        col('satisfactionRate', 'percent'),
      ];
      const sources = bySource
        .filter((s) => s.values.received > 0)
        .map((s) => ctx.t('report.text.channelItem', { name: s.label, count: s.values.received }))
        .join(ctx.locale === 'zh-CN' ? '，' : ', ');
      return {
        key: 'hotline',
        title: ctx.t('hotline.report.title'),
        paragraphs: [
          ctx.t('hotline.report.summary', {
            period: ctx.periodText,
            received: total.received,
            sources,
            handleRate: ctx.pct(total.handleRate),
            replyRate: ctx.pct(total.replyRate),
            satisfactionRate: ctx.pct(total.satisfactionRate),
          }),
        ],
        figures: [
          ...sectionFigures(ctx, 'hotline', FIGURES, total),
          ...familyFigures(ctx, 'hotline', SOURCE_FAMILY, bySource),
          ...familyFigures(ctx, 'hotline', CLASS_FAMILY, classes),
        ],
        tables: [
          {
            key: 'hotlineSources',
            title: ctx.t('hotline.report.bySource'),
            columns,
            rows: tableRows(bySource),
          },
          {
            key: 'hotlineClasses',
            title: ctx.t('hotline.report.byClass'),
            columns,
            rows: tableRows(classes.filter((c) => !c.member.includes('+'))).sort((a, b) => b.received - a.received),
          },
        ],
      };
    },
  };
}
