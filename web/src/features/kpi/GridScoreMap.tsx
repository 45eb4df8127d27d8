import { useEffect, useRef, useState } from 'react';
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { Flex, Tag, Typography } from 'antd';
import type { GridMap, PeriodQuery } from '../../../../common/contracts/kpi.ts';
import { GRADES } from '../../../../common/domain/kpi.ts';
import { decimalText } from '../../../../common/domain/number-format.ts';
import { useResource } from '../../api/use-resource.ts';
import { NOWHERE } from '../../components/map-start.ts';
import { useI18n } from '../../i18n/context.ts';
import { mapApi } from '../map/map.api.ts';
import { GRADE_TAG_COLOR } from './kpi-columns.ts';
import { kpiApi } from './kpi.api.ts';

/** Fill colours of the grades (A green … E black, docs/standards.md, "KPI grades"); grey = no data. */
const GRADE_FILL: Record<string, string> = { A: '#52c41a', B: '#1677ff', C: '#fadb14', D: '#f5222d', E: '#262626' };
const NO_DATA_FILL = '#d9d9d9';

const bboxText = (b: L.LatLngBounds) =>
  [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((n) => n.toFixed(5)).join(',');

/**
 * Grid scores on a map, coloured by grade. Only the grids of the current view are asked for (the server caps one
 * answer), again after each pan or zoom, so a city's thousands of grids are never loaded at once.
 */
export function GridScoreMap({ period }: { period: PeriodQuery }) {
  const { t } = useI18n();
  const el = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const layer = useRef<L.LayerGroup | null>(null);
  const [bbox, setBbox] = useState<string | null>(null);
  const outline = useResource((signal) => mapApi.layer('tenant', null, signal), []);
  const periodKey = JSON.stringify(period);
  const grids = useResource<GridMap>(bbox ? (signal) => kpiApi.gridMap({ ...period, bbox }, signal) : null, [
    bbox,
    periodKey,
  ]);

  useEffect(() => {
    if (!el.current) return undefined;
    const m = L.map(el.current, { preferCanvas: true, center: [NOWHERE.lat, NOWHERE.lng], zoom: 6 });
    map.current = m;
    layer.current = L.layerGroup().addTo(m);
    m.on('moveend', () => setBbox(bboxText(m.getBounds())));
    return () => {
      m.remove();
      map.current = null;
      layer.current = null;
    };
  }, []);

  useEffect(() => {
    const m = map.current;
    if (!m || !outline.data) return;
    const bounds = L.geoJSON(outline.data).getBounds();
    if (!bounds.isValid()) return;
    // a container not laid out yet (no size) cannot fit a view: ask for the city's box until it is
    const size = m.getSize();
    const laidOut = size.x > 0 && size.y > 0;
    if (laidOut) m.fitBounds(bounds, { padding: [8, 8] });
    else m.setView(bounds.getCenter(), 12);
    setBbox(bboxText(laidOut ? m.getBounds() : bounds));
  }, [outline.data]);

  useEffect(() => {
    const group = layer.current;
    if (!group) return;
    group.clearLayers();
    for (const g of grids.data?.items ?? []) {
      const fill = g.grade ? (GRADE_FILL[g.grade] ?? NO_DATA_FILL) : NO_DATA_FILL;
      const label = `${g.code}${g.communityName ? ` · ${g.communityName}` : ''} · ${
        g.score === null ? t('kpiWeb.noData') : `${decimalText(g.score)} ${g.grade ?? ''}`
      }`;
      L.geoJSON(g.geometry as GeoJSON.GeoJsonObject, {
        style: { color: '#595959', weight: 1, fillColor: fill, fillOpacity: g.grade ? 0.55 : 0.2 },
      })
        .bindTooltip(label)
        .addTo(group);
    }
  }, [grids.data, t]);

  return (
    <Flex vertical gap={8}>
      <Flex gap={8} wrap align="center">
        {GRADES.map((g) => (
          <Tag key={g} color={GRADE_TAG_COLOR[g]}>
            {g}
          </Tag>
        ))}
        <Tag>{t('kpiWeb.noData')}</Tag>
        {grids.data?.capped ? (
          <Typography.Text type="warning" data-testid="grid-map-capped">
            {t('kpiWeb.gridMap.capped')}
          </Typography.Text>
        ) : null}
      </Flex>
      <div
        ref={el}
        data-testid="grid-score-map"
        data-grids={grids.data?.items.length ?? 0}
        style={{ width: '100%', height: 520 }}
      />
    </Flex>
  );
}
