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

/**
 * Subscribes to the server's live events (SSE, cookie session) and calls `onChange` once per burst of case events
 * (debounced), with the events of the burst. EventSource reconnects by itself; `connected` says whether it is up.
 */
export function useLiveCases(onChange: (events: CaseLiveEvent[]) => void, debounceMs = 600): { connected: boolean } {
  const [connected, setConnected] = useState(false);
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
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(source.readyState === EventSource.OPEN);
    return () => {
      if (timer) clearTimeout(timer);
      source.removeEventListener('case', onCase as EventListener);
      source.close();
    };
  }, [debounceMs]);

  return { connected };
}
