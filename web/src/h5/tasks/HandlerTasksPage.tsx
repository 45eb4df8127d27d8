import { Link, useSearchParams } from 'react-router-dom';
import { useAuth } from '../../features/auth/context.ts';
import { useResource } from '../../api/use-resource.ts';
import { useI18n } from '../../i18n/context.ts';
import { Segmented } from '../../phone/ui/choice.tsx';
import { Alert, Empty, LoadError, Loading } from '../../phone/ui/feedback.tsx';
import { h5Api, type CaseSummary, type HandlerInbox } from '../api/h5.api.ts';
import { readCache, writeCache } from '../offline/local-cache.ts';
import { useQueue } from '../offline/queue-context.ts';
import { TaskRow } from './TaskRow.tsx';

const INBOXES = ['handling', 'suspended'] as const;
type Lists = Record<HandlerInbox, CaseSummary[] | null>;
const CACHE_KEY = 'handler-tasks';

/**
 * 处置通's task list: the unit's cases waiting to be handled, and those suspended (挂账). The last lists are kept on
 * the device, so a handler who loses the signal on the way still sees where the cases are.
 */
export function HandlerTasksPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const { online } = useQueue();
  const [params, setParams] = useSearchParams();
  const tab: HandlerInbox = params.get('tab') === 'suspended' ? 'suspended' : 'handling';
  const loaded = useResource(
    online
      ? async (signal) => {
          const pages = await Promise.all(INBOXES.map((inbox) => h5Api.handlerTasks(inbox, signal)));
          const lists = { handling: pages[0]!.items, suspended: pages[1]!.items };
          writeCache(CACHE_KEY, lists);
          return lists;
        }
      : null,
    [online],
  );
  const cached = readCache<Record<HandlerInbox, CaseSummary[]>>(CACHE_KEY)?.value ?? null;
  const lists: Lists = loaded.data ?? (online ? null : cached) ?? { handling: null, suspended: null };
  const current = lists[tab];

  return (
    <div data-testid="h5-tasks" data-tab={tab}>
      <div className="h5-tasks-tabs">
        <Segmented
          tabs
          label={t('h5.tasks.title')}
          value={tab}
          onChange={(value) => setParams(value === 'suspended' ? { tab: 'suspended' } : {}, { replace: true })}
          options={INBOXES.map((inbox) => ({
            value: inbox,
            label: t(`h5handler.tasks.${inbox}`),
            count: lists[inbox]?.length ?? 0,
            testId: `h5-tasks-tab-${inbox}`,
          }))}
        />
      </div>
      {can('assets.work') ? (
        <Link className="h5-census-entry" to="/h5/work-orders" data-testid="h5-work-orders-entry">
          {t('inspections.wo.entry')} ›
        </Link>
      ) : null}
      {!online ? <Alert type="warning" title={t('h5.tasks.offline')} /> : null}
      {loaded.error ? <LoadError error={loaded.error} onRetry={loaded.reload} testId="h5-tasks" /> : null}
      {current === null && online && !loaded.error ? <Loading label={t('app.loading')} /> : null}
      {current !== null && current.length === 0 ? <Empty text={t('h5handler.tasks.empty')} /> : null}
      <ul
        className="h5-plain-list"
        role="tabpanel"
        aria-label={t(`h5handler.tasks.${tab}`)}
        data-testid={`h5-tasks-list-${tab}`}
      >
        {(current ?? []).map((task) => (
          <TaskRow key={task.id} task={task} />
        ))}
      </ul>
    </div>
  );
}
