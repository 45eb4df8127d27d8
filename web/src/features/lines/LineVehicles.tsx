import { useState } from 'react';
import { Segmented, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import type { VehicleKind } from '../../../../common/domain/vehicles.ts';
import { PagedTable } from '../../components/PagedTable.tsx';
import { formatInstant } from '../../components/format.ts';
import { useI18n } from '../../i18n/context.ts';
import { vehiclesApi, type Vehicle } from '../vehicles/vehicles.api.ts';

/** The vehicle kinds a line's view lists from the GPS register: 环卫's sprinklers and sweepers, 渣土's trucks. */
export const LINE_VEHICLE_KINDS: Partial<Record<string, readonly VehicleKind[]>> = {
  sanitation: ['sprinkler', 'sweeper'],
  muck: ['muck'],
};

const replayPath = (v: Vehicle) => `/vehicles?vehicle=${encodeURIComponent(v.id)}`;

/**
 * A line's vehicles with their last GPS position, each linked to its track replay on the vehicles page. The
 * vehicles are the GPS register's (they carry the keys and tracks), so the line view reads them rather than keeping
 * a copy as assets.
 */
export function LineVehicles({ kinds }: { kinds: readonly VehicleKind[] }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<VehicleKind>(kinds[0]!);
  const columns: TableColumnsType<Vehicle> = [
    {
      title: t('vehicles.col.plate'),
      key: 'plate',
      sorter: true,
      render: (_, v) => (
        <Link to={replayPath(v)}>
          {v.plate} {v.synthetic && <Tag>{t('vehicles.synthetic')}</Tag>}
        </Link>
      ),
    },
    { title: t('vehicles.col.unit'), key: 'unit', render: (_, v) => v.unitName ?? v.company ?? '—' },
    { title: t('vehicles.col.lastAt'), key: 'lastAt', sorter: true, render: (_, v) => formatInstant(v.lastAt) },
    { title: t('vehicles.col.lastSpeed'), key: 'speed', render: (_, v) => v.lastSpeedKmh ?? '—' },
    {
      title: '',
      key: 'replay',
      render: (_, v) => <Link to={replayPath(v)}>{t('lineViews.vehicles.replay')}</Link>,
    },
  ];
  return (
    <PagedTable<Vehicle, { kind: VehicleKind }>
      testId="line-vehicles"
      fetchPage={(req, signal) => vehiclesApi.list(req, signal)}
      filters={{ kind }}
      columns={columns}
      rowKey={(v) => v.id}
      toolbar={
        kinds.length > 1 ? (
          <Segmented<VehicleKind>
            value={kind}
            onChange={setKind}
            options={kinds.map((k) => ({ value: k, label: t(`vehicles.kind.${k}`) }))}
          />
        ) : undefined
      }
      renderCard={(v) => (
        <Link to={replayPath(v)}>
          {v.plate} · {t(`vehicles.kind.${v.kind}`)} · {formatInstant(v.lastAt)}
        </Link>
      )}
    />
  );
}
