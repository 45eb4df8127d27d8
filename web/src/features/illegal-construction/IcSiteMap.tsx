import { useEffect, useRef, useState } from 'react';
import { Flex, Select, Tag, Typography } from 'antd';
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { IC_STATUSES, type IcStatus } from '../../../../common/domain/illegal-construction.ts';
import { useResource } from '../../api/use-resource.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { NOWHERE } from '../../components/map-start.ts';
import { useI18n } from '../../i18n/context.ts';
import { icApi, STATUS_COLORS } from './ic.api.ts';

/**
 * The sites on a plain offline map (no basemap: docs/conventions.md, "Maps"), one dot per site coloured by its
 * status, with a status filter and a legend.
 */
export function IcSiteMap() {
  const { t } = useI18n();
  const [status, setStatus] = useState<IcStatus | undefined>();
  const sites = useResource((signal) => icApi.sites(status ? { status } : {}, signal), [status]);
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const layer = useRef<L.LayerGroup | null>(null);

  useEffect(() => {
    if (!container.current) return undefined;
    const m = L.map(container.current, {
      center: [NOWHERE.lat, NOWHERE.lng],
      zoom: 5,
      attributionControl: false,
      preferCanvas: true,
    });
    map.current = m;
    layer.current = L.layerGroup().addTo(m);
    return () => {
      m.remove();
      map.current = null;
    };
  }, []);

  useEffect(() => {
    const m = map.current;
    const group = layer.current;
    if (!m || !group || !sites.data) return;
    group.clearLayers();
    const points = sites.data.features.map((f) => {
      const [lng, lat] = f.geometry.coordinates;
      return L.circleMarker([lat, lng], {
        radius: 6,
        color: '#ffffff',
        weight: 1,
        fillColor: STATUS_COLORS[f.properties.status],
        fillOpacity: 0.9,
      })
        .bindTooltip(
          `${f.properties.address}（${t(`illegalConstruction.status.${f.properties.status}`)}，${f.properties.reportedOn}）`,
        )
        .addTo(group);
    });
    if (points.length) m.fitBounds(L.featureGroup(points).getBounds(), { padding: [16, 16], maxZoom: 15 });
  }, [sites.data, t]);

  return (
    <Flex vertical gap={8}>
      <Flex gap={8} align="center" wrap>
        <Select<IcStatus>
          allowClear
          placeholder={t('illegalConstruction.filter.status')}
          style={{ width: 150 }}
          value={status}
          onChange={(v) => setStatus(v ?? undefined)}
          options={IC_STATUSES.map((s) => ({ value: s, label: t(`illegalConstruction.status.${s}`) }))}
          data-testid="ic-map-filter-status"
        />
        <span>{t('illegalConstruction.map.legend')}:</span>
        {IC_STATUSES.map((s) => (
          <Tag key={s} color={STATUS_COLORS[s]}>
            {t(`illegalConstruction.status.${s}`)}
          </Tag>
        ))}
        {sites.data ? (
          <Typography.Text type="secondary" data-testid="ic-map-count">
            {t('illegalConstruction.map.count', { count: sites.data.features.length })}
          </Typography.Text>
        ) : null}
      </Flex>
      {sites.error ? <LoadError error={sites.error} onRetry={sites.reload} /> : null}
      <div
        ref={container}
        data-testid="ic-map"
        style={{ height: 480, width: '100%', background: '#e8ecf1', borderRadius: 8 }}
      />
    </Flex>
  );
}
