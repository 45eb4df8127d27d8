import { useEffect, useRef } from 'react';
import { useResource } from '../../api/use-resource.ts';
import { useAuth } from '../../features/auth/context.ts';
import { useI18n } from '../../i18n/context.ts';
import { NOWHERE, openPinMap, type PinMap } from '../../phone/open-pin-map.ts';
import { useGeolocation, type GeoFailure } from '../../phone/useGeolocation.ts';
import { Button } from '../../phone/ui/controls.tsx';
import { Icon } from '../../phone/ui/icons.tsx';
import { h5Api } from '../api/h5.api.ts';
import { useTenantInfo } from '../api/tenant-info.ts';
import { loadStreets } from './streets.ts';

const FAILURE_KEYS = {
  unsupported: 'h5.report.geoUnsupported',
  denied: 'h5.report.geoDenied',
  unavailable: 'h5.report.geoUnavailable',
  timeout: 'h5.report.geoTimeout',
} as const satisfies Record<GeoFailure, string>;

export interface PickedLocation {
  lat: number;
  lng: number;
  /** metres, from the browser; null once moved by hand */
  accuracy: number | null;
  manual: boolean;
}

interface Props {
  value: PickedLocation | null;
  onChange: (value: PickedLocation) => void;
  /** false while the report tab is hidden; the map re-measures itself when shown again */
  active: boolean;
  online: boolean;
  /** changes after a report was sent: locate afresh for the next one */
  resetToken: number;
}

/** Browser geolocation with a map to correct it: drag the pin, or tap where the problem is. */
export function LocationPicker({ value, onChange, active, online, resetToken }: Props) {
  const { t } = useI18n();
  const { me } = useAuth();
  const { state, locate } = useGeolocation();
  const container = useRef<HTMLDivElement>(null);
  const pinMap = useRef<PinMap | null>(null);
  const change = useRef(onChange);
  change.current = onChange;
  const manual = useRef(false);
  manual.current = value?.manual ?? false;
  const tenantId = me?.user.tenantId ?? '';
  // The map opens once the city is known (or known to be unknown, offline): it starts on the city's extent.
  const { info, settled } = useTenantInfo();
  const city = useRef(info);
  city.current = info;

  const latest = useRef(value);
  latest.current = value;

  useEffect(() => {
    if (!container.current || !settled) return;
    const controller = new AbortController();
    const here = latest.current;
    const close = openPinMap(
      container.current,
      {
        pick: true,
        start: here ?? city.current?.center ?? NOWHERE,
        zoom: here ? 16 : 8,
        ...(here ? {} : { extent: city.current?.extent ?? null }),
        basemap: city.current?.basemap ?? null,
        onPick: (at) => change.current({ ...at, accuracy: null, manual: true }),
      },
      (created) => {
        pinMap.current = created;
        // The browser may have answered while the map code was loading.
        if (latest.current) created.setPin(latest.current, { accuracy: latest.current.accuracy });
        void loadStreets(tenantId, controller.signal).then(
          (layer) => layer && !controller.signal.aborted && created.setLayer(layer),
        );
      },
    );
    return () => {
      controller.abort();
      close();
      pinMap.current = null;
    };
  }, [tenantId, settled]);

  // The browser is asked at once, without waiting for the map.
  useEffect(() => {
    locate();
  }, [locate]);

  useEffect(() => {
    if (state.status !== 'located' || manual.current) return;
    change.current({ lat: state.lat, lng: state.lng, accuracy: state.accuracy, manual: false });
    pinMap.current?.setPin({ lat: state.lat, lng: state.lng }, { accuracy: state.accuracy });
  }, [state]);

  useEffect(() => {
    if (active) pinMap.current?.refresh();
  }, [active]);

  const firstToken = useRef(resetToken);
  useEffect(() => {
    if (resetToken === firstToken.current) return;
    manual.current = false;
    locate();
  }, [resetToken, locate]);

  // The street and community of the pin, once it rests a moment (dragging moves it many times a second).
  const located = useResource(
    value && online ? (signal) => h5Api.locate(value.lng, value.lat, signal) : null,
    [value, online],
    { delayMs: 400 },
  );
  const found = value && online && !located.error ? located.data : null;
  const area = found
    ? t('h5.report.area', { street: found.street.name, community: found.community?.name ?? '' }).trim()
    : null;

  const relocate = () => {
    manual.current = false;
    locate();
  };

  let status: string;
  if (state.status === 'locating') status = t('h5.report.locating');
  else if (value?.manual) status = t('h5.report.pinMoved');
  else if (state.status === 'located') status = t('h5.report.located', { accuracy: Math.round(state.accuracy) });
  else if (state.status === 'failed') status = t('h5.report.locateFailed', { reason: t(FAILURE_KEYS[state.reason]) });
  else status = t('h5.report.noLocation');

  const failed = state.status === 'failed' && !value;
  return (
    <div>
      <div ref={container} className="phone-map h5-map" data-testid="h5-report-map" />
      <div className="h5-location-row">
        <div className="h5-location-text">
          <span
            className={failed ? 'h5-warning-text' : undefined}
            role="status"
            data-testid="h5-report-location-status"
            data-status={value ? (value.manual ? 'manual' : 'located') : state.status}
          >
            <Icon name="pin" /> {status}
          </span>
          {value ? (
            <div className="ph-muted" data-testid="h5-report-coords">
              {t('h5.report.coordinates', { lng: value.lng.toFixed(6), lat: value.lat.toFixed(6) })}
              {area ? <div data-testid="h5-report-area">{area}</div> : null}
            </div>
          ) : null}
          <div className="ph-muted">{t('h5.report.dragHint')}</div>
        </div>
        <Button icon="aim" onClick={relocate} loading={state.status === 'locating'} data-testid="h5-report-locate">
          {t('h5.report.relocate')}
        </Button>
      </div>
    </div>
  );
}
