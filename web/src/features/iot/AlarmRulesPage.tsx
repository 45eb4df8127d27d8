import { useEffect, useMemo, useState } from 'react';
import {
  App,
  Button,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { DEVICE_TYPES, MAX_WINDOWS, PRIMARY_METRIC, type DeviceType } from '../../../../common/domain/iot.ts';
import type { MessageKey } from '../../../../common/i18n/core.ts';
import { errorText, toFormFieldErrors } from '../../api/errors.ts';
import { useResource } from '../../api/use-resource.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { PageSection } from '../../components/PageSection.tsx';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { iotApi, type AlarmRule, type AlarmRuleCreate } from './iot.api.ts';

type Values = AlarmRuleCreate & { active?: boolean };
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** How a rule reads in one line: "tilt_deg > 15 °, 10 s, ±3" or "water_cm rises > 2 cm/min". */
function condition(r: AlarmRule, t: (k: MessageKey, p?: Record<string, string | number>) => string) {
  const unit = PRIMARY_METRIC[r.deviceType].metric === r.metric ? PRIMARY_METRIC[r.deviceType].unit : '';
  const op = r.op === 'gt' ? '>' : '<';
  const what = r.measure === 'rate' ? t('iot.rules.rateOf', { metric: r.metric }) : r.metric;
  const per = r.measure === 'rate' ? t('iot.rules.perMinute') : '';
  return `${what} ${op} ${r.threshold}${unit}${per}`;
}

/**
 * 告警规则: the rules per device type — threshold or rate of change, hysteresis, minimum duration, daily windows —
 * with the matter a case is filed under. Everyone with device.read sees them; device.manage edits.
 */
export function AlarmRulesPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const mayManage = useAuth().can('device.manage');
  const { data, error, reload } = useResource((signal) => iotApi.rules(signal), []);
  const [target, setTarget] = useState<AlarmRule | 'new' | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [type, setType] = useState<DeviceType | undefined>(undefined);
  const [form] = Form.useForm<Values>();

  useEffect(() => {
    if (error) void message.error(errorText(error, locale));
  }, [error, locale, message]);

  const columns = useMemo<TableColumnsType<AlarmRule>>(
    () => [
      {
        title: t('iot.rules.type'),
        key: 'type',
        render: (_, r) => t(`iot.type.${r.deviceType}` as MessageKey),
      },
      {
        title: t('iot.rules.name'),
        key: 'name',
        render: (_, r) =>
          mayManage ? (
            <Typography.Link onClick={() => setTarget(r)} data-testid={`rule-row-${r.deviceType}`}>
              {r.name}
            </Typography.Link>
          ) : (
            r.name
          ),
      },
      { title: t('iot.rules.condition'), key: 'condition', render: (_, r) => condition(r, t) },
      {
        title: t('iot.rules.hold'),
        key: 'hold',
        responsive: ['md'],
        render: (_, r) =>
          `${r.minDurationS ? t('iot.rules.forSeconds', { s: r.minDurationS }) : t('iot.rules.atOnce')} · ±${r.hysteresis}`,
      },
      {
        title: t('iot.rules.windows'),
        key: 'windows',
        responsive: ['lg'],
        render: (_, r) =>
          r.windows.length ? r.windows.map((w) => `${w.from}–${w.to}`).join('，') : t('iot.rules.always'),
      },
      {
        title: t('iot.rules.case'),
        key: 'case',
        responsive: ['md'],
        render: (_, r) => (
          <Space size={4} wrap>
            <Typography.Text code>{r.matterCode}</Typography.Text>
            {r.autoCase ? <Tag color="blue">{t('iot.rules.auto')}</Tag> : <Tag>{t('iot.rules.manual')}</Tag>}
          </Space>
        ),
      },
      {
        title: t('iot.rules.state'),
        key: 'state',
        render: (_, r) => (
          <Space size={4} wrap>
            <Tag color={r.severity === 'critical' ? 'magenta' : 'volcano'}>
              {t(`iot.alarms.severity.${r.severity}` as MessageKey)}
            </Tag>
            {r.active ? null : <Tag>{t('iot.rules.off')}</Tag>}
          </Space>
        ),
      },
    ],
    [t, mayManage],
  );

  const open = (r: AlarmRule | 'new') => {
    setTarget(r);
    setType(r === 'new' ? undefined : r.deviceType);
  };

  const save = async () => {
    const v = await form.validateFields();
    setSubmitting(true);
    try {
      const body = { ...v, windows: v.windows ?? [] };
      if (target === 'new') await iotApi.createRule(body);
      else if (target) {
        const { deviceType: _t, ...rest } = body;
        await iotApi.updateRule(target.id, { ...rest, active: v.active ?? true, version: target.version });
      }
      setTarget(null);
      reload();
    } catch (err) {
      const fields = toFormFieldErrors(err, locale);
      if (fields.length) form.setFields(fields as Parameters<typeof form.setFields>[0]);
      else void message.error(errorText(err, locale));
    } finally {
      setSubmitting(false);
    }
  };

  const loadDefaults = async () => {
    try {
      await iotApi.loadDefaultRules();
      reload();
    } catch (err) {
      void message.error(errorText(err, locale));
    }
  };

  const initial: Partial<Values> =
    target && target !== 'new'
      ? target
      : { op: 'gt', measure: 'value', hysteresis: 0, minDurationS: 0, autoCase: false, severity: 'major', windows: [] };
  const unit = type ? PRIMARY_METRIC[type].unit : '';

  return (
    <PageSection title={t('iot.rules.title')} testId="page-alarm-rules">
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('iot.rules.intro')}</Typography.Text>
        {mayManage ? (
          <Space wrap>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')} data-testid="rule-create">
              {t('iot.rules.create')}
            </Button>
            <Button onClick={() => void loadDefaults()} data-testid="rule-defaults">
              {t('iot.rules.defaults')}
            </Button>
          </Space>
        ) : null}
        <Table<AlarmRule>
          rowKey="id"
          size="middle"
          loading={!data && !error}
          columns={columns}
          dataSource={data ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="alarm-rules"
        />
      </Flex>
      <FormModal
        open={target !== null}
        title={target === 'new' ? t('iot.rules.create') : t('iot.rules.edit')}
        onSave={() => void save()}
        onClose={() => setTarget(null)}
        submitting={submitting}
        testId="rule-save"
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={initial}
          onValuesChange={(changed: Partial<Values>) => {
            if (changed.deviceType) {
              setType(changed.deviceType);
              form.setFieldsValue({ metric: PRIMARY_METRIC[changed.deviceType].metric });
            }
          }}
        >
          <Form.Item name="deviceType" label={t('iot.rules.type')} rules={[{ required: true }]}>
            <Select
              disabled={target !== 'new'}
              options={DEVICE_TYPES.map((d) => ({ value: d, label: t(`iot.type.${d}` as MessageKey) }))}
              data-testid="rule-type"
            />
          </Form.Item>
          <Form.Item name="name" label={t('iot.rules.name')} rules={[{ required: true, max: 100 }]}>
            <Input data-testid="rule-name" />
          </Form.Item>
          <Space wrap align="start">
            <Form.Item
              name="metric"
              label={t('iot.rules.metric')}
              rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{0,31}$/ }]}
            >
              <Input style={{ width: 150 }} data-testid="rule-metric" />
            </Form.Item>
            <Form.Item name="measure" label={t('iot.rules.measure')}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'value', label: t('iot.rules.measureValue') },
                  { value: 'rate', label: t('iot.rules.measureRate') },
                ]}
              />
            </Form.Item>
          </Space>
          <Space wrap align="start">
            <Form.Item name="op" label={t('iot.rules.op')} rules={[{ required: true }]}>
              <Select
                style={{ width: 110 }}
                options={[
                  { value: 'gt', label: t('iot.rules.gt') },
                  { value: 'lt', label: t('iot.rules.lt') },
                ]}
              />
            </Form.Item>
            <Form.Item name="threshold" label={t('iot.rules.threshold')} rules={[{ required: true }]}>
              <InputNumber style={{ width: 130 }} addonAfter={unit || undefined} data-testid="rule-threshold" />
            </Form.Item>
            <Form.Item name="hysteresis" label={t('iot.rules.hysteresis')} rules={[{ required: true }]}>
              <InputNumber min={0} style={{ width: 110 }} data-testid="rule-hysteresis" />
            </Form.Item>
            <Form.Item name="minDurationS" label={t('iot.rules.minDuration')} rules={[{ required: true }]}>
              <InputNumber min={0} max={86_400} precision={0} style={{ width: 120 }} data-testid="rule-duration" />
            </Form.Item>
          </Space>
          <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
            {t('iot.rules.windowsHint')}
          </Typography.Text>
          <Form.List name="windows">
            {(fields, { add, remove }) => (
              <Flex vertical gap={4} style={{ marginBottom: 12 }}>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline">
                    <Form.Item name={[f.name, 'from']} rules={[{ required: true, pattern: HHMM }]} noStyle>
                      <Input placeholder="22:00" style={{ width: 90 }} />
                    </Form.Item>
                    –
                    <Form.Item name={[f.name, 'to']} rules={[{ required: true, pattern: HHMM }]}>
                      <Input placeholder="06:00" style={{ width: 90 }} />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(f.name)} aria-label={t('common.delete')} />
                  </Space>
                ))}
                {fields.length < MAX_WINDOWS ? (
                  <Button type="dashed" onClick={() => add({ from: '', to: '' })} icon={<PlusOutlined />}>
                    {t('iot.rules.addWindow')}
                  </Button>
                ) : null}
              </Flex>
            )}
          </Form.List>
          <Space wrap align="start">
            <Form.Item name="matterCode" label={t('iot.rules.matter')} rules={[{ required: true, pattern: /^\d{5}$/ }]}>
              <Input style={{ width: 110 }} data-testid="rule-matter" />
            </Form.Item>
            <Form.Item name="severity" label={t('iot.rules.severity')}>
              <Select
                style={{ width: 110 }}
                options={(['major', 'critical'] as const).map((s) => ({
                  value: s,
                  label: t(`iot.alarms.severity.${s}`),
                }))}
              />
            </Form.Item>
            <Form.Item name="autoCase" label={t('iot.rules.autoCase')} valuePropName="checked">
              <Switch />
            </Form.Item>
            {target !== 'new' ? (
              <Form.Item name="active" label={t('iot.rules.active')} valuePropName="checked">
                <Switch />
              </Form.Item>
            ) : null}
          </Space>
        </Form>
      </FormModal>
    </PageSection>
  );
}
