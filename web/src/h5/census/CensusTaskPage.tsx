import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { CensusOutcome, CensusRecordInput, CensusTaskDetail } from '../../../../common/contracts/census.ts';
import { errorText } from '../../api/errors.ts';
import { isAbort, useResource } from '../../api/use-resource.ts';
import { useAuth } from '../../features/auth/context.ts';
import { censusApi } from '../../features/monitor/census.api.ts';
import { useI18n } from '../../i18n/context.ts';
import { Button } from '../../phone/ui/controls.tsx';
import { Empty, LoadError, Loading, Tag, type TagColor } from '../../phone/ui/feedback.tsx';
import { toast } from '../../phone/ui/toast.tsx';
import { isTransient } from '../api/case-transport.ts';
import { readCache, writeCache } from '../offline/local-cache.ts';
import { useOnline } from '../offline/useOnline.ts';
import { enqueueRecord, flushRecords, readRecords, type QueuedRecord } from './census-queue.ts';

const COLORS: Record<CensusOutcome, TagColor> = { ok: 'green', damaged: 'orange', missing: 'red', new: 'blue' };
const OUTCOMES = ['ok', 'damaged', 'missing'] as const;

const post = (taskId: string, record: CensusRecordInput, key: string) =>
  censusApi.record(taskId, { records: [record] }, key);

/**
 * One census task: each registered component recorded as ok / damaged / missing, and new ones at my position.
 * Works offline (docs/h5-offline.md, "Census records"): the task as last loaded is kept on the phone, and records
 * are queued and sent when the network is back.
 */
export function CensusTaskPage() {
  const { t, locale } = useI18n();
  const { me } = useAuth();
  const userId = me?.user.id ?? '';
  const { id = '' } = useParams();
  const online = useOnline();
  const cacheKey = `census.${userId}.task.${id}`;
  const res = useResource(
    async (signal): Promise<{ detail: CensusTaskDetail; cached: boolean }> => {
      try {
        const detail = await censusApi.task(id, signal);
        writeCache(cacheKey, detail);
        return { detail, cached: false };
      } catch (e) {
        const kept = readCache<CensusTaskDetail>(cacheKey);
        if (!isAbort(e, signal) && isTransient(e) && kept) return { detail: kept.value, cached: true };
        throw e;
      }
    },
    [id, cacheKey],
  );
  const [pending, setPending] = useState<QueuedRecord[]>([]);
  const [busy, setBusy] = useState(false);
  const refreshPending = useCallback(
    () => setPending(userId ? readRecords(userId).filter((r) => r.taskId === id) : []),
    [userId, id],
  );
  useEffect(refreshPending, [refreshPending]);

  const reload = res.reload;
  const flush = useCallback(async () => {
    if (!userId) return;
    const out = await flushRecords(userId, post);
    refreshPending();
    for (const r of out.refused) toast.error(t('monitor.census.h5.refused', { message: errorText(r.error, locale) }));
    if (out.sent.length || out.refused.length) reload();
    return out;
  }, [userId, refreshPending, reload, t, locale]);

  // back online (or opened online with records left from before): send what waits
  useEffect(() => {
    if (online && userId && readRecords(userId).length) {
      void flush().then((out) => {
        if (out?.sent.length) toast.success(t('monitor.census.h5.sentAll', { count: out.sent.length }));
      });
    }
  }, [online, userId, flush, t]);

  const record = async (r: CensusRecordInput) => {
    if (!userId) return;
    enqueueRecord(userId, id, r);
    refreshPending();
    if (!navigator.onLine) return toast.info(t('monitor.census.h5.queued'));
    setBusy(true);
    try {
      const out = await flush();
      if (out && out.waiting > 0) toast.info(t('monitor.census.h5.queued'));
      else if (out && !out.refused.length) toast.success(t('monitor.census.h5.saved'));
    } finally {
      setBusy(false);
    }
  };
  const addHere = () => {
    if (!navigator.geolocation) return toast.error(t('monitor.census.h5.noPosition'));
    setBusy(true);
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setBusy(false);
        void record({ outcome: 'new', lng: p.coords.longitude, lat: p.coords.latitude });
      },
      () => {
        setBusy(false);
        toast.error(t('monitor.census.h5.noPosition'));
      },
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  };

  const detail = res.data?.detail;
  const task = detail?.task;
  const waitingOf = new Map(pending.filter((p) => p.record.componentCode).map((p) => [p.record.componentCode!, p]));
  const waitingNew = pending.filter((p) => p.record.outcome === 'new').length;
  return (
    <div data-testid="h5-census-task">
      <Link to="/h5/census">‹ {t('monitor.census.h5.back')}</Link>
      {res.error && !detail ? <LoadError error={res.error} onRetry={res.reload} testId="h5-census-task" /> : null}
      {res.loading && !detail ? <Loading label={t('app.loading')} /> : null}
      {res.data?.cached ? (
        <div className="h5-muted" data-testid="census-cached">
          {t('monitor.census.h5.cached')}
        </div>
      ) : null}
      {pending.length ? (
        <div className="h5-banner" data-testid="census-pending">
          {t('monitor.census.h5.pending', { count: pending.length })}
        </div>
      ) : null}
      {task ? (
        <>
          <h3>{task.campaignName}</h3>
          <div className="h5-muted">
            {task.classCode} {task.className ?? ''} · {task.gridCode} ·{' '}
            {t('monitor.census.tally', { checked: task.checked, expected: task.expected })}
          </div>
          <Button kind="primary" block loading={busy} onClick={addHere} data-testid="census-add-here">
            {busy ? t('monitor.census.h5.locating') : t('monitor.census.h5.addHere')}
          </Button>
          {waitingNew ? (
            <div className="h5-muted" data-testid="census-pending-new">
              {t('monitor.census.h5.pendingNew', { count: waitingNew })}
            </div>
          ) : null}
          <h4>{t('monitor.census.h5.components')}</h4>
          {detail.components.length === 0 ? <Empty text={t('monitor.census.h5.noComponents')} /> : null}
          <ul className="h5-plain-list">
            {detail.components.map((c) => {
              const waiting = waitingOf.get(c.code);
              const outcome = waiting?.record.outcome ?? c.outcome;
              return (
                <li key={c.code} className="h5-census-row" data-testid={`census-row-${c.code}`}>
                  <div>
                    <strong>{c.code}</strong> {c.name}{' '}
                    {outcome ? (
                      <Tag color={COLORS[outcome]}>{t(`monitor.census.h5.${outcome === 'new' ? 'ok' : outcome}`)}</Tag>
                    ) : null}
                    {waiting ? <Tag color="grey">{t('monitor.census.h5.pendingTag')}</Tag> : null}
                  </div>
                  <div style={{ display: 'flex', gap: 8, marginTop: 6 }}>
                    {OUTCOMES.map((o) => (
                      <Button
                        key={o}
                        size="small"
                        kind={outcome === o ? 'primary' : 'default'}
                        disabled={busy}
                        onClick={() => void record({ outcome: o, componentCode: c.code })}
                        data-testid={`census-${c.code}-${o}`}
                      >
                        {t(`monitor.census.h5.${o}`)}
                      </Button>
                    ))}
                  </div>
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </div>
  );
}
