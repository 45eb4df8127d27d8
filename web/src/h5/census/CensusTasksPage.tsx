import { Link } from 'react-router-dom';
import type { CensusTask } from '../../../../common/contracts/census.ts';
import { isAbort, useResource } from '../../api/use-resource.ts';
import { useAuth } from '../../features/auth/context.ts';
import { censusApi } from '../../features/monitor/census.api.ts';
import { useI18n } from '../../i18n/context.ts';
import { Empty, LoadError, Loading } from '../../phone/ui/feedback.tsx';
import { isTransient } from '../api/case-transport.ts';
import { readCache, writeCache } from '../offline/local-cache.ts';

/**
 * 专项普查: the inspector's grid tasks in open campaigns (docs/monitor.md, "Census campaigns"); offline, the list as
 * last loaded (docs/h5-offline.md, "Census records").
 */
export function CensusTasksPage() {
  const { t } = useI18n();
  const cacheKey = `census.${useAuth().me?.user.id ?? ''}.tasks`;
  const res = useResource(
    async (signal): Promise<CensusTask[]> => {
      try {
        const tasks = await censusApi.myTasks(signal);
        writeCache(cacheKey, tasks);
        return tasks;
      } catch (e) {
        const kept = readCache<CensusTask[]>(cacheKey);
        if (!isAbort(e, signal) && isTransient(e) && kept) return kept.value;
        throw e;
      }
    },
    [cacheKey],
  );
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
