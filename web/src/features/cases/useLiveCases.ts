import { useEffect, useRef, useState } from 'react';

/** The data of an `event: case` on /api/live. */
export interface CaseLiveEvent {
  id: string;
  caseNo: string;
  status: string;
  unitId: string | null;
  action: string;
}

function parse(data: string): CaseLiveEvent | null {
  try {
    const value = JSON.parse(data) as Partial<CaseLiveEvent>;
    return typeof value.id === 'string' ? (value as CaseLiveEvent) : null;
  } catch {
    return null;
  }
}

/** `connecting` until the first open; `lost` only after a real disconnect (or a first attempt the browser gave up). */
export type LiveStatus = 'connecting' | 'open' | 'lost';

/**
 * Subscribes to the server's live events (SSE, cookie session) and calls `onChange` once per burst of case events
 * (debounced), with the events of the burst. EventSource reconnects by itself; `connected` says whether it is up.
 */
export function useLiveCases(
  onChange: (events: CaseLiveEvent[]) => void,
  debounceMs = 600,
): { connected: boolean; status: LiveStatus } {
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const callback = useRef(onChange);
  useEffect(() => {
    callback.current = onChange;
  });

  useEffect(() => {
    if (typeof EventSource === 'undefined') return undefined;
    const source = new EventSource('/api/live', { withCredentials: true });
    let pending: CaseLiveEvent[] = [];
    let timer: ReturnType<typeof setTimeout> | null = null;
    const flush = () => {
      timer = null;
      const batch = pending;
      pending = [];
      callback.current(batch);
    };
    const onCase = (message: MessageEvent<string>) => {
      const event = parse(message.data);
      if (!event) return;
      pending.push(event);
      if (!timer) timer = setTimeout(flush, debounceMs);
    };
    source.addEventListener('case', onCase as EventListener);
    let opened = false;
    source.onopen = () => {
      opened = true;
      setStatus('open');
    };
    // A first attempt that is still retrying is "connecting", not a lost connection: nothing was there to lose.
    source.onerror = () => {
      if (source.readyState === EventSource.OPEN) setStatus('open');
      else if (opened || source.readyState === EventSource.CLOSED) setStatus('lost');
    };
    return () => {
      if (timer) clearTimeout(timer);
      source.removeEventListener('case', onCase as EventListener);
      source.close();
    };
  }, [debounceMs]);

  return { connected: status === 'open', status };
}
