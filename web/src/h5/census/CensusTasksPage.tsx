import { Link } from 'react-router-dom';
import { useResource } from '../../api/use-resource.ts';
import { censusApi } from '../../features/monitor/census.api.ts';
import { useI18n } from '../../i18n/context.ts';
import { Empty, LoadError, Loading } from '../../phone/ui/feedback.tsx';

/** 专项普查: the inspector's grid tasks in open campaigns (docs/monitor.md, "Census campaigns"). */
export function CensusTasksPage() {
  const { t } = useI18n();
  const res = useResource((signal) => censusApi.myTasks(signal), []);
  return (
    <div data-testid="h5-census">
      {res.error ? <LoadError error={res.error} onRetry={res.reload} testId="h5-census" /> : null}
      {res.loading && !res.data ? <Loading label={t('app.loading')} /> : null}
      {res.data && res.data.length === 0 ? <Empty text={t('monitor.census.h5.empty')} /> : null}
      <ul className="h5-plain-list">
        {(res.data ?? []).map((task) => (
          <li key={task.id} className="h5-census-row">
            <Link to={`/h5/census/${encodeURIComponent(task.id)}`}>
              <strong>{task.campaignName}</strong>
              <div>
                {task.classCode} {task.className ?? ''} · {task.gridCode}
              </div>
              <div className="h5-muted">
                {t('monitor.census.tally', { checked: task.checked, expected: task.expected })}
                {' · '}
                {t('monitor.census.found', {
                  ok: task.ok,
                  damaged: task.damaged,
                  missing: task.missing,
                  added: task.added,
                })}
              </div>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
