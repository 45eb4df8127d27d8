import { useEffect, useState, type DependencyList } from 'react';

/**
 * Loads with `load` whenever `deps` change (none while `load` is null), aborting the previous request; the last
 * result stays on screen while the next one loads. `setError` lets the page show a failure of its own actions.
 */
export function useAbortableLoad<T>(load: ((signal: AbortSignal) => Promise<T>) | null, deps: DependencyList) {
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!load) return undefined;
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    load(controller.signal)
      .then((r) => {
        setData(r);
        setLoading(false);
      })
      .catch((e: unknown) => {
        if (controller.signal.aborted) return;
        setError(e);
        setLoading(false);
      });
    return () => controller.abort();
    // the caller's deps stand for what `load` reads (a new closure each render)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  return { data, loading, error, setError };
}
