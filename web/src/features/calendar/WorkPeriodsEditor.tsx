import { useEffect, useState } from 'react';
import { App, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { errorText } from '../../api/errors.ts';
import { useResource } from '../../api/use-resource.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { calendarApi, type CalendarPeriods } from './calendar.api.ts';
import { checkPeriods, clearErrors, issueFields, serverIssues } from './calendar-form.ts';

interface Values {
  periods: { start?: string; end?: string }[];
}

/** 工作时段 of a working day (default 08:00–12:00, 14:00–18:00); the server explains overlaps and bad times per field. */
export function WorkPeriodsEditor() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const canManage = useAuth().can('settings.manage');
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const periods = useResource((signal) => calendarApi.periods(signal), []);
  useEffect(() => {
    if (periods.data) form.setFieldsValue(periods.data);
  }, [periods.data, form]);

  const save = async (values: Values) => {
    const periods = (values.periods ?? []).map((p) => ({ start: (p.start ?? '').trim(), end: (p.end ?? '').trim() }));
    clearErrors(form);
    const local = checkPeriods(periods);
    if (local.length > 0) {
      form.setFields(issueFields(local, t) as Parameters<typeof form.setFields>[0]);
      return;
    }
    setBusy(true);
    try {
      const saved: CalendarPeriods = await calendarApi.setPeriods({ periods });
      form.setFieldsValue(saved);
      void message.success(t('calendar.periodsSaved'));
    } catch (error) {
      form.setFields(issueFields(serverIssues(error, 'periods'), t) as Parameters<typeof form.setFields>[0]);
      void message.error(errorText(error, locale));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('calendar.periods')} data-testid="calendar-periods">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('calendar.periodsHint')}
      </Typography.Paragraph>
      {periods.error ? <LoadError error={periods.error} onRetry={periods.reload} testId="calendar-periods" /> : null}
      <Form<Values> form={form} name="calendar-periods" onFinish={(v) => void save(v)} disabled={!canManage}>
        <Form.List name="periods">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4}>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="start">
                  <Form.Item name={[f.name, 'start']} style={{ marginBottom: 8, flex: 1 }}>
                    <Input
                      placeholder="08:00"
                      maxLength={5}
                      aria-label={t('calendar.periodStart')}
                      data-testid={`calendar-period-start-${f.name}`}
                    />
                  </Form.Item>
                  <span style={{ lineHeight: '32px' }}>–</span>
                  <Form.Item name={[f.name, 'end']} style={{ marginBottom: 8, flex: 1 }}>
                    <Input
                      placeholder="12:00"
                      maxLength={5}
                      aria-label={t('calendar.periodEnd')}
                      data-testid={`calendar-period-end-${f.name}`}
                    />
                  </Form.Item>
                  {canManage ? (
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined />}
                      onClick={() => remove(f.name)}
                      aria-label={t('common.delete')}
                      disabled={fields.length <= 1}
                    />
                  ) : null}
                </Flex>
              ))}
              {canManage ? (
                <Flex gap={8} justify="space-between" wrap>
                  <Button
                    icon={<PlusOutlined />}
                    onClick={() => add({ start: '', end: '' })}
                    disabled={fields.length >= 12}
                    data-testid="calendar-period-add"
                  >
                    {t('calendar.addPeriod')}
                  </Button>
                  <Button type="primary" htmlType="submit" loading={busy} data-testid="calendar-periods-save">
                    {t('calendar.savePeriods')}
                  </Button>
                </Flex>
              ) : null}
            </Flex>
          )}
        </Form.List>
      </Form>
    </Card>
  );
}
