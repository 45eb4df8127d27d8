import { useEffect, useRef, useState, type RefObject } from 'react';
import * as L from 'leaflet';
import { App, Switch, Tag } from 'antd';
import { errorText } from '../../api/errors.ts';
import { formatInstant } from '../../components/format.ts';
import { useAuth } from '../auth/context.ts';
import { useI18n } from '../../i18n/context.ts';
import { monitorApi, type LastPosition } from '../monitor/monitor.api.ts';
import type { CityMap } from './map-controller.ts';

/** How often the layer asks again while shown; the app reports about every half minute. */
const REFRESH_MS = 30_000;

/**
 * 一张图: today's last position of each inspector the viewer supervises (positions are personal data: only their
 * supervisors see them, and each load is audited on the server, docs/monitor.md). Shown only with inspector.supervise.
 */
export function InspectorLayer({ cityMap }: { cityMap: RefObject<CityMap | null> }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const allowed = useAuth().can('inspector.supervise');
  const [on, setOn] = useState(true);
  const [count, setCount] = useState<number | null>(null);
  const group = useRef<L.LayerGroup | null>(null);

  useEffect(() => {
    if (!allowed || !on) return undefined;
    const layer = L.layerGroup();
    group.current = layer;
    const controller = new AbortController();
    const draw = (items: LastPosition[]) => {
      layer.clearLayers();
      for (const p of items) {
        // a labelled pin, so an inspector never reads as one more component dot
        const html = document.createElement('div');
        html.textContent = p.displayName;
        html.style.cssText = `transform: translate(-50%, -100%); white-space: nowrap; padding: 1px 6px; border-radius: 10px;
          font-size: 12px; color: #fff; border: 2px solid #fff; box-shadow: 0 1px 4px rgba(0,0,0,0.35);
          background: ${p.onDuty ? '#08979c' : '#8c8c8c'}`;
        L.marker([p.lat, p.lng], { icon: L.divIcon({ html, className: '', iconSize: undefined }), zIndexOffset: 1000 })
          .bindTooltip(`${p.displayName} · ${t('monitor.layer.lastAt', { at: formatInstant(p.at).slice(11) })}`)
          .addTo(layer);
      }
      setCount(items.length);
    };
    const load = () =>
      monitorApi.lastPositions(controller.signal).then(draw, (err: unknown) => {
        if (!controller.signal.aborted)
          void message.error(t('monitor.layer.failed', { message: errorText(err, locale) }));
      });
    // the Leaflet map is created by MapView's effect; attach once it exists
    const attach = window.setInterval(() => {
      const map = cityMap.current?.leaflet;
      if (!map) return;
      window.clearInterval(attach);
      layer.addTo(map);
    }, 100);
    void load();
    const timer = window.setInterval(() => void load(), REFRESH_MS);
    return () => {
      controller.abort();
      window.clearInterval(attach);
      window.clearInterval(timer);
      layer.remove();
      group.current = null;
    };
  }, [allowed, on, cityMap, t, locale, message]);

  if (!allowed) return null;
  return (
    <Tag
      style={{ position: 'absolute', zIndex: 1000, top: 10, left: 56, background: 'rgba(255,255,255,0.92)', margin: 0 }}
      data-testid="map-inspectors"
      data-count={count ?? ''}
    >
      <Switch
        size="small"
        checked={on}
        onChange={setOn}
        style={{ marginRight: 6 }}
        aria-label={t('monitor.layer.title')}
      />
      {t('monitor.layer.title')}
      {on && count !== null ? ` · ${count}` : ''}
    </Tag>
  );
}
