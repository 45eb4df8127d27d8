/**
 * The Leaflet side of the case layer (kept out of React like map-controller.ts): the cases of the view fetched
 * for the visible box plus a margin, again only when the view leaves it or the filters change; clustered on the
 * screen grid at every zoom (case-clusters.ts) in their own pane above the components; a case opens a popup whose
 * content React renders (CaseLayer).
 */
import * as L from 'leaflet';
import type { CaseMapPoint, CaseMapResult } from '../../../../common/contracts/case-map.ts';
import type { SlaLevel } from '../../../../common/domain/case-channels.ts';
import type { Bbox } from '../../../../common/domain/geo.ts';
import { SLA_COLORS } from '../cases/sla.ts';
import { clusterCases } from './case-clusters.ts';
import { caseMapApi, type CaseMapFilters } from './case-map.api.ts';
import { clusterIcon } from './map-symbols.ts';
import { containsBbox, MAX_ZOOM, padBbox } from './map-style.ts';

export interface CaseMarkerEvents {
  onResult: (result: CaseMapResult | null) => void;
  onError: (error: unknown) => void;
  /** a popup opened for a case (render into `el`), or closed (null) */
  onPopup: (open: { point: CaseMapPoint; el: HTMLElement; popup: L.Popup } | null) => void;
}

const PANE = 'cases';
const toBbox = (b: L.LatLngBounds): Bbox => [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
const isAbort = (e: unknown) => e instanceof DOMException && e.name === 'AbortError';
const slaColor = (level: string) => SLA_COLORS[level as SlaLevel] ?? SLA_COLORS.none;

export function createCaseMarkers(map: L.Map, events: CaseMarkerEvents) {
  if (!map.getPane(PANE)) map.createPane(PANE).style.zIndex = '460';
  const svg = L.svg({ pane: PANE, padding: 0.5 });
  const group = L.layerGroup().addTo(map);
  let filters: CaseMapFilters | null = null;
  let fetched: { box: Bbox; result: CaseMapResult } | null = null;
  let inflight: AbortController | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let search: L.Layer | null = null;

  const openPopup = (point: CaseMapPoint) => {
    const el = document.createElement('div');
    const popup = L.popup({ minWidth: 220, maxWidth: 300, className: 'cl-case-popup' })
      .setLatLng([point.lat, point.lng])
      .setContent(el);
    popup.on('remove', () => events.onPopup(null));
    popup.openOn(map);
    events.onPopup({ point, el, popup });
  };

  const draw = () => {
    group.clearLayers();
    if (!fetched) return;
    const zoom = map.getZoom();
    const clusters = clusterCases(fetched.result.items, (p) => map.project([p.lat, p.lng], zoom));
    for (const cluster of clusters) {
      const color = slaColor(cluster.sla);
      const only = cluster.members.length === 1 ? cluster.members[0] : undefined;
      if (only) {
        L.circleMarker([only.lat, only.lng], {
          renderer: svg,
          pane: PANE,
          radius: 8,
          color: '#ffffff',
          weight: 2,
          fillColor: color,
          fillOpacity: 1,
          className: `cl-case-marker cl-case-${only.sla}`,
        })
          .on('click', (e) => {
            L.DomEvent.stopPropagation(e);
            openPopup(only);
          })
          .addTo(group);
        continue;
      }
      L.marker([cluster.lat, cluster.lng], {
        icon: clusterIcon(cluster.members.length, color, 'cl-cluster cl-case-cluster'),
        pane: PANE,
        keyboard: false,
        riseOnHover: true,
      })
        .on('click', (e) => {
          L.DomEvent.stopPropagation(e);
          if (zoom < MAX_ZOOM) {
            const bounds = L.latLngBounds(cluster.members.map((m) => [m.lat, m.lng] as [number, number]));
            map.fitBounds(bounds.pad(0.2), { maxZoom: Math.min(MAX_ZOOM, zoom + 3) });
          } else openPopup(cluster.members[0]!);
        })
        .addTo(group);
    }
  };

  const load = async () => {
    if (!filters) return;
    const view = toBbox(map.getBounds());
    if (fetched && containsBbox(fetched.box, view)) return draw();
    const box = padBbox(view, 0.3);
    inflight?.abort();
    const controller = new AbortController();
    inflight = controller;
    try {
      const result = await caseMapApi.cases(box, filters, controller.signal);
      fetched = { box, result };
      events.onResult(result);
      draw();
    } catch (error) {
      if (!isAbort(error)) events.onError(error);
    }
  };
  const refresh = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void load(), 150);
  };
  map.on('moveend', refresh);

  return {
    /** Filters changed (null hides the layer): everything is fetched again. */
    setFilters(next: CaseMapFilters | null) {
      filters = next;
      fetched = null;
      if (!next) {
        inflight?.abort();
        group.clearLayers();
        events.onResult(null);
        return;
      }
      refresh();
    },
    /** Flies to a case found by the search box and opens its popup. */
    showCase(point: CaseMapPoint) {
      map.flyTo([point.lat, point.lng], Math.max(map.getZoom(), 17), { duration: 0.6 });
      map.once('moveend', () => openPopup(point));
    },
    /** Flies to a component found by the search box and rings it. */
    showPlace(lng: number, lat: number, text: string) {
      search?.remove();
      const content = document.createElement('span');
      content.textContent = text;
      search = L.circleMarker([lat, lng], {
        pane: PANE,
        renderer: svg,
        radius: 14,
        color: '#fa541c',
        weight: 3,
        fill: false,
        className: 'cl-search-ring',
      })
        .bindTooltip(content, { permanent: true, direction: 'top', offset: [0, -14] })
        .addTo(map);
      map.flyTo([lat, lng], Math.max(map.getZoom(), 18), { duration: 0.6 });
    },
    destroy() {
      clearTimeout(timer);
      inflight?.abort();
      map.off('moveend', refresh);
      search?.remove();
      group.remove();
    },
  };
}
export type CaseMarkers = ReturnType<typeof createCaseMarkers>;
