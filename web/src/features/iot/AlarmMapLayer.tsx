import { useEffect, useRef, useState } from 'react';
import * as L from 'leaflet';
import { Flex, Grid, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { PRIMARY_METRIC } from '../../../../common/domain/iot.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { LayerCard } from '../map/LayerCard.tsx';
import { useCityMap } from '../map/map-context.ts';
import './iot-map.css';
import { useLiveAlarms, type LiveAlarm } from './useLiveAlarms.ts';

const PANE = 'alarms';
export const ALARM_COLORS = { critical: '#cf1322', major: '#fa541c', offline: '#8c8c8c' } as const;

export const alarmColor = (a: Pick<LiveAlarm, 'kind' | 'severity'>) =>
  a.kind === 'offline' ? ALARM_COLORS.offline : a.severity === 'critical' ? ALARM_COLORS.critical : ALARM_COLORS.major;

/** A pulsing triangle: it never reads as a case (round), a 查违控违 site (diamond) or a project (square). */
const alarmIcon = (a: LiveAlarm) =>
  L.divIcon({
    className: 'cl-alarm-point',
    iconSize: [22, 22],
    iconAnchor: [11, 11],
    html: `<span class="cl-alarm-pulse${a.state === 'raised' ? '' : ' calm'}" style="--c:${alarmColor(a)}"></span><span class="cl-alarm-tri" style="border-bottom-color:${alarmColor(a)}"></span>`,
  });

/** The reading of an alarm with its unit, as the map and the 大屏 write it. */
export function alarmValue(a: Pick<LiveAlarm, 'deviceType' | 'value'>): string {
  return a.value === null ? '' : `${a.value}${PRIMARY_METRIC[a.deviceType].unit}`;
}

/**
 * 一张图's alarm layer: every open device alarm (threshold and device-offline) at its device, live from the event
 * stream: a raise appears, a clear disappears without a reload. New alarms pulse until acknowledged; a click opens
 * 设备告警. Only with alarm.read.
 */
export function AlarmMapLayer() {
  return useAuth().can('alarm.read') ? <AlarmMapLayerPanel /> : null;
}

function AlarmMapLayerPanel() {
  const map = useCityMap();
  const { t } = useI18n();
  const navigate = useNavigate();
  const mobile = Grid.useBreakpoint().md === false;
  const [on, setOn] = useState(true);
  const [expanded, setExpanded] = useState<boolean | null>(null);
  const { alarms, loaded } = useLiveAlarms(on);
  const group = useRef<L.LayerGroup | null>(null);
  const go = useRef(navigate);
  go.current = navigate;

  useEffect(() => {
    if (!map || !on) return undefined;
    if (!map.getPane(PANE)) map.createPane(PANE).style.zIndex = '460';
    const g = L.layerGroup().addTo(map);
    group.current = g;
    return () => {
      g.remove();
      group.current = null;
    };
  }, [map, on]);

  useEffect(() => {
    const g = group.current;
    if (!g) return;
    g.clearLayers();
    for (const a of alarms) {
      const what =
        a.kind === 'offline' ? t('iot.alarms.kind.offline') : `${t(`iot.type.${a.deviceType}`)} ${alarmValue(a)}`;
      L.marker([a.lat, a.lng], { icon: alarmIcon(a), pane: PANE, keyboard: true, title: a.deviceCode })
        .bindTooltip(`${a.deviceCode} · ${what}${a.caseNo ? ` · ${a.caseNo}` : ''}`)
        .on('click', () => void go.current('/iot/alarms'))
        .addTo(g);
    }
  }, [alarms, map, on, t]);

  const raised = alarms.filter((a) => a.state === 'raised').length;
  return (
    <LayerCard
      title={t('iot.map.layer')}
      on={on}
      onToggle={setOn}
      open={expanded ?? !mobile}
      onOpen={setExpanded}
      testId="alarm-layer"
      count={on && loaded ? alarms.length : ''}
    >
      <Flex wrap gap={6}>
        <Tag color={ALARM_COLORS.critical}>{t('iot.alarms.severity.critical')}</Tag>
        <Tag color={ALARM_COLORS.major}>{t('iot.alarms.severity.major')}</Tag>
        <Tag color={ALARM_COLORS.offline}>{t('iot.alarms.kind.offline')}</Tag>
      </Flex>
      {on && loaded ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="alarm-layer-count">
          {t('iot.map.count', { count: alarms.length, raised })}
        </Typography.Text>
      ) : null}
    </LayerCard>
  );
}
