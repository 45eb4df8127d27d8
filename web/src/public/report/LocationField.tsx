import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useGeolocation } from '../../phone/useGeolocation.ts';
import { useI18n } from '../../i18n/context.ts';
import { publicApi } from '../api/public.api.ts';
import type { Draft } from '../api/device.ts';
import { usePublicInfo } from '../info-context.ts';
import { NOWHERE, openPinMap, type PinMap } from '../../phone/open-pin-map.ts';
import { Icon } from '../../phone/ui/icons.tsx';
import { Button } from '../../phone/ui/controls.tsx';

type Picked = NonNullable<Draft['location']>;

// The address search and area selects load only when needed (no GPS, or asked for): the page's first load stays small.
const PlaceFinder = lazy(() => import('./PlaceFinder.tsx'));

/** Browser position first; the citizen corrects it by dragging the pin or tapping the map. */
export function LocationField({ value, onChange }: { value: Picked | null; onChange: (value: Picked) => void }) {
  const { t } = useI18n();
  const { info } = usePublicInfo();
  const { state, locate } = useGeolocation();
  const container = useRef<HTMLDivElement>(null);
  const pinMap = useRef<PinMap | null>(null);
  const change = useRef(onChange);
  change.current = onChange;
  const initial = useRef(value);
  // Follow the browser's position until the citizen places the pin by hand (or asks to locate again).
  const follow = useRef(!(value?.manual ?? false));

  const [finding, setFinding] = useState(false);

  const latest = useRef(value);
  latest.current = value;

  useEffect(() => {
    if (!container.current || !info) return;
    const controller = new AbortController();
    const close = openPinMap(
      container.current,
      {
        start: initial.current ?? info.center ?? NOWHERE,
        zoom: initial.current || info.center ? 15 : 8,
        pick: true,
        basemap: info.basemap,
        onPick: (at) => {
          follow.current = false;
          change.current({ ...at, manual: true });
        },
      },
      (created) => {
        pinMap.current = created;
        // The browser may have answered while the map code was loading.
        if (latest.current) created.setPin(latest.current);
        publicApi.map(controller.signal).then(
          (layer) => !controller.signal.aborted && created.setLayer(layer),
          () => undefined,
        );
        publicApi.roads(controller.signal).then(
          (roads) => !controller.signal.aborted && created.setRoads(roads),
          () => undefined,
        );
      },
    );
    // A restored draft keeps its pin; otherwise ask the browser where we are.
    if (!initial.current?.manual) locate();
    return () => {
      controller.abort();
      close();
      pinMap.current = null;
    };
  }, [info, locate]);

  useEffect(() => {
    if (state.status !== 'located' || !follow.current) return;
    change.current({ lat: state.lat, lng: state.lng, manual: false });
    pinMap.current?.setPin({ lat: state.lat, lng: state.lng }, { accuracy: state.accuracy });
  }, [state]);

  // One message at a time: the pin is described by where it came from, and the hint follows the same state, so
  // "could not locate" never stands beside "the pin is at your position".
  const failed = state.status === 'failed' && !value;
  let status: string;
  if (state.status === 'locating') status = t('public.report.locating');
  else if (value?.manual) status = t('public.report.pinMoved');
  else if (value && state.status === 'located')
    status = t('public.report.located', { accuracy: Math.round(state.accuracy) });
  else if (failed) status = t('public.report.locateFailed');
  else status = value ? t('public.report.pinMoved') : t('public.report.locationRequired');
  const hint = value && !value.manual && state.status === 'located' ? 'locationHint' : 'adjustHint';
  const showFinder = finding || state.status === 'failed';

  return (
    <div>
      <div ref={container} className="phone-map pub-map" data-testid="public-map" />
      <div className="pub-row" style={{ marginTop: 8 }}>
        <div style={{ flex: 1, minWidth: 0 }}>
          <span
            className="pub-location-status"
            data-testid="public-location-status"
            data-status={value ? (value.manual ? 'manual' : 'located') : state.status}
          >
            <Icon name="pin" /> {status}
          </span>
          {value ? (
            <div className="ph-muted" data-testid="public-coords">
              {t('public.report.coordinates', { lng: value.lng.toFixed(6), lat: value.lat.toFixed(6) })}
            </div>
          ) : null}
          {failed ? null : <div className="ph-muted">{t(`public.report.${hint}`)}</div>}
        </div>
        <Button
          icon="aim"
          onClick={() => {
            follow.current = true;
            locate();
          }}
          loading={state.status === 'locating'}
          data-testid="public-relocate"
        >
          {t('public.report.relocate')}
        </Button>
      </div>
      {failed ? (
        <div className="pub-no-gps" role="status" data-testid="public-no-gps">
          {t('public.report.noGpsPrompt')}
        </div>
      ) : null}
      {showFinder ? (
        <Suspense fallback={null}>
          <PlaceFinder
            onPick={(place) => {
              follow.current = false;
              const at = { lat: place.lat, lng: place.lng };
              change.current({ ...at, manual: true });
              pinMap.current?.setPin(at);
            }}
          />
        </Suspense>
      ) : (
        <Button onClick={() => setFinding(true)} data-testid="public-find-by-address">
          {t('public.report.findByAddress')}
        </Button>
      )}
    </div>
  );
}
