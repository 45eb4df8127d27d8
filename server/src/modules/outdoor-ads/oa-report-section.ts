import { AD_TYPES } from '../../../../common/domain/outdoor-ads.ts';
import { sectionFigures, type ReportSection, type ReportFigureSpec } from '../reports/index.ts';
import type { OutdoorAdsService } from './oa.service.ts';

/**
 * 户外广告 in the statistics report: 「拆除户外广告N块，其中墙体广告牌N块…」 with each type in its own counting word
 * (awnings count in groups), voluntary and enforced removals apart, and a table by type with the active inventory.
 * No removal in the period → no section.
 */
const typeName = (type: string) =>
  `removed${type.replace(/(^|_)([a-z])/g, (_, _s: string, c: string) => c.toUpperCase())}`;

/** The figures of the sentences: the totals, then one per type (`outdoorAds.removedLightBox`). */
const FIGURES: readonly ReportFigureSpec[] = [
  ...(['removed', 'voluntary', 'enforced'] as const).map((name) => ({
    name,
    unit: 'count' as const,
    path: '/outdoor-ads',
  })),
  ...AD_TYPES.map((type) => ({
    name: typeName(type),
    unit: 'count' as const,
    path: '/outdoor-ads',
    label: (t: (key: string, params?: Record<string, unknown>) => string) =>
      t('figures.outdoorAds.removedOfType', { type: t(`outdoorAds.type.${type}`) }),
  })),
];

export function outdoorAdsSection(service: Pick<OutdoorAdsService, 'figures'>): ReportSection {
  return {
    key: 'outdoorAds',
    order: 820,
    figures: FIGURES,
    async build(ctx) {
      const { byType, active } = await service.figures(ctx.tenantId, ctx.period.from, ctx.period.to);
      const rows = AD_TYPES.map((type) => {
        const r = byType.get(type) ?? { voluntary: 0, enforced: 0 };
        return { type, removed: r.voluntary + r.enforced, ...r, active: active.get(type) ?? 0 };
      });
      const total = rows.reduce((s, r) => s + r.removed, 0);
      if (total === 0) return null;
      const voluntary = rows.reduce((s, r) => s + r.voluntary, 0);
      const enforced = rows.reduce((s, r) => s + r.enforced, 0);
      const sep = ctx.locale === 'zh-CN' ? '、' : ', ';
      const items = rows
        .filter((r) => r.removed > 0)
        .map((r) => ctx.t(`outdoorAds.report.item.${r.type}`, { count: r.removed }))
        .join(sep);
      const col = (key: string, type: 'text' | 'int') => ({
        key,
        title: ctx.t(`outdoorAds.report.cols.${key}`),
        type,
      });
      return {
        key: 'outdoorAds',
        title: ctx.t('outdoorAds.report.title'),
        figures: sectionFigures(ctx, 'outdoorAds', FIGURES, {
          removed: total,
          voluntary,
          enforced,
          ...Object.fromEntries(rows.map((r) => [typeName(r.type), r.removed])),
        }),
        paragraphs: [
          ctx.t('outdoorAds.report.removed', { period: ctx.periodText, total, items }),
          ctx.t('outdoorAds.report.modes', {
            voluntary,
            enforced,
          }),
        ],
        tables: [
          {
            key: 'outdoorAdsByType',
            title: ctx.t('outdoorAds.report.byType'),
            columns: [
              col('type', 'text'),
              col('removed', 'int'),
              col('voluntary', 'int'),
              col('enforced', 'int'),
              col('active', 'int'),
            ],
            rows: rows
              .filter((r) => r.removed || r.active)
              .map((r) => ({
                type: ctx.t(`outdoorAds.type.${r.type}`),
                removed: r.removed,
                voluntary: r.voluntary,
                enforced: r.enforced,
                active: r.active,
              })),
          },
        ],
      };
    },
  };
}
