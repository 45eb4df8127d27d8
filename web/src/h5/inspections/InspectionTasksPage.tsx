import { Link } from 'react-router-dom';
import type { Inspection } from '../../../../common/contracts/inspections.ts';
import { isAbort, useResource } from '../../api/use-resource.ts';
import { useAuth } from '../../features/auth/context.ts';
import { inspectionsApi } from '../../features/inspections/inspections.api.ts';
import { useI18n } from '../../i18n/context.ts';
import { Empty, LoadError, Loading } from '../../phone/ui/feedback.tsx';
import { isTransient } from '../api/case-transport.ts';
import { readCache, writeCache } from '../offline/local-cache.ts';
import { useEffect } from 'react';
import { dataUrlToBlob } from '../../phone/photos.ts';
import { useQueue } from '../offline/queue-context.ts';
import { flushInspections, readQueue } from './inspection-queue.ts';

/** 设施巡检: the inspector's due inspections; offline, the list as last loaded (docs/inspections.md). */
export function InspectionTasksPage() {
  const { t } = useI18n();
  const userId = useAuth().me?.user.id ?? '';
  const cacheKey = `inspections.${userId}.due`;
  const res = useResource(
    async (signal): Promise<{ items: Inspection[]; cached: boolean }> => {
      try {
        const page = await inspectionsApi.mine(signal);
        writeCache(cacheKey, page.items);
        return { items: page.items, cached: false };
      } catch (e) {
        const kept = readCache<Inspection[]>(cacheKey);
        if (!isAbort(e, signal) && isTransient(e) && kept) return { items: kept.value, cached: true };
        throw e;
      }
    },
    [cacheKey],
  );
  const { online, transport } = useQueue();
  const queued = userId ? readQueue(userId).length : 0;
  // Back online with results kept on the phone: send them (same keys, nothing opened twice), then list again.
  useEffect(() => {
    if (!online || !queued || !userId) return;
    void flushInspections(userId, {
      upload: async (url) => (await transport.uploadPhoto(dataUrlToBlob(url))).id,
      submit: (iid, body, key) => inspectionsApi.submit(iid, body, key),
    }).then(() => res.reload());
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per return of the signal
  }, [online, queued, userId]);
  const waiting = new Set(userId ? readQueue(userId).map((q) => q.inspectionId) : []);
  const items = (res.data?.items ?? []).filter((i) => !waiting.has(i.id));
  return (
    <div data-testid="h5-inspections" data-waiting={waiting.size}>
      {res.error ? <LoadError error={res.error} onRetry={res.reload} testId="h5-inspections" /> : null}
      {res.loading && !res.data ? <Loading label={t('app.loading')} /> : null}
      {res.data?.cached ? <div className="h5-muted">{t('inspections.h5.cached')}</div> : null}
      {waiting.size ? <div className="h5-banner">{t('inspections.h5.pending', { count: waiting.size })}</div> : null}
      {res.data && items.length === 0 ? <Empty text={t('inspections.h5.empty')} /> : null}
      <ul className="h5-plain-list">
        {items.map((i) => (
          <li key={i.id} className="h5-census-row">
            <Link to={`/h5/inspections/${encodeURIComponent(i.id)}`} data-testid={`h5-inspection-${i.assetCode}`}>
              <strong>{i.assetName}</strong>
              <div>
                {i.planName} · {i.dueDate}
              </div>
              <div className="h5-muted">{i.address ?? i.assetCode}</div>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
