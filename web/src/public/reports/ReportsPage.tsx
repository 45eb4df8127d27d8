import { useEffect, useRef, useState } from 'react';
import type { FeatureCollection } from '../../../../common/domain/geo.ts';
import { tryT } from '../../../../common/i18n/core.ts';
import { formatInstant } from '../../components/format.ts';
import { useI18n } from '../../i18n/context.ts';
import { Segmented } from '../../phone/ui/choice.tsx';
import { Button } from '../../phone/ui/controls.tsx';
import { Empty, LoadError, Loading, Tag } from '../../phone/ui/feedback.tsx';
import { participationApi, type PublicReportCard } from '../api/participation.api.ts';
import { publicApi } from '../api/public.api.ts';
import { usePublicInfo } from '../info-context.ts';
import type { ReportsMap } from './reports-map.ts';

type View = 'list' | 'map';

function ReportsOnMap({ items }: { items: PublicReportCard[] }) {
  const { t, locale } = useI18n();
  const { info } = usePublicInfo();
  const el = useRef<HTMLDivElement>(null);
  const map = useRef<ReportsMap | null>(null);
  const describe = (c: PublicReportCard) =>
    `${c.matterName ?? c.matterCode} · ${tryT(locale, `public.status.${c.status}`) ?? c.status} · ${c.description}`;
  const latest = useRef({ items, describe });
  latest.current = { items, describe };

  useEffect(() => {
    if (!el.current || !info) return;
    let closed = false;
    const controller = new AbortController();
    void Promise.all([
      import('./reports-map.ts'),
      publicApi.map(controller.signal).catch(() => null as FeatureCollection | null),
    ]).then(([{ createReportsMap }, layer]) => {
      if (closed || !el.current) return;
      map.current = createReportsMap(el.current, info, layer);
      map.current.show(latest.current.items, latest.current.describe);
    });
    return () => {
      closed = true;
      controller.abort();
      map.current?.destroy();
      map.current = null;
    };
  }, [info]);
  useEffect(() => map.current?.show(items, describe));
  return (
    <div
      ref={el}
      className="pub-reports-map"
      data-testid="public-reports-map"
      aria-label={t('participation.reports.map')}
    />
  );
}

/** 身边问题: the public reports of the city as a list or on a map, newest first, a page at a time. */
export function ReportsPage() {
  const { t, locale } = useI18n();
  const [view, setView] = useState<View>('list');
  const [openOnly, setOpenOnly] = useState(true);
  const [items, setItems] = useState<PublicReportCard[] | null>(null);
  const [page, setPage] = useState(1);
  const [hasMore, setHasMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const load = (next: number, replace: boolean) => {
    setBusy(true);
    setError(null);
    participationApi.reports(next, openOnly).then(
      (r) => {
        setItems((old) => (replace || !old ? r.items : [...old, ...r.items]));
        setPage(r.page);
        setHasMore(r.hasMore);
        setBusy(false);
      },
      (e: unknown) => {
        setError(e);
        setBusy(false);
      },
    );
  };
  // eslint-disable-next-line react-hooks/exhaustive-deps -- reloads only when the filter changes
  useEffect(() => load(1, true), [openOnly]);

  return (
    <div data-testid="public-reports">
      <section className="phone-section pub-section">
        <div className="pub-section-title">{t('participation.reports.title')}</div>
        <p className="ph-muted">{t('participation.reports.intro')}</p>
        <div className="pub-row" style={{ gap: 8, flexWrap: 'wrap' }}>
          <Segmented<View>
            label={t('participation.reports.title')}
            value={view}
            onChange={setView}
            options={[
              { value: 'list', label: t('participation.reports.list'), testId: 'public-reports-view-list' },
              { value: 'map', label: t('participation.reports.map'), testId: 'public-reports-view-map' },
            ]}
          />
          <Segmented<'open' | 'all'>
            label={t('participation.reports.open')}
            value={openOnly ? 'open' : 'all'}
            onChange={(v) => setOpenOnly(v === 'open')}
            options={[
              { value: 'open', label: t('participation.reports.open') },
              { value: 'all', label: t('participation.reports.all') },
            ]}
          />
        </div>
      </section>
      {error ? <LoadError error={error} onRetry={() => load(page, items === null)} testId="public-reports" /> : null}
      {items === null && !error ? <Loading label={t('app.loading')} /> : null}
      {items !== null && items.length === 0 ? <Empty text={t('participation.reports.empty')} /> : null}
      {items !== null && view === 'map' ? <ReportsOnMap items={items} /> : null}
      {items !== null && view === 'list' ? (
        <ul className="pub-nearby-list" data-testid="public-reports-list">
          {items.map((c) => (
            <li
              key={c.caseNo}
              className="phone-section pub-section pub-nearby-item"
              data-testid={`public-report-${c.caseNo}`}
            >
              {c.thumbUrl ? <img src={c.thumbUrl} alt="" className="pub-nearby-thumb" /> : null}
              <div className="pub-nearby-text">
                <div className="pub-nearby-head">
                  <strong>{c.matterName ?? c.matterCode}</strong>
                  <Tag color={c.open ? 'orange' : 'green'}>{tryT(locale, `public.status.${c.status}`) ?? c.status}</Tag>
                </div>
                <div className="ph-clamp-2">{c.description}</div>
                <div className="ph-muted">
                  {[
                    c.address,
                    t('participation.reports.reportedAt', { time: formatInstant(c.reportedAt) }),
                    c.supporters > 0 ? t('participation.nearby.supporters', { count: c.supporters }) : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </div>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      {hasMore ? (
        <Button block loading={busy} onClick={() => load(page + 1, false)} data-testid="public-reports-more">
          {t('participation.reports.more')}
        </Button>
      ) : null}
    </div>
  );
}
