import type { ReportColumn, ReportTable } from '../../../../common/contracts/reports.ts';
import { indicatorsOf, zeroCounts, type KpiCounts } from '../../../../common/domain/kpi.ts';
import type { ReportContext, ReportSection } from './report-section.ts';
import { caseRows } from '../cases/index.ts';
import { comparedIndicatorTable, comparisonTable, withMemberChanges } from './report-comparison.ts';
import { familyFigures, sectionFigures, type ReportFigureFamily, type ReportFigureSpec } from './report-figures.ts';

/**
 * The core sections of the statistics report, from the case figures: counts by channel, matter class,
 * region and unit; closure, on-time and satisfaction rates; overdue and rework. Sentences carry the numbers the
 * way a bureau's work summary does (大冶 2023 work report: 「共处理各类投诉594件…办结率、满意率100%」).
 */
const column = (ctx: ReportContext, key: string, type: ReportColumn['type']): ReportColumn => ({
  key,
  title: ctx.t(`report.cols.${key}`),
  type,
});

function countsTable(
  ctx: ReportContext,
  key: string,
  rows: { name: string; c: KpiCounts }[],
  cols: readonly string[],
): ReportTable {
  const types: Record<string, ReportColumn['type']> = { name: 'text' };
  return {
    key,
    title: ctx.t(`report.tables.${key}`),
    columns: ['name', ...cols].map((c) => column(ctx, c, types[c] ?? (c.endsWith('Rate') ? 'percent' : 'int'))),
    rows: rows.map(({ name, c }) => {
      const ind = indicatorsOf(c, ctx.options);
      const cells: [string, string | number | null][] = [
        ['name', name],
        ...cols.map((k): [string, number | null] => [
          k,
          k.endsWith('Rate') ? (ind[k as keyof typeof ind]?.value ?? null) : (c[k as keyof KpiCounts] ?? 0),
        ]),
      ];
      return Object.fromEntries(cells);
    }),
  };
}

interface Ranked {
  id: string;
  name: string;
  c: KpiCounts;
}

async function ranked(
  ctx: ReportContext,
  dim: 'street' | 'unit' | 'channel' | 'major',
  by: (c: KpiCounts) => number,
): Promise<Ranked[]> {
  const sums = await ctx.by(dim);
  const names = dim === 'channel' ? null : await ctx.names(dim);
  const rows = [...sums.entries()].map(([id, c]) => ({
    id,
    name: dim === 'channel' ? ctx.t(`cases.channel.${id}`) : (names?.get(id) ?? id),
    c,
  }));
  // members without a case this period are listed too (zeros), so a quiet street is visible as such
  if (names) for (const [id, name] of names) if (!sums.has(id)) rows.push({ id, name, c: zeroCounts() });
  return rows.sort((a, b) => by(b.c) - by(a.c) || a.name.localeCompare(b.name, 'zh-CN'));
}

const list = (ctx: ReportContext, rows: { name: string; c: KpiCounts }[], n: number, count: (c: KpiCounts) => number) =>
  rows
    .filter((r) => count(r.c) > 0)
    .slice(0, n)
    .map((r) => ctx.t('report.text.channelItem', { name: r.name, count: count(r.c) }))
    .join(ctx.locale === 'zh-CN' ? '，' : ', ');

const spec = (path: string, unit: ReportFigureSpec['unit'], ...names: string[]): ReportFigureSpec[] =>
  names.map((name) => ({ name, unit, path }));

/** The case figures each core section's sentences carry (labels: the catalog's `figures.<section>.<name>`). */
const OVERVIEW_FIGURES = [
  ...spec('/kpi?subject=street', 'count', 'reported', 'filed', 'voided', 'needClose', 'closed', 'closedOnTime'),
  ...spec('/kpi?subject=street', 'percent', 'closeRate', 'onTimeCloseRate', 'inspectorShare'),
  ...spec('/kpi?subject=street', 'count', 'inspectorReported', 'publicReported', 'selfHandled'),
];
const UNIT_FIGURES = [
  ...spec('/kpi/rankings?subject=unit', 'count', 'dispatched', 'handled', 'extended', 'suspended'),
  ...spec('/kpi/rankings?subject=unit', 'percent', 'handleRate', 'onTimeHandleRate'),
];
const QUALITY_FIGURES = [
  ...spec('/kpi?subject=street', 'count', 'rated', 'satisfied'),
  ...spec('/kpi?subject=street', 'percent', 'satisfactionRate'),
  ...spec('/kpi?subject=street', 'hour', 'avgHandlingHours'),
];
const OVERDUE_FIGURES = [
  ...spec('/kpi?subject=unit', 'count', 'overdue', 'reworked', 'escalated', 'openOverdue'),
  ...spec('/kpi?subject=unit', 'percent', 'overdueRate', 'reworkRate'),
];

/**
 * The counts of each row of the channel and class tables as figures: `channels.<channel>.<name>` (the case
 * channel's code) and `classes.<major>.<name>` (the catalog's 2-digit major class).
 */
