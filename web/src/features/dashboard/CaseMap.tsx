import { useEffect, useRef } from 'react';
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { DashboardSummary } from '../../../../common/contracts/reports.ts';
import { useResource } from '../../api/use-resource.ts';
import { NOWHERE } from '../../components/map-start.ts';
import { loadBasemap } from '../map/basemap.ts';
import { mapApi } from '../map/map.api.ts';
import { alarmColor } from '../iot/AlarmMapLayer.tsx';
import type { LiveAlarm } from '../iot/useLiveAlarms.ts';
import { SLA_COLORS } from './dashboard-charts.ts';

type OpenCase = DashboardSummary['openCases'][number];

/**
 * Open cases on the city's own offline layers (tenant outline and streets from /api/geo/layers, as 一张图 draws them),
 * one dot per case coloured by SLA; red dots are drawn last so they stay on top. The configured basemap (天地图) goes
 * beneath when there is one.
 */
export function CaseMap({
  cases,
  alarms = [],
  onOpen,
}: {
  cases: OpenCase[];
  /** open sensor alarms, drawn above the cases as rings */
  alarms?: LiveAlarm[];
  onOpen: (id: string) => void;
}) {
  const el = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const areaGroup = useRef<L.LayerGroup | null>(null);
  const dots = useRef<L.LayerGroup | null>(null);
  const alarmDots = useRef<L.LayerGroup | null>(null);
  const open = useRef(onOpen);
  useEffect(() => {
    open.current = onOpen;
  });

  // The city's outline and streets, and the basemap: loaded once; a failure leaves the dots on a plain background.
  const areas = useResource(
    (signal) => Promise.all([mapApi.layer('tenant', null, signal), mapApi.layer('street', null, signal)]),
    [],
  );
  const basemap = useResource((signal) => loadBasemap(signal), []);

  useEffect(() => {
    if (!el.current) return undefined;
    const m = L.map(el.current, {
      preferCanvas: true,
      zoomControl: false,
      attributionControl: false,
      center: [NOWHERE.lat, NOWHERE.lng],
      zoom: 6,
    });
    map.current = m;
    areaGroup.current = L.layerGroup().addTo(m);
    dots.current = L.layerGroup().addTo(m);
    alarmDots.current = L.layerGroup().addTo(m);
    return () => {
      m.remove();
      map.current = null;
      areaGroup.current = null;
      dots.current = null;
      alarmDots.current = null;
    };
  }, []);

  useEffect(() => {
    const m = map.current;
    const b = basemap.data;
    if (!m || !b) return undefined;
    const tiles = L.tileLayer(b.url, { subdomains: b.subdomains ?? 'abc', maxZoom: b.maxZoom ?? 18, opacity: 0.35 })
      .addTo(m)
      .bringToBack();
    // On unmount the map is already gone (its effect is cleaned up first) and takes its layers with it.
    return () => {
      if (map.current === m) tiles.remove();
    };
  }, [basemap.data]);

  useEffect(() => {
    const m = map.current;
    const group = areaGroup.current;
    if (!m || !group || !areas.data) return undefined;
    const [tenant, streets] = areas.data;
    const outline = L.geoJSON(tenant, {
      style: { color: '#36cfc9', weight: 2, fillColor: '#0e2a4d', fillOpacity: 0.6 },
      interactive: false,
    }).addTo(group);
    L.geoJSON(streets, {
      style: { color: '#2f6fb2', weight: 1, fillOpacity: 0, dashArray: '3 4' },
      interactive: false,
    }).addTo(group);
    const bounds = outline.getBounds();
    if (bounds.isValid()) m.fitBounds(bounds, { padding: [16, 16] });
    return () => {
      if (map.current === m) group.clearLayers();
    };
  }, [areas.data]);

  useEffect(() => {
    const group = dots.current;
    if (!group) return;
    group.clearLayers();
    const order = { none: 0, paused: 0, green: 1, yellow: 2, red: 3 } as const;
    for (const c of [...cases].sort((a, b) => order[a.sla] - order[b.sla])) {
      const color = SLA_COLORS[c.sla] ?? '#4096ff';
      L.circleMarker([c.lat, c.lng], {
        radius: c.sla === 'red' ? 6 : 5,
        color,
        weight: 1,
        fillColor: color,
        fillOpacity: 0.85,
      })
        .bindTooltip(c.caseNo)
        .on('click', () => open.current(c.id))
        .addTo(group);
    }
  }, [cases]);

  useEffect(() => {
    const group = alarmDots.current;
    if (!group) return;
    group.clearLayers();
    for (const a of alarms) {
      const color = alarmColor(a);
      L.circleMarker([a.lat, a.lng], { radius: 9, color, weight: 3, fillColor: color, fillOpacity: 0.25 })
        .bindTooltip(a.deviceCode)
        .addTo(group);
    }
  }, [alarms]);

  return (
    <div
      ref={el}
      data-testid="dashboard-map"
      data-cases={cases.length}
      data-alarms={alarms.length}
      style={{ width: '100%', height: '100%', background: '#0b1a33' }}
    />
  );
}
