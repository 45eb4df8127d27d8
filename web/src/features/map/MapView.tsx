import { useEffect, useRef, useState, type ReactNode } from 'react';
import type * as L from 'leaflet';
import { App, Button, Card, Descriptions, Grid, Tag, Tooltip, Typography } from 'antd';
import { AimOutlined, CloseOutlined, ControlOutlined } from '@ant-design/icons';
import 'leaflet/dist/leaflet.css';
import './map.css';
import type { Bbox } from '../../../../common/domain/geo.ts';
import { errorText } from '../../api/errors.ts';
import { useI18n } from '../../i18n/context.ts';
import { loadBasemap, type BasemapConfig } from './basemap.ts';
import { ComponentDrawer } from './ComponentDrawer.tsx';
import { InspectorLayer } from './InspectorLayer.tsx';
import { LayerPanel } from './LayerPanel.tsx';
import { CityMapContext } from './map-context.ts';
import { createCityMap, type CityMap, type GridInfo, type MapStats } from './map-controller.ts';
import { DEFAULT_VISIBILITY, GRID_MIN_ZOOM, type LayerVisibility, type MapLayer } from './map-style.ts';

const overlay = { position: 'absolute' as const, zIndex: 1000 };

/**
 * 一张图: the city's own layers on a neutral background, clustered components, grid and component details.
 * Business layers are its children (MapPage): they reach the Leaflet map through CityMapContext and stack their
 * panels in the column left of the map, under the zoom buttons' row.
 */
