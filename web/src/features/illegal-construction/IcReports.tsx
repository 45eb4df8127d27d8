import { useCallback, useEffect } from 'react';
import { Form, Input, InputNumber, Select, Tag, Typography, type TableColumnsType } from 'antd';
import {
  IC_SOURCES,
  IC_STATUSES,
  nextIcStatuses,
  type IcSource,
  type IcStatus,
} from '../../../../common/domain/illegal-construction.ts';
import { FilterSelect } from '../../components/FilterSelect.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { ExportButton } from '../../components/ExportButton.tsx';
import { ListPage } from '../../components/ListPage.tsx';
import { useCrudList } from '../../components/useCrudList.ts';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import type { FetchPage } from '../../components/usePagedQuery.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { DateItem, PointItems, TownshipSelect } from './fields.tsx';
import { icApi, STATUS_COLORS, type IcReport } from './ic.api.ts';

interface Filters {
  status?: IcStatus;
  source?: IcSource;
  regionId?: string;
}

interface Values {
  source: IcSource;
  regionId: string;
  address: string;
  description: string;
  partyName?: string;
  areaM2?: number | null;
  reportedOn: string;
  lng: number;
  lat: number;
}

export function StatusTag({ status }: { status: IcStatus }) {
  const { t } = useI18n();
  return <Tag color={STATUS_COLORS[status]}>{t(`illegalConstruction.status.${status}`)}</Tag>;
}

function ReportModal({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  const { submitting, run } = useFormSubmit(form, async (v: Values) => {
    await icApi.createReport({
      source: v.source,
      regionId: v.regionId,
      address: v.address.trim(),
      description: v.description.trim(),
      partyName: v.partyName?.trim() || null,
      areaM2: v.areaM2 ?? null,
      reportedOn: v.reportedOn,
      lng: v.lng,
      lat: v.lat,
    });
    onSaved();
  });
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <FormModal
      open={open}
      title={t('illegalConstruction.action.createReport')}
      onSave={() => form.submit()}
      onClose={onClose}
      submitting={submitting}
      testId="ic-report-submit"
    >
      <Form<Values> form={form} layout="vertical" name="ic-report" onFinish={(v) => void run(v)}>
        <Form.Item name="source" label={t('illegalConstruction.field.source')} rules={required}>
          <Select
            data-testid="ic-report-source"
            options={IC_SOURCES.map((s) => ({ value: s, label: t(`illegalConstruction.source.${s}`) }))}
          />
        </Form.Item>
        <Form.Item name="regionId" label={t('illegalConstruction.field.township')} rules={required}>
          <TownshipSelect testId="ic-report-region" />
        </Form.Item>
        <Form.Item name="address" label={t('illegalConstruction.field.address')} rules={[...required, { max: 120 }]}>
          <Input data-testid="ic-report-address" />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('illegalConstruction.field.description')}
          rules={[...required, { max: 1000 }]}
        >
          <Input.TextArea rows={2} data-testid="ic-report-description" />
        </Form.Item>
        <Form.Item name="partyName" label={t('illegalConstruction.field.party')} rules={[{ max: 60 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="areaM2" label={t('illegalConstruction.field.areaM2')}>
          <InputNumber min={0.01} max={1_000_000} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <DateItem
          name="reportedOn"
          label={t('illegalConstruction.field.reportedOn')}
          required
          testId="ic-report-date"
        />
        <PointItems label={t('illegalConstruction.field.address')} rules={required} />
      </Form>
    </FormModal>
  );
}

/** Reports of illegal construction and their sites; a site's status moves forward only (common/domain). */
export function IcReports() {
  const { t } = useI18n();
  const list = useCrudList<IcReport, Filters>();
  const canManage = useAuth().can('construction.manage');
  const fetchPage = useCallback<FetchPage<IcReport, Filters>>((request, signal) => icApi.reports(request, signal), []);

  const columns: TableColumnsType<IcReport> = [
    {
      title: t('illegalConstruction.field.reportedOn'),
      key: 'reportedOn',
      sorter: true,
      render: (_, r) => r.reportedOn,
    },
    {
      title: t('illegalConstruction.field.source'),
      key: 'source',
      render: (_, r) => t(`illegalConstruction.source.${r.source}`),
    },
    {
      title: t('illegalConstruction.field.status'),
      key: 'status',
      sorter: true,
      render: (_, r) => <StatusTag status={r.status} />,
    },
    { title: t('illegalConstruction.field.township'), key: 'region', render: (_, r) => r.regionName ?? '—' },
    { title: t('illegalConstruction.field.address'), key: 'address', render: (_, r) => r.address },
    {
      title: t('illegalConstruction.field.description'),
      key: 'description',
      responsive: ['lg'],
      render: (_, r) => <Typography.Text ellipsis={{ tooltip: r.description }}>{r.description}</Typography.Text>,
    },
    {
      title: t('illegalConstruction.field.areaM2'),
      key: 'area',
      sorter: true,
      align: 'right',
      render: (_, r) => r.areaM2 ?? '—',
    },
    ...(canManage
      ? [
          {
            title: t('illegalConstruction.action.changeStatus'),
            key: 'actions',
            render: (_: unknown, r: IcReport) =>
              nextIcStatuses(r.status).length ? (
                <Select<IcStatus>
                  size="small"
                  style={{ width: 120 }}
                  placeholder={t('illegalConstruction.action.changeStatus')}
                  data-testid={`ic-status-${r.id}`}
                  options={nextIcStatuses(r.status).map((s) => ({
                    value: s,
                    label: t(`illegalConstruction.status.${s}`),
                  }))}
                  onChange={(status) => void list.act(() => icApi.updateReport(r.id, { status }))}
                />
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <ListPage<IcReport, Filters>
      list={list}
      testId="ic-reports"
      fetchPage={fetchPage}
      columns={columns}
      rowKey={(r) => r.id}
      defaultSort={{ sort: 'reportedOn', order: 'desc' }}
      searchPlaceholder={t('illegalConstruction.search.reports')}
      toolbar={
        <>
          <FilterSelect
            list={list}
            name="status"
            codes={IC_STATUSES}
            label={(c) => t(`illegalConstruction.status.${c}`)}
            placeholder={t('illegalConstruction.filter.status')}
            width={140}
            testId="ic-reports-filter-status"
          />
          <FilterSelect
            list={list}
            name="source"
            codes={IC_SOURCES}
            label={(c) => t(`illegalConstruction.source.${c}`)}
            placeholder={t('illegalConstruction.filter.source')}
            width={140}
          />
          <TownshipSelect
            placeholder={t('illegalConstruction.filter.township')}
            value={list.filters.regionId}
            onChange={(regionId) => list.setFilter('regionId', regionId ?? undefined)}
            testId="ic-reports-filter-region"
          />
        </>
      }
      exportPath="/api/exports/illegal-construction-reports.xlsx"
      actions={
        <ExportButton
          path="/api/exports/illegal-construction-reports.csv"
          query={list.filters}
          label="CSV"
          testId="ic-reports-export-csv"
        />
      }
      createLabel={canManage ? t('illegalConstruction.action.createReport') : undefined}
    >
      <ReportModal open={list.target === 'new'} onClose={list.close} onSaved={() => list.saved()} />
    </ListPage>
  );
}
