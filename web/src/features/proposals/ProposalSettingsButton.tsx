import { useState } from 'react';
import { App, Button, Form, InputNumber, Typography } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { MAX_REPLY_MONTHS } from '../../../../common/domain/proposals.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import { useI18n } from '../../i18n/context.ts';
import { proposalsApi } from './proposals.api.ts';

/** The tenant's reply limit in months (three by default), for the office. */
export function ProposalSettingsButton() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ replyMonths: number }>();
  const save = useFormSubmit(form, async (v: { replyMonths: number }) => {
    await proposalsApi.putSettings(v);
    void message.success(t('proposals.settings.saved'));
    setOpen(false);
  });
  const show = async () => {
    setOpen(true);
    form.setFieldsValue(await proposalsApi.settings());
  };
  return (
    <>
      <Button icon={<SettingOutlined />} onClick={() => void show()} data-testid="proposals-settings">
        {t('proposals.tabs.settings')}
      </Button>
      <FormModal
        open={open}
        title={t('proposals.tabs.settings')}
        onSave={() => form.submit()}
        onClose={() => setOpen(false)}
        submitting={save.submitting}
        testId="proposals-settings-save"
      >
        <Form form={form} layout="vertical" onFinish={(v) => void save.run(v)} preserve={false}>
          <Form.Item
            name="replyMonths"
            label={t('proposals.settings.replyMonths')}
            rules={[{ required: true, type: 'integer', min: 1, max: MAX_REPLY_MONTHS }]}
          >
            <InputNumber min={1} max={MAX_REPLY_MONTHS} precision={0} />
          </Form.Item>
          <Typography.Text type="secondary">{t('proposals.settings.hint')}</Typography.Text>
        </Form>
      </FormModal>
    </>
  );
}
