import { useEffect, useRef } from 'react';
import { Flex, Tag, Typography } from 'antd';
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useResource } from '../../api/use-resource.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { NOWHERE } from '../../components/map-start.ts';
import { useI18n } from '../../i18n/context.ts';
import { projectsApi } from './projects.api.ts';

const DONE = '#52c41a';
const BUILDING = '#fa8c16';

/**
 * Projects and subprojects on the plain offline map (no basemap: docs/conventions.md, "Maps"): a dot per subproject,
 * green when done and orange while under way, a larger ring per project; a click opens the project.
 */
export function ProjectsMap({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useI18n();
  const points = useResource((signal) => projectsApi.map(signal), []);
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const layer = useRef<L.LayerGroup | null>(null);
  const open = useRef(onOpen);
  open.current = onOpen;

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
    if (!m || !group || !points.data) return;
    group.clearLayers();
    const markers = points.data.items.map((p) =>
      L.circleMarker([p.lat, p.lng], {
        radius: p.kind === 'project' ? 11 : 6,
        color: p.kind === 'project' ? '#1677ff' : '#ffffff',
        weight: p.kind === 'project' ? 3 : 1,
        fillColor: p.done ? DONE : BUILDING,
        fillOpacity: 0.9,
      })
        .bindTooltip(`${p.name}（${p.progressPct}%）`)
        .on('click', () => open.current(p.projectId))
        .addTo(group),
    );
    if (markers.length) m.fitBounds(L.featureGroup(markers).getBounds(), { padding: [16, 16], maxZoom: 15 });
  }, [points.data]);

  return (
    <Flex vertical gap={8}>
      <Flex gap={8} align="center" wrap>
        <Tag color={DONE}>{t('projects.map.done')}</Tag>
        <Tag color={BUILDING}>{t('projects.map.building')}</Tag>
        <Tag color="blue">{t('projects.map.project')}</Tag>
        {points.data ? (
          <Typography.Text type="secondary" data-testid="projects-map-count">
            {points.data.items.length
              ? t('projects.map.count', { count: points.data.items.length })
              : t('projects.map.empty')}
          </Typography.Text>
        ) : null}
      </Flex>
      {points.error ? <LoadError error={points.error} onRetry={points.reload} /> : null}
      <div
        ref={container}
        data-testid="projects-map"
        style={{ height: 480, width: '100%', background: '#e8ecf1', borderRadius: 8 }}
      />
    </Flex>
  );
}
