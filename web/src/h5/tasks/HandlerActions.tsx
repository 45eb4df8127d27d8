import { useState } from 'react';
import type { CaseDetail } from '../../../../common/contracts/cases.ts';
import { tryT } from '../../../../common/i18n/core.ts';
import { useI18n } from '../../i18n/context.ts';
import { Button, TextArea } from '../../phone/ui/controls.tsx';
import { ConfirmDialog } from '../../phone/ui/dialog.tsx';
import { Alert } from '../../phone/ui/feedback.tsx';
import { toast } from '../../phone/ui/toast.tsx';
import { useQueue } from '../offline/queue-context.ts';
import { PhotoPicker } from '../report/PhotoPicker.tsx';
import { HandlerRequests } from './HandlerRequests.tsx';

interface Props {
  detail: CaseDetail;
  /** after the report back was sent or saved as a draft */
  onDone: () => void;
  /** after a 409 on a request: someone else changed the case; reload it */
  onStale: () => void;
}

/**
 * 处置反馈 with after-photos, through the same outbox as an inspector's report: saved on the device first, sent at
 * once when there is a signal and by itself when it returns. The 回退/延期/挂账 requests below need the network.
 */
export function HandlerActions({ detail, onDone, onStale }: Props) {
  const { t, locale } = useI18n();
  const queue = useQueue();
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<string[]>([]);
  const [problem, setProblem] = useState<'note' | 'photos' | null>(null);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const canReport = detail.allowedActions.includes('report_back');
  const pending = detail.pendingRequest;

  const ask = () => {
    if (!note.trim()) setProblem('note');
    else if (photos.length === 0) setProblem('photos');
    else setAsking(true);
  };

  const submit = async () => {
    setBusy(true);
    try {
      const result = await queue.submit({
        body: {
          matterCode: detail.matterCode,
          description: note.trim(),
          ...(detail.address ? { address: detail.address.slice(0, 200) } : {}),
          lng: detail.lng,
          lat: detail.lat,
        },
        matterName: t('h5handler.feedback.draft', { caseNo: detail.caseNo }),
        photos,
        feedback: { caseId: detail.id, caseNo: detail.caseNo, version: detail.version },
      });
      if (result.kind === 'sent') toast.success(t('h5handler.feedback.sent', { caseNo: detail.caseNo }));
      else if (result.kind === 'saved') toast.warning(t('h5handler.feedback.saved'));
      else if (result.kind === 'failed') {
        toast.error(result.message);
        return;
      } else {
        toast.error(t('h5handler.feedback.storageFull'));
        return;
      }
      onDone();
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };

  return (
    <div data-testid="h5-handler-actions">
      {pending ? (
        <Alert
          type="info"
          title={t('h5handler.requested', { request: tryT(locale, `h5handler.request.request_${pending}`) ?? pending })}
          data-testid="h5-handler-pending"
        />
      ) : null}
      {canReport ? (
        <>
          <h2 className="h5-section-title">{t('h5handler.feedback.title')}</h2>
          <label className="h5-section-title" htmlFor="h5-feedback-note">
            {t('h5handler.feedback.note')}
          </label>
          <TextArea
            id="h5-feedback-note"
            value={note}
            onChange={(event) => {
              setNote(event.target.value);
              setProblem(null);
            }}
            placeholder={t('h5handler.feedback.notePlaceholder')}
            minRows={2}
            maxRows={6}
            maxLength={1000}
            invalid={problem === 'note'}
            data-testid="h5-feedback-note"
          />
          <div className="h5-section-title h5-gap-top">{t('h5handler.feedback.photos')}</div>
          <PhotoPicker
            photos={photos}
            onChange={(next) => {
              setPhotos(next);
              setProblem(null);
            }}
            testId="h5-feedback-photo"
          />
          {problem ? (
            <div className="ph-error" role="alert" data-testid="h5-feedback-error">
              {t(problem === 'note' ? 'h5handler.feedback.noteRequired' : 'h5handler.feedback.photosRequired')}
            </div>
          ) : null}
          <div className="h5-action-row">
            <Button
              size="large"
              kind="primary"
              icon="tick"
              loading={busy}
              onClick={ask}
              data-testid="h5-feedback-submit"
            >
              {t('h5handler.feedback.submit')}
            </Button>
          </div>
          <ConfirmDialog
            open={asking}
            title={t('h5handler.feedback.title')}
            content={t('h5handler.feedback.confirm')}
            okText={t('common.ok')}
            cancelText={t('common.cancel')}
            onOk={() => submit()}
            onCancel={() => setAsking(false)}
            okTestId="h5-feedback-confirm"
            testId="h5-feedback-confirm-dialog"
          />
        </>
      ) : null}
      <HandlerRequests detail={detail} online={queue.online} onDone={onDone} onStale={onStale} />
    </div>
  );
}
