import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { WorkOrder } from '../../../../common/contracts/assets.ts';
import { errorText } from '../../api/errors.ts';
import { api } from '../../api/client.ts';
import { useResource } from '../../api/use-resource.ts';
import { formatInstant } from '../../components/format.ts';
import { assetsApi } from '../../features/assets/assets.api.ts';
import { useI18n } from '../../i18n/context.ts';
import { dataUrlToBlob } from '../../phone/photos.ts';
import { Button, TextArea } from '../../phone/ui/controls.tsx';
import { LoadError, Loading, Tag } from '../../phone/ui/feedback.tsx';
import { toast } from '../../phone/ui/toast.tsx';
import { useQueue } from '../offline/queue-context.ts';
import { PhotoPicker } from '../report/PhotoPicker.tsx';

/**
 * One 养护工单 on the phone: what the inspection found (its before-photos), then 开始处置 and 完成处置 with the
 * after-photos, which the unit's steps require (docs/assets.md, "Work orders").
 */
export function WorkOrderPage() {
  const { t, locale } = useI18n();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { transport } = useQueue();
  const res = useResource(
    (signal) => api.get<WorkOrder>(`/api/assets/work-orders/${encodeURIComponent(id)}`, { signal }),
    [id],
  );
  const [photos, setPhotos] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);

  const act = async (o: WorkOrder, finish: boolean) => {
    if (finish && photos.length === 0) {
      toast.error(t('inspections.wo.needPhoto'));
      return;
    }
    setBusy(true);
    try {
      if (o.state === 'open') await assetsApi.step(o.id, { action: 'start' });
      if (!finish) {
        toast.success(t('inspections.wo.started'));
        res.reload();
        return;
      }
      const afterPhotoIds: string[] = [];
      for (const url of photos) afterPhotoIds.push((await transport.uploadPhoto(dataUrlToBlob(url))).id);
      await assetsApi.step(o.id, { action: 'finish', afterPhotoIds, ...(note.trim() ? { note: note.trim() } : {}) });
      toast.success(t('inspections.wo.finished'));
      void navigate('/h5/work-orders');
    } catch (e) {
      toast.error(errorText(e, locale));
    } finally {
      setBusy(false);
    }
  };

  const o = res.data;
  return (
    <div data-testid="h5-work-order" data-state={o?.state}>
      <Link to="/h5/work-orders">‹ {t('inspections.wo.back')}</Link>
      {res.error ? <LoadError error={res.error} onRetry={res.reload} testId="h5-work-order" /> : null}
      {res.loading && !o ? <Loading label={t('app.loading')} /> : null}
      {o ? (
        <>
          <h3>{o.title}</h3>
          <div>
            {o.assetName}（{o.assetCode}）
          </div>
          <div className="h5-muted">
            {o.orderNo} · {t('inspections.wo.due', { at: formatInstant(o.dueAt) })}{' '}
            <Tag color={o.state === 'open' ? 'orange' : 'blue'}>{t(`assets.woStates.${o.state}`)}</Tag>
            {o.overdue ? <Tag color="red">{t('inspections.wo.overdue')}</Tag> : null}
          </div>
          {o.beforePhotoIds.length ? (
            <section className="h5-card" style={{ marginTop: 12 }}>
              <strong>{t('inspections.wo.before')}</strong>
              <div className="phone-photos h5-photos">
                {o.beforePhotoIds.map((p) => (
                  <div className="phone-photo h5-photo" key={p}>
                    <img src={`/api/photos/${encodeURIComponent(p)}/thumb`} alt="" />
                  </div>
                ))}
              </div>
            </section>
          ) : null}
          {o.state === 'open' || o.state === 'in_progress' ? (
            <section className="h5-card" style={{ marginTop: 12 }}>
              <strong>{t('inspections.wo.after')}</strong>
              <PhotoPicker photos={photos} onChange={setPhotos} testId="h5-wo-photo" max={9} />
              <TextArea
                minRows={2}
                placeholder={t('inspections.wo.note')}
                value={note}
                onChange={(ev) => setNote(ev.currentTarget.value)}
                data-testid="h5-wo-note"
              />
              <div style={{ display: 'flex', gap: 8, marginTop: 8 }}>
                {o.state === 'open' ? (
                  <Button onClick={() => void act(o, false)} loading={busy} data-testid="h5-wo-start">
                    {t('inspections.wo.start')}
                  </Button>
                ) : null}
                <Button
                  kind="primary"
                  block
                  onClick={() => void act(o, true)}
                  loading={busy}
                  data-testid="h5-wo-finish"
                >
                  {t('inspections.wo.finish')}
                </Button>
              </div>
            </section>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
