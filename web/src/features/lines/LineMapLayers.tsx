import { useEffect, useRef, useState } from 'react';
import * as L from 'leaflet';
import { App, Checkbox, Flex, Grid, Typography } from 'antd';
import type { Feature } from 'geojson';
import { LINES, type Line } from '../../../../common/domain/lines.ts';
import { errorText } from '../../api/errors.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { LayerCard } from '../map/LayerCard.tsx';
import { useCityMap } from '../map/map-context.ts';
import { linesApi } from './lines.api.ts';
import { useEnabledLines } from './useLines.ts';

const PANE = 'line-assets';
/** One colour per line, kept apart from the case SLA colours (green, yellow, red) where it can be. */
export const LINE_COLORS: Record<Line, string> = {
  sanitation: '#13c2c2',
  parks: '#389e0d',
  municipal: '#595959',
  drainage: '#1677ff',
  muck: '#ad6800',
  gas: '#eb2f96',
};

interface Props {
  line: Line;
  name: string;
  code: string;
  type: string;
  status: string;
}

/** Whether line `line` draws feature `f`: its own assets, and a shared type's only while the owning line is off. */
export const ownedOrAlone = (f: Feature, line: Line, drawn: ReadonlySet<string>): boolean => {
  const owner = (f.properties as Partial<Props> | null)?.line;
  return !owner || owner === line || !drawn.has(owner);
};

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * 一张图's business-line layers (docs/lines.md): a switch per line the city runs, each drawing the line's assets at
 * their geometry (points as dots, roads and pipes as lines, parks as areas) in the line's colour, with a popup of the
 * asset. Only with assets.read; a switched-off line has no switch.
 */
export function LineMapLayers() {
  return useAuth().can('assets.read') ? <LineMapLayersPanel /> : null;
}

function LineMapLayersPanel() {
  const map = useCityMap();
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const mobile = Grid.useBreakpoint().md === false;
  const lines = useEnabledLines();
  // Off at first: the map opens on cases and grids, whose clicks the registers' dots would otherwise catch.
  const [on, setOn] = useState(false);
  // 燃气 is off at first: its commercial users run to thousands of dots that would bury the other lines
  const [shown, setShown] = useState<Line[]>(LINES.filter((l) => l !== 'gas'));
  const [counts, setCounts] = useState<Partial<Record<Line, number>>>({});
  const [expanded, setExpanded] = useState<boolean | null>(null);
  const failed = useRef<(error: unknown) => void>(() => undefined);
  failed.current = (error) => void message.error(errorText(error, locale));
  const labels = useRef({ status: (s: string) => s });
  labels.current.status = (s: string) => t(`assets.statuses.${s as 'active'}`);
  const visible = (lines ?? []).filter((l) => shown.includes(l));
  const key = visible.join(',');

  useEffect(() => {
    if (!map || !on || !key) return undefined;
    if (!map.getPane(PANE)) map.createPane(PANE).style.zIndex = '440';
    const group = L.layerGroup().addTo(map);
    const controller = new AbortController();
    const drawn = new Set(key.split(','));
    for (const line of key.split(',') as Line[]) {
      const color = LINE_COLORS[line];
      linesApi.layer(line, controller.signal).then(
        (all) => {
          // a type another line also shows is drawn once, by its own line, when both lines are switched on
          const fc = { ...all, features: all.features.filter((f) => ownedOrAlone(f, line, drawn)) };
          L.geoJSON(fc, {
            pane: PANE,
            style: { color, weight: 4, fillOpacity: 0.25 },
            pointToLayer: (_f, at) =>
              L.circleMarker(at, {
                pane: PANE,
                radius: 6,
                color: '#fff',
                weight: 1.5,
                fillColor: color,
                fillOpacity: 0.95,
              }),
            onEachFeature: (f: Feature, layer) => {
              const p = f.properties as Props & { typeNameZh: string; typeNameEn: string };
              const type = locale === 'en' ? p.typeNameEn : p.typeNameZh;
              layer.bindPopup(
                `<b>${escape(p.name)}</b><br/>${escape(type)} · ${escape(p.code)}<br/>${escape(labels.current.status(p.status))}`,
              );
            },
          }).addTo(group);
          setCounts((c) => ({ ...c, [line]: fc.features.length }));
        },
        (error: unknown) => {
          if (!controller.signal.aborted) failed.current(error);
        },
      );
    }
    return () => {
      controller.abort();
      group.remove();
    };
  }, [map, on, key, locale]);

  const total = visible.reduce((n, l) => n + (counts[l] ?? 0), 0);
  return (
    <LayerCard
      title={t('lineViews.map.layer')}
      on={on}
      onToggle={setOn}
      open={expanded ?? !mobile}
      onOpen={setExpanded}
      testId="line-layers"
      count={on ? total : ''}
    >
      <Flex vertical gap={4}>
        {(lines ?? []).map((l) => (
          <Checkbox
            key={l}
            checked={shown.includes(l)}
            onChange={(e) => setShown((s) => (e.target.checked ? [...s, l] : s.filter((x) => x !== l)))}
            data-testid={`line-layer-${l}`}
          >
            <span style={{ color: LINE_COLORS[l], fontWeight: 600 }}>●</span> {t(`lineViews.group.${l}`)}
            {on && shown.includes(l) && counts[l] !== undefined ? ` (${counts[l]})` : ''}
          </Checkbox>
        ))}
      </Flex>
      {on ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('lineViews.map.count', { count: total })}
        </Typography.Text>
      ) : null}
    </LayerCard>
  );
}
