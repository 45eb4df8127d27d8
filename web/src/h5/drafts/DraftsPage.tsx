import { useEffect, useState } from 'react';
import { App, Button, Empty, Tag, Typography, type ButtonProps } from 'antd';
import { DeleteOutlined, SendOutlined } from '@ant-design/icons';
import { formatInstant } from '../../components/format.ts';
import { useI18n } from '../../i18n/context.ts';
import { draftErrorText } from '../labels.ts';
import type { Draft } from '../offline/draft.ts';
import { formatBytes } from '../offline/photos.ts';
import { useQueue } from '../offline/queue-context.ts';

const STATUS_COLOR = { pending: 'orange', failed: 'red', sent: 'green' } as const;

function DraftCard({ draft, sending }: { draft: Draft; sending: boolean }) {
  const { t, locale } = useI18n();
  const { modal, message } = App.useApp();
  const queue = useQueue();
  const id = `h5-draft-${draft.seq}`;
  const status = sending ? t('h5.drafts.sending') : t(`h5.drafts.${draft.status}`);

  const sendNow = async () => {
    const outcome = await queue.send(draft.id);
    if (outcome.kind === 'waiting' && outcome.error.status === 0) void message.warning(t('h5.drafts.stillOffline'));
  };
  const remove = () =>
    modal.confirm({
      title: t('h5.drafts.confirmDelete'),
      okText: t('h5.drafts.delete'),
      okButtonProps: { danger: true, 'data-testid': `${id}-confirm` } as ButtonProps,
      cancelText: t('common.cancel'),
      onOk: () => queue.remove(draft.id),
    });

  return (
    <section className="phone-section h5-section" data-testid={id} data-status={sending ? 'sending' : draft.status} data-case-no={draft.caseNo ?? ''}>
      <div className="h5-section-title">
        <span>{t('h5.drafts.number', { n: draft.seq })}</span>
        <Tag color={sending ? 'blue' : STATUS_COLOR[draft.status]} style={{ margin: 0 }} data-testid={`${id}-status`}>{status}</Tag>
      </div>
      {draft.caseNo ? (
        <Typography.Text strong style={{ fontSize: 16, display: 'block', marginBottom: 4 }} data-testid={`${id}-case-no`}>
          {t('h5.drafts.caseNo', { caseNo: draft.caseNo })}
        </Typography.Text>
      ) : null}
      <div style={{ fontWeight: 500 }}>{draft.matterName ? `${draft.body.matterCode} ${draft.matterName}` : draft.body.matterCode}</div>
      <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: '2px 0 6px' }}>{draft.body.description}</Typography.Paragraph>
      {draft.photos.length > 0 ? (
        <div className="h5-thumbs" style={{ marginBottom: 6 }}>
          {draft.photos.slice(0, 5).map((p) => <img key={p.id} src={p.dataUrl} alt="" />)}
        </div>
      ) : null}
      <div className="h5-muted">
        {draft.status === 'sent' && draft.sentAt ? t('h5.drafts.sentAt', { time: formatInstant(draft.sentAt) }) : t('h5.drafts.savedAt', { time: formatInstant(draft.createdAt) })}
        {' · '}{t('h5.drafts.photos', { count: draft.photoCount })}
        {draft.attempts > 0 && draft.status !== 'sent' ? ` · ${t('h5.drafts.attempts', { count: draft.attempts })}` : ''}
      </div>
      {draft.lastError && draft.status !== 'sent' ? (
        <Typography.Text type={draft.status === 'failed' ? 'danger' : 'warning'} style={{ display: 'block', marginTop: 4 }} data-testid={`${id}-error`}>
          {t('h5.drafts.lastError', { message: draftErrorText(draft.lastError, locale, t) })}
        </Typography.Text>
      ) : null}
      <div style={{ display: 'flex', gap: 8, marginTop: 10 }}>
        {draft.status !== 'sent' ? (
          <Button type="primary" size="large" icon={<SendOutlined />} loading={sending} onClick={() => void sendNow()} style={{ flex: 1 }} data-testid={`${id}-send`}>
            {t('h5.drafts.sendNow')}
          </Button>
        ) : null}
        <Button size="large" danger icon={<DeleteOutlined />} disabled={sending} onClick={remove} style={{ flex: draft.status === 'sent' ? 1 : undefined }} data-testid={`${id}-delete`}>
          {t('h5.drafts.delete')}
        </Button>
      </div>
    </section>
  );
}

/** 草稿箱: what is waiting, what failed (with the server's reason), and the case numbers of what was sent. */
export function DraftsPage() {
  const { t } = useI18n();
  const queue = useQueue();
  const [usage, setUsage] = useState<number | null>(null);
  const { drafts, usage: readUsage } = queue;
  useEffect(() => {
    let live = true;
    void readUsage().then((n) => live && setUsage(n));
    return () => {
      live = false;
    };
  }, [drafts, readUsage]);

  const unsent = drafts.filter((d) => d.status !== 'sent').length;
  return (
    <div data-testid="h5-drafts" data-count={drafts.length}>
      <div className="h5-muted" style={{ margin: '0 2px 10px' }}>{t('h5.drafts.hint')}</div>
      {unsent > 0 ? (
        <Button size="large" block icon={<SendOutlined />} onClick={() => void queue.sendAll()} disabled={!queue.online} style={{ marginBottom: 12 }} data-testid="h5-drafts-send-all">
          {t('h5.drafts.sendAll')}
        </Button>
      ) : null}
      {drafts.length === 0 ? <Empty description={t('h5.drafts.empty')} style={{ marginTop: 48 }} /> : null}
      {drafts.map((draft) => <DraftCard key={draft.id} draft={draft} sending={queue.sending.has(draft.id)} />)}
      {queue.storeKind && usage !== null ? (
        <div className="h5-muted" style={{ textAlign: 'center', marginTop: 8 }} data-testid="h5-drafts-storage">
          {t('h5.drafts.storage', { kind: t(`h5.me.storageKind.${queue.storeKind}`), size: formatBytes(usage) })}
        </div>
      ) : null}
    </div>
  );
}
