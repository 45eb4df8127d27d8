import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Select, Space, Tag, Typography } from 'antd';
import type { MessageKey } from '../../../../common/i18n/core.ts';
import { useResource } from '../../api/use-resource.ts';
import { errorText } from '../../api/errors.ts';
import { formatInstant } from '../../components/format.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { fedApi, type Peer } from './fed.api.ts';

const COLORS = { pending: 'processing', accepted: 'success', returned: 'warning' } as const;

interface Values {
  peerId: string;
  note: string;
}

/**
 * 移送 on the case page: the case's transfers with the peer's answer and progress, and the transfer itself for
 * those who may send one (a closed or voided case is not transferred; one open transfer at a time).
 */
export function CaseTransferCard({ caseId, status }: { caseId: string; status: string }) {
  const { t, locale } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [reload, setReload] = useState(0);
  const [open, setOpen] = useState(false);
  const [peers, setPeers] = useState<Peer[]>([]);
  const [form] = Form.useForm<Values>();
  const mayRead = can('federation.read');
  const transfers = useResource(mayRead ? (signal) => fedApi.transfers({ caseId, pageSize: 20 }, signal) : null, [
    caseId,
    reload,
    mayRead,
  ]);
  const send = useFormSubmit(form, async (v: Values) => {
    await fedApi.transfer({ caseId, peerId: v.peerId, note: v.note });
    setOpen(false);
    form.resetFields();
    setReload((n) => n + 1);
  });
  const items = transfers.data?.items ?? [];
  const mayTransfer =
    can('federation.handle') &&
    status !== 'closed' &&
    status !== 'voided' &&
    status !== 'transferred' &&
    !items.some((x) => x.status === 'pending' || x.status === 'accepted');
  if (!mayRead || (!items.length && !mayTransfer)) return null;
  const start = async () => {
    try {
      const all = (await fedApi.peers({ pageSize: 200 })).items;
      setPeers(all.filter((p) => p.status === 'active' && p.sharing.cases));
      setOpen(true);
    } catch (e) {
      void message.error(errorText(e, locale));
    }
  };

  return (
    <Card
      size="small"
      title={t('federation.caseCard.title')}
      data-testid="case-transfers"
      extra={
        mayTransfer ? (
          <Button size="small" onClick={() => void start()} data-testid="case-transfer">
            {t('federation.caseCard.transfer')}
          </Button>
        ) : null
      }
    >
      {status === 'transferred' ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          message={t('federation.transfer.waiting')}
          data-testid="case-transferred-note"
        />
      ) : null}
      {items.length === 0 ? (
        <Typography.Text type="secondary">{t('federation.caseCard.none')}</Typography.Text>
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          {items.map((x) => (
            <Space key={x.id} direction="vertical" size={0}>
              <Space wrap>
                <Typography.Text strong>{x.peerName}</Typography.Text>
                <Tag color={COLORS[x.status]}>{t(`federation.transfer.${x.status}`)}</Tag>
                {x.peerCaseNo ? <Typography.Text>{x.peerCaseNo}</Typography.Text> : null}
              </Space>
              {x.reason ? <Typography.Text type="secondary">{x.reason}</Typography.Text> : null}
              {x.progress.map((p) => (
                <Typography.Text key={p.at + p.status} type="secondary">
                  {formatInstant(p.at)} {t(`cases.status.${p.status}` as MessageKey)}
                </Typography.Text>
              ))}
            </Space>
          ))}
        </Space>
      )}
      <FormModal
        open={open}
        title={t('federation.caseCard.transfer')}
        onSave={() => form.submit()}
        onClose={() => setOpen(false)}
        submitting={send.submitting}
        testId="case-transfer-save"
      >
        <Form<Values> form={form} layout="vertical" onFinish={(v) => void send.run(v)}>
          <Form.Item
            name="peerId"
            label={t('federation.message.peer')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Select options={peers.map((p) => ({ value: p.id, label: `${p.name} (${p.peerCode})` }))} />
          </Form.Item>
          <Form.Item
            name="note"
            label={t('federation.caseCard.note')}
            rules={[{ required: true, message: t('validation.required') }, { max: 500 }]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </FormModal>
    </Card>
  );
}
