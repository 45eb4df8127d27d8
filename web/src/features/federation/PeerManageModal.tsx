import { useEffect, useState } from 'react';
import { App, Button, Checkbox, Divider, Form, Input, List, Popconfirm, Space, Switch, Tag, Typography } from 'antd';
import { BULLETIN_KINDS, PERSONAL_FIELDS } from '../../../../common/domain/federation.ts';
import type { PeerUpdate } from '../../../../common/contracts/federation.ts';
import type { MessageKey } from '../../../../common/i18n/core.ts';
import { errorText } from '../../api/errors.ts';
import { formatInstant } from '../../components/format.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import { useI18n } from '../../i18n/context.ts';
import { fedApi, type Peer } from './fed.api.ts';
import { KeyFingerprint } from './KeyFingerprint.tsx';

export const PUBLIC_KEY_PATTERN = /^[A-Za-z0-9+/]{43}=$/;

/** The sharing agreement's fields (which 通报 kinds, whether cases, which personal fields) in a form. */
export function SharingFields() {
  const { t } = useI18n();
  return (
    <>
      <Form.Item
        name={['sharing', 'bulletins']}
        label={t('federation.peer.bulletins')}
        extra={t('federation.peer.bulletinsHint')}
      >
        <Checkbox.Group
          options={BULLETIN_KINDS.map((k) => ({ value: k, label: t(`federation.bulletinKind.${k}` as MessageKey) }))}
        />
      </Form.Item>
      <Form.Item
        name={['sharing', 'cases']}
        label={t('federation.peer.cases')}
        extra={t('federation.peer.casesHint')}
        valuePropName="checked"
      >
        <Switch />
      </Form.Item>
      <Form.Item
        name={['sharing', 'personal']}
        label={t('federation.peer.personal')}
        extra={t('federation.peer.personalHint')}
      >
        <Checkbox.Group options={PERSONAL_FIELDS.map((f) => ({ value: f, label: t(`federation.personal.${f}`) }))} />
      </Form.Item>
    </>
  );
}

/**
 * One peer: its name, address and sharing agreement; its keys with their fingerprints (revoke one; add one by
 * pasting it, its fingerprint shown to read aloud with the peer before saving).
 */
export function PeerManageModal(props: { peer: Peer | null; onClose: () => void; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<PeerUpdate>();
  const [keyForm] = Form.useForm<{ publicKey: string }>();
  const [peer, setPeer] = useState<Peer | null>(props.peer);
  const pasted = Form.useWatch('publicKey', keyForm);
  useEffect(() => setPeer(props.peer), [props.peer]);
  const save = useFormSubmit(form, async (v: PeerUpdate) => {
    if (!peer) return;
    await fedApi.updatePeer(peer.id, {
      name: v.name,
      url: v.url,
      sharing: {
        bulletins: v.sharing?.bulletins ?? [],
        cases: !!v.sharing?.cases,
        personal: v.sharing?.personal ?? [],
      },
    });
    props.onChanged();
    props.onClose();
  });
  const addKey = useFormSubmit(keyForm, async (v: { publicKey: string }) => {
    if (!peer) return;
    setPeer(await fedApi.addPeerKey(peer.id, v.publicKey.trim()));
    keyForm.resetFields();
    props.onChanged();
    void message.success(t('federation.peer.keyAdded'));
  });
  const revoke = async (keyId: string) => {
    if (!peer) return;
    try {
      setPeer(await fedApi.revokePeerKey(peer.id, keyId));
      props.onChanged();
    } catch (e) {
      void message.error(errorText(e, locale));
    }
  };
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <FormModal
      open={!!props.peer}
      title={peer ? t('federation.peer.manage', { name: peer.name }) : ''}
      onSave={() => form.submit()}
      onClose={props.onClose}
      submitting={save.submitting}
      testId="fed-peer-update"
    >
      {peer ? (
        <>
          <Form<PeerUpdate>
            form={form}
            layout="vertical"
            initialValues={{ name: peer.name, url: peer.url, sharing: peer.sharing }}
            onFinish={(v) => void save.run(v)}
          >
            <Form.Item
              name="name"
              label={t('federation.peer.name')}
              rules={[...required, { max: 60, message: t('federation.peer.tooLong', { n: 60 }) }]}
            >
              <Input />
            </Form.Item>
            <Form.Item
              name="url"
              label={t('federation.peer.url')}
              rules={[...required, { pattern: /^https?:\/\/\S+$/, message: t('federation.peer.badUrl') }]}
            >
              <Input />
            </Form.Item>
            <SharingFields />
          </Form>
          <Divider titlePlacement="start" plain>
            {t('federation.peer.keys')}
          </Divider>
          <List
            size="small"
            dataSource={peer.keys}
            data-testid="fed-peer-keys"
            renderItem={(k) => (
              <List.Item
                actions={
                  k.revokedAt
                    ? []
                    : [
                        <Popconfirm
                          key="revoke"
                          title={t('federation.peer.revokeConfirm')}
                          okText={t('federation.peer.revoke')}
                          cancelText={t('common.cancel')}
                          onConfirm={() => void revoke(k.keyId)}
                        >
                          <Button size="small" danger>
                            {t('federation.peer.revoke')}
                          </Button>
                        </Popconfirm>,
                      ]
                }
              >
                <Space direction="vertical" size={0}>
                  <Typography.Text code delete={!!k.revokedAt} style={{ fontSize: 12, wordBreak: 'break-word' }}>
                    {k.fingerprint}
                  </Typography.Text>
                  <Space size={4} wrap>
                    {k.revokedAt ? (
                      <Tag color="red">{t('federation.peer.revokedAt', { at: formatInstant(k.revokedAt) })}</Tag>
                    ) : k.validUntil ? (
                      <Tag color="orange">{t('federation.keys.until', { at: formatInstant(k.validUntil) })}</Tag>
                    ) : (
                      <Tag color="green">{t('federation.keyStatus.active')}</Tag>
                    )}
                  </Space>
                </Space>
              </List.Item>
            )}
          />
          <Form form={keyForm} layout="vertical" onFinish={(v) => void addKey.run(v)}>
            <Form.Item
              name="publicKey"
              label={t('federation.peer.addKey')}
              extra={t('federation.peer.keyHint')}
              rules={[...required, { pattern: PUBLIC_KEY_PATTERN, message: t('federation.peer.badKey') }]}
            >
              <Input.TextArea rows={2} placeholder="base64, 44" data-testid="fed-peer-key-input" />
            </Form.Item>
            <KeyFingerprint value={pasted} />
            <Button
              style={{ marginTop: 8 }}
              onClick={() => keyForm.submit()}
              loading={addKey.submitting}
              data-testid="fed-peer-key-add"
            >
              {t('federation.peer.addKeyButton')}
            </Button>
          </Form>
        </>
      ) : null}
    </FormModal>
  );
}
