import { useCallback, useMemo, useState } from 'react';
import { Button, Checkbox, Flex, Select, Space, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { KeyOutlined, UploadOutlined } from '@ant-design/icons';
import {
  HOTLINE_SOURCES,
  HOTLINE_STATUSES,
  type HotlineSource,
  type HotlineStatus,
} from '../../../../common/contracts/hotline.ts';
import { formatInstant } from '../../components/format.ts';
import { PageSection } from '../../components/PageSection.tsx';
import { ListPage } from '../../components/ListPage.tsx';
import { useCrudList } from '../../components/useCrudList.ts';
import type { FetchPage } from '../../components/usePagedQuery.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { HotlineDrawer } from './HotlineDrawer.tsx';
import { HotlineImportModal } from './HotlineImportModal.tsx';
import { HotlineSourcesModal } from './HotlineSourcesModal.tsx';
import { hotlineApi, type HotlineOrderSummary } from './hotline.api.ts';
import { label, STATUS_COLORS } from './labels.ts';

interface Filters {
  source?: HotlineSource;
  status?: HotlineStatus;
  overdue?: boolean;
}

/** 热线工单: 12345 / 民情通 / 阳光信访 work orders — filters, search, sort, paging; a drawer per order; import. */
export function HotlinePage() {
  const { t, locale } = useI18n();
  const auth = useAuth();
  const canHandle = auth.me?.permissions.includes('hotline.handle') ?? false;
  const canManage = auth.me?.permissions.includes('settings.manage') ?? false;
  const [managing, setManaging] = useState(false);
  const list = useCrudList<HotlineOrderSummary, Filters>();
  const opened = list.target && list.target !== 'new' ? list.target.id : null;
  const [importing, setImporting] = useState(false);
  const fetchPage = useCallback<FetchPage<HotlineOrderSummary, Filters>>(
    (request, signal) => hotlineApi.list(request, signal),
    [],
  );

  const openOrder = list.edit;
  const columns = useMemo<TableColumnsType<HotlineOrderSummary>>(
    () => [
      {
        title: t('hotline.field.externalNo'),
        key: 'externalNo',
        sorter: true,
        fixed: 'left',
        render: (_, o) => (
          <Typography.Link
            onClick={() => openOrder(o)}
            data-testid={`hotline-row-${o.externalNo}`}
            style={{ fontFamily: 'monospace' }}
          >
            {o.externalNo}
          </Typography.Link>
        ),
      },
      {
        title: t('hotline.field.status'),
        key: 'status',
        render: (_, o) => (
          <Space size={4} wrap>
            <Tag color={STATUS_COLORS[o.status]}>{label(locale, 'status', o.status)}</Tag>
            {o.overdue ? (
              <Tag color="red">{t('hotline.overdue')}</Tag>
            ) : o.signOverdue ? (
              <Tag color="volcano">{t('hotline.signOverdue')}</Tag>
            ) : null}
            {o.urgency !== 'normal' ? (
              <Tag color={o.urgency === 'emergency' ? 'magenta' : 'gold'}>{label(locale, 'urgency', o.urgency)}</Tag>
            ) : null}
          </Space>
        ),
      },
      {
        title: t('hotline.field.content'),
        key: 'content',
        render: (_, o) => (
          <Tooltip title={o.content}>
            <Typography.Text ellipsis style={{ maxWidth: 240 }}>
              {o.content}
            </Typography.Text>
          </Tooltip>
        ),
      },
      {
        title: t('hotline.field.source'),
        key: 'source',
        responsive: ['sm'],
        render: (_, o) => label(locale, 'source', o.source),
      },
      {
        title: t('hotline.field.signDeadline'),
        key: 'signDeadline',
        sorter: true,
        responsive: ['lg'],
        render: (_, o) => (
          <Flex vertical>
            <span>{formatInstant(o.signDeadline)}</span>
            {o.signedAt ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('hotline.field.signedAt')} {formatInstant(o.signedAt)}
              </Typography.Text>
            ) : null}
          </Flex>
        ),
      },
      {
        title: t('hotline.field.dueAt'),
        key: 'dueAt',
        sorter: true,
        responsive: ['md'],
        render: (_, o) => formatInstant(o.dueAt),
      },
      { title: t('hotline.field.caseNo'), key: 'caseNo', responsive: ['xl'], render: (_, o) => o.caseNo ?? '—' },
      {
        title: t('hotline.field.requester'),
        key: 'requester',
        responsive: ['xxl'],
        render: (_, o) => [o.requesterName, o.requesterPhone].filter(Boolean).join(' ') || '—',
      },
      {
        title: t('hotline.field.receivedAt'),
        key: 'receivedAt',
        sorter: true,
        responsive: ['lg'],
        render: (_, o) => formatInstant(o.receivedAt),
      },
    ],
    [t, locale, openOrder],
  );

  return (
    <PageSection title={t('hotline.title')} testId="page-hotline">
      <ListPage<HotlineOrderSummary, Filters>
        list={list}
        testId="hotline"
        fetchPage={fetchPage}
        columns={columns}
        rowKey={(o) => o.id}
        defaultSort={{ sort: 'receivedAt', order: 'desc' }}
        searchPlaceholder={t('hotline.searchPlaceholder')}
        toolbar={
          <>
            <Select<HotlineSource>
              allowClear
              placeholder={t('hotline.filters.source')}
              value={list.filters.source}
              onChange={(source) => list.setFilters((f) => ({ ...f, source }))}
              options={HOTLINE_SOURCES.map((s) => ({ value: s, label: label(locale, 'source', s) }))}
              style={{ width: 140 }}
              data-testid="hotline-filter-source"
            />
            <Select<HotlineStatus>
              allowClear
              placeholder={t('hotline.filters.status')}
              value={list.filters.status}
              onChange={(status) => list.setFilters((f) => ({ ...f, status }))}
              options={HOTLINE_STATUSES.map((s) => ({ value: s, label: label(locale, 'status', s) }))}
              style={{ width: 130 }}
              data-testid="hotline-filter-status"
            />
            <Checkbox
              checked={list.filters.overdue === true}
              onChange={(e) => list.setFilters((f) => ({ ...f, overdue: e.target.checked || undefined }))}
              style={{ alignSelf: 'center' }}
              data-testid="hotline-filter-overdue"
            >
              {t('hotline.filters.overdue')}
            </Checkbox>
          </>
        }
        actions={
          <>
            {canManage ? (
              <Button icon={<KeyOutlined />} onClick={() => setManaging(true)} data-testid="hotline-sources">
                {t('hotline.sources.button')}
              </Button>
            ) : null}
            {canHandle ? (
              <Button
                type="primary"
                icon={<UploadOutlined />}
                onClick={() => setImporting(true)}
                data-testid="hotline-import"
              >
                {t('hotline.import.button')}
              </Button>
            ) : null}
          </>
        }
      >
        <HotlineImportModal
          open={importing}
          onClose={() => setImporting(false)}
          onImported={() => {
            setImporting(false);
            list.reload();
          }}
        />
        <HotlineSourcesModal open={managing} onClose={() => setManaging(false)} />
        <HotlineDrawer id={opened} onClose={list.close} onChanged={list.reload} />
      </ListPage>
    </PageSection>
  );
}
