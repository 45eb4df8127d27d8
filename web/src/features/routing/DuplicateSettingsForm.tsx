import { useEffect } from 'react';
import { App, Button, Card, Form, InputNumber, Typography } from 'antd';
import { DUPLICATE_RADIUS_RANGE, DUPLICATE_WINDOW_HOURS_RANGE } from '../../../../common/contracts/routing.ts';
import { useResource } from '../../api/use-resource.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import { useI18n } from '../../i18n/context.ts';
import { routingApi, type RoutingSettings } from './routing.api.ts';

/** 重复案件判定: the radius and the time window the operator's duplicate suggestions use. */
export function DuplicateSettingsForm() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<RoutingSettings>();

  const settings = useResource((signal) => routingApi.settings(signal), []);
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);

  const { submitting, run } = useFormSubmit(form, async (values: RoutingSettings) => {
    form.setFieldsValue(await routingApi.saveSettings(values));
    void message.success(t('common.saved'));
  });

  const range = (r: { min: number; max: number }) => [
    { required: true, message: t('validation.required') },
    { type: 'number' as const, min: r.min, max: r.max, message: `${r.min}–${r.max}` },
  ];
  return (
    <Card size="small" title={t('routing.settings.title')} data-testid="routing-settings">
      <Typography.Paragraph type="secondary">{t('routing.settings.hint')}</Typography.Paragraph>
      {settings.error ? <LoadError error={settings.error} onRetry={settings.reload} testId="routing-settings" /> : null}
      <Form<RoutingSettings> form={form} layout="inline" onFinish={(v) => void run(v)} style={{ rowGap: 8 }}>
        <Form.Item name="duplicateRadiusM" label={t('routing.settings.radius')} rules={range(DUPLICATE_RADIUS_RANGE)}>
          <InputNumber
            min={DUPLICATE_RADIUS_RANGE.min}
            max={DUPLICATE_RADIUS_RANGE.max}
            precision={0}
            data-testid="routing-settings-radius"
          />
        </Form.Item>
        <Form.Item
          name="duplicateWindowHours"
          label={t('routing.settings.window')}
          rules={range(DUPLICATE_WINDOW_HOURS_RANGE)}
        >
          <InputNumber
            min={DUPLICATE_WINDOW_HOURS_RANGE.min}
            max={DUPLICATE_WINDOW_HOURS_RANGE.max}
            precision={0}
            data-testid="routing-settings-window"
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={submitting} data-testid="routing-settings-save">
            {t('common.save')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
