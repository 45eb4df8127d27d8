import { useEffect, useState } from 'react';
import { Button, Form, InputNumber, Typography } from 'antd';
import type { YellowLineSettings } from '../../../../common/domain/yellow-line.ts';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import { useI18n } from '../../i18n/context.ts';
import { App } from 'antd';
import { useAuth } from '../auth/context.ts';
import { ylApi } from './yl.api.ts';

/** The tenant's repeat counts: the failed inspection that suspends a permit and the one that revokes it. */
export function SettingsCard() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const canManage = useAuth().can('yellowline.manage');
  const [form] = Form.useForm<YellowLineSettings>();
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    const controller = new AbortController();
    ylApi.settings(controller.signal).then(
      (s) => {
        form.setFieldsValue(s);
        setLoaded(true);
      },
      () => undefined,
    );
    return () => controller.abort();
  }, [form]);
  const { submitting, run } = useFormSubmit(form, async (v: YellowLineSettings) => {
    form.setFieldsValue(await ylApi.saveSettings(v));
    void message.success(t('yellowLine.settings.saved'));
  });
  return (
    <div style={{ maxWidth: 480 }}>
      <Typography.Title level={5}>{t('yellowLine.settings.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('yellowLine.settings.hint')}</Typography.Paragraph>
      <Form<YellowLineSettings>
        form={form}
        layout="vertical"
        name="yl-settings"
        onFinish={(v) => void run(v)}
        disabled={!canManage || !loaded}
      >
        <Form.Item name="suspendAfter" label={t('yellowLine.settings.suspendAfter')} rules={[{ required: true }]}>
          <InputNumber min={1} max={20} precision={0} data-testid="yl-settings-suspend" />
        </Form.Item>
        <Form.Item name="revokeAfter" label={t('yellowLine.settings.revokeAfter')} rules={[{ required: true }]}>
          <InputNumber min={1} max={20} precision={0} data-testid="yl-settings-revoke" />
        </Form.Item>
        {canManage ? (
          <Button type="primary" htmlType="submit" loading={submitting} data-testid="yl-settings-save">
            {t('common.save')}
          </Button>
        ) : null}
      </Form>
    </div>
  );
}
