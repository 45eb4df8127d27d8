import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type DependencyList,
  type Dispatch,
  type SetStateAction,
} from 'react';

/** Fetches one thing; must pass `signal` on to the request so a superseded load stops on the wire. */
export type Loader<T> = (signal: AbortSignal) => Promise<T>;

export interface ResourceOptions {
  /** Wait this long after the last change before loading (search-as-you-type); the wait restarts on every change. */
  delayMs?: number;
  /** Forget the previous result as soon as `deps` change (a different record); reload() always keeps it. */
  resetOnChange?: boolean;
}

export interface Resource<T> {
  /** The last good result; it stays while the next load runs or after it fails, unless `resetOnChange`. */
  data: T | null;
  error: unknown;
  loading: boolean;
  /** Load again with the same inputs (a retry button, a live event, a timer). */
  reload: () => void;
  /** Replace the data with what an action returned, without a round trip. */
  setData: Dispatch<SetStateAction<T | null>>;
}

/** A request cancelled on purpose: never an error to show. */
export function isAbort(error: unknown, signal?: AbortSignal): boolean {
  return (
    signal?.aborted === true ||
    (error instanceof Error && error.name === 'AbortError') ||
    (typeof DOMException !== 'undefined' && error instanceof DOMException && error.name === 'AbortError')
  );
}

/**
 * The one way the web client loads data: runs `loader` when `deps` change (nothing while it is null), aborting the
 * previous request on every change and on unmount, so an old answer can never overwrite a newer one.
 * `deps` stand for everything `loader` reads: the loader itself is a new closure on every render and is not one.
 */
export function useResource<T>(
  loader: Loader<T> | null,
  deps: DependencyList,
  options: ResourceOptions = {},
): Resource<T> {
  const [entry, setEntry] = useState<{ value: T | null; deps: DependencyList }>({ value: null, deps });
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(loader !== null);
  const [reloads, setReloads] = useState(0);
  const latest = useRef(loader);
  latest.current = loader;
  const currentDeps = useRef(deps);
  currentDeps.current = deps;
  const { delayMs = 0, resetOnChange = false } = options;

  useEffect(() => {
    const load = latest.current;
    if (!load) {
      setLoading(false);
      setError(null);
      return undefined;
    }
    const controller = new AbortController();
    const { signal } = controller;
    setLoading(true);
    setError(null);
    const start = () => {
      load(signal).then(
        (value) => {
          if (signal.aborted) return;
          setEntry({ value, deps: currentDeps.current });
          setLoading(false);
        },
        (cause: unknown) => {
          if (isAbort(cause, signal)) return;
          setError(cause);
          setLoading(false);
        },
      );
    };
    const timer = delayMs > 0 ? setTimeout(start, delayMs) : undefined;
    if (delayMs <= 0) start();
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // `deps` stand for what the loader reads (see above); `reloads` re-runs it with the same inputs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, loader === null, reloads, delayMs]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  const setData = useCallback<Dispatch<SetStateAction<T | null>>>((next) => {
    setEntry((e) => ({
      value: typeof next === 'function' ? (next as (prev: T | null) => T | null)(e.value) : next,
      deps: e.deps,
    }));
  }, []);
  // Decided while rendering, so a page never shows the previous record's data under the new one's heading.
  const stale = resetOnChange && !sameDeps(entry.deps, deps);
  return {
    data: stale ? null : entry.value,
    error: stale ? null : error,
    loading: stale ? loader !== null : loading,
    reload,
    setData,
  };
}

function sameDeps(a: DependencyList, b: DependencyList): boolean {
  return a.length === b.length && a.every((d, i) => Object.is(d, b[i]));
}
