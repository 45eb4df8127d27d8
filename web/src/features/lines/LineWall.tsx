import { useEffect } from 'react';
import type { Line, LinesSetting } from '../../../../common/domain/lines.ts';
import { decimalText } from '../../../../common/domain/number-format.ts';
import { errorText } from '../../api/errors.ts';
import { useResource } from '../../api/use-resource.ts';
import { useI18n } from '../../i18n/context.ts';
import { overAlert } from './FloodPanel.tsx';
import { yuan } from './LineItemsTable.tsx';
import { linesApi } from './lines.api.ts';
import './line-wall.css';

/** How often a line panel reads its figures again: logs and orders change by the hour, a water level by the minute. */
const REFRESH_MS = 60_000;

/** The 大屏's switcher: the overview and one button per line the city runs. */
export function LineSwitcher({
  lines,
  value,
  onChange,
}: {
  lines: readonly Line[];
  value: Line | null;
  onChange: (line: Line | null) => void;
}) {
  const { t } = useI18n();
  return (
    <nav className="cl-dash-switch" data-testid="dash-line-switcher">
      <button
        type="button"
        className={`cl-dash-btn ${value === null ? 'on' : ''}`}
        onClick={() => onChange(null)}
        data-testid="dash-line-overview"
      >
        {t('lineViews.wall.overview')}
      </button>
      {lines.map((l) => (
        <button
          key={l}
          type="button"
          className={`cl-dash-btn ${value === l ? 'on' : ''}`}
          onClick={() => onChange(l)}
          data-testid={`dash-line-${l}`}
        >
          {t(`lineViews.group.${l}`)}
        </button>
      ))}
    </nav>
  );
}

/**
 * One line's panel on the 大屏 (docs/lines.md): its facilities by type, this month's quantities, open and finished
 * work orders with the month's spend; 排水 adds the water at each 易涝点 and, in the flood season, today's duty.
 */
export function LineWall({ line, setting }: { line: Line; setting: LinesSetting | null }) {
  const { t, locale } = useI18n();
  const summary = useResource((signal) => linesApi.summary(line, signal), [line]);
  const { reload } = summary;
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  const s = summary.data;
  if (summary.error && !s)
    return (
      <div className="cl-dash-error">{t('dashboard.loadFailed', { message: errorText(summary.error, locale) })}</div>
    );
  const name = (x: { nameZh: string; nameEn: string }) => (locale === 'en' ? x.nameEn : x.nameZh);
  const most = Math.max(1, ...(s?.types ?? []).map((x) => x.count));
  const flood = s?.flood;
  return (
    <main className="cl-line-body" data-testid={`dash-line-panel-${line}`}>
      <section className="cl-dash-col">
        <div className="cl-dash-panel">
          <h3>{t(`lineViews.group.${line}`)}</h3>
          <div className="cl-dash-tiles">
            <div className="cl-dash-tile">
              <div className="v" data-testid="dash-line-assets">
                {s?.assets ?? '—'}
              </div>
              <div className="k">{t('lineViews.figures.assets')}</div>
            </div>
            <div className="cl-dash-tile">
              <div className={`v ${s && s.openOrders > 0 ? 'warn' : ''}`}>{s?.openOrders ?? '—'}</div>
              <div className="k">{t('lineViews.figures.openOrders')}</div>
            </div>
            <div className="cl-dash-tile">
              <div className="v">{s?.monthOrdersDone ?? '—'}</div>
              <div className="k">{t('lineViews.figures.monthDone')}</div>
            </div>
            <div className="cl-dash-tile">
              <div className="v" style={{ fontSize: 24 }}>
                {s ? yuan(s.monthSpendFen) : '—'}
              </div>
              <div className="k">{t('lineViews.figures.monthSpend')}</div>
            </div>
          </div>
        </div>
        <div className="cl-dash-panel cl-dash-fill">
          <h3>{t('lineViews.wall.types')}</h3>
          {(s?.types ?? []).map((x) => (
            <div key={x.code} className="cl-line-bar">
              <span>{name(x)}</span>
              <span className="track">
                <span className="fill" style={{ display: 'block', width: `${(x.count / most) * 100}%` }} />
              </span>
              <span className="n">{t('lineViews.wall.count', { count: x.count })}</span>
            </div>
          ))}
          {s && s.types.length === 0 ? <div className="cl-dash-empty">{t('dashboard.noData')}</div> : null}
        </div>
      </section>
      <section className="cl-dash-col">
        {s && s.types.some((x) => x.logUnit) ? (
          <div className="cl-dash-panel">
            <h3>{t('lineViews.column.monthQuantity')}</h3>
            <div className="cl-dash-tiles">
              {s.types
                .filter((x) => x.logUnit)
                .map((x) => (
                  <div key={x.code} className="cl-dash-tile">
                    <div className="v" style={{ fontSize: 24 }}>
                      {decimalText(x.monthQuantity)}
                    </div>
                    <div className="k">
                      {name(x)} · {t(`assets.logUnits.${x.logUnit!}`)}
                    </div>
                  </div>
                ))}
            </div>
          </div>
        ) : null}
        {flood ? (
          <>
            <div className="cl-dash-panel" data-testid="dash-flood">
              <h3>
                {t('lineViews.flood.title')} ·{' '}
                {flood.season
                  ? t('lineViews.flood.inSeason', setting?.floodSeason ?? { from: '', to: '' })
                  : t('lineViews.flood.outSeason', setting?.floodSeason ?? { from: '', to: '' })}
              </h3>
              {flood.season ? (
                <div data-testid="dash-duty" style={{ color: '#c9d7ee' }}>
                  {t('lineViews.flood.todayDuty')}：
                  {flood.today
                    ? `${t('lineViews.flood.leader')} ${flood.today.leader}${flood.today.staff.length ? ` · ${flood.today.staff.join('、')}` : ''}${flood.today.phone ? ` · ☎ ${flood.today.phone}` : ''}`
                    : t('lineViews.flood.noDuty')}
                </div>
              ) : null}
            </div>
            <div className="cl-dash-panel cl-dash-fill">
              <h3>{t('lineViews.flood.points')}</h3>
              {flood.points.map((p) => (
                <div key={p.id} className="cl-line-bar" data-testid="dash-flood-point">
                  <span>{p.name}</span>
                  <span className="track">
                    {p.waterCm !== null && p.thresholdCm ? (
                      <span
                        className="fill"
                        style={{
                          display: 'block',
                          width: `${Math.min(100, (p.waterCm / p.thresholdCm) * 100)}%`,
                          background: overAlert(p) ? '#ff4d4f' : undefined,
                        }}
                      />
                    ) : null}
                  </span>
                  <span className={`n ${overAlert(p) ? 'over' : ''}`}>
                    {p.waterCm === null ? '—' : `${decimalText(p.waterCm)} cm`}
                  </span>
                </div>
              ))}
            </div>
          </>
        ) : (
          <div className="cl-dash-panel cl-dash-fill">
            <h3>{t('lineViews.wall.orders')}</h3>
            <div className="cl-dash-tiles">
              <div className="cl-dash-tile">
                <div className="v">{s?.openOrders ?? '—'}</div>
                <div className="k">{t('lineViews.figures.openOrders')}</div>
              </div>
              <div className="cl-dash-tile">
                <div className="v">{s?.monthOrdersDone ?? '—'}</div>
                <div className="k">{t('lineViews.figures.monthDone')}</div>
              </div>
            </div>
          </div>
        )}
      </section>
    </main>
  );
}
