import { useEffect, useRef } from 'react';
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { Flex, Tag, Typography } from 'antd';
import type { GridMap, PeriodQuery } from '../../../../common/contracts/kpi.ts';
import { GRADES } from '../../../../common/domain/kpi.ts';
import { decimalText } from '../../../../common/domain/number-format.ts';
import { useResource } from '../../api/use-resource.ts';
import { useI18n } from '../../i18n/context.ts';
import { useOutlineMap } from '../map/useOutlineMap.ts';
import { GRADE_TAG_COLOR } from './kpi-columns.ts';
import { kpiApi } from './kpi.api.ts';

/** Fill colours of the grades (A green … E black, docs/standards.md, "KPI grades"); grey = no data. */
const GRADE_FILL: Record<string, string> = { A: '#52c41a', B: '#1677ff', C: '#fadb14', D: '#f5222d', E: '#262626' };
const NO_DATA_FILL = '#d9d9d9';

/**
 * Grid scores on a map, coloured by grade. Only the grids of the current view are asked for (the server caps one
 * answer), again after each pan or zoom, so a city's thousands of grids are never loaded at once.
 */
export function GridScoreMap({ period }: { period: PeriodQuery }) {
  const { t } = useI18n();
  const el = useRef<HTMLDivElement>(null);
  const { layer, bbox } = useOutlineMap(el);
  const periodKey = JSON.stringify(period);
  const grids = useResource<GridMap>(bbox ? (signal) => kpiApi.gridMap({ ...period, bbox }, signal) : null, [
    bbox,
    periodKey,
  ]);

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
  }, [grids.data, t, layer]);

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
