import { useCallback, useMemo } from 'react';
import { Select, Tag, Typography, type TableColumnsType } from 'antd';
import { REJECT_REASONS, type RejectReason } from '../../../../common/domain/iot.ts';
import type { MessageKey } from '../../../../common/i18n/core.ts';
import { formatInstant } from '../../components/format.ts';
import { ListPage } from '../../components/ListPage.tsx';
import { PageSection } from '../../components/PageSection.tsx';
import { useCrudList } from '../../components/useCrudList.ts';
import type { FetchPage } from '../../components/usePagedQuery.ts';
import { useI18n } from '../../i18n/context.ts';
import { iotApi, type RejectedMessage } from './iot.api.ts';

interface Filters {
  reason?: RejectReason;
}

/** 拒收消息: what the consumer refused (unknown device, bad signature, bad payload …), newest first. */
export function RejectedPage() {
  const { t } = useI18n();
  const list = useCrudList<RejectedMessage, Filters>();
  const fetchPage = useCallback<FetchPage<RejectedMessage, Filters>>(
    (request, signal) => iotApi.rejected(request, signal),
    [],
  );
  const columns = useMemo<TableColumnsType<RejectedMessage>>(
    () => [
      {
        title: t('iot.rejected.columns.receivedAt'),
        key: 'receivedAt',
        sorter: true,
        render: (_, r) => formatInstant(r.receivedAt),
      },
      {
        title: t('iot.rejected.columns.reason'),
        key: 'reason',
        render: (_, r) => <Tag color="red">{t(`iot.rejected.reason.${r.reason}` as MessageKey)}</Tag>,
      },
      { title: t('iot.rejected.columns.device'), key: 'device', render: (_, r) => r.deviceCode ?? '—' },
      {
        title: t('iot.rejected.columns.topic'),
        key: 'topic',
        responsive: ['md'],
        render: (_, r) => <Typography.Text code>{r.topic}</Typography.Text>,
      },
      { title: t('iot.rejected.columns.detail'), key: 'detail', responsive: ['lg'], render: (_, r) => r.detail ?? '—' },
      {
        title: t('iot.rejected.columns.payload'),
        key: 'payload',
        responsive: ['lg'],
        ellipsis: true,
        render: (_, r) => (
          <Typography.Text code title={r.payload}>
            {r.payload.slice(0, 120)}
          </Typography.Text>
        ),
      },
      { title: t('iot.rejected.columns.bytes'), key: 'bytes', responsive: ['xl'], render: (_, r) => r.payloadBytes },
    ],
    [t],
  );
  return (
    <PageSection title={t('iot.rejected.title')} testId="page-rejected">
      <ListPage<RejectedMessage, Filters>
        list={list}
        testId="rejected"
        fetchPage={fetchPage}
        columns={columns}
        rowKey={(r) => r.id}
        defaultSort={{ sort: 'receivedAt', order: 'desc' }}
        searchPlaceholder={t('iot.rejected.search')}
        toolbar={
          <Select<RejectReason>
            allowClear
            placeholder={t('iot.rejected.columns.reason')}
            value={list.filters.reason}
            onChange={(reason) => list.setFilters((f) => ({ ...f, reason }))}
            options={REJECT_REASONS.map((r) => ({ value: r, label: t(`iot.rejected.reason.${r}` as MessageKey) }))}
            style={{ width: 160 }}
            data-testid="rejected-filter-reason"
          />
        }
      />
    </PageSection>
  );
}
