import { useEffect, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Radio,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import {
  REPORT_UP_MODES,
  type ReportUpConfigInput,
  type ReportUpTestResult,
} from '../../../../common/contracts/report-up.ts';
import { useResource } from '../../api/use-resource.ts';
import { errorText } from '../../api/errors.ts';
import { formatInstant } from '../../components/format.ts';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { fedApi } from './fed.api.ts';

type Values = ReportUpConfigInput & { clearToken?: boolean; clearSecret?: boolean };

/**
 * 上报上级平台 (docs/federation.md, "Report-up"): the mode, the push endpoint with its token and HMAC secret (never
 * shown again once saved), a connection test, the watermarks with their retry state, and the last runs with errors.
 */
export function ReportUpTab() {
  const { t, locale } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const mayManage = can('federation.manage');
  const [reload, setReload] = useState(0);
  const [form] = Form.useForm<Values>();
  const [testing, setTesting] = useState(false);
  const [running, setRunning] = useState(false);
  const [tested, setTested] = useState<ReportUpTestResult | null>(null);
  const state = useResource((signal) => fedApi.reportUp(signal), [reload]);
  const mode = Form.useWatch('mode', form);
  const cfg = state.data?.config;
  useEffect(() => {
    if (cfg) form.setFieldsValue({ mode: cfg.mode, endpoint: cfg.endpoint ?? '', batchSize: cfg.batchSize });
  }, [cfg, form]);

  const save = useFormSubmit(form, async (v: Values) => {
    await fedApi.saveReportUp({
      mode: v.mode,
      endpoint: v.endpoint?.trim() || null,
      batchSize: v.batchSize,
      // left empty: the stored token or secret is kept
      ...(v.token ? { token: v.token } : {}),
      ...(v.secret ? { secret: v.secret } : {}),
    });
    form.setFieldsValue({ token: '', secret: '' });
    setReload((n) => n + 1);
    void message.success(t('federation.reportUp.saved'));
  });
  const test = async () => {
    setTesting(true);
    try {
      setTested(await fedApi.testReportUp());
    } catch (e) {
      void message.error(errorText(e, locale));
    } finally {
      setTesting(false);
    }
  };
  const run = async () => {
    setRunning(true);
    try {
      await fedApi.runReportUp({});
      setReload((n) => n + 1);
    } catch (e) {
      void message.error(errorText(e, locale));
    } finally {
      setRunning(false);
    }
  };
  const cursor = (channel: 'file' | 'push', kind: 'day' | 'month') =>
    state.data?.cursors.find((c) => c.channel === channel && c.kind === kind);
  const fileDay = state.data?.lastDay ?? null;
  const mark = (last: string | null | undefined) => last ?? t('federation.reportUp.never');
  const pushDay = cursor('push', 'day');
  const pushMonth = cursor('push', 'month');
  const pushError = pushDay?.lastError ?? pushMonth?.lastError ?? null;
  const needsEndpoint = mode === 'push' || mode === 'both';

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card size="small" title={t('federation.reportUp.settings')} data-testid="fed-report-up-settings">
        <Form<Values>
          form={form}
          layout="vertical"
          disabled={!mayManage}
          initialValues={{ mode: 'file', batchSize: 200 }}
          onFinish={(v) => void save.run(v)}
          style={{ maxWidth: 640 }}
        >
          <Form.Item name="mode" label={t('federation.reportUp.mode')} extra={t('federation.reportUp.modeHint')}>
            <Radio.Group
              optionType="button"
              options={REPORT_UP_MODES.map((m) => ({ value: m, label: t(`federation.reportUp.modes.${m}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="endpoint"
            label={t('federation.reportUp.endpoint')}
            extra={t('federation.reportUp.endpointHint')}
            rules={[
              { required: needsEndpoint, message: t('federation.reportUp.endpointRequired') },
              { pattern: /^https?:\/\/[^\s/@]+(\/\S*)?$/, message: t('federation.reportUp.endpointFormat') },
              { max: 500, message: t('federation.peer.tooLong', { n: 500 }) },
            ]}
          >
            <Input placeholder="https://ygf.hubei.gov.cn/api/report-up" data-testid="fed-report-up-endpoint" />
          </Form.Item>
          <Form.Item
            name="token"
            label={t('federation.reportUp.token')}
            extra={cfg?.hasToken ? t('federation.reportUp.keepHint') : t('federation.reportUp.tokenHint')}
            rules={[{ max: 500, message: t('federation.peer.tooLong', { n: 500 }) }]}
          >
            <Input.Password autoComplete="new-password" placeholder={cfg?.hasToken ? '••••••••' : ''} />
          </Form.Item>
          <Form.Item
            name="secret"
            label={t('federation.reportUp.secret')}
            extra={cfg?.hasSecret ? t('federation.reportUp.keepHint') : t('federation.reportUp.secretHint')}
            rules={[{ max: 500, message: t('federation.peer.tooLong', { n: 500 }) }]}
          >
            <Input.Password autoComplete="new-password" placeholder={cfg?.hasSecret ? '••••••••' : ''} />
          </Form.Item>
          <Form.Item
            name="batchSize"
            label={t('federation.reportUp.batchSize')}
            rules={[
              { required: true, type: 'integer', min: 1, max: 1000, message: t('federation.reportUp.batchRange') },
            ]}
          >
            <InputNumber min={1} max={1000} />
          </Form.Item>
          {mayManage ? (
            <Space wrap>
              <Button type="primary" htmlType="submit" loading={save.submitting} data-testid="fed-report-up-save">
                {t('common.save')}
              </Button>
              <Button
                onClick={() => void test()}
                loading={testing}
                disabled={!cfg?.endpoint}
                data-testid="fed-report-up-test"
              >
                {t('federation.reportUp.test')}
              </Button>
              <Button onClick={() => void run()} loading={running} data-testid="fed-report-up-run">
                {t('federation.reportUp.run')}
              </Button>
            </Space>
          ) : null}
        </Form>
        {tested ? (
          <Alert
            style={{ marginTop: 12 }}
            type={tested.ok ? 'success' : 'error'}
            showIcon
            message={
              tested.ok
                ? t('federation.reportUp.testOk', { status: tested.status ?? '', ms: tested.ms })
                : t('federation.reportUp.testFailed', { error: tested.error ?? '' })
            }
          />
        ) : null}
      </Card>
      <Card size="small" title={t('federation.reportUp.watermarks')}>
        <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
          <Descriptions.Item label={t('federation.reportUp.fileDay')}>{mark(fileDay)}</Descriptions.Item>
          <Descriptions.Item label={t('federation.reportUp.fileMonth')}>
            {mark(cursor('file', 'month')?.last)}
          </Descriptions.Item>
          <Descriptions.Item label={t('federation.reportUp.pushDay')}>{mark(pushDay?.last)}</Descriptions.Item>
          <Descriptions.Item label={t('federation.reportUp.pushMonth')}>{mark(pushMonth?.last)}</Descriptions.Item>
        </Descriptions>
        {pushError ? (
          <Alert
            style={{ marginTop: 12 }}
            type="warning"
            showIcon
            message={t('federation.reportUp.retrying', {
              n: pushDay?.attempts || pushMonth?.attempts || 0,
              at: formatInstant(pushDay?.nextAttemptAt ?? pushMonth?.nextAttemptAt ?? ''),
            })}
            description={pushError}
          />
        ) : null}
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('federation.reportUp.zoneHint', { zone: state.data?.timeZone ?? '' })}
        </Typography.Paragraph>
      </Card>
      <Card size="small" title={t('federation.reportUp.runs')}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          scroll={{ x: 560 }}
          dataSource={state.data?.runs ?? []}
          loading={state.loading}
          locale={{ emptyText: <Empty description={t('federation.reportUp.noRuns')} /> }}
          columns={[
            { title: t('federation.message.time'), dataIndex: 'at', render: (v: string) => formatInstant(v) },
            {
              title: t('federation.reportUp.what'),
              key: 'what',
              render: (_, r) => `${t(`federation.reportUp.channel.${r.channel}`)} · ${r.period}`,
            },
            { title: t('federation.reportUp.records'), dataIndex: 'records' },
            {
              title: t('federation.message.status'),
              key: 'ok',
              render: (_, r) =>
                r.ok ? (
                  <Tag color="green">{t('federation.reportUp.ok')}</Tag>
                ) : (
                  <Space direction="vertical" size={0}>
                    <Tag color="red">{t('federation.reportUp.failed')}</Tag>
                    <Typography.Text type="danger" style={{ fontSize: 12 }}>
                      {r.error}
                    </Typography.Text>
                  </Space>
                ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
