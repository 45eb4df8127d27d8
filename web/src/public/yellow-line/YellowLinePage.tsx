import { useEffect, useRef, useState } from 'react';
import type { FeatureCollection } from '../../../../common/domain/geo.ts';
import { useI18n } from '../../i18n/context.ts';
import { Empty, LoadError, Loading, Tag } from '../../phone/ui/feedback.tsx';
import { publicApi } from '../api/public.api.ts';
import { usePublicInfo } from '../info-context.ts';
import { yellowLineApi, type PublicZone } from './yellow-line.api.ts';
import type { ZonesMap } from './zones-map.ts';
import './yellow-line.css';

/** 文明黄线 on the citizen page: the permitted zones on a map and as a list (business names only). */
export function YellowLinePage() {
  const { t } = useI18n();
  const { info } = usePublicInfo();
  const [zones, setZones] = useState<PublicZone[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [picked, setPicked] = useState<PublicZone | null>(null);
  const [attempt, setAttempt] = useState(0);
  const el = useRef<HTMLDivElement>(null);
  const map = useRef<ZonesMap | null>(null);
  const kindText = (z: PublicZone) => t(`yellowLinePublic.kind.${z.holderKind}`);
  const describe = (z: PublicZone) =>
    `${z.businessName}（${kindText(z)}）${z.goods.join('、')} ${z.hoursFrom}–${z.hoursTo}`;
  const latest = useRef({ describe });
  latest.current = { describe };

  useEffect(() => {
    const controller = new AbortController();
    setError(null);
    yellowLineApi.zones(controller.signal).then(
      (r) => setZones(r.items),
      (e: unknown) => !controller.signal.aborted && setError(e),
    );
    return () => controller.abort();
  }, [attempt]);

  // Leaflet and the street layer load only once there is something to show: the first load stays small.
  useEffect(() => {
    if (!el.current || !info || !zones?.length) return undefined;
    let closed = false;
    const controller = new AbortController();
    void Promise.all([
      import('./zones-map.ts'),
      publicApi.map(controller.signal).catch(() => null as FeatureCollection | null),
    ]).then(([{ createZonesMap }, layer]) => {
      if (closed || !el.current) return;
      map.current = createZonesMap(el.current, info, layer);
      map.current.show(zones, (z) => latest.current.describe(z), setPicked);
    });
    return () => {
      closed = true;
      controller.abort();
      map.current?.destroy();
      map.current = null;
    };
  }, [info, zones]);

  return (
    <div data-testid="yl-public">
      <h1 className="yl-title">{t('yellowLinePublic.title')}</h1>
      <p className="yl-intro">{t('yellowLinePublic.intro')}</p>
      {error ? (
        <LoadError error={error} onRetry={() => setAttempt((n) => n + 1)} />
      ) : zones === null ? (
        <Loading label={t('yellowLinePublic.title')} />
      ) : zones.length === 0 ? (
        <Empty text={t('yellowLinePublic.none')} />
      ) : (
        <>
          <div ref={el} className="pub-reports-map" data-testid="yl-public-map" />
          <p>{t('yellowLinePublic.count', { count: zones.length })}</p>
          <ul className="yl-list">
            {(picked ? [picked, ...zones.filter((z) => z !== picked)] : zones).slice(0, 20).map((z) => (
              <li key={z.zoneNo} className="yl-item" data-testid={`yl-public-${z.zoneNo}`}>
                <strong>{z.businessName}</strong>{' '}
                <Tag color={z.holderKind === 'shop' ? 'blue' : 'green'}>{kindText(z)}</Tag>
                <div>
                  {t('yellowLinePublic.goods')}
                  {z.goods.join('、')}
                </div>
                <div>
                  {t('yellowLinePublic.hours')}
                  {z.hoursFrom}–{z.hoursTo}
                </div>
                <div>
                  {t('yellowLinePublic.validity')}
                  {z.validFrom} ~ {z.validTo}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
