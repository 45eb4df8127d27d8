import { useCallback, useState } from 'react';
import { App, Button, Card, Descriptions, Form, Input, InputNumber, Space, Switch, Tag, Typography } from 'antd';
import type { PeerCreate } from '../../../../common/contracts/federation.ts';
import { useResource } from '../../api/use-resource.ts';
import { errorText } from '../../api/errors.ts';
import { formatInstant } from '../../components/format.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { PagedTable } from '../../components/PagedTable.tsx';
import type { PageRequest } from '../../components/usePagedQuery.ts';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import type { MessageKey } from '../../../../common/i18n/core.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { fedApi, type Peer } from './fed.api.ts';
import { KeyFingerprint } from './KeyFingerprint.tsx';
import { PeerManageModal, PUBLIC_KEY_PATTERN, SharingFields } from './PeerManageModal.tsx';

/** This city's keys (fingerprint to read aloud, rotation with an overlap) and its peers with their agreements. */
export function PeersTab() {
  const { t, locale } = useI18n();
  const { can } = useAuth();
  const { message, modal } = App.useApp();
  const mayManage = can('federation.manage');
  const [reload, setReload] = useState(0);
  const [creating, setCreating] = useState(false);
  const [managing, setManaging] = useState<Peer | null>(null);
  const [form] = Form.useForm<PeerCreate>();
  const pastedKey = Form.useWatch('publicKey', form);
  const keys = useResource((signal) => fedApi.keys(signal), [reload]);
  const fetchPage = useCallback(
    (r: PageRequest & object, signal: AbortSignal) =>
      fedApi.peers({ page: r.page, pageSize: r.pageSize, ...(r.q ? { q: r.q } : {}) }, signal),
    [],
  );
  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      setReload((n) => n + 1);
    } catch (e) {
      void message.error(errorText(e, locale));
    }
  };
  const rotate = () => {
    let hours = 72;
    modal.confirm({
      title: t('federation.keys.rotate'),
      content: (
        <Space direction="vertical">
          <Typography.Text>{t('federation.keys.rotateHint')}</Typography.Text>
          <InputNumber
            min={0}
            max={720}
            defaultValue={72}
            addonAfter={t('federation.keys.hours')}
            onChange={(v) => (hours = Number(v ?? 72))}
          />
        </Space>
      ),
      onOk: () => act(() => fedApi.rotate(hours)),
    });
  };
  const create = useFormSubmit(form, async (v: PeerCreate) => {
    await fedApi.createPeer({
      ...v,
      sharing: {
        bulletins: v.sharing?.bulletins ?? [],
        cases: !!v.sharing?.cases,
        personal: v.sharing?.personal ?? [],
      },
    });
    setCreating(false);
    form.resetFields();
    setReload((n) => n + 1);
  });
  const required = [{ required: true, message: t('validation.required') }];
  const own = keys.data?.keys ?? [];

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card
        size="small"
        title={t('federation.keys.title', { code: keys.data?.tenantCode ?? '' })}
        extra={
          mayManage ? (
            <Button onClick={own.length ? rotate : () => void act(() => fedApi.rotate(0))} data-testid="fed-key-rotate">
              {own.length ? t('federation.keys.rotate') : t('federation.keys.create')}
            </Button>
          ) : null
        }
      >
        {own.length === 0 ? (
          <Typography.Text type="secondary">{t('federation.keys.none')}</Typography.Text>
        ) : (
          own.map((k) => (
            <Descriptions key={k.keyId} size="small" column={1} style={{ marginBottom: 8 }}>
              <Descriptions.Item label={t('federation.keys.fingerprint')}>
                <Typography.Text code copyable style={{ fontSize: 15 }}>
                  {k.fingerprint}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('federation.keys.publicKey')}>
                <Typography.Text copyable>{k.publicKey}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('federation.message.status')}>
                <Tag color={k.status === 'active' ? 'success' : 'default'}>
                  {t(`federation.keyStatus.${k.status}` as MessageKey)}
                </Tag>
                {k.validUntil ? t('federation.keys.until', { at: formatInstant(k.validUntil) }) : null}
              </Descriptions.Item>
            </Descriptions>
          ))
        )}
      </Card>
      <PagedTable<Peer, object>
        testId="fed-peers"
        fetchPage={fetchPage}
        filters={{}}
        reloadKey={reload}
        rowKey={(p) => p.id}
        searchPlaceholder={t('federation.peer.search')}
        actions={
          mayManage ? (
            <Button type="primary" onClick={() => setCreating(true)} data-testid="fed-peer-create">
              {t('federation.peer.create')}
            </Button>
          ) : null
        }
        renderCard={(p) => (
          <Space direction="vertical" size={2}>
            <Typography.Text strong>
              {p.name} ({p.peerCode})
            </Typography.Text>
            <Typography.Text type="secondary">{p.url}</Typography.Text>
            {mayManage ? (
              <Button size="small" onClick={() => setManaging(p)} data-testid="fed-peer-manage">
                {t('federation.peer.manageButton')}
              </Button>
            ) : null}
          </Space>
        )}
        columns={[
          { title: t('federation.peer.name'), dataIndex: 'name' },
          { title: t('federation.peer.code'), dataIndex: 'peerCode' },
          { title: t('federation.peer.url'), dataIndex: 'url' },
          {
            title: t('federation.peer.sharing'),
            key: 'sharing',
            render: (_, p) => (
              <Space wrap size={2}>
                {p.sharing.bulletins.map((b) => (
                  <Tag key={b}>{t(`federation.bulletinKind.${b}` as MessageKey)}</Tag>
                ))}
                {p.sharing.cases ? <Tag color="blue">{t('federation.peer.cases')}</Tag> : null}
                {p.sharing.personal.map((f) => (
                  <Tag key={f} color="orange">
                    {t(`federation.personal.${f}`)}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            title: t('federation.keys.fingerprint'),
            key: 'keys',
            render: (_, p) => (
              <Space direction="vertical" size={0}>
                {p.keys.map((k) => (
                  <Typography.Text key={k.keyId} code delete={!!k.revokedAt} style={{ fontSize: 12 }}>
                    {k.fingerprint.slice(0, 19)}…
                  </Typography.Text>
                ))}
              </Space>
            ),
          },
          {
            title: t('federation.message.status'),
            key: 'status',
            render: (_, p) =>
              mayManage ? (
                <Switch
                  checked={p.status === 'active'}
                  onChange={(on) => void act(() => fedApi.setPeerStatus(p.id, on ? 'active' : 'revoked'))}
                />
              ) : (
                <Tag>{t(`federation.peerStatus.${p.status}` as MessageKey)}</Tag>
              ),
          },
          ...(mayManage
            ? [
                {
                  title: '',
                  key: 'manage',
                  render: (_: unknown, p: Peer) => (
                    <Button size="small" onClick={() => setManaging(p)} data-testid="fed-peer-manage">
                      {t('federation.peer.manageButton')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <FormModal
        open={creating}
        title={t('federation.peer.create')}
        onSave={() => form.submit()}
        onClose={() => setCreating(false)}
        submitting={create.submitting}
        testId="fed-peer-save"
      >
        <Form<PeerCreate> form={form} layout="vertical" onFinish={(v) => void create.run(v)}>
          <Form.Item
            name="name"
            label={t('federation.peer.name')}
            rules={[...required, { max: 60, message: t('federation.peer.tooLong', { n: 60 }) }]}
          >
            <Input placeholder="阳新县城市管理执法局" />
          </Form.Item>
          <Form.Item
            name="peerCode"
            label={t('federation.peer.code')}
            rules={[...required, { pattern: /^[A-Za-z0-9_-]{1,20}$/, message: t('federation.peer.badCode') }]}
          >
            <Input placeholder="420222" />
          </Form.Item>
          <Form.Item
            name="url"
            label={t('federation.peer.url')}
            rules={[...required, { pattern: /^https?:\/\/\S+$/, message: t('federation.peer.badUrl') }]}
          >
            <Input placeholder="https://cityloop.yangxin.gov.cn" />
          </Form.Item>
          <Form.Item
            name="publicKey"
            label={t('federation.keys.publicKey')}
            extra={t('federation.peer.keyHint')}
            rules={[...required, { pattern: PUBLIC_KEY_PATTERN, message: t('federation.peer.badKey') }]}
          >
            <Input data-testid="fed-peer-public-key" />
          </Form.Item>
          <KeyFingerprint value={pastedKey} />
          <SharingFields />
        </Form>
      </FormModal>
      <PeerManageModal peer={managing} onClose={() => setManaging(null)} onChanged={() => setReload((n) => n + 1)} />
    </Space>
  );
}
