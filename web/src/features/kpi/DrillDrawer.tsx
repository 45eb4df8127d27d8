import { useCallback, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { Drawer, Grid, Segmented, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { KpiCaseItem, PeriodQuery } from '../../../../common/contracts/kpi.ts';
import type { KpiCounter, KpiSubject } from '../../../../common/domain/kpi.ts';
import { formatInstant } from '../../components/format.ts';
import { usePagedQuery, type FetchPage } from '../../components/usePagedQuery.ts';
import { useI18n } from '../../i18n/context.ts';
import { StatusTag } from '../cases/SlaBadge.tsx';
import { countersOf } from './kpi-columns.ts';
import { kpiApi } from './kpi.api.ts';
import type { DrillTarget } from './KpiTable.tsx';

interface Props {
  target: DrillTarget | null;
  subject: KpiSubject;
  period: PeriodQuery;
  onClose: () => void;
}

interface Filters {
  counter: KpiCounter;
}

/** The paged cases behind one figure (numerator, subtracted part or denominator), each linking to its case page. */
export function DrillDrawer({ target, subject, period, onClose }: Props) {
  const { t } = useI18n();
  const narrow = Grid.useBreakpoint().md === false;
  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      size={narrow ? '100%' : 960}
      title={
        target
          ? t('kpiWeb.drill.title', {
              name: target.row.id ? target.row.name : t('kpiWeb.col.total'),
              indicator: t(`kpiWeb.indicator.${target.indicator}`),
            })
          : ''
      }
      destroyOnHidden
      data-testid="kpi-drill"
    >
      {/* mounted only while open: a closed drawer asks the server nothing */}
      {target ? (
        <DrillBody key={`${target.row.id}:${target.indicator}`} target={target} subject={subject} period={period} />
      ) : null}
    </Drawer>
  );
}

function DrillBody({ target, subject, period }: { target: DrillTarget; subject: KpiSubject; period: PeriodQuery }) {
  const { t } = useI18n();
  const counters = useMemo(() => countersOf(target.indicator), [target]);
  const [picked, setPicked] = useState<KpiCounter | null>(null);
  const counter = counters.find((c) => c.counter === picked)?.counter ?? counters[0]?.counter ?? 'filed';
  const id = target.row.id || undefined;
  const fetchPage = useCallback<FetchPage<KpiCaseItem, Filters>>(
    (r, signal) =>
      kpiApi.drill({ ...period, subject, id, counter: r.counter, page: r.page, pageSize: r.pageSize }, signal),
    [period, subject, id],
  );
  const query = usePagedQuery(fetchPage, { filters: { counter } });

  const value = target.row.indicators[target.indicator];
  // how many cases each tab holds, as the table counted them
  const countOf = (role: string, c: KpiCounter) =>
    role === 'denominator' ? (value?.denominator ?? target.row.counts[c] ?? 0) : (target.row.counts[c] ?? 0);

  const columns: TableColumnsType<KpiCaseItem> = [
    {
      title: t('kpiWeb.caseCol.caseNo'),
      key: 'caseNo',
      render: (_, c) => (
        <Link
          to={`/cases/${encodeURIComponent(c.id)}`}
          data-testid={`drill-case-${c.caseNo}`}
          style={{ fontFamily: 'monospace' }}
        >
          {c.caseNo}
        </Link>
      ),
    },
    { title: t('kpiWeb.caseCol.status'), key: 'status', render: (_, c) => <StatusTag status={c.status} /> },
    { title: t('kpiWeb.caseCol.matter'), key: 'matter', render: (_, c) => c.matterName ?? c.matterCode },
    { title: t('kpiWeb.caseCol.street'), key: 'street', responsive: ['md'], render: (_, c) => c.streetName ?? '—' },
    { title: t('kpiWeb.caseCol.unit'), key: 'unit', responsive: ['md'], render: (_, c) => c.unitName ?? '—' },
    {
      title: t('kpiWeb.caseCol.reportedAt'),
      key: 'reportedAt',
      responsive: ['lg'],
      render: (_, c) => formatInstant(c.reportedAt),
    },
    {
      title: t('kpiWeb.caseCol.closedAt'),
      key: 'closedAt',
      responsive: ['lg'],
      render: (_, c) => (c.closedAt ? formatInstant(c.closedAt) : '—'),
    },
    {
      title: t('kpiWeb.caseCol.overdue'),
      key: 'overdue',
      render: (_, c) => (
        <>
          {c.overdue ? <Tag color="red">{t('kpiWeb.caseCol.overdue')}</Tag> : null}
          {c.escalationCount > 0 ? (
            <Tag color="volcano">
              {t('kpiWeb.counter.escalated')} ×{c.escalationCount}
            </Tag>
          ) : null}
        </>
      ),
    },
  ];

  return (
    <>
      {counters.length > 1 ? (
        <Segmented
          block
          value={counter}
          onChange={(v) => setPicked(v)}
          options={counters.map((c) => ({
            value: c.counter,
            label: t(`kpiWeb.drill.${c.role}`, {
              counter: t(`kpiWeb.counter.${c.counter}`),
              n: countOf(c.role, c.counter),
            }),
          }))}
          style={{ marginBottom: 12 }}
          data-testid="kpi-drill-counter"
        />
      ) : (
        <Typography.Paragraph type="secondary">{t(`kpiWeb.counter.${counter}`)}</Typography.Paragraph>
      )}
      <Table<KpiCaseItem>
        data-testid="kpi-drill-table"
        rowKey={(c) => c.id}
        columns={columns}
        dataSource={query.data?.items ?? []}
        loading={query.loading}
        size="small"
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('kpiWeb.drill.empty') }}
        pagination={{
          current: query.request.page,
          pageSize: query.request.pageSize,
          total: query.data?.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
          onChange: query.setPage,
        }}
      />
    </>
  );
}
