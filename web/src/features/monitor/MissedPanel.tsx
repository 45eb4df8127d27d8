import { useState } from 'react';
import { Button, DatePicker, Drawer, Empty, Flex, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useResource } from '../../api/use-resource.ts';
import { DATE_FORMAT, dayjs } from '../../components/dates.ts';
import { formatInstant } from '../../components/format.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../i18n/context.ts';
import { channelLabel, statusLabel } from '../cases/labels.ts';
import { censusApi } from './census.api.ts';

type Row = { inspectorId: string; displayName: string; unitName: string | null; grids: number; missed: number };

/**
 * 漏报 per inspector (docs/monitor.md, "Per-inspector 漏报"): cases filed in the window in the inspector's
 * responsibility grids that someone else reported, with the cases behind each figure.
 */
export function MissedPanel() {
  const { t, locale } = useI18n();
  const [range, setRange] = useState<[string, string]>(() => [
    dayjs().startOf('month').format(DATE_FORMAT),
    dayjs().format(DATE_FORMAT),
  ]);
  const [open, setOpen] = useState<Row | null>(null);
  const [page, setPage] = useState(1);
  const res = useResource((signal) => censusApi.missed(range[0], range[1], signal), [range[0], range[1]]);
  const cases = useResource(
    open ? (signal) => censusApi.missedCases(open.inspectorId, range[0], range[1], page, signal) : null,
    [open?.inspectorId, range[0], range[1], page],
  );
  return (
    <Flex vertical gap={12}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('monitor.missed.intro')}
      </Typography.Paragraph>
      <Flex gap={8} align="center" wrap>
        <span>{t('monitor.missed.window')}</span>
        <DatePicker.RangePicker
          value={[dayjs(range[0]), dayjs(range[1])]}
          format={DATE_FORMAT}
          allowClear={false}
          onChange={(v) => v?.[0] && v[1] && setRange([v[0].format(DATE_FORMAT), v[1].format(DATE_FORMAT)])}
          data-testid="missed-range"
        />
      </Flex>
      {res.error ? <LoadError error={res.error} onRetry={res.reload} testId="missed" /> : null}
      <Table<Row>
        rowKey="inspectorId"
        size="small"
        loading={res.loading}
        dataSource={res.data?.items ?? []}
        pagination={false}
        scroll={{ x: 560 }}
        data-testid="missed-table"
        locale={{ emptyText: <Empty description={t('monitor.missed.empty')} /> }}
        columns={[
          { title: t('monitor.cols.name'), dataIndex: 'displayName', fixed: 'left', width: 120 },
          {
            title: t('monitor.missed.count'),
            dataIndex: 'missed',
            sorter: (a, b) => a.missed - b.missed,
            render: (v: number, r) =>
              v ? (
                <Button
                  type="link"
                  size="small"
                  onClick={() => {
                    setPage(1);
                    setOpen(r);
                  }}
                  data-testid={`missed-${r.inspectorId}`}
                >
                  {v}
                </Button>
              ) : (
                0
              ),
          },
          { title: t('monitor.cols.unit'), dataIndex: 'unitName', render: (v: string | null) => v ?? '—' },
          {
            title: t('monitor.cols.grids'),
            dataIndex: 'grids',
            render: (v: number) => (v ? v : <Typography.Text type="secondary">{t('monitor.noGrids')}</Typography.Text>),
          },
        ]}
      />
      <Drawer
        open={!!open}
        onClose={() => setOpen(null)}
        title={open ? t('monitor.missed.drawerTitle', { name: open.displayName }) : ''}
        width="min(720px, 100vw)"
        destroyOnHidden
      >
        {cases.error ? <LoadError error={cases.error} onRetry={cases.reload} testId="missed-cases" /> : null}
        <Table
          rowKey="id"
          size="small"
          loading={cases.loading}
          dataSource={cases.data?.items ?? []}
          scroll={{ x: 600 }}
          locale={{ emptyText: <Empty description={t('monitor.missed.noCases')} /> }}
          pagination={{
            current: page,
            pageSize: 10,
            total: cases.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
          }}
          columns={[
            {
              title: t('monitor.missed.caseNo'),
              dataIndex: 'caseNo',
              render: (v: string, c) => <Link to={`/cases/${encodeURIComponent(c.id)}`}>{v}</Link>,
            },
            { title: t('monitor.missed.matter'), render: (_, c) => c.matterName ?? c.matterCode },
            { title: t('monitor.missed.foundBy'), render: (_, c) => channelLabel(locale, c.channel) },
            { title: t('monitor.missed.status'), render: (_, c) => statusLabel(locale, c.status) },
            { title: t('monitor.missed.filedAt'), render: (_, c) => formatInstant(c.filedAt) },
            { title: t('monitor.missed.address'), dataIndex: 'address', render: (v: string | null) => v ?? '—' },
          ]}
        />
      </Drawer>
    </Flex>
  );
}
