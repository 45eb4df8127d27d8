import { useCallback, useEffect, useState } from 'react';
import { Alert, Badge, Empty, Segmented, Spin, Tag, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { formatInstant } from '../../components/format.ts';
import { errorText } from '../../api/errors.ts';
import { useI18n } from '../../i18n/context.ts';
import { h5Api, type CaseSummary, type TaskInbox } from '../api/h5.api.ts';
import { useQueue } from '../offline/queue-context.ts';

type Lists = Record<TaskInbox, CaseSummary[] | null>;

function TaskRow({ task }: { task: CaseSummary }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <div
      role="button"
      tabIndex={0}
      className="phone-section h5-section"
      style={{ display: 'flex', alignItems: 'center', gap: 8, cursor: 'pointer' }}
      onClick={() => navigate(`/h5/tasks/${task.id}`)}
      onKeyDown={(event) => event.key === 'Enter' && navigate(`/h5/tasks/${task.id}`)}
      data-testid={`h5-task-item-${task.id}`}
    >
      <div style={{ flex: 1, minWidth: 0 }}>
        <div style={{ fontSize: 16, fontWeight: 600 }}>{task.matterName ?? task.matterCode}</div>
        <Typography.Paragraph ellipsis={{ rows: 1 }} style={{ margin: '2px 0' }}>{task.address || task.description}</Typography.Paragraph>
        <div className="h5-muted">
          {task.caseNo}
          {task.stepDeadline ? ` · ${t('h5.tasks.due', { time: formatInstant(task.stepDeadline) })}` : ''}
        </div>
      </div>
      {task.overdue ? <Tag color="red">{t('h5.tasks.overdue')}</Tag> : null}
      <RightOutlined style={{ color: '#bfbfbf' }} />
    </div>
  );
}

/** 任务: my 核实 (verify before filing) and 核查 (check the result before closing) tasks. */
export function TasksPage() {
  const { t, locale } = useI18n();
  const { online } = useQueue();
  const [params, setParams] = useSearchParams();
  const tab: TaskInbox = params.get('tab') === 'checking' ? 'checking' : 'verifying';
  const [lists, setLists] = useState<Lists>({ verifying: null, checking: null });
  const [error, setError] = useState<string | null>(null);

  const load = useCallback((signal: AbortSignal) => {
    setError(null);
    for (const inbox of ['verifying', 'checking'] as const) {
      h5Api.tasks(inbox, signal).then(
        (page) => !signal.aborted && setLists((l) => ({ ...l, [inbox]: page.items })),
        (e: unknown) => !signal.aborted && setError(errorText(e, locale)),
      );
    }
  }, [locale]);

  useEffect(() => {
    if (!online) return;
    const controller = new AbortController();
    load(controller.signal);
    return () => controller.abort();
  }, [online, load]);

  const current = lists[tab];
  const count = (inbox: TaskInbox) => lists[inbox]?.length ?? 0;
  return (
    <div data-testid="h5-tasks" data-tab={tab}>
      <Segmented
        block
        size="large"
        value={tab}
        onChange={(value) => setParams(value === 'checking' ? { tab: 'checking' } : {}, { replace: true })}
        options={(['verifying', 'checking'] as const).map((inbox) => ({
          value: inbox,
          label: (
            <span data-testid={`h5-tasks-tab-${inbox}`}>
              {t(inbox === 'verifying' ? 'h5.tasks.verify' : 'h5.tasks.check')}{' '}
              <Badge count={count(inbox)} showZero={false} size="small" />
            </span>
          ),
        }))}
        style={{ marginBottom: 12 }}
      />
      {!online ? <Alert type="warning" showIcon title={t('h5.tasks.offline')} style={{ marginBottom: 12 }} /> : null}
      {error ? <Alert type="error" showIcon title={t('h5.tasks.loadFailed', { message: error })} style={{ marginBottom: 12 }} /> : null}
      {current === null && online && !error ? <Spin style={{ display: 'block', marginTop: 48 }} /> : null}
      {current !== null && current.length === 0 ? <Empty description={t('h5.tasks.empty')} style={{ marginTop: 48 }} /> : null}
      <div data-testid={`h5-tasks-list-${tab}`}>
        {(current ?? []).map((task) => <TaskRow key={task.id} task={task} />)}
      </div>
    </div>
  );
}
