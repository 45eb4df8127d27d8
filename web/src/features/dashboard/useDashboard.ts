import { useEffect, useState } from 'react';
import { useResource } from '../../api/use-resource.ts';
import { useLiveCases } from '../cases/useLiveCases.ts';
import { dashboardApi } from './dashboard.api.ts';

/** Refresh also on a timer: SLA colours and today's rates change with time alone, without any case event. */
const POLL_MS = 60_000;

/**
 * The dashboard's figures: loaded once, then refreshed after every burst of live case events (SSE /api/live) and
 * once a minute; the last good figures stay on screen while a refresh runs or fails. No page reload ever.
 */
export function useDashboard() {
  const { data, error, reload } = useResource((signal) => dashboardApi.summary(signal), []);
  const [refreshes, setRefreshes] = useState(0);

  useEffect(() => {
    if (data) setRefreshes((n) => n + 1);
  }, [data]);

  useEffect(() => {
    const timer = setInterval(reload, POLL_MS);
    return () => clearInterval(timer);
  }, [reload]);

  const live = useLiveCases(() => reload(), 800);
  return { data, error, live: live.status, refreshes };
}
