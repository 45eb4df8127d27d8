import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, InputNumber, Select, Space, Typography } from 'antd';
import type { LimitUnit } from '../../../../common/domain/work-calendar.ts';
import { errorText } from '../../api/errors.ts';
import { DATE_TIME_FORMAT, dayjs, type Dayjs } from '../../components/dates.ts';
import { formatInstant } from '../../components/format.ts';
import { useI18n } from '../../i18n/context.ts';
import { limitUnitOptions } from '../catalog/labels.ts';
import { calendarApi } from './calendar.api.ts';

interface Values {
  start: Dayjs | null;
  value: number | null;
  unit: LimitUnit;
}

/** Start + limit → deadline with the tenant's calendar (GET /api/calendar/compute): a quick check after editing. */
export function DeadlineCheck() {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const [result, setResult] = useState<{ deadline: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const compute = async (values: Values) => {
    const start = values.start;
    if (!start || values.value === null) return;
    setBusy(true);
    setError(null);
    try {
      setResult(await calendarApi.compute({ start: start.toISOString(), value: values.value, unit: values.unit }));
    } catch (cause) {
      setResult(null);
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  const weekday = (iso: string) => new Intl.DateTimeFormat(locale, { weekday: 'short' }).format(new Date(iso));
  const required = [{ required: true, message: t('validation.required') }];

  return (
    <Card size="small" title={t('calendar.compute.title')} data-testid="calendar-compute">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('calendar.compute.hint')}
      </Typography.Paragraph>
      <Form<Values>
        form={form}
        name="calendar-compute"
        layout="vertical"
        initialValues={{ start: dayjs().second(0).millisecond(0), value: 1, unit: 'work_days' }}
        onFinish={(v) => void compute(v)}
      >
        <Form.Item name="start" label={t('calendar.compute.start')} rules={required}>
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format={DATE_TIME_FORMAT}
            style={{ width: '100%' }}
            data-testid="calendar-compute-start"
          />
        </Form.Item>
        <Form.Item label={t('calendar.compute.value')} required>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="value" noStyle rules={required}>
              <InputNumber
                min={0}
                max={100000}
                style={{ width: '40%' }}
                aria-label={t('calendar.compute.value')}
                data-testid="calendar-compute-value"
              />
            </Form.Item>
            <Form.Item name="unit" noStyle rules={required}>
              <Select
                options={limitUnitOptions(locale)}
                style={{ width: '60%' }}
                aria-label={t('calendar.compute.unit')}
                data-testid="calendar-compute-unit"
              />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block data-testid="calendar-compute-submit">
          {t('calendar.compute.submit')}
        </Button>
      </Form>
      {result ? (
        <Alert
          style={{ marginTop: 12 }}
          type="success"
          title={t('calendar.compute.deadline')}
          description={
            <strong data-testid="calendar-compute-deadline">{`${formatInstant(result.deadline)} ${weekday(result.deadline)}`}</strong>
          }
        />
      ) : null}
      {error ? <Alert style={{ marginTop: 12 }} type="error" showIcon title={errorText(error, locale)} /> : null}
    </Card>
  );
}
