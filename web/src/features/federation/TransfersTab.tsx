import { useCallback } from 'react';
import { Space, Tag, Typography } from 'antd';
import { formatInstant } from '../../components/format.ts';
import { PagedTable } from '../../components/PagedTable.tsx';
import type { PageRequest } from '../../components/usePagedQuery.ts';
import type { MessageKey } from '../../../../common/i18n/core.ts';
import { useI18n } from '../../i18n/context.ts';
import { fedApi, type Transfer } from './fed.api.ts';

const COLORS = { pending: 'processing', accepted: 'success', returned: 'warning' } as const;

/** 移送 of this city's cases: the peer's answer and the progress it reports back on its own case. */
export function TransfersTab() {
  const { t } = useI18n();
  const fetchPage = useCallback(
    (r: PageRequest, signal: AbortSignal) =>
      fedApi.transfers({ page: r.page, pageSize: r.pageSize, ...(r.q ? { q: r.q } : {}) }, signal),
    [],
  );
  const progress = (x: Transfer) =>
    x.progress.length ? (
      <Typography.Text type="secondary">
        {x.progress.map((p) => `${formatInstant(p.at)} ${t(`cases.status.${p.status}` as MessageKey)}`).join(' → ')}
      </Typography.Text>
    ) : null;
  return (
    <PagedTable<Transfer, object>
      testId="fed-transfers"
      fetchPage={fetchPage}
      filters={{}}
      rowKey={(x) => x.id}
      renderCard={(x) => (
        <Space direction="vertical" size={2}>
          <Space>
            <Typography.Text strong>{x.caseNo}</Typography.Text>
            <Tag color={COLORS[x.status]}>{t(`federation.transfer.${x.status}`)}</Tag>
          </Space>
          <Typography.Text>
            {x.peerName} {x.peerCaseNo ?? ''}
          </Typography.Text>
          {progress(x)}
        </Space>
      )}
      columns={[
        { title: t('federation.message.time'), key: 'createdAt', render: (_, x) => formatInstant(x.createdAt) },
        { title: t('federation.transfer.caseNo'), dataIndex: 'caseNo' },
        { title: t('federation.message.peer'), dataIndex: 'peerName' },
        {
          title: t('federation.message.status'),
          key: 'status',
          render: (_, x) => (
            <Space direction="vertical" size={0}>
              <Tag color={COLORS[x.status]}>{t(`federation.transfer.${x.status}`)}</Tag>
              {x.reason ? <Typography.Text type="secondary">{x.reason}</Typography.Text> : null}
            </Space>
          ),
        },
        { title: t('federation.transfer.peerCaseNo'), key: 'peerCaseNo', render: (_, x) => x.peerCaseNo ?? '—' },
        { title: t('federation.transfer.progress'), key: 'progress', render: (_, x) => progress(x) ?? '—' },
      ]}
    />
  );
}
