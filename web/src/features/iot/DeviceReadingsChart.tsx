import { useEffect, useMemo, useState } from 'react';
import { Empty, Flex, Segmented, Select } from 'antd';
import { PRIMARY_METRIC, type DeviceType } from '../../../../common/domain/iot.ts';
import type { MessageKey } from '../../../../common/i18n/core.ts';
import { formatInstant } from '../../components/format.ts';
import { useI18n } from '../../i18n/context.ts';
import { EChart } from '../dashboard/EChart.tsx';
import type { EChartsOption } from '../dashboard/echarts.ts';
import { iotApi } from './iot.api.ts';

type Loaded = Awaited<ReturnType<typeof iotApi.readings>>;

/** 最近读数: one metric over the chosen period, with the min–max band of the roll-ups. */
export function DeviceReadingsChart({ deviceId, type }: { deviceId: string; type: DeviceType }) {
  const { t } = useI18n();
  const [hours, setHours] = useState(6);
  const [metric, setMetric] = useState(PRIMARY_METRIC[type].metric);
  const [data, setData] = useState<Loaded | null>(null);
  useEffect(() => {
    const ctl = new AbortController();
    iotApi.readings(deviceId, { hours, metric }, ctl.signal).then(setData, () => setData(null));
    return () => ctl.abort();
  }, [deviceId, hours, metric]);
  const option = useMemo<EChartsOption>(() => {
    const points = data?.points ?? [];
    return {
      grid: { left: 48, right: 16, top: 16, bottom: 32 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: points.map((p) => formatInstant(p.at).slice(5, 16)) },
      yAxis: { type: 'value', name: metric === PRIMARY_METRIC[type].metric ? PRIMARY_METRIC[type].unit : '' },
      series: [
        { type: 'line', name: metric, data: points.map((p) => p.value), showSymbol: points.length < 60 },
        ...(data && data.resolution !== 'raw'
          ? [
              {
                type: 'line' as const,
                name: 'max',
                data: points.map((p) => p.max),
                lineStyle: { opacity: 0.3 },
                showSymbol: false,
              },
              {
                type: 'line' as const,
                name: 'min',
                data: points.map((p) => p.min),
                lineStyle: { opacity: 0.3 },
                showSymbol: false,
              },
            ]
          : []),
      ],
    };
  }, [data, metric, type]);
  const metrics = [...new Set([PRIMARY_METRIC[type].metric, ...(data?.metrics ?? [])])];
  return (
    <Flex vertical gap={8} data-testid="device-chart">
      <Flex gap={8} wrap align="center">
        <Select
          value={metric}
          onChange={setMetric}
          options={metrics.map((m) => ({ value: m, label: m }))}
          style={{ width: 150 }}
          aria-label={t('iot.devices.metric')}
        />
        <Segmented<number>
          value={hours}
          onChange={setHours}
          options={[6, 48, 24 * 7].map((n) => ({ value: n, label: t('iot.devices.hoursOption', { n }) }))}
        />
        {data ? <span>{t(`iot.devices.resolution.${data.resolution}` as MessageKey)}</span> : null}
      </Flex>
      {data && data.points.length > 0 ? (
        <EChart option={option} style={{ height: 240 }} />
      ) : (
        <Empty description={t('iot.devices.noReadings')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      )}
    </Flex>
  );
}
