import { useCallback, useState } from 'react';
import { App, Button, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { BULLETIN_KINDS } from '../../../../common/domain/federation.ts';
import { errorText } from '../../api/errors.ts';
import { formatInstant } from '../../components/format.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { PagedTable } from '../../components/PagedTable.tsx';
import type { PageRequest } from '../../components/usePagedQuery.ts';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import type { MessageKey } from '../../../../common/i18n/core.ts';
import { useI18n, type Translate } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { fedApi, type Message, type Peer } from './fed.api.ts';
import { JointActionModal, RecognitionModal } from './RequestForms.tsx';

const STATUS_COLORS: Record<string, string> = {
  received: 'processing',
  accepted: 'success',
  returned: 'warning',
  applied: 'default',
  pending: 'processing',
  delivered: 'success',
  failed: 'error',
};

interface BulletinValues {
  peerIds: string[];
  kind: (typeof BULLETIN_KINDS)[number];
  summary: string;
  plate?: string;
  company?: string;
  name?: string;
}

/** What a message says in one line: a bulletin's kind and summary, a transfer's case number and note. */
function summaryOf(m: Message, t: Translate): string {
  const b = (m.body ?? {}) as Record<string, unknown>;
  if (m.kind === 'bulletin') {
    const s = (b.subject ?? {}) as Record<string, string>;
    const who = Object.values(s).filter(Boolean).join(' · ');
    return `${t(`federation.bulletinKind.${String(b.kind)}` as MessageKey)}：${String(b.summary ?? '')}${who ? `（${who}）` : ''}`;
  }
  if (m.kind === 'transfer') return `${String(b.caseNo ?? '')} ${String(b.description ?? '')}`;
  if (m.kind === 'transfer_reply')
    return `${t(`federation.decision.${String(b.decision)}` as MessageKey)} ${String(b.caseNo ?? b.reason ?? '')}`;
  if (m.kind === 'progress')
    return `${String(b.caseNo ?? '')} → ${t(`cases.status.${String(b.status)}` as MessageKey)}`;
  if (m.kind === 'recognition') {
    const party = [b.partyName, b.idNumber ?? b.creditCode].filter(Boolean).join(' · ');
    return `${String(b.recordNo ?? '')} ${String(b.violationCode ?? '')} ${String(b.violationOn ?? '')}（${party}）${b.decision ? ` ${String(b.decision)}` : ''}`;
  }
  if (m.kind === 'joint_action') {
    const roles = ((b.roles ?? []) as { role: string; count: number }[])
      .map((r) => `${t(`federation.jointRole.${r.role}` as MessageKey)}×${r.count}`)
      .join('、');
    const area = `${String(b.area ?? '')}${b.polygon ? ` ${t('federation.joint.withPolygon')}` : ''}`;
    return `${formatInstant(String(b.startsAt))}–${formatInstant(String(b.endsAt))} ${area}；${roles}；${t('federation.joint.contact')} ${String(b.contactName ?? '')} ${String(b.contactPhone ?? '')}${b.note ? `；${String(b.note)}` : ''}`;
  }
  if (m.kind === 'request_reply')
    return b.note
      ? t('federation.reply.withNote', {
          state: t(`federation.reply.${String(b.decision)}` as MessageKey),
          note: String(b.note),
        })
      : t(`federation.reply.${String(b.decision)}` as MessageKey);
  return '';
}

/** A request's answer from the peer (互认, joint action), or nothing while none has come or for other kinds. */
function replyTag(m: Message, t: Translate) {
  if (m.direction !== 'out' || (m.kind !== 'joint_action' && m.kind !== 'recognition')) return null;
  const state = m.replyStatus ?? 'waiting';
  const color = state === 'accepted' ? 'success' : state === 'declined' ? 'warning' : 'default';
  return <Tag color={color}>{t(`federation.reply.${state}` as MessageKey)}</Tag>;
}

/** The inbox (decide: accept or return with a reason) or the outbox (delivery state, retry, a new bulletin). */
export function MessagesTab({ direction }: { direction: 'in' | 'out' }) {
  const { t, locale } = useI18n();
  const { can } = useAuth();
  const { message, modal } = App.useApp();
  const [reload, setReload] = useState(0);
  const [sending, setSending] = useState(false);
  const [asking, setAsking] = useState<'joint' | 'recognition' | null>(null);
  const [peers, setPeers] = useState<Peer[]>([]);
  const [form] = Form.useForm<BulletinValues>();
  const mayHandle = can('federation.handle');
  const fetchPage = useCallback(
    (r: PageRequest, signal: AbortSignal) =>
      fedApi.messages({ page: r.page, pageSize: r.pageSize, direction, ...(r.q ? { q: r.q } : {}) }, signal),
    [direction],
  );
  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      setReload((n) => n + 1);
    } catch (e) {
      void message.error(errorText(e, locale));
    }
  };
  const giveBack = (m: Message) => {
    let reason = '';
    modal.confirm({
      title: t('federation.inbox.return'),
      content: <Input.TextArea maxLength={500} onChange={(e) => (reason = e.target.value)} data-testid="fed-reason" />,
      onOk: () => act(() => fedApi.giveBack(m.id, reason)),
    });
  };
  // a joint action is accepted with a note for the inviting city (who comes, where to meet)
  const acceptWithNote = (m: Message) => {
    let note = '';
    modal.confirm({
      title: t('federation.inbox.accept'),
      content: (
        <Input.TextArea
          maxLength={500}
          placeholder={t('federation.inbox.noteHint')}
          onChange={(e) => (note = e.target.value)}
          data-testid="fed-accept-note"
        />
      ),
      onOk: () => act(() => fedApi.accept(m.id, note)),
    });
  };
  const openBulletin = async (form: 'bulletin' | 'joint' | 'recognition' = 'bulletin') => {
    try {
      setPeers((await fedApi.peers({ pageSize: 200 })).items.filter((p) => p.status === 'active'));
      if (form === 'bulletin') setSending(true);
      else setAsking(form);
    } catch (e) {
      void message.error(errorText(e, locale));
    }
  };
  const send = useFormSubmit(form, async (v: BulletinValues) => {
    const subject = Object.fromEntries(
      (['plate', 'company', 'name'] as const).filter((k) => v[k]?.trim()).map((k) => [k, v[k]!.trim()]),
    );
    await fedApi.bulletin({ peerIds: v.peerIds, kind: v.kind, summary: v.summary, subject });
    setSending(false);
    form.resetFields();
    setReload((n) => n + 1);
  });
  const actionsOf = (m: Message) =>
    !mayHandle ? null : direction === 'in' && m.status === 'received' ? (
      <Space>
        <Button
          size="small"
          type="primary"
          onClick={() =>
            m.kind === 'joint_action' || m.kind === 'recognition'
              ? acceptWithNote(m)
              : void act(() => fedApi.accept(m.id))
          }
        >
          {t('federation.inbox.accept')}
        </Button>
        <Button size="small" onClick={() => giveBack(m)}>
          {t('federation.inbox.return')}
        </Button>
      </Space>
    ) : direction === 'out' && m.status === 'failed' ? (
      <Button size="small" onClick={() => void act(() => fedApi.retry(m.id))}>
        {t('federation.outbox.retry')}
      </Button>
    ) : null;
  const required = [{ required: true, message: t('validation.required') }];

  return (
    <>
      <PagedTable<Message, object>
        testId={direction === 'in' ? 'fed-inbox' : 'fed-outbox'}
        fetchPage={fetchPage}
        filters={{}}
        reloadKey={reload}
        rowKey={(m) => m.id}
        actions={
          direction === 'out' && mayHandle ? (
            <Space wrap>
              <Button type="primary" onClick={() => void openBulletin()} data-testid="fed-bulletin-new">
                {t('federation.bulletin.create')}
              </Button>
              <Button onClick={() => void openBulletin('joint')} data-testid="fed-joint-new">
                {t('federation.joint.create')}
              </Button>
              <Button onClick={() => void openBulletin('recognition')} data-testid="fed-recognition-new">
                {t('federation.recognition.create')}
              </Button>
            </Space>
          ) : null
        }
        renderCard={(m) => (
          <Space direction="vertical" size={2}>
            <Space>
              <Tag>{t(`federation.kind.${m.kind}` as MessageKey)}</Tag>
              <Tag color={STATUS_COLORS[m.status]}>{t(`federation.status.${m.status}` as MessageKey)}</Tag>
              {replyTag(m, t)}
            </Space>
            <Typography.Text>{summaryOf(m, t)}</Typography.Text>
            <Typography.Text type="secondary">
              {m.peerName} · {formatInstant(m.createdAt)}
            </Typography.Text>
            {actionsOf(m)}
          </Space>
        )}
        columns={[
          { title: t('federation.message.time'), key: 'createdAt', render: (_, m) => formatInstant(m.createdAt) },
          { title: t('federation.message.peer'), dataIndex: 'peerName', width: 180, ellipsis: true },
          {
            title: t('federation.message.kind'),
            key: 'kind',
            render: (_, m) => t(`federation.kind.${m.kind}` as MessageKey),
          },
          {
            title: t('federation.message.status'),
            key: 'status',
            render: (_, m) => (
              <Space direction="vertical" size={0}>
                <Space size={4}>
                  <Tag color={STATUS_COLORS[m.status]}>{t(`federation.status.${m.status}` as MessageKey)}</Tag>
                  {replyTag(m, t)}
                </Space>
                {direction === 'out' && m.lastError ? (
                  <Typography.Text
                    type="secondary"
                    style={{ fontSize: 12, maxWidth: 240 }}
                    ellipsis={{ tooltip: m.lastError }}
                  >
                    {t('federation.message.attempts', { n: m.attempts })} · {m.lastError}
                  </Typography.Text>
                ) : null}
                {m.decisionNote ? <Typography.Text type="secondary">{m.decisionNote}</Typography.Text> : null}
                {m.replyNote ? <Typography.Text type="secondary">{m.replyNote}</Typography.Text> : null}
              </Space>
            ),
          },
          {
            title: t('federation.message.content'),
            key: 'content',
            render: (_, m) => (
              <Typography.Text ellipsis={{ tooltip: summaryOf(m, t) }} style={{ maxWidth: 420 }}>
                {summaryOf(m, t)}
              </Typography.Text>
            ),
          },
          {
            title: '',
            key: 'actions',
            render: (_, m) => actionsOf(m),
          },
        ]}
      />
      <FormModal
        open={sending}
        title={t('federation.bulletin.create')}
        onSave={() => form.submit()}
        onClose={() => setSending(false)}
        submitting={send.submitting}
        testId="fed-bulletin-save"
      >
        <Form<BulletinValues> form={form} layout="vertical" onFinish={(v) => void send.run(v)}>
          <Form.Item name="peerIds" label={t('federation.bulletin.peers')} rules={required}>
            <Select mode="multiple" options={peers.map((p) => ({ value: p.id, label: p.name }))} />
          </Form.Item>
          <Form.Item name="kind" label={t('federation.bulletin.kind')} rules={required}>
            <Select
              options={BULLETIN_KINDS.map((k) => ({
                value: k,
                label: t(`federation.bulletinKind.${k}` as MessageKey),
              }))}
            />
          </Form.Item>
          <Form.Item name="summary" label={t('federation.bulletin.summary')} rules={[...required, { max: 500 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Typography.Paragraph type="secondary">{t('federation.bulletin.personalHint')}</Typography.Paragraph>
          <Space wrap>
            <Form.Item name="plate" label={t('federation.personal.plate')} rules={[{ max: 20 }]}>
              <Input />
            </Form.Item>
            <Form.Item name="company" label={t('federation.personal.company')} rules={[{ max: 100 }]}>
              <Input />
            </Form.Item>
            <Form.Item name="name" label={t('federation.personal.name')} rules={[{ max: 40 }]}>
              <Input />
            </Form.Item>
          </Space>
        </Form>
      </FormModal>
      <JointActionModal
        open={asking === 'joint'}
        peers={peers}
        onClose={() => setAsking(null)}
        onSent={() => {
          setAsking(null);
          setReload((n) => n + 1);
        }}
      />
      <RecognitionModal
        open={asking === 'recognition'}
        peers={peers}
        onClose={() => setAsking(null)}
        onSent={() => {
          setAsking(null);
          setReload((n) => n + 1);
        }}
      />
    </>
  );
}
