import { useEffect, useMemo, useRef, useState } from 'react';
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { App, Button, Drawer, Empty, Flex, Grid, Slider, Tag, Typography } from 'antd';
import { PauseOutlined, CaretRightOutlined } from '@ant-design/icons';
import { errorText } from '../../api/errors.ts';
import { useResource } from '../../api/use-resource.ts';
import { formatInstant } from '../../components/format.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { NOWHERE } from '../../components/map-start.ts';
import { useI18n } from '../../i18n/context.ts';
import { mapApi } from '../map/map.api.ts';
import { ATTENDANCE_COLORS, km, pct } from './labels.ts';
import { monitorApi, type InspectorDay } from './monitor.api.ts';

/** Grids are drawn from this zoom on (a city has thousands; only the view's are asked for). */
const GRID_ZOOM = 14;
const bboxOf = (b: L.LatLngBounds) =>
  [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()] as [number, number, number, number];

interface Props {
  inspector: InspectorDay | null;
  day: string | undefined;
  onClose: () => void;
  onGridsSaved: () => void;
}

/** One inspector-day on a map: the track with its replay, the responsibility grids and their assignment. */
export function TrackDrawer({ inspector, day, onClose, onGridsSaved }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const mobile = Grid.useBreakpoint().md === false;
  const id = inspector?.inspectorId ?? null;
  const track = useResource(id ? (signal) => monitorApi.track(id, day, signal) : null, [id, day], {
    resetOnChange: true,
  });
  const outline = useResource((signal) => mapApi.layer('tenant', null, signal), []);
  const [el, setEl] = useState<HTMLDivElement | null>(null);
  const map = useRef<L.Map | null>(null);
  const gridLayer = useRef<L.LayerGroup | null>(null);
  const trackLayer = useRef<L.LayerGroup | null>(null);
  const cursor = useRef<L.CircleMarker | null>(null);
  const [view, setView] = useState<{ zoom: number; bbox: [number, number, number, number] } | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [editing, setEditing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [index, setIndex] = useState(0);
  const [playing, setPlaying] = useState(false);
  const grids = useResource(
    view && view.zoom >= GRID_ZOOM ? (signal) => mapApi.layer('grid', view.bbox, signal) : null,
    [view],
  );
  const points = useMemo(() => track.data?.points ?? [], [track.data]);

  useEffect(() => {
    setSelected(new Set(inspector?.grids ?? []));
    setEditing(false);
    setIndex(0);
    setPlaying(false);
  }, [inspector]);

  useEffect(() => {
    if (!el) return undefined;
    const m = L.map(el, { preferCanvas: true, center: [NOWHERE.lat, NOWHERE.lng], zoom: 6 });
    map.current = m;
    gridLayer.current = L.layerGroup().addTo(m);
    trackLayer.current = L.layerGroup().addTo(m);
    const moved = () => setView({ zoom: m.getZoom(), bbox: bboxOf(m.getBounds()) });
    m.on('moveend', moved);
    return () => {
      m.remove();
      map.current = null;
    };
  }, [el]);

  // fit the track, else the city
  useEffect(() => {
    const m = map.current;
    if (!m || !track.data) return;
    const good = track.data.points.filter((p) => p[3] === 0).map((p) => L.latLng(p[2], p[1]));
    const city = outline.data ? L.geoJSON(outline.data).getBounds() : null;
    if (good.length) m.fitBounds(L.latLngBounds(good).pad(0.3), { maxZoom: 17 });
    else if (city?.isValid()) m.setView(city.getCenter(), GRID_ZOOM + 1);
    m.invalidateSize();
  }, [track.data, outline.data, el]);

  useEffect(() => {
    const group = trackLayer.current;
    if (!group) return;
    group.clearLayers();
    const good = points.filter((p) => p[3] === 0).map((p) => L.latLng(p[2], p[1]));
    if (good.length) L.polyline(good, { color: '#1677ff', weight: 3 }).addTo(group);
    for (const p of points.filter((q) => q[3] === 1))
      L.circleMarker([p[2], p[1]], { radius: 5, color: '#f5222d', fillOpacity: 0.8 })
        .bindTooltip(formatInstant(p[0]))
        .addTo(group);
    cursor.current = points.length
      ? L.circleMarker([points[0]![2], points[0]![1]], {
          radius: 8,
          color: '#fff',
          weight: 2,
          fillColor: '#fa541c',
          fillOpacity: 1,
        }).addTo(group)
      : null;
  }, [points]);

  useEffect(() => {
    const p = points[index];
    if (p && cursor.current) cursor.current.setLatLng([p[2], p[1]]);
  }, [index, points]);

  useEffect(() => {
    if (!playing) return undefined;
    const timer = window.setInterval(() => {
      setIndex((i) => {
        if (i + 1 >= points.length) {
          setPlaying(false);
          return i;
        }
        return i + Math.max(1, Math.floor(points.length / 300));
      });
    }, 40);
    return () => window.clearInterval(timer);
  }, [playing, points.length]);

  useEffect(() => {
    const group = gridLayer.current;
    if (!group) return;
    group.clearLayers();
    for (const f of grids.data?.features ?? []) {
      const code = f.properties.code ?? '';
      const on = selected.has(code);
      L.geoJSON(f, {
        style: {
          color: on ? '#1677ff' : '#8c8c8c',
          weight: on ? 2 : 1,
          fillColor: '#1677ff',
          fillOpacity: on ? 0.3 : 0.02,
        },
      })
        .bindTooltip(`${code}${f.properties.communityName ? ` · ${f.properties.communityName}` : ''}`)
        .on('click', () => {
          if (!editing) return;
          setSelected((s) => {
            const next = new Set(s);
            if (next.has(code)) next.delete(code);
            else next.add(code);
            return next;
          });
        })
        .addTo(group);
    }
  }, [grids.data, selected, editing]);

  const save = async () => {
    if (!id) return;
    setSaving(true);
    try {
      await monitorApi.setGrids(id, [...selected].sort());
      void message.success(t('monitor.track.saved'));
      setEditing(false);
      onGridsSaved();
    } catch (err) {
      void message.error(errorText(err, locale));
    } finally {
      setSaving(false);
    }
  };

  const summary = track.data?.day ?? inspector;
  const current = points[index];
  return (
    <Drawer
      open={inspector !== null}
      onClose={onClose}
      width={mobile ? '100%' : 880}
      title={inspector ? t('monitor.track.title', { name: inspector.displayName, day: day ?? '' }) : ''}
      destroyOnHidden
      data-testid="monitor-track"
    >
      {summary ? (
        <Flex gap={8} wrap style={{ marginBottom: 8 }}>
          <Tag color={ATTENDANCE_COLORS[summary.attendance]}>{t(`monitor.attendance.${summary.attendance}`)}</Tag>
          <Tag>{t('monitor.km', { km: km(summary.distanceM) })}</Tag>
          <Tag data-testid="track-coverage">
            {t('monitor.cols.coverage')}{' '}
            {summary.grids.length
              ? t('monitor.coverageValue', {
                  visited: summary.gridsVisited,
                  total: summary.grids.length,
                  pct: pct(summary.coverage),
                })
              : t('monitor.noGrids')}
          </Tag>
          {summary.implausiblePoints ? (
            <Tag color="red">{t('monitor.implausible', { count: summary.implausiblePoints })}</Tag>
          ) : null}
        </Flex>
      ) : null}
      {track.error ? <LoadError error={track.error} onRetry={track.reload} testId="monitor-track" /> : null}
      <Flex gap={8} wrap align="center" style={{ marginBottom: 8 }}>
        {editing ? (
          <>
            <Button type="primary" loading={saving} onClick={() => void save()} data-testid="save-grids">
              {t('monitor.track.saveGrids')}
            </Button>
            <Button
              onClick={() => {
                setEditing(false);
                setSelected(new Set(inspector?.grids ?? []));
              }}
            >
              {t('monitor.track.cancel')}
            </Button>
            <Typography.Text type="secondary">
              {t('monitor.track.selected', { count: selected.size })} · {t('monitor.track.editHint')}
            </Typography.Text>
          </>
        ) : (
          <Button onClick={() => setEditing(true)} data-testid="edit-grids">
            {t('monitor.track.editGrids')}
          </Button>
        )}
        {view && view.zoom < GRID_ZOOM ? (
          <Typography.Text type="secondary">{t('monitor.track.zoomForGrids', { zoom: GRID_ZOOM })}</Typography.Text>
        ) : null}
      </Flex>
      <div
        ref={setEl}
        style={{ width: '100%', height: mobile ? 360 : 480, borderRadius: 8 }}
        data-testid="track-map"
        data-points={points.length}
      />
      {points.length ? (
        <Flex gap={12} align="center" style={{ marginTop: 8 }}>
          <Button
            icon={playing ? <PauseOutlined /> : <CaretRightOutlined />}
            onClick={() => {
              if (!playing && index >= points.length - 1) setIndex(0);
              setPlaying(!playing);
            }}
          >
            {playing ? t('monitor.track.pause') : t('monitor.track.play')}
          </Button>
          <Slider
            style={{ flex: 1 }}
            min={0}
            max={points.length - 1}
            value={index}
            onChange={setIndex}
            tooltip={{ open: false }}
          />
          <Typography.Text>{current ? formatInstant(current[0]).slice(11) : ''}</Typography.Text>
        </Flex>
      ) : track.data ? (
        <Empty description={t('monitor.track.empty')} />
      ) : null}
    </Drawer>
  );
}