export function MapView({ children }: { children?: ReactNode }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const mobile = Grid.useBreakpoint().md === false;
  const container = useRef<HTMLDivElement>(null);
  const cityMap = useRef<CityMap | null>(null);
  const [leaflet, setLeaflet] = useState<L.Map | null>(null);
  const [visibility, setVisibility] = useState<LayerVisibility>(DEFAULT_VISIBILITY);
  const [stats, setStats] = useState<MapStats | null>(null);
  const [grid, setGrid] = useState<GridInfo | null>(null);
  const [drawer, setDrawer] = useState<{ code: string } | { cell: Bbox } | null>(null);
  const [panelOpen, setPanelOpen] = useState<boolean | null>(null);
  const [basemap, setBasemap] = useState<{ config: BasemapConfig | null; on: boolean }>({ config: null, on: false });
  const labels = useRef({ zoomIn: t('map.zoomIn'), zoomOut: t('map.zoomOut') });
  const errorRef = useRef<(layer: MapLayer, error: unknown) => void>(() => undefined);
  errorRef.current = (layer, error) =>
    void message.error(`${t(`map.layers.${layer}`)}: ${t('map.loadFailed', { message: errorText(error, locale) })}`);

  useEffect(() => {
    if (!container.current) return;
    const created = createCityMap(
      container.current,
      {
        onGrid: setGrid,
        onComponent: (code) => setDrawer({ code }),
        onClusterCell: (cell) => setDrawer({ cell }),
        onStats: setStats,
        onError: (layer, error) => errorRef.current(layer, error),
      },
      labels.current,
    );
    cityMap.current = created;
    setLeaflet(created.leaflet);
    let live = true;
    void loadBasemap().then((config) => {
      if (!live || !config) return;
      setBasemap({ config, on: true });
      created.setBasemap(config, true);
    });
    return () => {
      live = false;
      setLeaflet(null);
      created.destroy();
      cityMap.current = null;
    };
  }, []);

  useEffect(() => {
    cityMap.current?.setLabels({ zoomIn: t('map.zoomIn'), zoomOut: t('map.zoomOut') });
  }, [t]);

  const toggle = (layer: MapLayer, on: boolean) => {
    setVisibility((v) => ({ ...v, [layer]: on }));
    cityMap.current?.setVisible(layer, on);
    if (layer === 'grid' && !on) setGrid(null);
  };

  const showPanel = panelOpen ?? !mobile;
  const gridHint = visibility.grid && stats !== null && stats.zoom < GRID_MIN_ZOOM;

  return (
    <div
      style={{ position: 'relative', height: mobile ? 'calc(100dvh - 132px)' : 'calc(100dvh - 160px)', minHeight: 360 }}
    >
      <div
        ref={container}
        className="cl-map"
        style={{ position: 'absolute', inset: 0, borderRadius: 8, overflow: 'hidden' }}
        data-testid="map-container"
      />
      {showPanel ? (
        <LayerPanel
          visibility={visibility}
          onToggle={toggle}
          basemap={{
            available: basemap.config !== null,
            on: basemap.on,
            onToggle: (on) => {
              setBasemap((b) => ({ ...b, on }));
              cityMap.current?.setBasemap(basemap.config, on);
            },
          }}
          onClose={() => setPanelOpen(false)}
          style={{ ...overlay, top: 10, right: 10 }}
        />
      ) : (
        <Button
          icon={<ControlOutlined />}
          onClick={() => setPanelOpen(true)}
          style={{ ...overlay, top: 10, right: 10 }}
          data-testid="map-layers-open"
        >
          {mobile ? null : t('map.layers.title')}
        </Button>
      )}
      <div
        style={{
          ...overlay,
          top: 10,
          left: 56,
          right: mobile ? 56 : undefined,
          width: mobile ? undefined : 300,
          display: 'flex',
          flexDirection: 'column',
          gap: 8,
          pointerEvents: 'none',
        }}
        data-testid="map-overlays"
      >
        <CityMapContext.Provider value={leaflet}>{children}</CityMapContext.Provider>
      </div>
      <Tooltip title={t('map.fit')}>
        <Button
          icon={<AimOutlined />}
          onClick={() => cityMap.current?.fitCity()}
          aria-label={t('map.fit')}
          style={{ ...overlay, top: 86, left: 10 }}
          data-testid="map-fit"
        />
      </Tooltip>
      <div
        style={{
          ...overlay,
          left: 10,
          bottom: 10,
          right: grid && !mobile ? 300 : 10,
          display: 'flex',
          gap: 6,
          flexWrap: 'wrap',
          pointerEvents: 'none',
        }}
      >
        {stats ? (
          <Tag
            style={{ background: 'rgba(255,255,255,0.92)', margin: 0 }}
            data-testid="map-stats"
            data-zoom={stats.zoom}
          >
            {t('map.zoom', { zoom: stats.zoom })} ·{' '}
            <span data-testid="map-grid-count" data-count={stats.grids}>
              {t('map.stats', { grids: stats.grids, components: stats.components })}
            </span>
          </Tag>
        ) : null}
        {gridHint ? (
          <Tag color="blue" style={{ margin: 0 }} data-testid="map-grid-hint">
            {t('map.gridZoomHint', { zoom: GRID_MIN_ZOOM })}
          </Tag>
        ) : null}
      </div>
      {grid ? (
        <Card
          size="small"
          title={t('map.gridInfo.title')}
          extra={
            <Button
              type="text"
              size="small"
              icon={<CloseOutlined />}
              onClick={() => setGrid(null)}
              aria-label={t('common.close')}
            />
          }
          style={{
            ...overlay,
            right: 10,
            bottom: mobile ? 44 : 10,
            width: mobile ? 'calc(100% - 20px)' : 280,
            boxShadow: '0 2px 8px rgba(0,0,0,0.15)',
          }}
          data-testid="map-grid-info"
        >
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('map.gridInfo.code')}>
              <Typography.Text copyable code data-testid="map-grid-code">
                {grid.code}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('map.gridInfo.community')}>{grid.communityName ?? '—'}</Descriptions.Item>
            {grid.areaM2 !== null ? (
              <Descriptions.Item label={t('map.gridInfo.area')}>
                {t('map.gridInfo.areaValue', { area: Math.round(grid.areaM2).toLocaleString(locale) })}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
        </Card>
      ) : null}
      <ComponentDrawer target={drawer} onClose={() => setDrawer(null)} />
      <InspectorLayer cityMap={cityMap} />
    </div>
  );
}
