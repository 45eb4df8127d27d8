import { useState } from 'react';
import { Flex, InputNumber, Table, Typography, type TableColumnsType } from 'antd';
import type { IcStatCounts } from '../../../../common/contracts/illegal-construction.ts';
import { useResource } from '../../api/use-resource.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../i18n/context.ts';
import { icApi } from './ic.api.ts';

const COUNTS = [
  'reports',
  'instructions',
  'stopNotices',
  'letters',
  'demolitions',
  'bureauDemolitions',
  'assistDemolitions',
  'bureauAreaM2',
  'assistAreaM2',
  'areaM2',
] as const;

/** A year by township and by month: the figures the report sentences carry. */
export function IcStatsView({ initialYear }: { initialYear: number }) {
  const { t } = useI18n();
  const [year, setYear] = useState(initialYear);
  const stats = useResource((signal) => icApi.stats(year, signal), [year]);
  const countColumns = <R extends IcStatCounts>(): TableColumnsType<R> =>
    COUNTS.map((key) => ({
      title: t(`illegalConstruction.stats.cols.${key}`),
      key,
      align: 'right' as const,
      render: (_: unknown, r: R) => r[key],
    }));
  const data = stats.data;
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} align="center">
        <span>{t('illegalConstruction.stats.year')}</span>
        <InputNumber
          min={2000}
          max={2100}
          precision={0}
          value={year}
          onChange={(v) => v && setYear(v)}
          data-testid="ic-stats-year"
        />
      </Flex>
      {stats.error ? <LoadError error={stats.error} onRetry={stats.reload} /> : null}
      {data ? (
        <>
          <Typography.Paragraph data-testid="ic-stats-summary">
            {t('illegalConstruction.stats.totals', { year: data.year, ...data.totals })}
          </Typography.Paragraph>
          <Typography.Title level={5}>{t('illegalConstruction.stats.byRegion')}</Typography.Title>
          <Table
            size="small"
            pagination={false}
            rowKey={(r) => r.regionId}
            dataSource={data.byRegion}
            columns={[
              { title: t('illegalConstruction.stats.cols.name'), key: 'name', render: (_, r) => r.regionName },
              ...countColumns<(typeof data.byRegion)[number]>(),
            ]}
            data-testid="ic-stats-regions"
          />
          <Typography.Title level={5}>{t('illegalConstruction.stats.byMonth')}</Typography.Title>
          <Table
            size="small"
            pagination={false}
            rowKey={(r) => String(r.month)}
            dataSource={data.byMonth}
            columns={[
              {
                title: t('illegalConstruction.stats.cols.month'),
                key: 'month',
                render: (_, r) => t('illegalConstruction.stats.month', { month: r.month }),
              },
              ...countColumns<(typeof data.byMonth)[number]>(),
            ]}
          />
        </>
      ) : null}
    </Flex>
  );
}
