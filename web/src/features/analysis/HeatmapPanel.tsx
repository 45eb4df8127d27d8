import { useEffect, useRef, useState } from 'react';
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { DatePicker, Flex, Typography } from 'antd';
import { weekOf } from '../../../../common/domain/period-compare.ts';
import { useResource } from '../../api/use-resource.ts';
import { dayjs, type Dayjs } from '../../components/dates.ts';
import { useI18n } from '../../i18n/context.ts';
import { useOutlineMap } from '../map/useOutlineMap.ts';
import { analysisApi, type Heatmap } from './analysis.api.ts';

/** Light yellow → dark red by the share of the busiest grid in view; a grid without a case is only outlined. */
const RAMP = ['#fff7bc', '#fee391', '#fec44f', '#fe9929', '#ec7014', '#cc4c02', '#8c2d04'];
const fillOf = (count: number, max: number) =>
  RAMP[Math.min(RAMP.length - 1, Math.floor((count / Math.max(1, max)) * RAMP.length))] ?? RAMP[0];

/**
 * Cases per grid in one ISO week, on our own grid polygons (no basemap, no tile server: docs/conventions.md,
 * "Maps"). Only the grids of the view are asked for, again after each pan or zoom.
 */
export function HeatmapPanel() {
  const { t } = useI18n();
  const el = useRef<HTMLDivElement>(null);
  const [day, setDay] = useState<Dayjs>(() => dayjs());
  const week = weekOf(day.format('YYYY-MM-DD'));
  const { layer, bbox } = useOutlineMap(el, { drawOutline: true });
  const heat = useResource<Heatmap>(bbox ? (signal) => analysisApi.heatmap({ week, bbox }, signal) : null, [
    bbox,
    week,
  ]);

  useEffect(() => {
    const group = layer.current;
    if (!group) return;
    group.clearLayers();
    const max = heat.data?.max ?? 0;
    for (const g of heat.data?.items ?? []) {
      L.geoJSON(g.geometry as GeoJSON.GeoJsonObject, {
        style: {
          color: '#8c8c8c',
          weight: 0.5,
          fillColor: fillOf(g.count, max),
          fillOpacity: 0.85,
        },
      })
        .bindTooltip(`${g.code} · ${g.count}`)
        .addTo(group);
    }
  }, [heat.data, layer]);

  const noCases = heat.data && heat.data.items.length === 0;
  return (
    <Flex vertical gap={8}>
      <Flex gap={12} wrap align="center">
        <DatePicker
          picker="week"
          value={day}
          allowClear={false}
          onChange={(d) => d && setDay(d)}
          disabledDate={(d) => d.isAfter(dayjs().endOf('day'))}
          format={() => week}
          aria-label={t('analysis.heatmap.week')}
          data-testid="heatmap-week"
        />
        {heat.data ? (
          <Typography.Text data-testid="heatmap-total">
            {t('analysis.heatmap.total', { total: heat.data.total, previous: heat.data.previousTotal })}
          </Typography.Text>
        ) : null}
      </Flex>
      <Flex gap={4} align="center" wrap>
        {RAMP.map((c) => (
          <span key={c} style={{ width: 20, height: 10, background: c, display: 'inline-block' }} />
        ))}
        <Typography.Text type="secondary">{t('analysis.heatmap.legend')}</Typography.Text>
        {heat.data?.capped ? <Typography.Text type="warning">{t('analysis.heatmap.capped')}</Typography.Text> : null}
        {noCases ? (
          <Typography.Text type="secondary" data-testid="heatmap-empty">
            {t('analysis.heatmap.empty')}
          </Typography.Text>
        ) : null}
      </Flex>
      <div
        ref={el}
        data-testid="heatmap-map"
        data-grids={heat.data?.items.length ?? 0}
        style={{ width: '100%', height: 480 }}
      />
    </Flex>
  );
}
