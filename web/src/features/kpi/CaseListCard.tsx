import { useCallback } from 'react';
import { Link } from 'react-router-dom';
import { Card, Table, Tag, type TableColumnsType } from 'antd';
import type { KpiCaseItem } from '../../../../common/contracts/kpi.ts';
import { ExportButton } from '../../components/ExportButton.tsx';
import { formatInstant } from '../../components/format.ts';
import { usePagedQuery, type FetchPage } from '../../components/usePagedQuery.ts';
import { useI18n } from '../../i18n/context.ts';
import { StatusTag } from '../cases/SlaBadge.tsx';
import { KPI_URL, kpiApi } from './kpi.api.ts';

/** 超期 or 督办 cases in the caller's scope, paged, each linking to its case; exportable. */
export function CaseListCard({ kind }: { kind: 'overdue' | 'escalated' }) {
  const { t } = useI18n();
  const fetchPage = useCallback<FetchPage<KpiCaseItem, object>>(
    (r, signal) => kpiApi.list(kind, { page: r.page, pageSize: r.pageSize }, signal),
    [kind],
  );
  const query = usePagedQuery(fetchPage, { filters: {}, pageSize: 10 });
  const columns: TableColumnsType<KpiCaseItem> = [
    {
      title: t('kpiWeb.caseCol.caseNo'),
      key: 'caseNo',
      render: (_, c) => (
        <Link to={`/cases/${encodeURIComponent(c.id)}`} style={{ fontFamily: 'monospace' }}>
          {c.caseNo}
        </Link>
      ),
    },
    { title: t('kpiWeb.caseCol.matter'), key: 'matter', render: (_, c) => c.matterName ?? c.matterCode },
    { title: t('kpiWeb.caseCol.unit'), key: 'unit', render: (_, c) => c.unitName ?? '—' },
    {
      title: t('kpiWeb.rankings.deadline'),
      key: 'deadline',
      responsive: ['md'],
      render: (_, c) => (c.handlingDeadline ? formatInstant(c.handlingDeadline) : '—'),
    },
    {
      title: t('kpiWeb.caseCol.status'),
      key: 'status',
      responsive: ['md'],
      render: (_, c) => <StatusTag status={c.status} />,
    },
    {
      title: t('kpiWeb.caseCol.escalations'),
      key: 'esc',
      responsive: ['lg'],
      render: (_, c) => (c.escalationCount ? <Tag color="volcano">×{c.escalationCount}</Tag> : '—'),
    },
  ];
  return (
    <Card
      size="small"
      title={t(`kpiWeb.rankings.${kind}`)}
      extra={<ExportButton path={KPI_URL.listXlsx(kind)} testId={`rankings-${kind}-export`} />}
      data-testid={`rankings-${kind}`}
    >
      <Table<KpiCaseItem>
        rowKey={(c) => c.id}
        size="small"
        columns={columns}
        dataSource={query.data?.items ?? []}
        loading={query.loading}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: query.request.page,
          pageSize: query.request.pageSize,
          total: query.data?.total ?? 0,
          size: 'small',
          showTotal: (total) => t('common.total', { total }),
          onChange: query.setPage,
        }}
      />
    </Card>
  );
}
