import { useCallback, useEffect, useState } from 'react';
import { Button, Card, Form, Input, InputNumber, Space, type TableColumnsType } from 'antd';
import { FormModal } from '../../components/FormModal.tsx';
import { ListPage } from '../../components/ListPage.tsx';
import { PagedTable } from '../../components/PagedTable.tsx';
import { useCrudList } from '../../components/useCrudList.ts';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import type { FetchPage } from '../../components/usePagedQuery.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { DateItem, TownshipSelect } from '../illegal-construction/fields.tsx';
import { frApi, type Committee, type SelfReport } from './fr.api.ts';

interface Filters {
  regionId?: string;
}

interface CommitteeValues {
  name: string;
  streetName: string;
  regionId: string;
  chairName: string;
  chairPhone: string;
  shopCount: number;
  foundedOn: string;
}

function CommitteeModal({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<CommitteeValues>();
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  const { submitting, run } = useFormSubmit(form, async (v: CommitteeValues) => {
    await frApi.createCommittee({
      ...v,
      name: v.name.trim(),
      streetName: v.streetName.trim(),
      chairName: v.chairName.trim(),
      chairPhone: v.chairPhone.trim(),
    });
    onSaved();
  });
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <FormModal
      open={open}
      title={t('frontage.action.createCommittee')}
      onSave={() => form.submit()}
      onClose={onClose}
      submitting={submitting}
      testId="fr-committee-submit"
    >
      <Form form={form} layout="vertical" name="fr-committee" onFinish={(v) => void run(v)}>
        <Form.Item name="name" label={t('frontage.committee.name')} rules={[...required, { max: 80 }]}>
          <Input data-testid="fr-committee-name" />
        </Form.Item>
        <Form.Item name="streetName" label={t('frontage.committee.streetName')} rules={[...required, { max: 60 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="regionId" label={t('frontage.field.region')} rules={required}>
          <TownshipSelect testId="fr-committee-region" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="chairName" label={t('frontage.committee.chairName')} rules={[...required, { max: 40 }]}>
            <Input />
          </Form.Item>
          <Form.Item
            name="chairPhone"
            label={t('frontage.committee.chairPhone')}
            rules={[...required, { pattern: /^[0-9+\- ]{5,20}$/, message: t('validation.pattern') }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="shopCount" label={t('frontage.committee.shopCount')} rules={required}>
            <InputNumber min={1} max={10_000} precision={0} />
          </Form.Item>
        </Space>
        <DateItem name="foundedOn" label={t('frontage.committee.foundedOn')} required testId="fr-committee-founded" />
      </Form>
    </FormModal>
  );
}

interface ReportValues {
  reportedOn: string;
  shopsChecked: number;
  problemsFound: number;
  problemsFixed: number;
  summary: string;
}

function ReportModal({
  target,
  onClose,
  onSaved,
}: {
  target: Committee | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<ReportValues>();
  useEffect(() => {
    if (target) form.resetFields();
  }, [target, form]);
  const { submitting, run } = useFormSubmit(form, async (v: ReportValues) => {
    if (!target) return;
    await frApi.addSelfReport(target.id, { ...v, summary: v.summary.trim() });
    onSaved();
  });
  const required = [{ required: true, message: t('validation.required') }];
  const count = (name: keyof ReportValues, label: string) => (
    <Form.Item name={name} label={label} rules={required}>
      <InputNumber min={0} max={10_000} precision={0} />
    </Form.Item>
  );
  return (
    <FormModal
      open={target !== null}
      title={`${t('frontage.action.addReport')}：${target?.name ?? ''}`}
      onSave={() => form.submit()}
      onClose={onClose}
      submitting={submitting}
      testId="fr-report-submit"
    >
      <Form form={form} layout="vertical" name="fr-report" onFinish={(v) => void run(v)}>
        <DateItem name="reportedOn" label={t('frontage.committee.reportedOn')} required testId="fr-report-date" />
        <Space wrap>
          {count('shopsChecked', t('frontage.committee.shopsChecked'))}
          {count('problemsFound', t('frontage.committee.problemsFound'))}
          {count('problemsFixed', t('frontage.committee.problemsFixed'))}
        </Space>
        <Form.Item name="summary" label={t('frontage.committee.summary')} rules={[...required, { max: 1000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

function Reports({ reloadKey }: { reloadKey: number }) {
  const { t } = useI18n();
  const fetchPage = useCallback<FetchPage<SelfReport, object>>((r, signal) => frApi.selfReports(r, signal), []);
  const columns: TableColumnsType<SelfReport> = [
    { title: t('frontage.committee.reportedOn'), key: 'reportedOn', sorter: true, render: (_, r) => r.reportedOn },
    { title: t('frontage.committee.name'), key: 'committee', render: (_, r) => r.committeeName },
    { title: t('frontage.committee.shopsChecked'), key: 'checked', align: 'right', render: (_, r) => r.shopsChecked },
    { title: t('frontage.committee.problemsFound'), key: 'found', align: 'right', render: (_, r) => r.problemsFound },
    { title: t('frontage.committee.problemsFixed'), key: 'fixed', align: 'right', render: (_, r) => r.problemsFixed },
    { title: t('frontage.committee.summary'), key: 'summary', responsive: ['lg'], render: (_, r) => r.summary },
  ];
  return (
    <PagedTable<SelfReport, object>
      testId="fr-reports"
      fetchPage={fetchPage}
      filters={{}}
      reloadKey={reloadKey}
      columns={columns}
      rowKey={(r) => r.id}
      defaultSort={{ sort: 'reportedOn', order: 'desc' }}
      searchPlaceholder={t('frontage.search.reports')}
    />
  );
}

/** 商街自治: the street committees in each street and township and their self-inspection reports. */
export function CommitteesTab() {
  const { t } = useI18n();
  const [reportsKey, setReportsKey] = useState(0);
  const list = useCrudList<Committee, Filters>({ onChanged: () => setReportsKey((k) => k + 1) });
  const canManage = useAuth().can('frontage.manage');
  const [reporting, setReporting] = useState<Committee | null>(null);
  const fetchPage = useCallback<FetchPage<Committee, Filters>>((r, signal) => frApi.committees(r, signal), []);
  const columns: TableColumnsType<Committee> = [
    { title: t('frontage.committee.name'), key: 'name', sorter: true, render: (_, c) => c.name },
    { title: t('frontage.committee.streetName'), key: 'street', render: (_, c) => c.streetName },
    { title: t('frontage.field.region'), key: 'region', render: (_, c) => c.regionName ?? '—' },
    { title: t('frontage.committee.chairName'), key: 'chair', responsive: ['lg'], render: (_, c) => c.chairName },
    {
      title: t('frontage.committee.chairPhone'),
      key: 'phone',
      responsive: ['xl'],
      render: (_, c) => c.chairPhone ?? '—',
    },
    { title: t('frontage.committee.shopCount'), key: 'shops', align: 'right', render: (_, c) => c.shopCount },
    { title: t('frontage.committee.foundedOn'), key: 'foundedOn', sorter: true, render: (_, c) => c.foundedOn },
    { title: t('frontage.committee.reports'), key: 'reports', align: 'right', render: (_, c) => c.reports },
    { title: t('frontage.committee.lastReportedOn'), key: 'last', render: (_, c) => c.lastReportedOn ?? '—' },
    ...(canManage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, c: Committee) => (
              <Button type="link" size="small" onClick={() => setReporting(c)} data-testid={`fr-report-${c.id}`}>
                {t('frontage.action.addReport')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <ListPage<Committee, Filters>
        list={list}
        testId="fr-committees"
        fetchPage={fetchPage}
        columns={columns}
        rowKey={(c) => c.id}
        defaultSort={{ sort: 'foundedOn', order: 'desc' }}
        searchPlaceholder={t('frontage.search.committees')}
        toolbar={
          <TownshipSelect
            placeholder={t('frontage.filter.region')}
            value={list.filters.regionId}
            onChange={(v) => list.setFilter('regionId', v ?? undefined)}
            allowClear
            testId="fr-committees-filter-region"
          />
        }
        createLabel={canManage ? t('frontage.action.createCommittee') : undefined}
      >
        <CommitteeModal open={list.target === 'new'} onClose={list.close} onSaved={() => list.saved()} />
        <ReportModal
          target={reporting}
          onClose={() => setReporting(null)}
          onSaved={() => {
            setReporting(null);
            list.saved();
          }}
        />
      </ListPage>
      <Card size="small" title={t('frontage.committee.reportsTitle')}>
        <Reports reloadKey={reportsKey} />
      </Card>
    </Space>
  );
}
