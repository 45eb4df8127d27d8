import { useEffect, useRef, useState } from 'react';
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { Button, DatePicker, Flex, Tooltip, Typography } from 'antd';
import { LeftOutlined, PauseOutlined, CaretRightOutlined, RightOutlined } from '@ant-design/icons';
import { isoWeek, weekOf, weekShift } from '../../../../common/domain/period-compare.ts';
import { useResource } from '../../api/use-resource.ts';
import { dayjs } from '../../components/dates.ts';
import { cityToday } from '../../components/format.ts';
import { useI18n } from '../../i18n/context.ts';
import { useOutlineMap } from '../map/useOutlineMap.ts';
import { analysisApi, type Heatmap } from './analysis.api.ts';

/** Light yellow → dark red by the share of the busiest grid in view; a grid without a case is only outlined. */
const RAMP = ['#fff7bc', '#fee391', '#fec44f', '#fe9929', '#ec7014', '#cc4c02', '#8c2d04'];
const fillOf = (count: number, max: number) =>
  RAMP[Math.min(RAMP.length - 1, Math.floor((count / Math.max(1, max)) * RAMP.length))] ?? RAMP[0];
/** Playback: the weeks shown one after another, ending with the week picked, and how long each stays. */
const PLAY_WEEKS = 12;
const PLAY_STEP_MS = 1500;

/**
 * Cases per grid in one ISO week, on our own grid polygons (no basemap, no tile server: docs/conventions.md,
 * "Maps"). Only the grids of the view are asked for, again after each pan or zoom.
 */
export function HeatmapPanel() {
  const { t } = useI18n();
  const el = useRef<HTMLDivElement>(null);
  // weeks are ISO weeks (Monday–Sunday) of the city's calendar, whatever the browser's zone
  const today = cityToday();
  const thisWeek = weekOf(today);
  const [week, setWeek] = useState(thisWeek);
  // playback: the week of each step, from PLAY_WEEKS − 1 weeks before the picked one up to it
  const [playing, setPlaying] = useState<{ end: string; step: number } | null>(null);
  const shown = playing ? weekShift(playing.end, playing.step - (PLAY_WEEKS - 1)) : week;
  useEffect(() => {
    if (!playing) return;
    const timer = setTimeout(() => {
      if (playing.step >= PLAY_WEEKS - 1) {
        setPlaying(null);
        setWeek(playing.end);
      } else setPlaying({ ...playing, step: playing.step + 1 });
    }, PLAY_STEP_MS);
    return () => clearTimeout(timer);
  }, [playing]);
  const pick = (w: string) => {
    setPlaying(null);
    setWeek(w > thisWeek ? thisWeek : w);
  };
  const range = isoWeek(shown);
  const { layer, bbox } = useOutlineMap(el, { drawOutline: true });
  const heat = useResource<Heatmap>(bbox ? (signal) => analysisApi.heatmap({ week: shown, bbox }, signal) : null, [
    bbox,
    shown,
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
        <Flex gap={4} align="center">
          <Tooltip title={t('analysis.heatmap.previousWeek')}>
            <Button
              icon={<LeftOutlined />}
              onClick={() => pick(weekShift(shown, -1))}
              aria-label={t('analysis.heatmap.previousWeek')}
              data-testid="heatmap-prev"
            />
          </Tooltip>
          <DatePicker
            picker="week"
            value={dayjs(range?.from ?? today)}
            allowClear={false}
            onChange={(d) => d && pick(weekOf(d.format('YYYY-MM-DD')))}
            disabledDate={(d) => d.format('YYYY-MM-DD') > today}
            format={() => shown}
            aria-label={t('analysis.heatmap.week')}
            data-testid="heatmap-week"
            style={{ width: 120 }}
          />
          <Tooltip title={t('analysis.heatmap.nextWeek')}>
            <Button
              icon={<RightOutlined />}
              onClick={() => pick(weekShift(shown, 1))}
              disabled={shown >= thisWeek}
              aria-label={t('analysis.heatmap.nextWeek')}
              data-testid="heatmap-next"
            />
          </Tooltip>
          <Tooltip title={t('analysis.heatmap.playHint', { n: PLAY_WEEKS })}>
            <Button
              icon={playing ? <PauseOutlined /> : <CaretRightOutlined />}
              onClick={() => (playing ? pick(shown) : setPlaying({ end: week, step: 0 }))}
              data-testid="heatmap-play"
            >
              {t(playing ? 'analysis.heatmap.pause' : 'analysis.heatmap.play')}
            </Button>
          </Tooltip>
        </Flex>
        {range ? (
          <Typography.Text type="secondary" data-testid="heatmap-range">
            {range.from} ~ {range.to}
          </Typography.Text>
        ) : null}
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
