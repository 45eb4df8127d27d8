import { useCallback, useMemo, useState } from 'react';
import { DatePicker, Flex, Select, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { SUPERVISION_LEVELS, type SupervisionLevel } from '../../../../common/domain/supervision.ts';
import type { MessageKey } from '../../../../common/i18n/core.ts';
import { dayjs } from '../../components/dates.ts';
import { ExportButton } from '../../components/ExportButton.tsx';
import { formatInstant } from '../../components/format.ts';
import { ListPage } from '../../components/ListPage.tsx';
import { PageSection } from '../../components/PageSection.tsx';
import { useCrudList } from '../../components/useCrudList.ts';
import type { FetchPage } from '../../components/usePagedQuery.ts';
import { useI18n } from '../../i18n/context.ts';
import { LEVEL_COLORS, STATUS_COLORS, statusOf } from './labels.ts';
import { SupervisionDrawer } from './SupervisionDrawer.tsx';
import { SupervisionFiguresBar } from './SupervisionFiguresBar.tsx';
import { supervisionApi, type SupervisionOrder } from './supervision.api.ts';

interface Filters {
  level?: SupervisionLevel;
  status?: 'open' | 'replied' | 'overdue';
  from?: string;
  to?: string;
}

const monthStart = () => dayjs().startOf('month');

/** 督办单: every order in the caller's scope, with 督办数 and 按期回复率 for the period chosen. */
export function SupervisionPage() {
  const { t } = useI18n();
  const list = useCrudList<SupervisionOrder, Filters>({
    filters: { from: monthStart().toISOString(), to: monthStart().add(1, 'month').toISOString() },
  });
  const [reloadKey, setReloadKey] = useState(0);
  const opened = list.target && list.target !== 'new' ? list.target.id : null;
  const fetchPage = useCallback<FetchPage<SupervisionOrder, Filters>>(
    (request, signal) => supervisionApi.list(request, signal),
    [],
  );
  const open = list.edit;
  const columns = useMemo<TableColumnsType<SupervisionOrder>>(
    () => [
      {
        title: t('supervision.columns.orderNo'),
        key: 'orderNo',
        sorter: true,
        render: (_, o) => (
          <Typography.Link onClick={() => open(o)} data-testid={`supervision-row-${o.orderNo}`}>
            {o.orderNo}
          </Typography.Link>
        ),
      },
      {
        title: t('supervision.columns.level'),
        key: 'level',
        sorter: true,
        render: (_, o) => <Tag color={LEVEL_COLORS[o.level]}>{t(`supervision.level.${o.level}` as MessageKey)}</Tag>,
      },
      {
        title: t('supervision.columns.status'),
        key: 'status',
        render: (_, o) => (
          <Tag color={STATUS_COLORS[statusOf(o)]}>{t(`supervision.status.${statusOf(o)}` as MessageKey)}</Tag>
        ),
      },
      {
        title: t('supervision.columns.caseNo'),
        key: 'caseNo',
        responsive: ['md'],
        render: (_, o) => <Link to={`/cases/${o.caseId}`}>{o.caseNo}</Link>,
      },
      { title: t('supervision.columns.target'), key: 'target', render: (_, o) => o.targetUnitName ?? '—' },
      {
        title: t('supervision.columns.reason'),
        key: 'reason',
        responsive: ['lg'],
        ellipsis: true,
        render: (_, o) => o.reason,
      },
      { title: t('supervision.columns.issuer'), key: 'issuer', responsive: ['xl'], render: (_, o) => o.issuerName },
      {
        title: t('supervision.columns.issuedAt'),
        key: 'issuedAt',
        sorter: true,
        responsive: ['lg'],
        render: (_, o) => formatInstant(o.issuedAt),
      },
      {
        title: t('supervision.columns.dueAt'),
        key: 'dueAt',
        sorter: true,
        render: (_, o) => formatInstant(o.dueAt),
      },
      {
        title: t('supervision.columns.escalations'),
        key: 'escalations',
        responsive: ['xl'],
        render: (_, o) => o.escalationCount || '—',
      },
    ],
    [t, open],
  );
  const { from, to } = list.filters;

  return (
    <PageSection title={t('supervision.title')} testId="page-supervision">
      <Flex vertical gap={16}>
        {from && to ? <SupervisionFiguresBar key={reloadKey} from={from} to={to} /> : null}
        <ListPage<SupervisionOrder, Filters>
          list={list}
          testId="supervision"
          fetchPage={fetchPage}
          columns={columns}
          rowKey={(o) => o.id}
          defaultSort={{ sort: 'issuedAt', order: 'desc' }}
          searchPlaceholder={t('supervision.filters.search')}
          exportPath="/api/exports/supervision-orders.xlsx"
          actions={<ExportButton path="/api/exports/supervision-orders.csv" query={list.filters} label="CSV" />}
          toolbar={
            <Flex gap={8} wrap>
              <DatePicker.RangePicker
                picker="month"
                allowClear={false}
                value={from && to ? [dayjs(from), dayjs(to).subtract(1, 'day')] : null}
                onChange={(range) => {
                  if (!range?.[0] || !range[1]) return;
                  list.setFilters((f) => ({
                    ...f,
                    from: range[0]!.startOf('month').toISOString(),
                    to: range[1]!.startOf('month').add(1, 'month').toISOString(),
                  }));
                }}
                data-testid="supervision-filter-period"
              />
              <Select<SupervisionLevel>
                allowClear
                placeholder={t('supervision.filters.level')}
                value={list.filters.level}
                onChange={(level) => list.setFilters((f) => ({ ...f, level }))}
                options={SUPERVISION_LEVELS.map((l) => ({
                  value: l,
                  label: t(`supervision.level.${l}` as MessageKey),
                }))}
                style={{ width: 110 }}
                data-testid="supervision-filter-level"
              />
              <Select<'open' | 'replied' | 'overdue'>
                allowClear
                placeholder={t('supervision.filters.status')}
                value={list.filters.status}
                onChange={(status) => list.setFilters((f) => ({ ...f, status }))}
                options={(['open', 'replied', 'overdue'] as const).map((s) => ({
                  value: s,
                  label: t(`supervision.status.${s}` as MessageKey),
                }))}
                style={{ width: 120 }}
                data-testid="supervision-filter-status"
              />
            </Flex>
          }
        >
          <SupervisionDrawer
            id={opened}
            onClose={list.close}
            onChanged={() => {
              setReloadKey((k) => k + 1);
              list.reload();
            }}
          />
        </ListPage>
      </Flex>
    </PageSection>
  );
}
