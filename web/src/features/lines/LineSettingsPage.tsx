import { useEffect } from 'react';
import { App, Button, Card, Checkbox, Flex, Form, Input, Typography } from 'antd';
import { LINES, type Line, type LinesSetting } from '../../../../common/domain/lines.ts';
import { PageSection } from '../../components/PageSection.tsx';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import { useI18n } from '../../i18n/context.ts';
import { linesApi } from './lines.api.ts';
import { SharedTypesCard } from './SharedTypesCard.tsx';
import { putLines, useLinesSetting } from './useLines.ts';

interface Values {
  enabled: Line[];
  from: string;
  to: string;
}

const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/;

/** 业务条线: which lines the city runs and its flood season (docs/lines.md); settings.manage. */
export function LineSettingsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const setting = useLinesSetting();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (setting)
      form.setFieldsValue({ enabled: setting.enabled, from: setting.floodSeason.from, to: setting.floodSeason.to });
  }, [setting, form]);
  const { submitting, run } = useFormSubmit(form, async (v: Values) => {
    const saved: LinesSetting = await linesApi.saveSettings({
      enabled: LINES.filter((l) => v.enabled.includes(l)),
      floodSeason: { from: v.from.trim(), to: v.to.trim() },
    });
    putLines(saved);
    void message.success(t('lineViews.settings.saved'));
  });
  const monthDay = [
    { required: true, message: t('validation.required') },
    { pattern: MONTH_DAY, message: 'MM-DD' },
  ];
  return (
    <PageSection title={t('lineViews.settings.title')} testId="page-line-settings">
      <Flex vertical gap={16}>
        <Card>
          <Typography.Paragraph type="secondary">{t('lineViews.settings.intro')}</Typography.Paragraph>
          <Form form={form} layout="vertical" onFinish={(v) => void run(v)} disabled={!setting}>
            <Form.Item name="enabled" label={t('lineViews.settings.enabled')}>
              <Checkbox.Group data-testid="line-settings-enabled">
                <Flex wrap gap={12}>
                  {LINES.map((l) => (
                    <Checkbox key={l} value={l} data-testid={`line-switch-${l}`}>
                      {t(`lineViews.group.${l}`)}
                    </Checkbox>
                  ))}
                </Flex>
              </Checkbox.Group>
            </Form.Item>
            <Typography.Text strong>{t('lineViews.settings.season')}</Typography.Text>
            <Flex gap={12} wrap style={{ marginTop: 8 }}>
              <Form.Item name="from" label={t('lineViews.settings.from')} rules={monthDay}>
                <Input placeholder="05-01" style={{ width: 120 }} data-testid="line-season-from" />
              </Form.Item>
              <Form.Item name="to" label={t('lineViews.settings.to')} rules={monthDay}>
                <Input placeholder="09-30" style={{ width: 120 }} data-testid="line-season-to" />
              </Form.Item>
            </Flex>
            <Button type="primary" htmlType="submit" loading={submitting} data-testid="line-settings-save">
              {t('lineViews.settings.save')}
            </Button>
          </Form>
        </Card>
        <SharedTypesCard />
      </Flex>
    </PageSection>
  );
}
