import { useMemo } from 'react';
import type { KpiRow } from '../../../../common/contracts/kpi.ts';
import { useI18n } from '../../i18n/context.ts';
import { EChart } from '../dashboard/EChart.tsx';
import type { EChartsOption } from '../dashboard/echarts.ts';

/** The prefecture's counts per month (bars) and its composite score (line, right axis). */
export function PrefectureTrend({ months }: { months: KpiRow[] }) {
  const { t } = useI18n();
  const option = useMemo<EChartsOption>(() => {
    const count = (k: string) => months.map((m) => m.counts[k] ?? 0);
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 40, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: months.map((m) => m.id) },
      yAxis: [
        { type: 'value', minInterval: 1 },
        { type: 'value', min: 0, max: 100, splitLine: { show: false } },
      ],
      series: [
        { name: t('prefecture.trend.reports'), type: 'bar', data: count('reported') },
        { name: t('prefecture.trend.filed'), type: 'bar', data: count('filed') },
        { name: t('prefecture.trend.closed'), type: 'bar', data: count('closed') },
        {
          name: t('prefecture.trend.score'),
          type: 'line',
          yAxisIndex: 1,
          connectNulls: false,
          data: months.map((m) => (m.noData ? null : m.score)),
        },
      ],
    };
  }, [months, t]);
  return <EChart option={option} testId="prefecture-trend" style={{ height: 280 }} />;
}
