import { useState } from 'react';
import { App, Button, Input, Typography } from 'antd';
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import type { CaseDetail } from '../../../../common/contracts/cases.ts';
import { errorText, isApiError } from '../../api/errors.ts';
import { useI18n } from '../../i18n/context.ts';
import { h5Api } from '../api/h5.api.ts';
import { dataUrlToBlob } from '../offline/photos.ts';
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
  const { message, modal } = App.useApp();
  const { online, transport } = useQueue();
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<string[]>([]);
  const [busy, setBusy] = useState<TaskAction | null>(null);
  const [noteError, setNoteError] = useState(false);
  const actions = TASK_ACTIONS.filter((a) => detail.allowedActions.includes(a));

  if (actions.length === 0) return <Typography.Text type="secondary" data-testid="h5-task-no-actions">{t('h5.task.noActions')}</Typography.Text>;

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
      void message.success(t('h5.task.done', { action: t(`h5.task.${action}`) }));
      onDone(action);
    } catch (error) {
      if (isApiError(error) && error.status === 409) {
        void message.warning(t('h5.task.stale'));
        onStale();
      } else {
        void message.error(errorText(error, locale));
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
    modal.confirm({
      title: t(`h5.task.${action}`),
      content: note.trim() || undefined,
      okText: t('common.ok'),
      cancelText: t('common.cancel'),
      okButtonProps: { danger: action === 'check_fail' },
      onOk: () => run(action),
    });
  };

  return (
    <div data-testid="h5-task-actions">
      <div className="h5-section-title">{t('h5.task.note')}</div>
      <Input.TextArea
        value={note}
        onChange={(event) => {
          setNote(event.target.value);
          setNoteError(false);
        }}
        placeholder={t('h5.task.notePlaceholder')}
        autoSize={{ minRows: 2, maxRows: 6 }}
        maxLength={1000}
        status={noteError ? 'error' : undefined}
        style={{ fontSize: 16 }}
        data-testid="h5-task-note"
      />
      {noteError ? <Typography.Text type="danger" data-testid="h5-task-note-error">{t('h5.task.reasonRequired')}</Typography.Text> : null}
      <div className="h5-section-title" style={{ marginTop: 12 }}>{t('h5.task.photos')}</div>
      <PhotoPicker photos={photos} onChange={setPhotos} testId="h5-task-photo" />
      {!online ? <Typography.Text type="warning" style={{ display: 'block', marginTop: 8 }}>{t('h5.task.needsNetwork')}</Typography.Text> : null}
      <div style={{ display: 'flex', gap: 8, marginTop: 12 }}>
        {actions.map((action) => (
          <Button
            key={action}
            size="large"
            type={action === 'check_fail' ? 'default' : 'primary'}
            danger={action === 'check_fail'}
            icon={action === 'check_fail' ? <CloseOutlined /> : <CheckOutlined />}
            loading={busy === action}
            disabled={!online || (busy !== null && busy !== action)}
            onClick={() => ask(action)}
            style={{ flex: 1, height: 50 }}
            data-testid={`h5-task-action-${action}`}
          >
            {t(`h5.task.${action}`)}
          </Button>
        ))}
      </div>
    </div>
  );
}
