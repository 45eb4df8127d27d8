import { useEffect, useRef } from 'react';
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { DashboardSummary } from '../../../../common/contracts/reports.ts';
import { NOWHERE } from '../../components/map-start.ts';
import { loadBasemap } from '../map/basemap.ts';
import { mapApi } from '../map/map.api.ts';
import { SLA_COLORS } from './dashboard-charts.ts';

type OpenCase = DashboardSummary['openCases'][number];

/**
 * Open cases on the city's own offline layers (tenant outline and streets from /api/geo/layers, as 一张图 draws them),
 * one dot per case coloured by SLA; red dots are drawn last so they stay on top. The configured basemap (天地图) goes
 * beneath when there is one.
 */
export function CaseMap({ cases, onOpen }: { cases: OpenCase[]; onOpen: (id: string) => void }) {
  const el = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const dots = useRef<L.LayerGroup | null>(null);
  const open = useRef(onOpen);
  useEffect(() => {
    open.current = onOpen;
  });

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
    const areas = L.layerGroup().addTo(m);
    dots.current = L.layerGroup().addTo(m);
    const controller = new AbortController();
    void loadBasemap().then((b) => {
      if (b && !controller.signal.aborted)
        L.tileLayer(b.url, { subdomains: b.subdomains ?? 'abc', maxZoom: b.maxZoom ?? 18, opacity: 0.35 })
          .addTo(m)
          .bringToBack();
    });
    Promise.all([mapApi.layer('tenant', null, controller.signal), mapApi.layer('street', null, controller.signal)])
      .then(([tenant, streets]) => {
        const outline = L.geoJSON(tenant, {
          style: { color: '#36cfc9', weight: 2, fillColor: '#0e2a4d', fillOpacity: 0.6 },
          interactive: false,
        }).addTo(areas);
        L.geoJSON(streets, {
          style: { color: '#2f6fb2', weight: 1, fillOpacity: 0, dashArray: '3 4' },
          interactive: false,
        }).addTo(areas);
        const bounds = outline.getBounds();
        if (bounds.isValid()) m.fitBounds(bounds, { padding: [16, 16] });
      })
      .catch(() => undefined);
    return () => {
      controller.abort();
      m.remove();
      map.current = null;
    };
  }, []);

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

  return (
    <div
      ref={el}
      data-testid="dashboard-map"
      data-cases={cases.length}
      style={{ width: '100%', height: '100%', background: '#0b1a33' }}
    />
  );
}
