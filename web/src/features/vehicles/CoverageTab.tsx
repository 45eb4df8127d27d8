import { useCallback, useEffect, useState } from 'react';
import { Button, Empty, Flex, Input, Progress, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ExportButton } from '../../components/ExportButton.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { cityToday, formatInstant } from '../../components/format.ts';
import { useI18n } from '../../i18n/context.ts';
import { vehiclesApi, type CoverageReport } from './vehicles.api.ts';

type Row = CoverageReport['rows'][number];

/** Road coverage of one day: length covered, share and passes per road and vehicle kind; CSV export. */
export function CoverageTab() {
  const { t } = useI18n();
  const [day, setDay] = useState(() => {
    const d = new Date(Date.parse(`${cityToday()}T00:00:00Z`) - 86_400_000);
    return d.toISOString().slice(0, 10);
  });
  const [report, setReport] = useState<CoverageReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const load = useCallback(
    (signal?: AbortSignal) => {
      setError(null);
      vehiclesApi.coverage(day, signal).then(setReport, (e: unknown) => !signal?.aborted && setError(e));
    },
    [day],
  );
  useEffect(() => {
    const c = new AbortController();
    load(c.signal);
    return () => c.abort();
  }, [load]);
  const compute = () => {
    setBusy(true);
    vehiclesApi
      .compute(day)
      .then(setReport, setError)
      .finally(() => setBusy(false));
  };
  const columns: TableColumnsType<Row> = [
    { title: t('vehicles.col.road'), dataIndex: 'road', key: 'road' },
    { title: t('vehicles.col.kind'), key: 'kind', render: (_, r) => t(`vehicles.kind.${r.kind}`) },
    { title: t('vehicles.col.length'), dataIndex: 'lengthM', key: 'length', align: 'right' },
    { title: t('vehicles.col.covered'), dataIndex: 'coveredM', key: 'covered', align: 'right' },
    {
      title: t('vehicles.col.share'),
      key: 'share',
      width: 160,
      render: (_, r) => <Progress percent={Math.round(r.share * 1000) / 10} size="small" />,
    },
    { title: t('vehicles.col.passes'), dataIndex: 'passes', key: 'passes', align: 'right' },
    { title: t('vehicles.col.vehicleCount'), dataIndex: 'vehicles', key: 'vehicles', align: 'right' },
  ];
  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={8} align="center">
        <Input type="date" value={day} onChange={(e) => setDay(e.target.value)} style={{ width: 170 }} />
        <Button onClick={compute} loading={busy} data-testid="coverage-compute">
          {t('vehicles.coverage.compute')}
        </Button>
        <ExportButton
          path="/api/vehicles/coverage.csv"
          query={{ day }}
          testId="coverage-export"
          label={t('vehicles.coverage.export')}
        />
      </Flex>
      {error ? <LoadError error={error} onRetry={() => load()} /> : null}
      {report && report.rows.length > 0 && (
        <Typography.Text>
          {t('vehicles.coverage.total', { length: report.lengthM, covered: report.coveredM })}
          {report.computedAt ? ` · ${t('vehicles.coverage.computedAt', { at: formatInstant(report.computedAt) })}` : ''}
        </Typography.Text>
      )}
      {report && report.rows.length === 0 ? (
        <Empty description={t('vehicles.coverage.none')} />
      ) : (
        <Table<Row>
          size="small"
          rowKey={(r) => `${r.kind}:${r.road}`}
          columns={columns}
          dataSource={report?.rows ?? []}
          loading={!report && !error}
          pagination={false}
          scroll={{ x: 720 }}
          data-testid="coverage-table"
        />
      )}
    </Flex>
  );
}