const MEMBER_FIGURES = [
  ...spec('/kpi?subject=street', 'count', 'reported', 'filed', 'closed', 'rated', 'satisfied'),
  ...spec('/kpi?subject=street', 'percent', 'closeRate', 'satisfactionRate'),
];
const CHANNEL_FAMILY: ReportFigureFamily = { name: '', member: /^[a-z]+$/, figures: MEMBER_FIGURES };
const CLASS_FAMILY: ReportFigureFamily = { name: '', member: /^\d{2}$/, figures: MEMBER_FIGURES };

function memberFigures(ctx: ReportContext, section: string, family: ReportFigureFamily, rows: Ranked[]) {
  return familyFigures(
    ctx,
    section,
    family,
    rows.map((r) => {
      const ind = indicatorsOf(r.c, ctx.options);
      return {
        member: r.id,
        label: r.name,
        values: { ...r.c, closeRate: ind.closeRate.value, satisfactionRate: ind.satisfactionRate.value },
      };
    }),
  );
}

export const CORE_SECTIONS: readonly ReportSection[] = [
  {
    key: 'overview',
    order: 100,
    figures: OVERVIEW_FIGURES,
    async build(ctx) {
      const c = await ctx.totals();
      const ind = indicatorsOf(c, ctx.options);
      const inspectorShare = c.reported ? Math.round((c.inspectorReported / c.reported) * 10000) / 100 : null;
      const figures = sectionFigures(ctx, 'overview', OVERVIEW_FIGURES, {
        ...c,
        needClose: ind.closeRate.denominator ?? 0,
        closeRate: ind.closeRate.value,
        onTimeCloseRate: ind.onTimeCloseRate.value,
        inspectorShare,
      });
      const paragraphs =
        c.reported === 0 && c.filed === 0
          ? [ctx.t('report.noData')]
          : [
              ctx.t('report.text.overview', {
                period: ctx.periodText,
                reported: c.reported,
                filed: c.filed,
                voided: c.voided,
                needClose: ind.closeRate.denominator ?? 0,
                closed: c.closed,
                closeRate: ctx.pct(ind.closeRate.value),
                closedOnTime: c.closedOnTime,
                onTimeCloseRate: ctx.pct(ind.onTimeCloseRate.value),
              }),
              ctx.t('report.text.inspector', {
                inspectorReported: c.inspectorReported,
                inspectorShare: ctx.pct(inspectorShare),
                publicReported: c.publicReported,
                selfHandled: c.selfHandled,
              }),
            ];
      if (c.reported === 0 && c.filed === 0)
        return { key: 'overview', title: ctx.t('report.sections.overview'), paragraphs, tables: [], figures };
      const cmp = await comparisonTable(ctx);
      return {
        key: 'overview',
        title: ctx.t('report.sections.overview'),
        paragraphs: [...paragraphs, cmp.sentence],
        tables: [cmp.table],
        figures,
      };
    },
  },
  {
    key: 'channels',
    order: 200,
    figureFamilies: [CHANNEL_FAMILY],
    async build(ctx) {
      const rows = await ranked(ctx, 'channel', (c) => c.reported);
      const text = list(ctx, rows, 10, (c) => c.reported);
      return {
        key: 'channels',
        title: ctx.t('report.sections.channels'),
        paragraphs: [text ? ctx.t('report.text.channels', { list: text }) : ctx.t('report.noData')],
        figures: memberFigures(ctx, 'channels', CHANNEL_FAMILY, rows),
        tables: [
          await withMemberChanges(
            ctx,
            countsTable(ctx, 'channels', rows, ['reported', 'filed', 'closed', 'closeRate']),
            'channel',
            rows,
          ),
        ],
      };
    },
  },
  {
    key: 'classes',
    order: 300,
    figureFamilies: [CLASS_FAMILY],
    async build(ctx) {
      const rows = (await ranked(ctx, 'major', (c) => c.reported)).filter((r) => r.c.reported > 0 || r.c.filed > 0);
      const text = list(ctx, rows, 3, (c) => c.reported);
      return {
        key: 'classes',
        title: ctx.t('report.sections.classes'),
        paragraphs: [text ? ctx.t('report.text.classes', { list: text }) : ctx.t('report.noData')],
        figures: memberFigures(ctx, 'classes', CLASS_FAMILY, rows),
        tables: [
          await withMemberChanges(
            ctx,
            countsTable(ctx, 'classes', rows, ['reported', 'filed', 'closed', 'closeRate']),
            'major',
            rows,
          ),
        ],
      };
    },
  },
  {
    key: 'regions',
    order: 400,
    async build(ctx) {
      const rows = await ranked(ctx, 'street', (c) => c.reported);
      const text = list(ctx, rows, 3, (c) => c.reported);
      return {
        key: 'regions',
        title: ctx.t('report.sections.regions'),
        paragraphs: [text ? ctx.t('report.text.regions', { list: text }) : ctx.t('report.noData')],
        tables: [
          await withMemberChanges(
            ctx,
            countsTable(ctx, 'regions', rows, [
              'reported',
              'filed',
              'needClose',
              'closed',
              'closeRate',
              'onTimeCloseRate',
              'satisfactionRate',
            ]),
            'street',
            rows,
          ),
        ],
      };
    },
  },
  {
    key: 'units',
    order: 500,
    figures: UNIT_FIGURES,
    async build(ctx) {
      const c = await ctx.totals();
      const ind = indicatorsOf(c, ctx.options);
      const rows = await ranked(ctx, 'unit', (x) => x.dispatched);
      const best = rows
        .filter((r) => r.c.needClose > 0)
        .sort(
          (a, b) =>
            (indicatorsOf(b.c, ctx.options).onTimeCloseRate.value ?? 0) -
            (indicatorsOf(a.c, ctx.options).onTimeCloseRate.value ?? 0),
        )[0];
      const paragraphs = [
        ctx.t('report.text.units', {
          dispatched: c.dispatched,
          handled: c.handled,
          handleRate: ctx.pct(ind.handleRate.value),
          onTimeHandleRate: ctx.pct(ind.onTimeHandleRate.value),
          extended: c.extended,
          suspended: c.suspended,
        }),
      ];
      if (best)
        paragraphs.push(
          ctx.t('report.text.unitsBest', {
            name: best.name,
            rate: ctx.pct(indicatorsOf(best.c, ctx.options).onTimeCloseRate.value),
          }),
        );
      return {
        key: 'units',
        title: ctx.t('report.sections.units'),
        paragraphs,
        figures: sectionFigures(ctx, 'units', UNIT_FIGURES, {
          ...c,
          handleRate: ind.handleRate.value,
          onTimeHandleRate: ind.onTimeHandleRate.value,
        }),
        tables: [
          await withMemberChanges(
            ctx,
            countsTable(ctx, 'units', rows, [
              'dispatched',
              'handled',
              'onTimeHandleRate',
              'closed',
              'closeRate',
              'onTimeCloseRate',
              'overdue',
              'reworked',
            ]),
            'unit',
            rows,
          ),
        ],
      };
    },
  },
  {
    key: 'quality',
    order: 600,
    figures: QUALITY_FIGURES,
    async build(ctx) {
      const c = await ctx.totals();
      const ind = indicatorsOf(c, ctx.options);
      const keys = [
        'closeRate',
        'onTimeCloseRate',
        'handleRate',
        'onTimeHandleRate',
        'satisfactionRate',
        'reworkRate',
        'overdueRate',
        'extensionRate',
        'avgHandlingHours',
      ] as const;
      return {
        key: 'quality',
        title: ctx.t('report.sections.quality'),
        paragraphs: [
          ctx.t('report.text.quality', {
            closeRate: ctx.pct(ind.closeRate.value),
            onTimeCloseRate: ctx.pct(ind.onTimeCloseRate.value),
            rated: c.rated,
            satisfied: c.satisfied,
            satisfactionRate: ctx.pct(ind.satisfactionRate.value),
            avgHours: ind.avgHandlingHours.value ?? '—',
          }),
        ],
        figures: sectionFigures(ctx, 'quality', QUALITY_FIGURES, {
          ...c,
          satisfactionRate: ind.satisfactionRate.value,
          avgHandlingHours: ind.avgHandlingHours.value,
        }),
        tables: [
          await comparedIndicatorTable(
            ctx,
            'quality',
            ctx.t('report.tables.quality'),
            keys.map((k) => ({ label: ctx.t(`kpi.indicators.${k}`), figure: k })),
          ),
        ],
      };
    },
  },
  {
    key: 'overdue',
    order: 700,
    figures: OVERDUE_FIGURES,
    async build(ctx) {
      const c = await ctx.totals();
      const ind = indicatorsOf(c, ctx.options);
      const open = await caseRows(ctx.db)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('c.tenant_id', '=', ctx.tenantId)
        .where('c.status', '=', 'handling')
        .where('c.step_deadline', '<', ctx.now.toISOString())
        .executeTakeFirst();
      const openOverdue = Number(open?.n ?? 0);
      return {
        key: 'overdue',
        title: ctx.t('report.sections.overdue'),
        paragraphs: [
          ctx.t('report.text.overdue', {
            overdue: c.overdue,
            overdueRate: ctx.pct(ind.overdueRate.value),
            reworked: c.reworked,
            reworkRate: ctx.pct(ind.reworkRate.value),
            escalated: c.escalated,
            openOverdue,
          }),
        ],
        figures: sectionFigures(ctx, 'overdue', OVERDUE_FIGURES, {
          ...c,
          openOverdue,
          overdueRate: ind.overdueRate.value,
          reworkRate: ind.reworkRate.value,
        }),
        tables: [
          await comparedIndicatorTable(ctx, 'overdue', ctx.t('report.tables.overdue'), [
            { label: ctx.t('kpi.indicators.overdueCount'), figure: 'overdue' },
            { label: ctx.t('kpi.indicators.overdueRate'), figure: 'overdueRate' },
            { label: ctx.t('report.cols.reworked'), figure: 'reworked' },
            { label: ctx.t('kpi.indicators.reworkRate'), figure: 'reworkRate' },
            { label: ctx.t('kpi.indicators.escalatedCount'), figure: 'escalated' },
          ]),
        ],
      };
    },
  },
];
