import { useEffect, useRef, useState } from 'react';
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { App, Button, DatePicker, Form, Input, Select, Table, Typography } from 'antd';
import type { MessageKey } from '../../../../common/i18n/core.ts';
import { errorText } from '../../api/errors.ts';
import { useResource } from '../../api/use-resource.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { formatInstant } from '../../components/format.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { NOWHERE } from '../../components/map-start.ts';
import { PageSection } from '../../components/PageSection.tsx';
import { useAuth } from '../auth/context.ts';
import { useI18n } from '../../i18n/context.ts';
import { visionApi, type VisionMission } from './vision.api.ts';

interface MissionForm {
  sourceId: string;
  name: string;
  operatorName: string;
  started: { toISOString(): string };
  ended?: { toISOString(): string } | null;
  route: string;
  note?: string;
}

/** "lng,lat" per line → points, or null when any line is not a point or there are fewer than two. */
function parseRoute(text: string): [number, number][] | null {
  const points = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => l.split(/[,\s]+/).map(Number));
  if (points.length < 2 || points.some((p) => p.length !== 2 || p.some((x) => !Number.isFinite(x)))) return null;
  return points as [number, number][];
}

/** 无人机巡查: missions with their route on the map and the events they produced. */
export function MissionsPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const mayManage = useAuth().can('device.manage');
  const missions = useResource((signal) => visionApi.missions(signal), []);
  const sources = useResource((signal) => visionApi.sources(signal), []);
  const [selected, setSelected] = useState<VisionMission | null>(null);
  const events = useResource(
    selected ? (signal) => visionApi.events({ missionId: selected.id, pageSize: 100 }, signal) : null,
    [selected],
  );
  const [creating, setCreating] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [form] = Form.useForm<MissionForm>();
  const [el, setEl] = useState<HTMLDivElement | null>(null);
  const map = useRef<L.Map | null>(null);
  const layer = useRef<L.LayerGroup | null>(null);
  const drones = (sources.data ?? []).filter((s) => s.kind === 'drone');
  const shown = selected ?? missions.data?.[0] ?? null;

  useEffect(() => {
    if (!el) return;
    const m = L.map(el, { center: [NOWHERE.lat, NOWHERE.lng], zoom: 5 });
    map.current = m;
    layer.current = L.layerGroup().addTo(m);
    return () => {
      m.remove();
      map.current = null;
    };
  }, [el]);

  useEffect(() => {
    const m = map.current;
    const group = layer.current;
    if (!m || !group) return;
    group.clearLayers();
    if (!shown) return;
    const line = L.polyline(
      shown.route.map(([lng, lat]) => L.latLng(lat!, lng!)),
      { color: '#1677ff', weight: 3 },
    ).addTo(group);
    for (const e of events.data?.items ?? [])
      L.circleMarker([e.lat, e.lng], { radius: 6, color: e.status === 'logged' ? '#8c8c8c' : '#f5222d' })
        .bindTooltip(`${t(`vision.class.${e.class}` as MessageKey)} ${e.confidence.toFixed(2)}`)
        .addTo(group);
    m.fitBounds(line.getBounds().pad(0.2), { maxZoom: 17 });
  }, [shown, events.data, t]);

  const save = async () => {
    const v = await form.validateFields();
    const route = parseRoute(v.route);
    if (!route) {
      form.setFields([{ name: 'route', errors: [t('vision.missions.routeInvalid')] }]);
      return;
    }
    setSubmitting(true);
    try {
      const created = await visionApi.createMission({
        sourceId: v.sourceId,
        name: v.name,
        operatorName: v.operatorName,
        startedAt: v.started.toISOString(),
        endedAt: v.ended ? v.ended.toISOString() : null,
        route,
        note: v.note ?? null,
      });
      setCreating(false);
      form.resetFields();
      missions.reload();
      setSelected(created);
    } catch (error) {
      void message.error(errorText(error, locale));
    } finally {
      setSubmitting(false);
    }
  };

  if (missions.error) return <LoadError error={missions.error} onRetry={missions.reload} />;
  return (
    <PageSection
      title={t('vision.missions.title')}
      testId="page-vision-missions"
      extra={
        mayManage && (
          <Button type="primary" onClick={() => setCreating(true)} disabled={drones.length === 0}>
            {drones.length === 0 ? t('vision.missions.noDrone') : t('vision.missions.create')}
          </Button>
        )
      }
    >
      <div ref={setEl} style={{ height: 360, marginBottom: 16 }} data-testid="vision-mission-map" />
      <Table<VisionMission>
        rowKey="id"
        size="small"
        loading={missions.loading}
        dataSource={missions.data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onRow={(m) => ({ onClick: () => setSelected(m), style: { cursor: 'pointer' } })}
        rowClassName={(m) => (m.id === shown?.id ? 'ant-table-row-selected' : '')}
        columns={[
          { title: t('vision.missions.name'), dataIndex: 'name' },
          { title: t('vision.missions.drone'), dataIndex: 'sourceName' },
          { title: t('vision.missions.operator'), dataIndex: 'operatorName' },
          { title: t('vision.missions.startedAt'), render: (_, m) => formatInstant(m.startedAt) },
          { title: t('vision.missions.endedAt'), render: (_, m) => (m.endedAt ? formatInstant(m.endedAt) : '—') },
          { title: t('vision.missions.events'), dataIndex: 'eventCount' },
        ]}
      />
      {shown && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {shown.name}: {(events.data?.items ?? []).map((e) => t(`vision.status.${e.status}`)).join('、') || '—'}
        </Typography.Paragraph>
      )}
      <FormModal
        open={creating}
        title={t('vision.missions.create')}
        onSave={() => void save()}
        onClose={() => setCreating(false)}
        submitting={submitting}
        testId="vision-mission-save"
      >
        <Form form={form} layout="vertical">
          <Form.Item name="sourceId" label={t('vision.missions.drone')} rules={[{ required: true }]}>
            <Select options={drones.map((d) => ({ value: d.id, label: `${d.code} ${d.name}` }))} />
          </Form.Item>
          <Form.Item name="name" label={t('vision.missions.name')} rules={[{ required: true, max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="operatorName" label={t('vision.missions.operator')} rules={[{ required: true, max: 60 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="started" label={t('vision.missions.startedAt')} rules={[{ required: true }]}>
            <DatePicker showTime style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="ended" label={t('vision.missions.endedAt')}>
            <DatePicker showTime style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="route" label={t('vision.missions.route')} rules={[{ required: true }]}>
            <Input.TextArea rows={4} placeholder={'114.99,30.11\n114.995,30.112'} />
          </Form.Item>
          <Form.Item name="note" label={t('vision.missions.note')} rules={[{ max: 500 }]}>
            <Input />
          </Form.Item>
        </Form>
      </FormModal>
    </PageSection>
  );
}
