import { useEffect, useRef, useState } from 'react';
import * as L from 'leaflet';
import { App, Flex, Grid, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { errorText } from '../../api/errors.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { LayerCard } from '../map/LayerCard.tsx';
import { useCityMap } from '../map/map-context.ts';
import { projectsApi } from './projects.api.ts';

const PANE = 'projects';
const DONE = '#52c41a';
const BUILDING = '#fa8c16';

/** A square, so a project never reads as a case (round) or a 查违控违 site (diamond); a project's own square is larger. */
const squareIcon = (done: boolean, project: boolean) => {
  const size = project ? 16 : 11;
  const border = project ? '3px solid #1677ff' : '1.5px solid #fff';
  return L.divIcon({
    className: 'cl-project-point',
    iconSize: [size + 4, size + 4],
    iconAnchor: [(size + 4) / 2, (size + 4) / 2],
    html: `<span style="display:block;width:${size}px;height:${size}px;background:${done ? DONE : BUILDING};border:${border};box-shadow:0 0 0 1px rgba(0,0,0,0.35)"></span>`,
  });
};

/**
 * 一张图's project layer: each project and subproject with a position (GET /api/projects/map), green when done and
 * orange while under way, a ring for the project itself; a click opens the project on its page. Only with
 * project.read.
 */
export function ProjectsMapLayer() {
  return useAuth().can('project.read') ? <ProjectsMapLayerPanel /> : null;
}

function ProjectsMapLayerPanel() {
  const map = useCityMap();
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const mobile = Grid.useBreakpoint().md === false;
  const [on, setOn] = useState(true);
  const [count, setCount] = useState<number | null>(null);
  const [expanded, setExpanded] = useState<boolean | null>(null);
  const go = useRef(navigate);
  go.current = navigate;
  const failed = useRef<(error: unknown) => void>(() => undefined);
  failed.current = (error) => void message.error(errorText(error, locale));

  useEffect(() => {
    if (!map || !on) {
      setCount(null);
      return undefined;
    }
    if (!map.getPane(PANE)) map.createPane(PANE).style.zIndex = '450';
    const group = L.layerGroup().addTo(map);
    const controller = new AbortController();
    projectsApi.map(controller.signal).then(
      (res) => {
        for (const p of res.items)
          L.marker([p.lat, p.lng], { icon: squareIcon(p.done, p.kind === 'project'), pane: PANE, keyboard: true })
            .bindTooltip(`${p.name}（${p.progressPct}%）`)
            .on('click', () => void go.current(`/projects?open=${encodeURIComponent(p.projectId)}`))
            .addTo(group);
        setCount(res.items.length);
      },
      (error: unknown) => {
        if (!controller.signal.aborted) failed.current(error);
      },
    );
    return () => {
      controller.abort();
      group.remove();
    };
  }, [map, on]);

  return (
    <LayerCard
      title={t('projects.map.layer')}
      on={on}
      onToggle={setOn}
      open={expanded ?? !mobile}
      onOpen={setExpanded}
      testId="projects-layer"
      count={count ?? ''}
    >
      <Flex wrap gap={6}>
        <Tag color={DONE}>{t('projects.map.done')}</Tag>
        <Tag color={BUILDING}>{t('projects.map.building')}</Tag>
        <Tag color="blue">{t('projects.map.project')}</Tag>
      </Flex>
      {on && count !== null ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="projects-layer-count">
          {t('projects.map.count', { count })}
        </Typography.Text>
      ) : null}
    </LayerCard>
  );
}
