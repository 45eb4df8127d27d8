import { useState } from 'react';
import { App, Button, Input, Modal, Space, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { PagedTable } from '../../components/PagedTable.tsx';
import { downloadFile } from '../../components/download.ts';
import { formatInstant } from '../../components/format.ts';
import { useI18n } from '../../i18n/context.ts';
import { vehiclesApi, type Lead } from './vehicles.api.ts';

const STATE_COLOR = { open: 'orange', dismissed: 'default', referred: 'blue' } as const;

/** The leads of the muck-truck checks: evidence download, dismiss or refer to enforcement with a reason. */
export function LeadsTab() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [reload, setReload] = useState(0);
  const [acting, setActing] = useState<{ lead: Lead; state: 'dismissed' | 'referred' } | null>(null);
  const [note, setNote] = useState('');
  const submit = async () => {
    if (!acting || !note.trim()) return;
    try {
      await vehiclesApi.handle(acting.lead.id, {
        state: acting.state,
        note: note.trim(),
        version: acting.lead.version,
      });
      setActing(null);
      setNote('');
      setReload((n) => n + 1);
    } catch (e) {
      message.error(String((e as Error).message));
    }
  };
  const columns: TableColumnsType<Lead> = [
    { title: t('vehicles.col.plate'), dataIndex: 'plate', key: 'plate' },
    { title: t('vehicles.col.leadKind'), key: 'kind', render: (_, l) => t(`vehicles.violation.${l.kind}`) },
    {
      title: t('vehicles.col.startedAt'),
      key: 'startedAt',
      sorter: true,
      render: (_, l) => formatInstant(l.startedAt),
    },
    { title: t('vehicles.col.endedAt'), key: 'endedAt', render: (_, l) => formatInstant(l.endedAt) },
    {
      title: t('vehicles.col.detail'),
      key: 'detail',
      render: (_, l) => t('vehicles.lead.episodes', { n: l.episodes }),
    },
    {
      title: t('vehicles.col.state'),
      key: 'state',
      render: (_, l) => <Tag color={STATE_COLOR[l.state]}>{t(`vehicles.leadState.${l.state}`)}</Tag>,
    },
    {
      title: '',
      key: 'actions',
      render: (_, l) => (
        <Space wrap>
          <Button
            size="small"
            onClick={() =>
              void downloadFile(`/api/vehicles/leads/${l.id}/evidence`, {}, locale, `lead-${l.id}.geojson`)
            }
          >
            {t('vehicles.lead.evidence')}
          </Button>
          {l.state === 'open' && (
            <>
              <Button size="small" type="primary" onClick={() => setActing({ lead: l, state: 'referred' })}>
                {t('vehicles.lead.refer')}
              </Button>
              <Button size="small" onClick={() => setActing({ lead: l, state: 'dismissed' })}>
                {t('vehicles.lead.dismiss')}
              </Button>
            </>
          )}
        </Space>
      ),
    },
  ];
  return (
    <>
      <PagedTable<Lead, object>
        testId="vehicle-leads"
        fetchPage={(req, signal) => vehiclesApi.leads(req, signal)}
        filters={{}}
        columns={columns}
        rowKey={(l) => l.id}
        reloadKey={reload}
        defaultSort={{ sort: 'startedAt', order: 'desc' }}
        renderCard={(l) => (
          <span>
            {l.plate} · {t(`vehicles.violation.${l.kind}`)} · {formatInstant(l.startedAt)} ·{' '}
            {t(`vehicles.leadState.${l.state}`)}
          </span>
        )}
      />
      <Modal
        open={acting !== null}
        title={acting ? t(acting.state === 'referred' ? 'vehicles.lead.refer' : 'vehicles.lead.dismiss') : ''}
        onCancel={() => setActing(null)}
        onOk={() => void submit()}
        okButtonProps={{ disabled: !note.trim() }}
      >
        <Input.TextArea
          rows={3}
          maxLength={500}
          placeholder={t('vehicles.lead.note')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </Modal>
    </>
  );
}
