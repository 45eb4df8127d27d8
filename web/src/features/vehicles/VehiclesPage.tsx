import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Tabs, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { PageSection } from '../../components/PageSection.tsx';
import { PagedTable } from '../../components/PagedTable.tsx';
import { formatInstant } from '../../components/format.ts';
import { useI18n } from '../../i18n/context.ts';
import { CoverageTab } from './CoverageTab.tsx';
import { LeadsTab } from './LeadsTab.tsx';
import { TrackReplay } from './TrackReplay.tsx';
import { vehiclesApi, type Vehicle } from './vehicles.api.ts';

function VehicleList({ onReplay }: { onReplay: (v: Vehicle) => void }) {
  const { t } = useI18n();
  const columns: TableColumnsType<Vehicle> = [
    {
      title: t('vehicles.col.plate'),
      key: 'plate',
      sorter: true,
      render: (_, v) => (
        <a onClick={() => onReplay(v)}>
          {v.plate} {v.synthetic && <Tag>{t('vehicles.synthetic')}</Tag>}
        </a>
      ),
    },
    { title: t('vehicles.col.code'), dataIndex: 'code', key: 'code', sorter: true },
    { title: t('vehicles.col.kind'), key: 'kind', render: (_, v) => t(`vehicles.kind.${v.kind}`) },
    { title: t('vehicles.col.unit'), key: 'unit', render: (_, v) => v.unitName ?? v.company ?? '—' },
    { title: t('vehicles.col.lastAt'), key: 'lastAt', sorter: true, render: (_, v) => formatInstant(v.lastAt) },
    { title: t('vehicles.col.lastSpeed'), key: 'speed', render: (_, v) => v.lastSpeedKmh ?? '—' },
  ];
  return (
    <PagedTable<Vehicle, object>
      testId="vehicles"
      fetchPage={(req, signal) => vehiclesApi.list(req, signal)}
      filters={{}}
      columns={columns}
      rowKey={(v) => v.id}
      renderCard={(v) => (
        <a onClick={() => onReplay(v)}>
          {v.plate} · {t(`vehicles.kind.${v.kind}`)} · {formatInstant(v.lastAt)}
        </a>
      )}
    />
  );
}

/** 车辆监管: the vehicles with their last position, the track replay, the road coverage and the muck-truck leads. */
export function VehiclesPage() {
  const { t } = useI18n();
  const [tab, setTab] = useState('list');
  const [vehicle, setVehicle] = useState<Vehicle | null>(null);
  // `?vehicle=<id>` (a line view's link) opens that vehicle's replay
  const [params] = useSearchParams();
  const linked = params.get('vehicle');
  useEffect(() => {
    if (!linked) return;
    const ctl = new AbortController();
    vehiclesApi.get(linked, ctl.signal).then(
      (v) => {
        setVehicle(v);
        setTab('replay');
      },
      () => undefined,
    );
    return () => ctl.abort();
  }, [linked]);
  return (
    <PageSection title={t('vehicles.title')} testId="vehicles-page">
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'list',
            label: t('vehicles.tabs.list'),
            children: (
              <VehicleList
                onReplay={(v) => {
                  setVehicle(v);
                  setTab('replay');
                }}
              />
            ),
          },
          { key: 'replay', label: t('vehicles.tabs.replay'), children: <TrackReplay initial={vehicle} /> },
          { key: 'coverage', label: t('vehicles.tabs.coverage'), children: <CoverageTab /> },
          { key: 'leads', label: t('vehicles.tabs.leads'), children: <LeadsTab /> },
        ]}
      />
    </PageSection>
  );
}
