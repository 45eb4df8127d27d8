import { useCallback, useEffect, useState } from 'react';
import { casesApi, type CaseDetail } from './cases.api.ts';
import { useLiveCases } from './useLiveCases.ts';

/** One case, loaded and kept fresh: reloaded when a live event names it (someone else acted on it). */
export function useCaseDetail(id: string) {
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [reloadKey, setReloadKey] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    casesApi
      .get(id, controller.signal)
      .then((value) => {
        setDetail(value);
        setError(null);
      })
      .catch((cause: unknown) => {
        if (!controller.signal.aborted) setError(cause);
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [id, reloadKey]);

  const reload = useCallback(() => setReloadKey((k) => k + 1), []);
  const live = useLiveCases((events) => {
    if (events.some((e) => e.id === id)) reload();
  });

  return { detail, setDetail, error, loading, reload, live };
}
