import { useEffect, useRef } from 'react';
import { echarts, type EChartsOption } from './echarts.ts';

/** One chart: created once, options replaced on change, resized with its box, disposed on unmount. */
export function EChart({
  option,
  testId,
  style,
}: {
  option: EChartsOption;
  testId?: string;
  style?: React.CSSProperties;
}) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!el.current) return undefined;
    const instance = echarts.init(el.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => instance.resize());
    observer?.observe(el.current);
    return () => {
      observer?.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={el} data-testid={testId} style={{ width: '100%', height: '100%', ...style }} />;
}
