import { useCallback, useEffect, useRef, useState } from 'react';
import { useLiveCases } from '../cases/useLiveCases.ts';
import { dashboardApi, type DashboardSummary } from './dashboard.api.ts';

/** Refresh also on a timer: SLA colours and today's rates change with time alone, without any case event. */
const POLL_MS = 60_000;

/**
 * The dashboard's figures: loaded once, then refreshed after every burst of live case events (SSE /api/live) and
 * once a minute; the last good figures stay on screen while a refresh runs or fails. No page reload ever.
 */
export function useDashboard() {
  const [data, setData] = useState<DashboardSummary | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [refreshes, setRefreshes] = useState(0);
  const inflight = useRef<AbortController | null>(null);

  const load = useCallback(() => {
    inflight.current?.abort();
    const controller = new AbortController();
    inflight.current = controller;
    dashboardApi.summary(controller.signal)
      .then((s) => {
        setData(s);
        setError(null);
        setRefreshes((n) => n + 1);
      })
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(e);
      });
  }, []);

  useEffect(() => {
    load();
    const timer = setInterval(load, POLL_MS);
    return () => {
      clearInterval(timer);
      inflight.current?.abort();
    };
  }, [load]);

  const live = useLiveCases(() => load(), 800);
  return { data, error, connected: live.connected, refreshes };
}
