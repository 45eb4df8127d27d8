import { useState, type ChangeEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { Inspection, InspectionItem } from '../../../../common/contracts/inspections.ts';
import type { ItemResult } from '../../../../common/domain/inspections.ts';
import { errorText } from '../../api/errors.ts';
import { isAbort, useResource } from '../../api/use-resource.ts';
import { useAuth } from '../../features/auth/context.ts';
import { inspectionsApi } from '../../features/inspections/inspections.api.ts';
import { useI18n } from '../../i18n/context.ts';
import { dataUrlToBlob } from '../../phone/photos.ts';
import { Button, TextArea, TextInput } from '../../phone/ui/controls.tsx';
import { LoadError, Loading } from '../../phone/ui/feedback.tsx';
import { toast } from '../../phone/ui/toast.tsx';
import { isTransient } from '../api/case-transport.ts';
import { readCache, removeCache, writeCache } from '../offline/local-cache.ts';
import { useQueue } from '../offline/queue-context.ts';
import { PhotoPicker } from '../report/PhotoPicker.tsx';
import { enqueueInspection, flushInspections } from './inspection-queue.ts';

type Entry = { ok?: boolean; value?: string; text?: string; photos: string[] };

const range = (i: InspectionItem) => `${i.min ?? ''}–${i.max ?? ''}${i.unit ?? ''}`;

/**
 * One inspection on the phone: per item pass/fail, a reading, a remark and photos; saved on the phone first and sent
 * from the queue, so it can be done without signal (docs/inspections.md).
 */
export function InspectionPage() {
  const { t, locale } = useI18n();
  const userId = useAuth().me?.user.id ?? '';
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { transport } = useQueue();
  const cacheKey = `inspections.${userId}.one.${id}`;
  const res = useResource(
    async (signal): Promise<Inspection> => {
      try {
        const one = await inspectionsApi.mineOne(id, signal);
        writeCache(cacheKey, one);
        return one;
      } catch (e) {
        const kept = readCache<Inspection>(cacheKey) ?? readCache<Inspection[]>(`inspections.${userId}.due`);
        const found = Array.isArray(kept?.value) ? kept.value.find((x) => x.id === id) : kept?.value;
        if (!isAbort(e, signal) && isTransient(e) && found) return found;
        throw e;
      }
    },
    [id, cacheKey],
  );
  // The answers typed so far stay on the phone until the submit is queued, like a report's draft: a closed tab or a
  // dead battery does not lose them.
  const draftKey = `inspection-draft.${userId}.${id}`;
  const [entries, setEntriesState] = useState<Record<string, Entry>>(
    () => readCache<Record<string, Entry>>(draftKey)?.value ?? {},
  );
  const setEntries = (update: (e: Record<string, Entry>) => Record<string, Entry>) =>
    setEntriesState((e) => {
      const next = update(e);
      writeCache(draftKey, next);
      return next;
    });
  const [busy, setBusy] = useState(false);
  const entry = (key: string): Entry => entries[key] ?? { photos: [] };
  const set = (key: string, patch: Partial<Entry>) =>
    setEntries((e) => ({ ...e, [key]: { ...(e[key] ?? { photos: [] }), ...patch } }));

  const submit = async (insp: Inspection) => {
    const results: ItemResult[] = insp.items.map((i) => {
      const e = entry(i.key);
      return {
        key: i.key,
        ...(i.kind === 'check' && e.ok !== undefined ? { ok: e.ok } : {}),
        ...(i.kind === 'number' && e.value ? { value: Number(e.value) } : {}),
        ...(e.text ? { text: e.text } : {}),
      };
    });
    const photos = Object.fromEntries(insp.items.map((i) => [i.key, entry(i.key).photos]));
    enqueueInspection(userId, insp.id, { results }, photos);
    removeCache(draftKey);
    setBusy(true);
    try {
      const out = await flushInspections(userId, {
        upload: async (url) => (await transport.uploadPhoto(dataUrlToBlob(url))).id,
        submit: (iid, body, key) => inspectionsApi.submit(iid, body, key),
      });
      for (const r of out.refused) toast.error(t('inspections.h5.refused', { message: errorText(r.error, locale) }));
      if (out.refused.length) return;
      toast[out.waiting ? 'info' : 'success'](t(out.waiting ? 'inspections.h5.queued' : 'inspections.h5.saved'));
      void navigate('/h5/inspections');
    } finally {
      setBusy(false);
    }
  };

  const insp = res.data;
  return (
    <div data-testid="h5-inspection">
      <Link to="/h5/inspections">‹ {t('inspections.h5.back')}</Link>
      {res.error && !insp ? <LoadError error={res.error} onRetry={res.reload} testId="h5-inspection" /> : null}
      {res.loading && !insp ? <Loading label={t('app.loading')} /> : null}
      {insp ? (
        <>
          <h3>{insp.assetName}</h3>
          <div className="h5-muted">
            {insp.planName} · {insp.dueDate}
          </div>
          {insp.items.map((i) => {
            const e = entry(i.key);
            const label = locale === 'en' && i.labelEn ? i.labelEn : i.label;
            return (
              <section key={i.key} className="h5-card" data-testid={`item-${i.key}`} style={{ marginTop: 12 }}>
                <strong>{label}</strong>
                {i.kind === 'number' ? (
                  <div className="h5-muted">{t('inspections.h5.range', { range: range(i) })}</div>
                ) : null}
                {i.kind === 'check' ? (
                  <div style={{ display: 'flex', gap: 8, marginTop: 6 }}>
                    <Button
                      size="small"
                      kind={e.ok === true ? 'primary' : 'default'}
                      onClick={() => set(i.key, { ok: true })}
                      data-testid={`item-${i.key}-pass`}
                    >
                      {t('inspections.h5.pass')}
                    </Button>
                    <Button
                      size="small"
                      kind={e.ok === false ? 'danger-primary' : 'default'}
                      onClick={() => set(i.key, { ok: false })}
                      data-testid={`item-${i.key}-fail`}
                    >
                      {t('inspections.h5.fail')}
                    </Button>
                  </div>
                ) : null}
                {i.kind === 'number' ? (
                  <TextInput
                    inputMode="decimal"
                    placeholder={t('inspections.h5.value')}
                    value={e.value ?? ''}
                    onChange={(ev: ChangeEvent<HTMLInputElement>) => set(i.key, { value: ev.currentTarget.value })}
                    data-testid={`item-${i.key}-value`}
                  />
                ) : null}
                <TextArea
                  minRows={1}
                  placeholder={t('inspections.h5.remark')}
                  value={e.text ?? ''}
                  onChange={(ev) => set(i.key, { text: ev.currentTarget.value })}
                  data-testid={`item-${i.key}-text`}
                />
                <PhotoPicker
                  photos={e.photos}
                  onChange={(photos) => set(i.key, { photos })}
                  testId={`item-${i.key}-photo`}
                  max={3}
                />
              </section>
            );
          })}
          <Button kind="primary" block loading={busy} onClick={() => void submit(insp)} data-testid="inspection-submit">
            {t('inspections.h5.submit')}
          </Button>
        </>
      ) : null}
    </div>
  );
}
