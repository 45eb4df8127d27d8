/** ECharts options of the dashboard (pure: data and labels in, option out), in the dark palette. */
import type { DashboardSummary } from '../../../../common/contracts/reports.ts';
import type { EChartsOption } from './echarts.ts';

export const DARK = {
  text: '#c9d7ee',
  muted: '#6f84a8',
  line: '#1f3a5f',
  cyan: '#36cfc9',
  blue: '#4096ff',
  gold: '#faad14',
  red: '#ff4d4f',
  green: '#52c41a',
};
export const SLA_COLORS: Record<string, string> = {
  green: '#52c41a',
  yellow: '#faad14',
  red: '#ff4d4f',
  paused: '#8c8c8c',
  none: '#4096ff',
};
const PALETTE = ['#36cfc9', '#4096ff', '#9254de', '#faad14', '#ff7a45', '#73d13d', '#f759ab', '#69b1ff'];

const axis = {
  axisLine: { lineStyle: { color: DARK.line } },
  axisLabel: { color: DARK.muted },
  splitLine: { lineStyle: { color: DARK.line, type: 'dashed' as const } },
};

export function channelOption(
  rows: DashboardSummary['todayByChannel'],
  label: (channel: string) => string,
): EChartsOption {
  return {
    color: PALETTE,
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: {
      orient: 'vertical',
      right: 8,
      top: 'middle',
      textStyle: { color: DARK.text, fontSize: 13 },
      itemWidth: 12,
      itemHeight: 12,
    },
    series: [
      {
        type: 'pie',
        radius: ['45%', '72%'],
        center: ['32%', '50%'],
        avoidLabelOverlap: true,
        label: { show: false },
        itemStyle: { borderColor: '#0b1a33', borderWidth: 2 },
        data: rows.map((r) => ({ name: label(r.channel), value: r.count })),
      },
    ],
  };
}

export function trendOption(
  rows: DashboardSummary['trend'],
  names: { reported: string; closed: string },
): EChartsOption {
  return {
    color: [DARK.cyan, DARK.gold],
    tooltip: { trigger: 'axis' },
    legend: { top: 0, right: 8, textStyle: { color: DARK.text } },
    grid: { left: 40, right: 16, top: 32, bottom: 24 },
    xAxis: { type: 'category', data: rows.map((r) => r.date.slice(5)), ...axis, splitLine: { show: false } },
    yAxis: { type: 'value', minInterval: 1, ...axis },
    series: [
      {
        name: names.reported,
        type: 'line',
        smooth: true,
        symbol: 'none',
        areaStyle: { opacity: 0.15 },
        data: rows.map((r) => r.reported),
      },
      {
        name: names.closed,
        type: 'line',
        smooth: true,
        symbol: 'none',
        areaStyle: { opacity: 0.1 },
        data: rows.map((r) => r.closed),
      },
    ],
  };
}

/** Open cases by SLA level (of the cases on the map). */
export function slaOption(cases: DashboardSummary['openCases'], label: (level: string) => string): EChartsOption {
  const levels = ['red', 'yellow', 'green', 'paused', 'none'] as const;
  const counts = levels.map((l) => cases.filter((c) => c.sla === l).length);
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: levels.map(label),
      ...axis,
      axisLabel: { color: DARK.text },
      splitLine: { show: false },
    },
    yAxis: { type: 'value', minInterval: 1, ...axis },
    series: [
      {
        type: 'bar',
        barWidth: 28,
        data: counts.map((value, i) => ({
          value,
          itemStyle: { color: SLA_COLORS[levels[i] ?? 'none'], borderRadius: [6, 6, 0, 0] },
        })),
        label: { show: true, position: 'top', color: DARK.text },
      },
    ],
  };
}
