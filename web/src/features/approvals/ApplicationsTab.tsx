import { useCallback, useEffect, useState } from 'react';
import { Button, Checkbox, Form, Input, Select, Tag, type TableColumnsType } from 'antd';
import { APPLICATION_STATUSES, approvalTypeName, type ApprovalStatus } from '../../../../common/domain/approvals.ts';
import { ExportButton } from '../../components/ExportButton.tsx';
import { FilterSelect } from '../../components/FilterSelect.tsx';
import { formatInstant } from '../../components/format.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { ListPage } from '../../components/ListPage.tsx';
import { useCrudList } from '../../components/useCrudList.ts';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import type { FetchPage } from '../../components/usePagedQuery.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { apApi, STATUS_COLORS, type Application, type ApprovalType } from './ap.api.ts';
import { ApplicationDrawer } from './ApplicationDrawer.tsx';
import { DetailFields, detailsBody } from './DetailFields.tsx';

interface Filters {
  status?: ApprovalStatus;
  typeId?: string;
}

interface AcceptValues {
  typeId: string;
  applicantName: string;
  applicantPhone: string;
  address: string;
  summary?: string;
  materials?: string[];
  details?: Record<string, unknown>;
}

/** 受理: the type's checklist ticks what the applicant brought; the facts its register needs are asked for too. */
function AcceptModal(props: { open: boolean; types: ApprovalType[]; onClose: () => void; onSaved: () => void }) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<AcceptValues>();
  const typeId = Form.useWatch('typeId', form);
  const type = props.types.find((x) => x.id === typeId);
  useEffect(() => {
    if (props.open) form.resetFields();
  }, [props.open, form]);
  const { submitting, run } = useFormSubmit(form, async (v: AcceptValues) => {
    await apApi.accept({
      typeId: v.typeId,
      applicantName: v.applicantName.trim(),
      applicantPhone: v.applicantPhone.trim(),
      address: v.address.trim(),
      summary: v.summary?.trim() || null,
      materials: v.materials ?? [],
      details: detailsBody(v.details),
    });
    props.onSaved();
  });
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <FormModal
      open={props.open}
      title={t('approvals.action.accept')}
      onSave={() => form.submit()}
      onClose={props.onClose}
      submitting={submitting}
      testId="ap-accept-submit"
    >
      <Form<AcceptValues> form={form} layout="vertical" name="ap-accept" onFinish={(v) => void run(v)}>
        <Form.Item name="typeId" label={t('approvals.field.type')} rules={required}>
          <Select
            data-testid="ap-accept-type"
            options={props.types
              .filter((x) => x.active)
              .map((x) => ({ value: x.id, label: approvalTypeName(locale, x) }))}
          />
        </Form.Item>
        <Form.Item name="applicantName" label={t('approvals.field.applicant')} rules={[...required, { max: 60 }]}>
          <Input data-testid="ap-accept-applicant" />
        </Form.Item>
        <Form.Item
          name="applicantPhone"
          label={t('approvals.field.phone')}
          rules={[...required, { pattern: /^1[3-9][0-9]{9}$/, message: t('validation.pattern') }]}
        >
          <Input data-testid="ap-accept-phone" />
        </Form.Item>
        <Form.Item name="address" label={t('approvals.field.address')} rules={[...required, { max: 200 }]}>
          <Input data-testid="ap-accept-address" />
        </Form.Item>
        <Form.Item name="summary" label={t('approvals.field.summary')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        {type ? (
          <Form.Item name="materials" label={t('approvals.field.materials')}>
            <Checkbox.Group
              style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
              options={type.materials.map((m) => ({
                value: m.code,
                label: `${m.name}（${t(m.required ? 'approvals.material.required' : 'approvals.material.optional')}）`,
              }))}
            />
          </Form.Item>
        ) : null}
        <DetailFields typeCode={type?.code} />
      </Form>
    </FormModal>
  );
}

/** The applications: number, item, applicant (phone masked by the server), status and the promised date. */
export function ApplicationsTab() {
  const { t, locale } = useI18n();
  const list = useCrudList<Application, Filters>();
  const canHandle = useAuth().can('approval.handle');
  const [types, setTypes] = useState<ApprovalType[]>([]);
  const [openId, setOpenId] = useState<string | null>(null);
  useEffect(() => {
    void apApi.types().then(
      (r) => setTypes(r.items),
      () => setTypes([]),
    );
  }, []);
  const fetchPage = useCallback<FetchPage<Application, Filters>>((r, signal) => apApi.applications(r, signal), []);
  const columns: TableColumnsType<Application> = [
    {
      title: t('approvals.field.applicationNo'),
      key: 'applicationNo',
      sorter: true,
      render: (_, a) => (
        <Button type="link" size="small" onClick={() => setOpenId(a.id)} data-testid={`ap-open-${a.applicationNo}`}>
          {a.applicationNo}
        </Button>
      ),
    },
    {
      title: t('approvals.field.type'),
      key: 'type',
      render: (_, a) => approvalTypeName(locale, { code: a.typeCode, name: a.typeName }),
    },
    { title: t('approvals.field.applicant'), key: 'applicant', render: (_, a) => a.applicantName },
    { title: t('approvals.field.phone'), key: 'phone', responsive: ['xl'], render: (_, a) => a.applicantPhone },
    { title: t('approvals.field.address'), key: 'address', responsive: ['lg'], render: (_, a) => a.address },
    {
      title: t('approvals.field.status'),
      key: 'status',
      sorter: true,
      render: (_, a) => (
        <>
          <Tag color={STATUS_COLORS[a.status]}>{t(`approvals.status.${a.status}`)}</Tag>
          {a.decision ? <Tag>{t(`approvals.decision.${a.decision}`)}</Tag> : null}
        </>
      ),
    },
    {
      title: t('approvals.field.acceptedAt'),
      key: 'acceptedAt',
      sorter: true,
      render: (_, a) => formatInstant(a.acceptedAt),
    },
    { title: t('approvals.field.dueDate'), key: 'dueAt', sorter: true, render: (_, a) => a.dueDate },
    { title: t('approvals.field.permitNo'), key: 'permitNo', responsive: ['xl'], render: (_, a) => a.permitNo ?? '—' },
  ];
  return (
    <ListPage<Application, Filters>
      list={list}
      testId="ap-applications"
      fetchPage={fetchPage}
      columns={columns}
      rowKey={(a) => a.id}
      defaultSort={{ sort: 'acceptedAt', order: 'desc' }}
      searchPlaceholder={t('approvals.search.applications')}
      toolbar={
        <>
          <FilterSelect
            list={list}
            name="status"
            codes={APPLICATION_STATUSES}
            label={(c) => t(`approvals.status.${c}`)}
            placeholder={t('approvals.field.status')}
            width={120}
            testId="ap-filter-status"
          />
          <Select
            allowClear
            placeholder={t('approvals.field.type')}
            style={{ width: 180 }}
            value={list.filters.typeId}
            onChange={(v?: string) => list.setFilter('typeId', v ?? undefined)}
            options={types.map((x) => ({ value: x.id, label: approvalTypeName(locale, x) }))}
          />
        </>
      }
      exportPath="/api/exports/approval-applications.xlsx"
      actions={<ExportButton path="/api/exports/approval-applications.csv" query={list.filters} label="CSV" />}
      createLabel={canHandle ? t('approvals.action.accept') : undefined}
    >
      <AcceptModal open={list.target === 'new'} types={types} onClose={list.close} onSaved={() => list.saved()} />
      <ApplicationDrawer id={openId} onClose={() => setOpenId(null)} onChanged={list.reload} />
    </ListPage>
  );
}
