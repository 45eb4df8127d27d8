import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Flex, Popconfirm, Space, Spin, Tag, Typography } from 'antd';
import type { CallCentreConfig, CallCentreSecret } from '../../../../common/contracts/caller.ts';
import { api } from '../../api/client.ts';
import { useResource } from '../../api/use-resource.ts';
import { formatInstant } from '../../components/format.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useAuth } from '../auth/context.ts';
import { useI18n } from '../../i18n/context.ts';
import { hotlineErrorText } from './labels.ts';

const CONFIG = '/api/hotline/call-centre';
const SECRET = '/api/hotline/call-centre/secret';

/** The documented notice (docs/caller-popup.md, "The webhook"), as the call centre sends it. */
export const EXAMPLE_NOTICE = {
  callId: '20240312-0001',
  callerNumber: '13912345678',
  line: '12319',
  timestamp: 1710208800,
};

/** A shell example that signs and sends one notice; `secret` fills in the fresh secret while it is on screen. */
export function exampleScript(url: string, secret: string | null): string {
  const body = JSON.stringify({ ...EXAMPLE_NOTICE, timestamp: 0 }).replace(
    '"timestamp":0',
    `"timestamp":'$(date +%s)'`,
  );
  return [
    `SECRET='${secret ?? '<secret>'}'`,
    `BODY='${body}'`,
    `SIG=$(printf '%s' "$BODY" | openssl dgst -sha256 -hmac "$SECRET" | sed 's/^.* //')`,
    `curl -X POST '${url}' -H 'Content-Type: application/json' -H "X-CityLoop-Signature: sha256=$SIG" -d "$BODY"`,
  ].join('\n');
}

/**
 * 基础数据 › 来电弹屏密钥 (docs/caller-popup.md, "Setting it up"): administrators create, rotate and revoke the secret
 * the call centre signs its call notices with. A new secret is shown once, only its last 4 characters afterwards.
 */
export function CallCentreSecretPage() {
  const { t, locale } = useI18n();
  const { me } = useAuth();
  const { data, error, reload } = useResource((signal) => api.get<CallCentreConfig>(CONFIG, { signal }), []);
  const [fresh, setFresh] = useState<CallCentreSecret | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const url = `${window.location.origin}/api/hotline/calls/${me?.user.tenantCode ?? '{tenantCode}'}`;

  const act = async (call: () => Promise<void>) => {
    setFailure(null);
    setBusy(true);
    try {
      await call();
      reload();
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };
  const make = () => act(async () => setFresh(await api.post<CallCentreSecret>(SECRET)));
  const revoke = () =>
    act(async () => {
      await api.delete<{ ok: boolean }>(SECRET);
      setFresh(null);
    });

  if (error) return <LoadError error={error} onRetry={reload} testId="call-secret" />;
  if (!data) return <Spin />;
  return (
    <Flex vertical gap={16}>
      <Card title={t('caller.secret.title')}>
        <Flex vertical gap={12}>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t('caller.secret.intro')}
          </Typography.Paragraph>
          {failure ? <Alert type="error" showIcon title={hotlineErrorText(failure, locale)} /> : null}
          {fresh ? (
            <Alert
              type="success"
              showIcon
              title={t('caller.secret.created')}
              description={
                <Typography.Text code copyable style={{ wordBreak: 'break-all' }} data-testid="call-secret-fresh">
                  {fresh.secret}
                </Typography.Text>
              }
            />
          ) : null}
          <Flex wrap gap={8} align="center">
            <Typography.Text strong>{t('caller.secret.state')}</Typography.Text>
            {data.configured ? (
              <Tag color="green" data-testid="call-secret-state">
                {t('caller.secret.on', { hint: data.hint ?? '' })}
              </Tag>
            ) : (
              <Tag data-testid="call-secret-state">{t('caller.secret.off')}</Tag>
            )}
            {data.updatedAt ? (
              <Typography.Text type="secondary">
                {t('caller.secret.updatedAt', { time: formatInstant(data.updatedAt) })}
              </Typography.Text>
            ) : null}
          </Flex>
          <Space wrap>
            {data.configured ? (
              <Popconfirm title={t('caller.secret.rotateConfirm')} onConfirm={() => void make()}>
                <Button type="primary" loading={busy} data-testid="call-secret-rotate">
                  {t('caller.secret.rotate')}
                </Button>
              </Popconfirm>
            ) : (
              <Button type="primary" loading={busy} onClick={() => void make()} data-testid="call-secret-create">
                {t('caller.secret.create')}
              </Button>
            )}
            {data.configured ? (
              <Popconfirm title={t('caller.secret.revokeConfirm')} onConfirm={() => void revoke()}>
                <Button danger disabled={busy} data-testid="call-secret-revoke">
                  {t('caller.secret.revoke')}
                </Button>
              </Popconfirm>
            ) : null}
          </Space>
        </Flex>
      </Card>
      <Card title={t('caller.secret.howTo')}>
        <Descriptions column={1} size="small" layout="vertical">
          <Descriptions.Item label={t('caller.secret.url')}>
            <Typography.Text code copyable style={{ wordBreak: 'break-all' }} data-testid="call-secret-url">
              {`POST ${url}`}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('caller.secret.header')}>
            <Typography.Text code style={{ wordBreak: 'break-all' }}>
              {`X-CityLoop-Signature: ${t('caller.secret.headerValue')}`}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('caller.secret.payload')}>
            <Flex vertical gap={4} style={{ minWidth: 0, width: '100%' }}>
              <Typography.Paragraph copyable style={{ margin: 0 }} data-testid="call-secret-payload">
                <pre style={{ margin: 0, overflowX: 'auto' }}>{JSON.stringify(EXAMPLE_NOTICE, null, 2)}</pre>
              </Typography.Paragraph>
              <Typography.Text type="secondary">{t('caller.secret.fields')}</Typography.Text>
            </Flex>
          </Descriptions.Item>
          <Descriptions.Item label={t('caller.secret.example')}>
            <Typography.Paragraph
              copyable={{ text: exampleScript(url, fresh?.secret ?? null) }}
              style={{ margin: 0, minWidth: 0, width: '100%' }}
              data-testid="call-secret-example"
            >
              <pre style={{ margin: 0, overflowX: 'auto', whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                {exampleScript(url, fresh?.secret ?? null)}
              </pre>
            </Typography.Paragraph>
          </Descriptions.Item>
          <Descriptions.Item label="">
            <Typography.Text type="secondary">{t('caller.secret.answers')}</Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      </Card>
    </Flex>
  );
}
