import type { CampaignFigures } from '../../../../common/contracts/campaigns.ts';
import { reportQuantity, TARGET_CODE } from '../../../../common/domain/campaigns.ts';
import {
  familyFigures,
  sectionFigures,
  type ReportContext,
  type ReportFigureFamily,
  type ReportFigureSpec,
  type ReportSection,
} from '../reports/index.ts';

/**
 * 专项行动 in the statistics report, in the bureau's words (docs/campaigns.md, "Report sentences"):
 * 「开展线缆整治专项行动，整治道路25条、小区40个、线缆25万米」, 「巡察反馈4大类26个问题已全部整改」,
 * 「“一下三民”先后2批次认领问题清单共12个，已全部整改」, 「开展课题研究5个」 and
 * 「在省级以上媒体发表宣传稿件63篇、本地媒体83篇，获得荣誉10项」. Nothing in the period → no section.
 */
/** The figures of the sentences (labels: the catalog's `figures.campaigns.<name>`). */
const FIGURES: readonly ReportFigureSpec[] = [
  { name: 'tasks', unit: 'count', path: '/campaigns' },
  { name: 'tasksDone', unit: 'count', path: '/campaigns' },
  { name: 'inspectionClasses', unit: 'count', path: '/campaigns' },
  { name: 'inspectionItems', unit: 'count', path: '/campaigns' },
  { name: 'inspectionRectified', unit: 'count', path: '/campaigns' },
  { name: 'yixiaSanminLists', unit: 'count', path: '/campaigns' },
  { name: 'yixiaSanminItems', unit: 'count', path: '/campaigns' },
  { name: 'yixiaSanminRectified', unit: 'count', path: '/campaigns' },
  { name: 'topics', unit: 'count', path: '/campaigns' },
  { name: 'publicityProvincial', unit: 'count', path: '/campaigns' },
  { name: 'publicityLocal', unit: 'count', path: '/campaigns' },
  { name: 'honours', unit: 'count', path: '/campaigns' },
  { name: 'tasksDoneRate', unit: 'percent', path: '/campaigns' },
];

/**
 * The amount reported in the period against the quantities with a code, summed over the tenant's campaigns:
 * `campaigns.quantity.cablebundled.reported` (docs/campaigns.md, "Figures"). A code asked for that no campaign
 * carries reads 0.
 */
const QUANTITY_FAMILY: ReportFigureFamily = {
  name: 'quantity',
  member: TARGET_CODE,
  figures: [{ name: 'reported', unit: 'count', path: '/campaigns' }],
};

function quantityMembers(ctx: ReportContext, f: CampaignFigures) {
  const sums = new Map<string, { label: string; reported: number }>();
  for (const t of f.campaigns.flatMap((c) => c.targets)) {
    if (!t.code) continue;
    const s = sums.get(t.code) ?? { label: t.name, reported: 0 };
    s.reported += t.reported;
    sums.set(t.code, s);
  }
  for (const code of ctx.asked('campaigns', QUANTITY_FAMILY))
    if (!sums.has(code)) sums.set(code, { label: code, reported: 0 });
  return [...sums].map(([member, s]) => ({ member, label: s.label, values: { reported: s.reported } }));
}

export function campaignsSection(figures: {
  of(tenantId: string, from: string, to: string): Promise<CampaignFigures>;
}): ReportSection {
  return {
    key: 'campaigns',
    order: 865,
    figures: FIGURES,
    figureFamilies: [QUANTITY_FAMILY],
    async build(ctx) {
      const f = await figures.of(ctx.tenantId, ctx.period.from, ctx.period.to);
      const paragraphs = sentences(ctx, f);
      if (!paragraphs.length) return null;
      const rows = f.campaigns.flatMap((c) =>
        c.targets.map((t) => ({
          campaign: c.name,
          quantity: t.name,
          measure: t.measure,
          target: t.target,
          reported: t.reported,
        })),
      );
      const col = (key: string, type: 'text' | 'number') => ({
        key,
        title: ctx.t(`campaigns.report.cols.${key}`),
        type,
      });
      return {
        key: 'campaigns',
        title: ctx.t('campaigns.report.title'),
        figures: [
          ...sectionFigures(ctx, 'campaigns', FIGURES, {
            tasks: f.tasks.total,
            tasksDone: f.tasks.done,
            tasksDoneRate: f.tasks.doneRate,
            inspectionClasses: f.inspection.classes,
            inspectionItems: f.inspection.items,
            inspectionRectified: f.inspection.rectified,
            yixiaSanminLists: f.yixiaSanmin.lists,
            yixiaSanminItems: f.yixiaSanmin.items,
            yixiaSanminRectified: f.yixiaSanmin.rectified,
            topics: f.topics.total,
            publicityProvincial: f.publicity.provincialOrAbove,
            publicityLocal: f.publicity.local,
            honours: f.honours,
          }),
          ...familyFigures(ctx, 'campaigns', QUANTITY_FAMILY, quantityMembers(ctx, f)),
        ],
        paragraphs,
        tables: rows.length
          ? [
              {
                key: 'campaignQuantities',
                title: ctx.t('campaigns.report.quantities'),
                columns: [
                  col('campaign', 'text'),
                  col('quantity', 'text'),
                  col('measure', 'text'),
                  col('target', 'number'),
                  col('reported', 'number'),
                ],
                rows,
              },
            ]
          : [],
      };
    },
  };
}

function sentences(ctx: Pick<ReportContext, 't' | 'pct' | 'locale'>, f: CampaignFigures): string[] {
  const out: string[] = [];
  const qty = (v: number) => reportQuantity(v, ctx.locale);
  for (const c of f.campaigns) {
    const done = c.targets.filter((t) => t.reported > 0);
    if (!done.length) continue;
    const items = done
      .map((t) => ctx.t('campaigns.report.item', { name: t.name, quantity: qty(t.reported), measure: t.measure }))
      .join(ctx.t('campaigns.report.itemSeparator'));
    out.push(
      ctx.t('campaigns.report.campaign', {
        name: c.name, // the campaign's own verb is Chinese; other languages say the catalog's
        verb: (ctx.locale === 'zh-CN' ? c.verb : null) ?? ctx.t('campaigns.report.verb'),
        items,
      }),
    );
  }
  if (f.tasks.total) out.push(ctx.t('campaigns.report.tasks', { ...f.tasks, rate: ctx.pct(f.tasks.doneRate) }));
  const { inspection: ins, yixiaSanmin: yx } = f;
  if (ins.items)
    out.push(
      ins.rectified === ins.items
        ? ctx.t('campaigns.report.inspectionAll', { classes: ins.classes, items: ins.items })
        : ctx.t('campaigns.report.inspection', { ...ins, rate: ctx.pct(ins.rate) }),
    );
  if (yx.items)
    out.push(
      yx.rectified === yx.items
        ? ctx.t('campaigns.report.yixiaSanminAll', { batches: yx.lists, items: yx.items })
        : ctx.t('campaigns.report.yixiaSanmin', { batches: yx.lists, items: yx.items, rectified: yx.rectified }),
    );
  if (f.topics.total) out.push(ctx.t('campaigns.report.topics', f.topics));
  const parts: string[] = [];
  if (f.publicity.total)
    parts.push(
      ctx.t('campaigns.report.publicity', { provincial: f.publicity.provincialOrAbove, local: f.publicity.local }),
    );
  if (f.honours) parts.push(ctx.t('campaigns.report.honours', { count: f.honours }));
  if (parts.length) out.push(parts.join(ctx.t('campaigns.report.clauseSeparator')));
  return out;
}
