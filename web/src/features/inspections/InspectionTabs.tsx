import { useState } from 'react';
import { App, Button, DatePicker, Drawer, Image, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { Inspection } from '../../../../common/contracts/inspections.ts';
import { errorText } from '../../api/errors.ts';
import { useResource } from '../../api/use-resource.ts';
import { formatInstant } from '../../components/format.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { AssessmentSheet } from './AssessmentSheet.tsx';
import { inspectionsApi } from './inspections.api.ts';

/** 巡检计划: each plan's type, schedule and items; a manager generates the next two weeks' inspections. */
export function PlanList() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const manage = useAuth().can('assets.manage');
  const res = useResource((signal) => inspectionsApi.plans(signal), []);
  const generate = async () => {
    const from = dayjs().format('YYYY-MM-DD');
    try {
      const r = await inspectionsApi.generate(from, dayjs().add(13, 'day').format('YYYY-MM-DD'));
      void message.success(t('inspections.generated', { count: r.added }));
    } catch (e) {
      void message.error(errorText(e, locale));
    }
  };
  return (
    <div data-testid="inspection-plans">
      {manage ? (
        <Button onClick={() => void generate()} style={{ marginBottom: 12 }} data-testid="inspection-generate">
          {t('inspections.generate')}
        </Button>
      ) : null}
      <Table
        rowKey="id"
        size="small"
        loading={res.loading}
        dataSource={res.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('inspections.empty') }}
        columns={[
          { title: t('inspections.col.name'), dataIndex: 'name' },
          { title: t('inspections.col.type'), render: (_, p) => (locale === 'en' ? p.typeNameEn : p.typeNameZh) },
          {
            title: t('inspections.col.schedule'),
            render: (_, p) =>
              `${t(`inspections.schedule.${p.scheduleKind}`)}${p.schedule.dates ? ` ${p.schedule.dates.join('、')}` : ''}`,
          },
          {
            title: t('inspections.col.items'),
            render: (_, p) => (
              <Space wrap size={4}>
                {p.checklist.map((i) => (
                  <Tag key={i.key} color={i.onFail === 'none' ? undefined : i.onFail === 'case' ? 'orange' : 'blue'}>
                    {locale === 'en' && i.labelEn ? i.labelEn : i.label}
                  </Tag>
                ))}
              </Space>
            ),
          },
          { title: t('inspections.col.unit'), render: (_, p) => p.unitName ?? '—' },
        ]}
      />
    </div>
  );
}

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

/** 外包考核: the contracts and, for the chosen one and month, the sheet with print, PDF and Excel. */
export function ContractList() {
  const { t, locale } = useI18n();
  const res = useResource((signal) => inspectionsApi.contracts(signal), []);
  const [chosen, setChosen] = useState<string | null>(null);
  const [month, setMonth] = useState(dayjs().subtract(1, 'month').format('YYYY-MM'));
  return (
    <div data-testid="contract-list">
      <Table
        rowKey="id"
        size="small"
        loading={res.loading}
        dataSource={res.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('inspections.empty') }}
        rowSelection={{
          type: 'radio',
          selectedRowKeys: chosen ? [chosen] : [],
          onChange: (k) => setChosen(String(k[0])),
        }}
        columns={[
          { title: t('inspections.col.contractNo'), dataIndex: 'contractNo' },
          { title: t('inspections.col.name'), dataIndex: 'name' },
          { title: t('inspections.col.contractor'), render: (_, c) => c.unitName ?? '—' },
          { title: t('inspections.col.line'), render: (_, c) => t(`assets.lines.${c.line}`) },
          { title: t('inspections.col.area'), render: (_, c) => c.regionNames.join(locale === 'en' ? ', ' : '、') },
          { title: t('inspections.col.period'), render: (_, c) => `${c.startsOn} ~ ${c.endsOn}` },
        ]}
      />
      <Space style={{ margin: '12px 0' }}>
        <span>{t('inspections.month')}</span>
        <DatePicker
          picker="month"
          value={dayjs(`${month}-01`)}
          allowClear={false}
          onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
        />
      </Space>
      {chosen ? <AssessmentSheet contractId={chosen} month={month} /> : null}
    </div>
  );
}
