import { useCallback, useEffect } from 'react';
import { Form, Input, Select, type TableColumnsType } from 'antd';
import { CONSULTATION_CHANNELS, type ConsultationChannel } from '../../../../common/domain/approvals.ts';
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
import { apApi, type Consultation } from './ap.api.ts';

interface Filters {
  channel?: ConsultationChannel;
}
interface Values {
  channel: ConsultationChannel;
  name?: string;
  phone?: string;
  topic: string;
  answer?: string;
}

function ConsultModal({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const channel = Form.useWatch('channel', form);
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  const { submitting, run } = useFormSubmit(form, async (v: Values) => {
    await apApi.consult({
      channel: v.channel,
      name: v.name?.trim() || null,
      phone: v.phone?.trim() || null,
      topic: v.topic.trim(),
      answer: v.answer?.trim() || null,
    });
    onSaved();
  });
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <FormModal
      open={open}
      title={t('approvals.action.newConsultation')}
      onSave={() => form.submit()}
      onClose={onClose}
      submitting={submitting}
      testId="ap-consult-submit"
    >
      <Form<Values> form={form} layout="vertical" name="ap-consult" onFinish={(v) => void run(v)}>
        <Form.Item name="channel" label={t('approvals.field.channel')} rules={required} initialValue="walk_in">
          <Select options={CONSULTATION_CHANNELS.map((c) => ({ value: c, label: t(`approvals.channel.${c}`) }))} />
        </Form.Item>
        <Form.Item name="name" label={t('approvals.field.name')} rules={[{ max: 60 }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('approvals.field.phone')}
          rules={[
            ...(channel === 'phone' ? required : []),
            { pattern: /^1[3-9][0-9]{9}$/, message: t('validation.pattern') },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="topic" label={t('approvals.field.topic')} rules={[...required, { max: 500 }]}>
          <Input.TextArea rows={2} data-testid="ap-consult-topic" />
        </Form.Item>
        <Form.Item name="answer" label={t('approvals.field.answer')} rules={[{ max: 1000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** The consultations log: walk-in and phone, phones masked by the server. */
export function ConsultationsTab() {
  const { t } = useI18n();
  const list = useCrudList<Consultation, Filters>();
  const canHandle = useAuth().can('approval.handle');
  const fetchPage = useCallback<FetchPage<Consultation, Filters>>((r, signal) => apApi.consultations(r, signal), []);
  const columns: TableColumnsType<Consultation> = [
    {
      title: t('approvals.field.consultedAt'),
      key: 'consultedAt',
      sorter: true,
      render: (_, c) => formatInstant(c.consultedAt),
    },
    {
      title: t('approvals.field.channel'),
      key: 'channel',
      sorter: true,
      render: (_, c) => t(`approvals.channel.${c.channel}`),
    },
    { title: t('approvals.field.name'), key: 'name', render: (_, c) => c.name ?? '—' },
    { title: t('approvals.field.phone'), key: 'phone', render: (_, c) => c.phone ?? '—' },
    { title: t('approvals.field.topic'), key: 'topic', render: (_, c) => c.topic },
    { title: t('approvals.field.answer'), key: 'answer', responsive: ['lg'], render: (_, c) => c.answer ?? '—' },
  ];
  return (
    <ListPage<Consultation, Filters>
      list={list}
      testId="ap-consultations"
      fetchPage={fetchPage}
      columns={columns}
      rowKey={(c) => c.id}
      defaultSort={{ sort: 'consultedAt', order: 'desc' }}
      searchPlaceholder={t('approvals.search.consultations')}
      toolbar={
        <FilterSelect
          list={list}
          name="channel"
          codes={CONSULTATION_CHANNELS}
          label={(c) => t(`approvals.channel.${c}`)}
          placeholder={t('approvals.field.channel')}
          width={120}
        />
      }
      exportPath="/api/exports/approval-consultations.xlsx"
      actions={<ExportButton path="/api/exports/approval-consultations.csv" query={list.filters} label="CSV" />}
      createLabel={canHandle ? t('approvals.action.newConsultation') : undefined}
    >
      <ConsultModal open={list.target === 'new'} onClose={list.close} onSaved={() => list.saved()} />
    </ListPage>
  );
}
