import { useEffect, useState } from 'react';
import { formatInstant } from '../../components/format.ts';
import { useI18n } from '../../i18n/context.ts';
import { formatBytes } from '../../phone/photos.ts';
import { Button } from '../../phone/ui/controls.tsx';
import { ConfirmDialog } from '../../phone/ui/dialog.tsx';
import { Empty, Tag } from '../../phone/ui/feedback.tsx';
import { toast } from '../../phone/ui/toast.tsx';
import { draftErrorText } from '../labels.ts';
import type { Draft } from '../offline/draft.ts';
import { useQueue } from '../offline/queue-context.ts';

const STATUS_COLOR = { pending: 'orange', failed: 'red', sent: 'green' } as const;

function DraftCard({ draft, sending }: { draft: Draft; sending: boolean }) {
  const { t, locale } = useI18n();
  const queue = useQueue();
  const [confirming, setConfirming] = useState(false);
  const id = `h5-draft-${draft.seq}`;
  const status = sending ? t('h5.drafts.sending') : t(`h5.drafts.${draft.status}`);

  const sendNow = async () => {
    const outcome = await queue.send(draft.id);
    if (outcome.kind === 'waiting' && outcome.error.status === 0) toast.warning(t('h5.drafts.stillOffline'));
  };

  return (
    <li
      className="phone-section h5-section"
      data-testid={id}
      data-status={sending ? 'sending' : draft.status}
      data-case-no={draft.caseNo ?? ''}
    >
      <div className="h5-section-title">
        <h2>{t('h5.drafts.number', { n: draft.seq })}</h2>
        <Tag color={sending ? 'blue' : STATUS_COLOR[draft.status]} data-testid={`${id}-status`}>
          {status}
        </Tag>
      </div>
      {draft.caseNo ? (
        <div className="h5-draft-case-no" data-testid={`${id}-case-no`}>
          {t('h5.drafts.caseNo', { caseNo: draft.caseNo })}
        </div>
      ) : null}
      <div className="h5-draft-matter">
        {draft.feedback
          ? t('h5handler.feedback.draft', { caseNo: draft.feedback.caseNo })
          : draft.matterName
            ? `${draft.body.matterCode} ${draft.matterName}`
            : draft.body.matterCode}
      </div>
      <p className="ph-clamp-2 h5-draft-description">{draft.body.description}</p>
      {draft.photos.length > 0 ? (
        <div className="h5-thumbs">
          {draft.photos.slice(0, 5).map((p) => (
            <img key={p.id} src={p.dataUrl} alt="" />
          ))}
        </div>
      ) : null}
      <div className="ph-muted">
        {draft.status === 'sent' && draft.sentAt
          ? t('h5.drafts.sentAt', { time: formatInstant(draft.sentAt) })
          : t('h5.drafts.savedAt', { time: formatInstant(draft.createdAt) })}
        {' · '}
        {t('h5.drafts.photos', { count: draft.photoCount })}
        {draft.attempts > 0 && draft.status !== 'sent'
          ? ` · ${t('h5.drafts.attempts', { count: draft.attempts })}`
          : ''}
      </div>
      {draft.lastError && draft.status !== 'sent' ? (
        <div className={draft.status === 'failed' ? 'ph-error' : 'h5-warning-text'} data-testid={`${id}-error`}>
          {t('h5.drafts.lastError', { message: draftErrorText(draft.lastError, locale, t) })}
        </div>
      ) : null}
      <div className="h5-action-row">
        {draft.status !== 'sent' ? (
          <Button
            kind="primary"
            size="large"
            icon="send"
            loading={sending}
            onClick={() => void sendNow()}
            data-testid={`${id}-send`}
          >
            {t('h5.drafts.sendNow')}
          </Button>
        ) : null}
        <Button
          size="large"
          kind="danger"
          icon="trash"
          disabled={sending}
          onClick={() => setConfirming(true)}
          data-testid={`${id}-delete`}
        >
          {t('h5.drafts.delete')}
        </Button>
      </div>
      <ConfirmDialog
        open={confirming}
        title={t('h5.drafts.confirmDelete')}
        okText={t('h5.drafts.delete')}
        okKind="danger-primary"
        cancelText={t('common.cancel')}
        onOk={() => queue.remove(draft.id)}
        onCancel={() => setConfirming(false)}
        okTestId={`${id}-confirm`}
      />
    </li>
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
      <p className="ph-muted h5-intro">{t('h5.drafts.hint')}</p>
      {unsent > 0 ? (
        <Button
          size="large"
          block
          icon="send"
          onClick={() => void queue.sendAll()}
          disabled={!queue.online}
          className="h5-send-all"
          data-testid="h5-drafts-send-all"
        >
          {t('h5.drafts.sendAll')}
        </Button>
      ) : null}
      {drafts.length === 0 ? <Empty text={t('h5.drafts.empty')} /> : null}
      <ul className="h5-plain-list">
        {drafts.map((draft) => (
          <DraftCard key={draft.id} draft={draft} sending={queue.sending.has(draft.id)} />
        ))}
      </ul>
      {queue.storeKind && usage !== null ? (
        <div className="ph-muted h5-centered" data-testid="h5-drafts-storage">
          {t('h5.drafts.storage', { kind: t(`h5.me.storageKind.${queue.storeKind}`), size: formatBytes(usage) })}
        </div>
      ) : null}
    </div>
  );
}
