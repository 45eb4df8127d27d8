import { useCallback, useState } from 'react';
import { App, Button, Popconfirm, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { errorText } from '../../api/errors.ts';
import { DATE_TIME_FORMAT, dayjs } from '../../components/dates.ts';
import { PagedTable } from '../../components/PagedTable.tsx';
import type { FetchPage } from '../../components/usePagedQuery.ts';
import { useI18n } from '../../i18n/context.ts';
import { ApiClientModal } from './ApiClientModal.tsx';
import { open311Api, type ApiClient } from './open311.api.ts';

type Filters = Record<string, never>;

/** Client applications of the Open311 API: who holds a key, its limit, and the switch to cut it off. */
export function ApiClientList() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [creating, setCreating] = useState(false);
  const [reloadKey, setReloadKey] = useState(0);
  const [filters] = useState<Filters>({});
  const fetchPage = useCallback<FetchPage<ApiClient, Filters>>(
    (request, signal) => open311Api.clients({ page: request.page, pageSize: request.pageSize, q: request.q }, signal),
    [],
  );

  const toggle = async (c: ApiClient) => {
    try {
      await open311Api.update(c.id, { active: !c.active });
      void message.success(t('common.saved'));
      setReloadKey((k) => k + 1);
    } catch (error) {
      void message.error(errorText(error, locale));
    }
  };

  const columns: TableColumnsType<ApiClient> = [
    {
      title: t('open311.clients.name'),
      key: 'name',
      render: (_, c) => <Typography.Text strong>{c.name}</Typography.Text>,
    },
    { title: t('open311.clients.contact'), key: 'contact', responsive: ['lg'], render: (_, c) => c.contact ?? '—' },
    {
      title: t('open311.clients.keyPrefix'),
      key: 'keyPrefix',
      render: (_, c) => <Typography.Text code>{c.keyPrefix}_…</Typography.Text>,
    },
    { title: t('open311.clients.rateLimit'), key: 'rate', align: 'right', render: (_, c) => c.rateLimitPerMinute },
    {
      title: t('open311.clients.active'),
      key: 'active',
      render: (_, c) =>
        c.active ? (
          <Tag color="success">{t('open311.clients.enabled')}</Tag>
        ) : (
          <Tag>{t('open311.clients.disabled')}</Tag>
        ),
    },
    {
      title: t('open311.clients.createdAt'),
      key: 'createdAt',
      responsive: ['md'],
      render: (_, c) => dayjs(c.createdAt).format(DATE_TIME_FORMAT),
    },
    {
      title: t('open311.clients.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, c) =>
        c.active ? (
          <Popconfirm
            title={t('open311.clients.disableConfirm')}
            okText={t('open311.clients.disable')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => toggle(c)}
          >
            <Button type="link" size="small" danger data-testid={`open311-disable-${c.id}`}>
              {t('open311.clients.disable')}
            </Button>
          </Popconfirm>
        ) : (
          <Button type="link" size="small" onClick={() => toggle(c)} data-testid={`open311-enable-${c.id}`}>
            {t('open311.clients.enable')}
          </Button>
        ),
    },
  ];

  return (
    <>
      <PagedTable<ApiClient, Filters>
        testId="open311-clients"
        fetchPage={fetchPage}
        filters={filters}
        columns={columns}
        rowKey={(c) => c.id}
        reloadKey={reloadKey}
        actions={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="open311-create">
            {t('open311.clients.create')}
          </Button>
        }
      />
      <ApiClientModal open={creating} onClose={() => setCreating(false)} onCreated={() => setReloadKey((k) => k + 1)} />
    </>
  );
}
