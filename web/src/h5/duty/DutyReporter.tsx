import { useCallback, useEffect, useRef, useState } from 'react';
import { formatInstant } from '../../components/format.ts';
import { useI18n } from '../../i18n/context.ts';
import { monitorApi, type DutyState } from '../../features/monitor/monitor.api.ts';
import { useQueue } from '../offline/queue-context.ts';
import { readQueue, sendFirstBatch, writeQueue } from './position-queue.ts';

const DUTY_POLL_MS = 60_000;
/** the time of day in the city's zone, as every time a person reads (components/format.ts) */
const hhmm = (iso: string) => formatInstant(iso).slice(11);

/**
 * The duty line of the inspector app: says plainly whether position reporting is on, captures a position every
 * `intervalSec` only while the roster puts the inspector on duty, queues it (offline too) and sends the queue when
 * online (docs/monitor.md, "The inspector app"). Renders nothing for a user who does not report positions.
 */
export function DutyReporter() {
  const { t } = useI18n();
  const { online } = useQueue();
  const [duty, setDuty] = useState<DutyState | null>(null);
  const [queued, setQueued] = useState(() => readQueue().length);
  const [denied, setDenied] = useState(false);
  const sending = useRef(false);

  const flush = useCallback(async () => {
    if (sending.current) return;
    sending.current = true;
    try {
      for (let queue = readQueue(); queue.length;) {
        const out = await sendFirstBatch(queue, (points) => monitorApi.report({ points }));
        writeQueue(out.queue);
        setQueued(out.queue.length);
        if (out.result === 'failed') break;
        queue = out.queue;
      }
    } finally {
      sending.current = false;
    }
  }, []);

  // the duty state, again every minute and at the shift's start or end
  useEffect(() => {
    if (!online) return undefined;
    let live = true;
    let timer = 0;
    const load = () =>
      monitorApi.me().then(
        (d) => {
          if (!live) return;
          setDuty(d);
          const untilChange = d.nextChangeAt ? Date.parse(d.nextChangeAt) - Date.now() + 1000 : DUTY_POLL_MS;
          timer = window.setTimeout(() => void load(), Math.max(1000, Math.min(DUTY_POLL_MS, untilChange)));
        },
        () => {
          if (live) timer = window.setTimeout(() => void load(), DUTY_POLL_MS);
        },
      );
    void load();
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [online]);

  const onDuty = duty?.onDuty ?? false;
  const interval = duty?.intervalSec ?? 30;
  // capture while on duty; offline the last known duty state holds until the shift's end passes
  useEffect(() => {
    if (!onDuty || !('geolocation' in navigator)) return undefined;
    const capture = () =>
      navigator.geolocation.getCurrentPosition(
        (pos) => {
          setDenied(false);
          if (duty?.nextChangeAt && Date.now() >= Date.parse(duty.nextChangeAt)) return;
          const queue = [
            ...readQueue(),
            {
              at: new Date(pos.timestamp).toISOString(),
              lng: pos.coords.longitude,
              lat: pos.coords.latitude,
              accuracyM: Math.round(pos.coords.accuracy),
            },
          ];
          writeQueue(queue);
          setQueued(queue.length);
          if (navigator.onLine) void flush();
        },
        (err) => setDenied(err.code === err.PERMISSION_DENIED),
        { enableHighAccuracy: true, timeout: 20_000, maximumAge: interval * 500 },
      );
    capture();
    const timer = window.setInterval(capture, interval * 1000);
    return () => window.clearInterval(timer);
  }, [onDuty, interval, duty?.nextChangeAt, flush]);

  useEffect(() => {
    if (online && queued > 0) void flush();
  }, [online, queued, flush]);

  if (!duty) return null;
  const when = duty.shift
    ? onDuty && duty.nextChangeAt
      ? t('monitor.duty.until', { time: hhmm(duty.nextChangeAt) })
      : !onDuty && duty.nextChangeAt
        ? t('monitor.duty.from', { time: hhmm(duty.nextChangeAt) })
        : ''
    : '';
  return (
    <div
      className={`h5-duty ${onDuty ? 'h5-duty-on' : 'h5-duty-off'}`}
      role="status"
      data-testid="h5-duty"
      data-on={onDuty}
    >
      <span className="h5-duty-dot" aria-hidden />
      <span>{t(onDuty ? 'monitor.duty.on' : 'monitor.duty.off')}</span>
      {when ? <span className="h5-duty-when">{when}</span> : null}
      {queued > 0 ? <span className="h5-duty-when">{t('monitor.duty.queued', { count: queued })}</span> : null}
      {denied && onDuty ? <span className="h5-duty-warn">{t('monitor.duty.denied')}</span> : null}
    </div>
  );
}
