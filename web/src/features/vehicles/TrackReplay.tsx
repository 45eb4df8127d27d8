import { useEffect, useMemo, useRef, useState } from 'react';
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { Button, Empty, Flex, Input, Select, Slider, Typography } from 'antd';
import type { FeatureCollection } from '../../../../common/domain/geo.ts';
import { api } from '../../api/client.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { cityToday, formatInstant } from '../../components/format.ts';
import { hideRoadLabelsWhenFar, roadLayer } from '../../components/map-labels.ts';
import { NOWHERE } from '../../components/map-start.ts';
import { useI18n } from '../../i18n/context.ts';
import { vehiclesApi, type Track, type Vehicle } from './vehicles.api.ts';

/** The offline map (streets and named roads, no tiles) with the day's track and the vehicle at the slider's time. */
function TrackMap({ track, index }: { track: Track | null; index: number }) {
  const el = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const line = useRef<L.LayerGroup | null>(null);
  const marker = useRef<L.CircleMarker | null>(null);
  useEffect(() => {
    if (!el.current) return undefined;
    const m = L.map(el.current, { center: [NOWHERE.lat, NOWHERE.lng], zoom: 6, attributionControl: false });
    map.current = m;
    hideRoadLabelsWhenFar(m);
    line.current = L.layerGroup().addTo(m);
    let alive = true;
    api
      .get<FeatureCollection>('/api/geo/layers/street')
      .then((fc) => {
        if (!alive) return;
        const layer = L.geoJSON(fc, {
          style: { color: '#595959', weight: 1.5, fillColor: '#bae0ff', fillOpacity: 0.12 },
          interactive: false,
        }).addTo(m);
        layer.bringToBack();
        if (fc.features.length && !line.current?.getLayers().length) m.fitBounds(layer.getBounds());
      })
      .catch(() => undefined);
    api
      .get<FeatureCollection>('/api/gazetteer/roads')
      .then((fc) => alive && roadLayer(fc).addTo(m))
      .catch(() => undefined);
    return () => {
      alive = false;
      m.remove();
      map.current = null;
    };
  }, []);
  useEffect(() => {
    const m = map.current;
    const group = line.current;
    if (!m || !group) return;
    group.clearLayers();
    marker.current = null;
    const pts = (track?.points ?? []).filter((p) => !p.jump).map((p) => L.latLng(p.lat, p.lng));
    if (pts.length < 1) return;
    L.polyline(pts, { color: '#1677ff', weight: 4, opacity: 0.8 }).addTo(group);
    marker.current = L.circleMarker(pts[0]!, { radius: 8, color: '#f5222d', weight: 3, fillOpacity: 0.9 }).addTo(group);
    m.fitBounds(L.latLngBounds(pts).pad(0.2));
  }, [track]);
  useEffect(() => {
    const p = track?.points[index];
    if (p && marker.current) marker.current.setLatLng([p.lat, p.lng]);
  }, [track, index]);
  return (
    <div
      ref={el}
      data-testid="vehicle-track-map"
      style={{ height: 480, width: '100%', background: '#e8ecf1', borderRadius: 8 }}
    />
  );
}

/** Pick a vehicle and a day, then move the slider through the track. */
export function TrackReplay({ initial }: { initial: Vehicle | null }) {
  const { t } = useI18n();
  const [vehicles, setVehicles] = useState<Vehicle[]>([]);
  const [vehicleId, setVehicleId] = useState<string | null>(initial?.id ?? null);
  const [day, setDay] = useState(() => (initial?.lastAt ? formatInstant(initial.lastAt).slice(0, 10) : cityToday()));
  const [track, setTrack] = useState<Track | null>(null);
  const [index, setIndex] = useState(0);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (initial) setVehicleId(initial.id);
  }, [initial]);
  useEffect(() => {
    const c = new AbortController();
    vehiclesApi.list({ pageSize: 200, sort: 'plate' }, c.signal).then((p) => setVehicles(p.items), setError);
    return () => c.abort();
  }, []);
  const load = () => {
    if (!vehicleId) return;
    setError(null);
    vehiclesApi.track(vehicleId, day).then((tr) => {
      setTrack(tr);
      setIndex(0);
    }, setError);
  };
  useEffect(load, [vehicleId]); // eslint-disable-line react-hooks/exhaustive-deps -- a new vehicle replays at once
  const point = track?.points[index];
  const options = useMemo(
    () => vehicles.map((v) => ({ value: v.id, label: `${v.plate} · ${t(`vehicles.kind.${v.kind}`)}` })),
    [vehicles, t],
  );
  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={8} align="center">
        <Select
          showSearch
          optionFilterProp="label"
          style={{ minWidth: 260 }}
          placeholder={t('vehicles.replay.vehicle')}
          value={vehicleId}
          onChange={setVehicleId}
          options={options}
          data-testid="replay-vehicle"
        />
        <Input type="date" value={day} onChange={(e) => setDay(e.target.value)} style={{ width: 170 }} />
        <Button type="primary" onClick={load} disabled={!vehicleId}>
          {t('vehicles.replay.load')}
        </Button>
        {track && (
          <Typography.Text type="secondary">{t('vehicles.replay.points', { n: track.points.length })}</Typography.Text>
        )}
      </Flex>
      {error ? <LoadError error={error} onRetry={load} /> : null}
      <TrackMap track={track} index={index} />
      {track && track.points.length > 0 ? (
        <Flex vertical gap={4} data-testid="replay-slider">
          <Slider min={0} max={track.points.length - 1} value={index} onChange={setIndex} tooltip={{ open: false }} />
          <Typography.Text>
            {t('vehicles.replay.at')}: {formatInstant(point?.at)} · {t('vehicles.replay.speed')}:{' '}
            {point?.speedKmh ?? '—'} km/h
          </Typography.Text>
        </Flex>
      ) : track ? (
        <Empty description={t('vehicles.replay.empty')} />
      ) : null}
    </Flex>
  );
}
