import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { CensusOutcome } from '../../../../common/contracts/census.ts';
import { useResource } from '../../api/use-resource.ts';
import { censusApi } from '../../features/monitor/census.api.ts';
import { useI18n } from '../../i18n/context.ts';
import { Button } from '../../phone/ui/controls.tsx';
import { Empty, LoadError, Loading, Tag, type TagColor } from '../../phone/ui/feedback.tsx';
import { toast } from '../../phone/ui/toast.tsx';

const COLORS: Record<CensusOutcome, TagColor> = { ok: 'green', damaged: 'orange', missing: 'red', new: 'blue' };
const OUTCOMES = ['ok', 'damaged', 'missing'] as const;

/** One census task: each registered component recorded as ok / damaged / missing, and new ones at my position. */
export function CensusTaskPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const res = useResource((signal) => censusApi.task(id, signal), [id]);
  const [busy, setBusy] = useState<string | null>(null);

  const send = async (key: string, record: Parameters<typeof censusApi.record>[1]['records'][number]) => {
    setBusy(key);
    try {
      await censusApi.record(id, { records: [record] });
      toast.success(t('monitor.census.h5.saved'));
      res.reload();
    } catch (e) {
      toast.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };
  const addHere = () => {
    if (!navigator.geolocation) return toast.error(t('monitor.census.h5.noPosition'));
    setBusy('new');
    navigator.geolocation.getCurrentPosition(
      (p) => void send('new', { outcome: 'new', lng: p.coords.longitude, lat: p.coords.latitude }),
      () => {
        setBusy(null);
        toast.error(t('monitor.census.h5.noPosition'));
      },
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  };

  const task = res.data?.task;
  return (
    <div data-testid="h5-census-task">
      <Link to="/h5/census">‹ {t('monitor.census.h5.back')}</Link>
      {res.error ? <LoadError error={res.error} onRetry={res.reload} testId="h5-census-task" /> : null}
      {res.loading && !res.data ? <Loading label={t('app.loading')} /> : null}
      {task ? (
        <>
          <h3>{task.campaignName}</h3>
          <div className="h5-muted">
            {task.classCode} {task.className ?? ''} · {task.gridCode} ·{' '}
            {t('monitor.census.tally', { checked: task.checked, expected: task.expected })}
          </div>
          <Button kind="primary" block loading={busy === 'new'} onClick={addHere} data-testid="census-add-here">
            {busy === 'new' ? t('monitor.census.h5.locating') : t('monitor.census.h5.addHere')}
          </Button>
          <h4>{t('monitor.census.h5.components')}</h4>
          {res.data?.components.length === 0 ? <Empty text={t('monitor.census.h5.noComponents')} /> : null}
          <ul className="h5-plain-list">
            {(res.data?.components ?? []).map((c) => (
              <li key={c.code} className="h5-census-row">
                <div>
                  <strong>{c.code}</strong> {c.name}{' '}
                  {c.outcome ? (
                    <Tag color={COLORS[c.outcome]}>
                      {t(`monitor.census.h5.${c.outcome === 'new' ? 'ok' : c.outcome}`)}
                    </Tag>
                  ) : null}
                </div>
                <div style={{ display: 'flex', gap: 8, marginTop: 6 }}>
                  {OUTCOMES.map((o) => (
                    <Button
                      key={o}
                      size="small"
                      kind={c.outcome === o ? 'primary' : 'default'}
                      loading={busy === `${c.code}-${o}`}
                      onClick={() => void send(`${c.code}-${o}`, { outcome: o, componentCode: c.code })}
                    >
                      {t(`monitor.census.h5.${o}`)}
                    </Button>
                  ))}
                </div>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
