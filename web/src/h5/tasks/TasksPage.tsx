import { Link, useSearchParams } from 'react-router-dom';
import { useResource } from '../../api/use-resource.ts';
import { useI18n } from '../../i18n/context.ts';
import { Segmented } from '../../phone/ui/choice.tsx';
import { Alert, Empty, LoadError, Loading } from '../../phone/ui/feedback.tsx';
import { h5Api, type CaseSummary, type TaskInbox } from '../api/h5.api.ts';
import { useH5Role } from '../auth/h5-role.ts';
import { useQueue } from '../offline/queue-context.ts';
import { HandlerTasksPage } from './HandlerTasksPage.tsx';
import { TaskRow } from './TaskRow.tsx';

type Lists = Record<TaskInbox, CaseSummary[] | null>;
const INBOXES = ['verifying', 'checking'] as const;

/** 任务: my 核实/核查 tasks as an inspector, my unit's cases to handle as a handler. */
export function TasksPage() {
  return useH5Role() === 'handler' ? <HandlerTasksPage /> : <InspectorTasksPage />;
}

/** The inspector's 核实 (verify before filing) and 核查 (check the result before closing) tasks. */
function InspectorTasksPage() {
  const { t } = useI18n();
  const { online } = useQueue();
  const [params, setParams] = useSearchParams();
  const tab: TaskInbox = params.get('tab') === 'checking' ? 'checking' : 'verifying';
  // Both lists load together (each tab shows its count); offline, the last lists stay and nothing is asked.
  const loaded = useResource(
    online
      ? (signal) =>
          Promise.all(INBOXES.map((inbox) => h5Api.tasks(inbox, signal).then((page) => [inbox, page.items] as const)))
      : null,
    [online],
  );
  const lists: Lists = loaded.data ? (Object.fromEntries(loaded.data) as Lists) : { verifying: null, checking: null };
  const error = loaded.error;

  const current = lists[tab];
  return (
    <div data-testid="h5-tasks" data-tab={tab}>
      <div className="h5-tasks-tabs">
        <Segmented
          tabs
          label={t('h5.tasks.title')}
          value={tab}
          onChange={(value) => setParams(value === 'checking' ? { tab: 'checking' } : {}, { replace: true })}
          options={INBOXES.map((inbox) => ({
            value: inbox,
            label: t(inbox === 'verifying' ? 'h5.tasks.verify' : 'h5.tasks.check'),
            count: lists[inbox]?.length ?? 0,
            testId: `h5-tasks-tab-${inbox}`,
          }))}
        />
      </div>
      <Link className="h5-census-entry" to="/h5/census" data-testid="h5-census-entry">
        {t('monitor.census.h5.entry')} ›
      </Link>
      <Link className="h5-census-entry" to="/h5/inspections" data-testid="h5-inspections-entry">
        {t('inspections.h5.entry')} ›
      </Link>
      {!online ? <Alert type="warning" title={t('h5.tasks.offline')} /> : null}
      {error ? <LoadError error={error} onRetry={loaded.reload} testId="h5-tasks" /> : null}
      {current === null && online && !error ? <Loading label={t('app.loading')} /> : null}
      {current !== null && current.length === 0 ? <Empty text={t('h5.tasks.empty')} /> : null}
      <ul
        className="h5-plain-list"
        role="tabpanel"
        aria-label={t(tab === 'verifying' ? 'h5.tasks.verify' : 'h5.tasks.check')}
        data-testid={`h5-tasks-list-${tab}`}
      >
        {(current ?? []).map((task) => (
          <TaskRow key={task.id} task={task} />
        ))}
      </ul>
    </div>
  );
}
