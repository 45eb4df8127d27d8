import { useEffect, useRef, useState } from 'react';
import { MAX_PAGE_SIZE } from '../../../../common/domain/paging.ts';
import { iotApi, type Alarm } from './iot.api.ts';

/** An open alarm as the map and the 大屏 draw it: the fields of the list and of the live `alarm` event alike. */
export type LiveAlarm = Pick<
  Alarm,
  'id' | 'state' | 'kind' | 'deviceCode' | 'deviceType' | 'severity' | 'metric' | 'value' | 'lng' | 'lat' | 'caseNo'
> & { at: string };

function fromEvent(data: string): LiveAlarm | null {
  try {
    const v = JSON.parse(data) as Partial<LiveAlarm>;
    return typeof v.id === 'string' && typeof v.lng === 'number' && typeof v.lat === 'number' ? (v as LiveAlarm) : null;
  } catch {
    return null;
  }
}

const fromAlarm = (a: Alarm): LiveAlarm => ({
  id: a.id,
  state: a.state,
  kind: a.kind,
  deviceCode: a.deviceCode,
  deviceType: a.deviceType,
  severity: a.severity,
  metric: a.metric,
  value: a.value,
  lng: a.lng,
  lat: a.lat,
  caseNo: a.caseNo,
  at: a.raisedAt,
});

/**
 * The tenant's open alarms, kept current from the live event stream (SSE /api/live, event `alarm`): loaded once (the
 * newest page of open alarms), then a raise adds a marker, a step updates it and a clear removes it. The list is read
 * again each time the stream reconnects, so what happened while it was down is not missed. Off when `enabled` is false.
 */
export function useLiveAlarms(enabled: boolean): { alarms: LiveAlarm[]; loaded: boolean; error: unknown } {
  const [byId, setById] = useState<Map<string, LiveAlarm>>(() => new Map());
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const generation = useRef(0);

  useEffect(() => {
    if (!enabled) {
      setById(new Map());
      setLoaded(false);
      return undefined;
    }
    const controller = new AbortController();
    const load = () => {
      const mine = ++generation.current;
      iotApi.alarms({ state: 'open', pageSize: MAX_PAGE_SIZE }, controller.signal).then(
        (page) => {
          if (mine !== generation.current) return;
          setById(new Map(page.items.map((a) => [a.id, fromAlarm(a)])));
          setLoaded(true);
          setError(null);
        },
        (err: unknown) => {
          if (!controller.signal.aborted) setError(err);
        },
      );
    };
    load();
    if (typeof EventSource === 'undefined') return () => controller.abort();
    const source = new EventSource('/api/live', { withCredentials: true });
    let opened = false;
    source.onopen = () => {
      if (opened) load();
      opened = true;
    };
    const onAlarm = (message: MessageEvent<string>) => {
      const event = fromEvent(message.data);
      if (!event) return;
      setById((prev) => {
        const next = new Map(prev);
        if (event.state === 'cleared') next.delete(event.id);
        else next.set(event.id, { ...prev.get(event.id), ...event });
        return next;
      });
    };
    source.addEventListener('alarm', onAlarm as EventListener);
    return () => {
      controller.abort();
      source.removeEventListener('alarm', onAlarm as EventListener);
      source.close();
    };
  }, [enabled]);

  return { alarms: [...byId.values()].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)), loaded, error };
}
