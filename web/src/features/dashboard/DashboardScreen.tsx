import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { decimalText, percentText } from '../../../../common/domain/number-format.ts';
import { tryT } from '../../../../common/i18n/core.ts';
import { errorText } from '../../api/errors.ts';
import { formatInstant } from '../../components/format.ts';
import { LanguageSwitch } from '../../i18n/LanguageSwitch.tsx';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { LineSwitcher, LineWall } from '../lines/LineWall.tsx';
import { useLinesSetting } from '../lines/useLines.ts';
import { LINES, type Line } from '../../../../common/domain/lines.ts';
import { useLiveAlarms } from '../iot/useLiveAlarms.ts';
import { AlarmWall } from './AlarmWall.tsx';
import { CaseMap } from './CaseMap.tsx';
import { channelOption, SLA_COLORS, slaOption, trendOption } from './dashboard-charts.ts';
import { EChart } from './EChart.tsx';
import { useDashboard } from './useDashboard.ts';
import { AutoScrollList, Placeholder } from './WallParts.tsx';
import './dashboard.css';

const lineFromSearch = (search: string): Line | null =>
  LINES.find((l) => l === new URLSearchParams(search).get('line')) ?? null;

const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : percentText(v));

function Clock() {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <span data-testid="dashboard-clock">
      {formatInstant(now.toISOString())}:{String(now.getSeconds()).padStart(2, '0')}
    </span>
  );
}

