import { useNavigate, useSearchParams } from 'react-router-dom';
import { formatInstant } from '../../components/format.ts';
import { useResource } from '../../api/use-resource.ts';
import { useI18n } from '../../i18n/context.ts';
import { Segmented } from '../../phone/ui/choice.tsx';
import { Alert, Empty, LoadError, Loading, Tag } from '../../phone/ui/feedback.tsx';
import { Icon } from '../../phone/ui/icons.tsx';
import { h5Api, type CaseSummary, type TaskInbox } from '../api/h5.api.ts';
import { useQueue } from '../offline/queue-context.ts';

type Lists = Record<TaskInbox, CaseSummary[] | null>;
const INBOXES = ['verifying', 'checking'] as const;

function TaskRow({ task }: { task: CaseSummary }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const open = () => navigate(`/h5/tasks/${task.id}`);
  return (
    <li>
      <button
        type="button"
        className="phone-section h5-section h5-task-row"
        onClick={open}
        data-testid={`h5-task-item-${task.id}`}
      >
        <span className="h5-task-row-text">
          <span className="h5-task-row-title">{task.matterName ?? task.matterCode}</span>
          <span className="ph-clamp-1">{task.address || task.description}</span>
          <span className="ph-muted">
            {task.caseNo}
            {task.stepDeadline ? ` · ${t('h5.tasks.due', { time: formatInstant(task.stepDeadline) })}` : ''}
          </span>
        </span>
        {task.overdue ? <Tag color="red">{t('h5.tasks.overdue')}</Tag> : null}
        <Icon name="right" className="h5-chevron" />
      </button>
    </li>
  );
}

/** 任务: my 核实 (verify before filing) and 核查 (check the result before closing) tasks. */
export function TasksPage() {
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
