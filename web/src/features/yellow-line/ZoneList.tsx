import { useCallback, useEffect, useState } from 'react';
import { Tag, type TableColumnsType } from 'antd';
import {
  HOLDER_KINDS,
  ZONE_STATUSES,
  type HolderKind,
  type ZoneStatus,
} from '../../../../common/domain/yellow-line.ts';
import { FilterSelect } from '../../components/FilterSelect.tsx';
import { ExportButton } from '../../components/ExportButton.tsx';
import { ListPage } from '../../components/ListPage.tsx';
import { useCrudList } from '../../components/useCrudList.ts';
import type { FetchPage } from '../../components/usePagedQuery.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { ZoneDrawer } from './ZoneDrawer.tsx';
import { ZoneFormModal } from './ZoneFormModal.tsx';
import { STATE_COLORS, ylApi, type MapZone, type Zone } from './yl.api.ts';

interface Filters {
  holderKind?: HolderKind;
  status?: ZoneStatus;
}

/** The register of 黄线: number, holder, goods, hours, validity, warnings (the contact phone masked by the server). */
export function ZoneList(props: { onChanged: () => void }) {
  const { t } = useI18n();
  const list = useCrudList<Zone, Filters>({ onChanged: props.onChanged });
  const canManage = useAuth().can('yellowline.manage');
  const [open, setOpen] = useState<string | null>(null);
  const [zones, setZones] = useState<MapZone[]>([]);
  const fetchPage = useCallback<FetchPage<Zone, Filters>>((r, signal) => ylApi.zones(r, signal), []);
  useEffect(() => {
    if (list.target === null) return undefined;
    const controller = new AbortController();
    ylApi.map(controller.signal).then(
      (r) => setZones(r.items),
      () => undefined,
    );
    return () => controller.abort();
  }, [list.target]);
  const columns: TableColumnsType<Zone> = [
    { title: t('yellowLine.field.zoneNo'), key: 'zoneNo', sorter: true, render: (_, z) => z.zoneNo },
    { title: t('yellowLine.field.holderKind'), key: 'kind', render: (_, z) => t(`yellowLine.kind.${z.holderKind}`) },
    {
      title: t('yellowLine.field.holderName'),
      key: 'holderName',
      sorter: true,
      render: (_, z) => (
        <a onClick={() => setOpen(z.id)} data-testid={`yl-zone-${z.zoneNo}`}>
          {z.holderName}
        </a>
      ),
    },
    { title: t('yellowLine.field.address'), key: 'address', responsive: ['lg'], render: (_, z) => z.address },
    { title: t('yellowLine.field.goods'), key: 'goods', render: (_, z) => z.goods.join('、') },
    { title: t('yellowLine.field.hours'), key: 'hours', render: (_, z) => `${z.hoursFrom}–${z.hoursTo}` },
    { title: t('yellowLine.field.validTo'), key: 'validTo', sorter: true, render: (_, z) => z.validTo },
    {
      title: t('yellowLine.field.validity'),
      key: 'state',
      render: (_, z) => <Tag color={STATE_COLORS[z.permitState]}>{t(`yellowLine.permitState.${z.permitState}`)}</Tag>,
    },
    {
      title: t('yellowLine.field.warnings'),
      key: 'warnings',
      sorter: true,
      align: 'right',
      render: (_, z) => z.warnings,
    },
    {
      title: t('yellowLine.field.contactPhone'),
      key: 'phone',
      responsive: ['xl'],
      render: (_, z) => z.contactPhone ?? '—',
    },
  ];
  return (
    <ListPage<Zone, Filters>
      list={list}
      testId="yl-zones"
      fetchPage={fetchPage}
      columns={columns}
      rowKey={(z) => z.id}
      defaultSort={{ sort: 'updatedAt', order: 'desc' }}
      searchPlaceholder={t('yellowLine.search')}
      exportPath="/api/exports/yellow-line-zones.xlsx"
      actions={
        <ExportButton
          path="/api/exports/yellow-line-zones.csv"
          query={list.filters}
          label="CSV"
          testId="yl-zones-csv"
        />
      }
      toolbar={
        <>
          <FilterSelect
            list={list}
            name="holderKind"
            codes={HOLDER_KINDS}
            label={(c) => t(`yellowLine.kind.${c}`)}
            placeholder={t('yellowLine.field.holderKind')}
            width={110}
            testId="yl-filter-kind"
          />
          <FilterSelect
            list={list}
            name="status"
            codes={ZONE_STATUSES}
            label={(c) => t(`yellowLine.status.${c}`)}
            placeholder={t('yellowLine.field.validity')}
            width={120}
          />
        </>
      }
      createLabel={canManage ? t('yellowLine.create') : undefined}
    >
      <ZoneFormModal
        zone={list.target}
        zones={zones}
        onClose={list.close}
        onSaved={() => {
          list.saved();
          setOpen(null);
        }}
      />
      <ZoneDrawer
        id={open}
        onClose={() => setOpen(null)}
        onEdit={(z) => {
          setOpen(null);
          list.edit(z);
        }}
        onChanged={() => list.saved()}
      />
    </ListPage>
  );
}
