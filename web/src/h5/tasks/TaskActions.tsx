import { useState } from 'react';
import type { CaseDetail } from '../../../../common/contracts/cases.ts';
import { errorText, isApiError } from '../../api/errors.ts';
import { useI18n } from '../../i18n/context.ts';
import { dataUrlToBlob } from '../../phone/photos.ts';
import { Button, TextArea } from '../../phone/ui/controls.tsx';
import { ConfirmDialog } from '../../phone/ui/dialog.tsx';
import { toast } from '../../phone/ui/toast.tsx';
import { h5Api } from '../api/h5.api.ts';
import { useQueue } from '../offline/queue-context.ts';
import { PhotoPicker } from '../report/PhotoPicker.tsx';

/** The inspector's own actions on a task; anything else in allowedActions belongs to the console. */
export const TASK_ACTIONS = ['verify', 'check_pass', 'check_fail'] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

interface Props {
  detail: CaseDetail;
  /** after success (the task is done) */
  onDone: (action: TaskAction) => void;
  /** after a 409: someone else changed the case; reload it */
  onStale: () => void;
}

/** 核实属实 / 核查通过 / 核查不通过, each with a note and on-site photos (uploaded first, then named in the transition). */
export function TaskActions({ detail, onDone, onStale }: Props) {
  const { t, locale } = useI18n();
  const { online, transport } = useQueue();
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<string[]>([]);
  const [busy, setBusy] = useState<TaskAction | null>(null);
  const [asking, setAsking] = useState<TaskAction | null>(null);
  const [noteError, setNoteError] = useState(false);
  const [photoError, setPhotoError] = useState(false);
  const photosRequired = (detail.photosRequiredFor as readonly string[] | undefined)?.includes('check_pass') ?? true;
  const actions = TASK_ACTIONS.filter((a) => detail.allowedActions.includes(a));

  if (actions.length === 0)
    return (
      <p className="ph-muted" data-testid="h5-task-no-actions">
        {t('h5.task.noActions')}
      </p>
    );

  const run = async (action: TaskAction) => {
    setBusy(action);
    try {
      const photoIds: string[] = [];
      for (const url of photos) photoIds.push((await transport.uploadPhoto(dataUrlToBlob(url))).id);
      await h5Api.transition(detail.id, {
        action,
        version: detail.version,
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(photoIds.length > 0 ? { photoIds } : {}),
      });
      toast.success(t('h5.task.done', { action: t(`h5.task.${action}`) }));
      onDone(action);
    } catch (error) {
      if (isApiError(error) && error.status === 409) {
        toast.warning(t('h5.task.stale'));
        onStale();
      } else {
        toast.error(errorText(error, locale));
      }
    } finally {
      setBusy(null);
    }
  };

  const ask = (action: TaskAction) => {
    if (action === 'check_fail' && !note.trim()) {
      setNoteError(true);
      return;
    }
    if (action === 'check_pass' && photosRequired && photos.length === 0) {
      setPhotoError(true);
      return;
    }
    setAsking(action);
  };

  return (
    <div data-testid="h5-task-actions">
      <label className="h5-section-title" htmlFor="h5-task-note">
        {t('h5.task.note')}
      </label>
      <TextArea
        id="h5-task-note"
        value={note}
        onChange={(event) => {
          setNote(event.target.value);
          setNoteError(false);
        }}
        placeholder={t('h5.task.notePlaceholder')}
        minRows={2}
        maxRows={6}
        maxLength={1000}
        invalid={noteError}
        aria-describedby={noteError ? 'h5-task-note-error' : undefined}
        data-testid="h5-task-note"
      />
      {noteError ? (
        <div className="ph-error" id="h5-task-note-error" data-testid="h5-task-note-error">
          {t('h5.task.reasonRequired')}
        </div>
      ) : null}
      <div className="h5-section-title h5-gap-top">{t('h5.task.photos')}</div>
      <PhotoPicker
        photos={photos}
        onChange={(next) => {
          setPhotos(next);
          setPhotoError(false);
        }}
        testId="h5-task-photo"
      />
      {photoError ? (
        <div className="ph-error" data-testid="h5-task-photo-error">
          {t('h5.task.photosRequired')}
        </div>
      ) : null}
      {!online ? <div className="h5-warning-text">{t('h5.task.needsNetwork')}</div> : null}
      <div className="h5-action-row">
        {actions.map((action) => (
          <Button
            key={action}
            size="large"
            kind={action === 'check_fail' ? 'danger' : 'primary'}
            icon={action === 'check_fail' ? 'close' : 'tick'}
            loading={busy === action}
            disabled={!online || (busy !== null && busy !== action)}
            onClick={() => ask(action)}
            data-testid={`h5-task-action-${action}`}
          >
            {t(`h5.task.${action}`)}
          </Button>
        ))}
      </div>
      <ConfirmDialog
        open={asking !== null}
        title={asking ? t(`h5.task.${asking}`) : ''}
        content={note.trim() || undefined}
        okText={t('common.ok')}
        cancelText={t('common.cancel')}
        okKind={asking === 'check_fail' ? 'danger-primary' : 'primary'}
        onOk={() => asking && run(asking)}
        onCancel={() => setAsking(null)}
        okTestId="h5-task-confirm"
        testId="h5-task-confirm-dialog"
      />
    </div>
  );
}