/** 指挥大屏: map of open cases by SLA, today's intake, rates, overdue list, unit ranking, 30-day trend; live. */
export function DashboardScreen() {
  const { t, locale } = useI18n();
  const auth = useAuth();
  const navigate = useNavigate();
  const { data, error, live, refreshes } = useDashboard();
  const seesAlarms = auth.can('alarm.read');
  const { alarms } = useLiveAlarms(seesAlarms);
  // a panel per business line the city runs (docs/lines.md), for those who read the registers
  const seesLines = auth.can('assets.read');
  const linesSetting = useLinesSetting(seesLines);
  const lines = seesLines ? (linesSetting?.enabled ?? []) : [];
  // a wall can open on one line's panel: /dashboard?line=drainage
  const [chosen, setChosen] = useState<Line | null>(() => lineFromSearch(window.location.search));
  const panel = chosen && lines.includes(chosen) ? chosen : null;
  // Until the first figures arrive every panel shows a placeholder, never an empty chart.
  const loading = !data && !error;
  const openCase = (id: string) => navigate(`/cases/${encodeURIComponent(id)}`);
  // A figure opens 考核评价 for its period (whole city), where every number drills to its cases.
  const today = data?.trend.at(-1)?.date ?? null;
  const drill = (period: 'day' | 'month') => () => {
    if (today) void navigate(`/kpi?period=${period}&at=${period === 'day' ? today : today.slice(0, 7)}&subject=tenant`);
  };
  const channelLabel = (c: string) => tryT(locale, `cases.channel.${c}`) ?? c;

  const channel = useMemo(() => channelOption(data?.todayByChannel ?? [], channelLabel), [data, locale]); // eslint-disable-line react-hooks/exhaustive-deps
  const trend = useMemo(
    () => trendOption(data?.trend ?? [], { reported: t('dashboard.reported'), closed: t('dashboard.closed') }),
    [data, t],
  );
  const sla = useMemo(() => slaOption(data?.openCases ?? [], (l) => t(`dashboard.legend.${l as 'red'}`)), [data, t]);

  return (
    <div
      className={`cl-dash ${lines.length ? 'cl-dash-lines' : ''}`}
      data-testid="dashboard"
      data-refreshes={refreshes}
    >
      <header className="cl-dash-head">
        <div className="cl-dash-meta" style={{ minWidth: 360 }}>
          <span data-testid="dashboard-live" data-status={live}>
            <span className={`cl-dash-dot ${live === 'open' ? '' : live === 'lost' ? 'off' : 'wait'}`} />
            {live === 'open'
              ? t('dashboard.live')
              : live === 'lost'
                ? t('dashboard.offline')
                : t('dashboard.connecting')}
          </span>
          {data ? (
            <span data-testid="dashboard-updated">
              {t('dashboard.updatedAt', { at: formatInstant(data.generatedAt) })}
            </span>
          ) : null}
        </div>
        <div className="cl-dash-title" data-testid="dashboard-title">
          {t('dashboard.title', { city: auth.me?.user.tenantName ?? '' })}
        </div>
        <div className="cl-dash-meta" style={{ minWidth: 360, justifyContent: 'flex-end' }}>
          <Clock />
          <LanguageSwitch />
          <button
            type="button"
            className="cl-dash-btn"
            onClick={() => void document.documentElement.requestFullscreen?.().catch(() => undefined)}
          >
            {t('dashboard.fullscreen')}
          </button>
          <button type="button" className="cl-dash-btn" onClick={() => navigate('/')} data-testid="dashboard-exit">
            {t('dashboard.exit')}
          </button>
        </div>
      </header>
      {lines.length ? <LineSwitcher lines={lines} value={panel} onChange={setChosen} /> : null}
      {panel ? (
        <LineWall line={panel} setting={linesSetting} />
      ) : error && !data ? (
        <div className="cl-dash-error" data-testid="dashboard-error">
          {t('dashboard.loadFailed', { message: errorText(error, locale) })}
        </div>
      ) : (
        <main className="cl-dash-body">
          <section className="cl-dash-col">
            <div className="cl-dash-panel">
              <div className="cl-dash-tiles">
                <div className="cl-dash-tile" role="link" onClick={drill('day')}>
                  <div className="v" data-testid="dash-today-reported">
                    {data?.today.reported ?? '—'}
                  </div>
                  <div className="k">{t('dashboard.todayReported')}</div>
                </div>
                <div className="cl-dash-tile" role="link" onClick={drill('day')}>
                  <div className="v" data-testid="dash-today-closed">
                    {data?.today.closed ?? '—'}
                  </div>
                  <div className="k">{t('dashboard.todayClosed')}</div>
                </div>
                <div className="cl-dash-tile" role="link" onClick={drill('month')}>
                  <div className="v" data-testid="dash-month-close">
                    {pct(data?.rates.monthCloseRate)}
                  </div>
                  <div className="k">{t('dashboard.closeRate')}</div>
                </div>
                <div className="cl-dash-tile" role="link" onClick={drill('month')}>
                  <div className="v" data-testid="dash-month-ontime">
                    {pct(data?.rates.monthOnTimeCloseRate)}
                  </div>
                  <div className="k">{t('dashboard.onTimeRate')}</div>
                </div>
                <div className="cl-dash-tile" role="link" onClick={drill('day')}>
                  <div className="v">{pct(data?.rates.todayCloseRate)}</div>
                  <div className="k">{t('dashboard.todayCloseRate')}</div>
                </div>
                <div className="cl-dash-tile" role="link" onClick={drill('day')}>
                  <div className="v">{pct(data?.rates.todayOnTimeCloseRate)}</div>
                  <div className="k">{t('dashboard.todayOnTimeRate')}</div>
                </div>
              </div>
            </div>
            <div className="cl-dash-panel cl-dash-fill">
              <h3>{t('dashboard.todayIntake')}</h3>
              {loading ? (
                <Placeholder />
              ) : data && data.todayByChannel.length === 0 ? (
                <div className="cl-dash-empty">{t('dashboard.noData')}</div>
              ) : (
                <EChart option={channel} testId="dash-channel-chart" />
              )}
            </div>
            <div className="cl-dash-panel cl-dash-fill">
              <h3>{t('dashboard.slaTitle')}</h3>
              {loading ? <Placeholder /> : <EChart option={sla} testId="dash-sla-chart" />}
            </div>
          </section>
          <section className="cl-dash-col">
            <div className="cl-dash-panel" style={{ flex: '1 1 66%', padding: 0, overflow: 'hidden' }}>
              <CaseMap cases={data?.openCases ?? []} alarms={alarms} onOpen={openCase} />
              <div className="cl-dash-mapcount" data-testid="dash-open-total">
                <b>{data?.openTotal ?? '—'}</b>
                {t('dashboard.openCases')}
                {data && data.openTotal > data.openCases.length ? (
                  <div>{t('dashboard.openOnMap', { shown: data.openCases.length, total: data.openTotal })}</div>
                ) : null}
              </div>
              <div className="cl-dash-legend">
                {(['green', 'yellow', 'red', 'paused'] as const).map((k) => (
                  <span key={k}>
                    <i style={{ background: SLA_COLORS[k] }} />
                    {t(`dashboard.legend.${k}`)}
                  </span>
                ))}
              </div>
            </div>
            <div className="cl-dash-panel" style={{ flex: '1 1 34%' }}>
              <h3>{t('dashboard.trend')}</h3>
              <div className="cl-dash-fill">
                {loading ? <Placeholder /> : <EChart option={trend} testId="dash-trend-chart" />}
              </div>
            </div>
          </section>
          <section className="cl-dash-col">
            <div className="cl-dash-panel cl-dash-fill" style={{ flexGrow: 3 }}>
              <h3>
                {t('dashboard.overdue')} {data ? `(${data.overdue.length})` : ''}
              </h3>
              {loading ? (
                <Placeholder />
              ) : data && data.overdue.length === 0 ? (
                <div className="cl-dash-empty">{t('dashboard.noData')}</div>
              ) : (
                <AutoScrollList testId="dash-overdue">
                  {(data?.overdue ?? []).map((c) => (
                    <li key={c.id} onClick={() => openCase(c.id)}>
                      <span className="no">{c.caseNo}</span>
                      <span className="hours">{t('dashboard.overdueBy', { h: Math.round(c.overdueHours) })}</span>
                      <span className="sub">
                        {c.matterName ?? c.matterCode} · {c.unitName ?? '—'}
                      </span>
                    </li>
                  ))}
                </AutoScrollList>
              )}
            </div>
            {seesAlarms ? <AlarmWall alarms={alarms} onOpen={() => navigate('/iot/alarms')} /> : null}
            <div className="cl-dash-panel cl-dash-fill" style={{ flexGrow: 2 }}>
              <h3>{t('dashboard.ranking')}</h3>
              {loading ? <Placeholder /> : null}
              <AutoScrollList testId="dash-ranking">
                {(data?.unitRanking ?? []).map((u) => (
                  <li key={u.unitId} style={{ cursor: 'default' }}>
                    <span>{u.rank === null ? `— ${u.name} · ${t('dashboard.unranked')}` : `${u.rank}. ${u.name}`}</span>
                    <span style={{ color: '#36cfc9', fontWeight: 600 }}>
                      {u.score === null ? '—' : decimalText(u.score)} {u.grade ?? ''}
                    </span>
                    <span className="sub">
                      {t('dashboard.closeRate')} {pct(u.closeRate)} · {t('dashboard.onTimeRate')}{' '}
                      {pct(u.onTimeCloseRate)}
                    </span>
                  </li>
                ))}
              </AutoScrollList>
            </div>
          </section>
        </main>
      )}
    </div>
  );
}
