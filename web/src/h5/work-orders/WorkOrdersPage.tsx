import { Link } from 'react-router-dom';
import type { WorkOrder } from '../../../../common/contracts/assets.ts';
import { isAbort, useResource } from '../../api/use-resource.ts';
import { formatInstant } from '../../components/format.ts';
import { assetsApi } from '../../features/assets/assets.api.ts';
import { useAuth } from '../../features/auth/context.ts';
import { useI18n } from '../../i18n/context.ts';
import { Empty, LoadError, Loading, Tag } from '../../phone/ui/feedback.tsx';
import { isTransient } from '../api/case-transport.ts';
import { readCache, writeCache } from '../offline/local-cache.ts';

/**
 * 养护工单 of the handler's unit on the phone (a contractor's staff among them, docs/inspections.md): the open and
 * started orders, nearest deadline first; offline, the list as last loaded.
 */
export function WorkOrdersPage() {
  const { t } = useI18n();
  const userId = useAuth().me?.user.id ?? '';
  const cacheKey = `work-orders.${userId}`;
  const res = useResource(
    async (signal): Promise<{ items: WorkOrder[]; cached: boolean }> => {
      try {
        const pages = await Promise.all(
          (['open', 'in_progress'] as const).map((state) =>
            assetsApi.workOrders({ state, pageSize: 100, sort: 'dueAt', order: 'asc' }, signal),
          ),
        );
        const items = pages.flatMap((p) => p.items).sort((a, b) => a.dueAt.localeCompare(b.dueAt));
        writeCache(cacheKey, items);
        return { items, cached: false };
      } catch (e) {
        const kept = readCache<WorkOrder[]>(cacheKey);
        if (!isAbort(e, signal) && isTransient(e) && kept) return { items: kept.value, cached: true };
        throw e;
      }
    },
    [cacheKey],
  );
  const items = res.data?.items ?? [];
  return (
    <div data-testid="h5-work-orders">
      <Link to="/h5/tasks">‹ {t('h5handler.tasks.handling')}</Link>
      {res.error ? <LoadError error={res.error} onRetry={res.reload} testId="h5-work-orders" /> : null}
      {res.loading && !res.data ? <Loading label={t('app.loading')} /> : null}
      {res.data?.cached ? <div className="h5-muted">{t('inspections.wo.cached')}</div> : null}
      {res.data && items.length === 0 ? <Empty text={t('inspections.wo.empty')} /> : null}
      <ul className="h5-plain-list">
        {items.map((o) => (
          <li key={o.id} className="h5-census-row">
            <Link to={`/h5/work-orders/${encodeURIComponent(o.id)}`} data-testid={`h5-work-order-${o.orderNo}`}>
              <strong>{o.title}</strong>
              <div>
                {o.assetName}（{o.assetCode}）
              </div>
              <div className="h5-muted">
                {o.orderNo} · {t('inspections.wo.due', { at: formatInstant(o.dueAt) })}{' '}
                <Tag color={o.state === 'open' ? 'orange' : 'blue'}>{t(`assets.woStates.${o.state}`)}</Tag>
                {o.overdue ? <Tag color="red">{t('inspections.wo.overdue')}</Tag> : null}
              </div>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
