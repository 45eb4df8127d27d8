import { useEffect } from 'react';
import { Form, Input, Space } from 'antd';
import type { CampaignUpdate } from '../../../../common/contracts/campaigns.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import { useI18n } from '../../i18n/context.ts';
import { cpApi, type Campaign } from './cp.api.ts';

interface EditValues {
  name: string;
  startDate: string;
  endDate?: string;
  description?: string;
  verb?: string;
}

/** Corrects an active campaign's name, dates and texts; the number, kind and targets stay (docs/campaigns.md). */
export function CampaignEditModal(props: { campaign: Campaign | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<EditValues>();
  const { campaign } = props;
  useEffect(() => {
    if (campaign)
      form.setFieldsValue({
        name: campaign.name,
        startDate: campaign.startDate,
        endDate: campaign.endDate ?? '',
        description: campaign.description ?? '',
        verb: campaign.verb ?? '',
      });
  }, [campaign, form]);
  const save = useFormSubmit(form, async (v: EditValues) => {
    if (!campaign) return;
    const body: CampaignUpdate = {
      name: v.name,
      startDate: v.startDate,
      endDate: v.endDate || null,
      description: v.description?.trim() || null,
      verb: v.verb?.trim() || null,
    };
    await cpApi.update(campaign.id, body);
    props.onSaved();
  });
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <FormModal
      open={!!campaign}
      title={`${t('campaigns.actions.editTitle')} · ${campaign?.campaignNo ?? ''}`}
      onSave={() => form.submit()}
      onClose={props.onClose}
      submitting={save.submitting}
      testId="campaign-edit-save"
    >
      <Form<EditValues> form={form} layout="vertical" onFinish={(v) => void save.run(v)}>
        <Form.Item name="name" label={t('campaigns.fields.name')} rules={[...required, { max: 80 }]}>
          <Input data-testid="campaign-edit-name" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="startDate" label={t('campaigns.fields.startDate')} rules={required}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="endDate" label={t('campaigns.fields.endDate')}>
            <Input type="date" />
          </Form.Item>
        </Space>
        <Form.Item name="verb" label={t('campaigns.fields.verb')} tooltip={t('campaigns.fields.verbHint')}>
          <Input maxLength={6} />
        </Form.Item>
        <Form.Item name="description" label={t('campaigns.fields.description')}>
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
