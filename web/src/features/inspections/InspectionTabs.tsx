import { useState } from 'react';
import { Drawer, Image, Space, Table, Tag, Typography } from 'antd';
import type { Inspection } from '../../../../common/contracts/inspections.ts';
import { useResource } from '../../api/use-resource.ts';
import { formatInstant } from '../../components/format.ts';
import { useI18n } from '../../i18n/context.ts';
import { inspectionsApi } from './inspections.api.ts';

function InspectionDetail({ inspection, onClose }: { inspection: Inspection | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  return (
    <Drawer open={!!inspection} onClose={onClose} title={t('inspections.detail')} size="large">
      {inspection ? (
        <div data-testid="inspection-detail">
          <Typography.Title level={5}>
            {inspection.assetName} · {inspection.dueDate}
          </Typography.Title>
          {inspection.items.map((i) => (
            <div key={i.key} style={{ marginBottom: 12 }}>
              <Space>
                <strong>{locale === 'en' && i.labelEn ? i.labelEn : i.label}</strong>
                {i.ok !== null ? (
                  <Tag color={i.failed ? 'red' : 'green'}>
                    {t(i.failed ? 'inspections.h5.fail' : 'inspections.h5.pass')}
                  </Tag>
                ) : null}
                {i.value !== null ? (
                  <Tag color={i.failed ? 'red' : undefined}>{`${i.value}${i.unit ?? ''}`}</Tag>
                ) : null}
                {i.orderNo ? <Tag color="blue">{t('inspections.h5.orderNo', { no: i.orderNo })}</Tag> : null}
                {i.caseNo ? <Tag color="orange">{t('inspections.h5.caseNo', { no: i.caseNo })}</Tag> : null}
              </Space>
              {i.text ? <div>{i.text}</div> : null}
              <Image.PreviewGroup>
                {i.photoIds.map((p) => (
                  <Image key={p} width={96} src={`/api/photos/${p}/thumb`} preview={{ src: `/api/photos/${p}` }} />
                ))}
              </Image.PreviewGroup>
            </div>
          ))}
        </div>
      ) : null}
    </Drawer>
  );
}

/** 巡检记录: the inspections in the reader's scope, newest due first, with the detail and photos. */
export function InspectionList() {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<Inspection | null>(null);
  const res = useResource(
    (signal) => inspectionsApi.list({ page, pageSize: 20, sort: 'dueDate', order: 'desc' }, signal),
    [page],
  );
  return (
    <div data-testid="inspection-list">
      <Table
        rowKey="id"
        size="small"
        loading={res.loading}
        dataSource={res.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('inspections.empty') }}
        pagination={{ current: page, pageSize: 20, total: res.data?.total ?? 0, onChange: setPage }}
        onRow={(r) => ({ onClick: () => setOpen(r), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('inspections.col.asset'), render: (_, r) => `${r.assetName}（${r.assetCode}）` },
          { title: t('inspections.col.name'), dataIndex: 'planName' },
          { title: t('inspections.col.dueDate'), dataIndex: 'dueDate' },
          {
            title: t('inspections.col.state'),
            render: (_, r) => (
              <Tag color={r.state === 'done' ? 'green' : 'default'}>{t(`inspections.state.${r.state}`)}</Tag>
            ),
          },
          {
            title: t('inspections.col.failed'),
            render: (_, r) => (r.failedCount ? <Tag color="red">{r.failedCount}</Tag> : r.state === 'done' ? 0 : '—'),
          },
          { title: t('inspections.col.doneAt'), render: (_, r) => formatInstant(r.doneAt) },
        ]}
      />
      <InspectionDetail inspection={open} onClose={() => setOpen(null)} />
    </div>
  );
}
