import { useEffect, useState } from 'react';
import { Space, Tag } from 'antd';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../i18n/context.ts';
import { ZoneDrawer } from './ZoneDrawer.tsx';
import { DrawMap } from '../../components/DrawMap.tsx';
import { ylApi, zoneShapes, type MapZone } from './yl.api.ts';

/** Every 黄线 of the city on the map; a click opens its details. */
export function ZoneMapTab() {
  const { t } = useI18n();
  const [zones, setZones] = useState<MapZone[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    ylApi.map(controller.signal).then(
      (r) => setZones(r.items),
      (e: unknown) => !controller.signal.aborted && setError(e),
    );
    return () => controller.abort();
  }, [reload]);
  if (error) return <LoadError error={error} onRetry={() => setReload((n) => n + 1)} />;
  return (
    <>
      <Space style={{ marginBottom: 8 }}>
        <Tag color="gold">{t('yellowLine.permitState.active')}</Tag>
        <Tag>{`${t('yellowLine.permitState.suspended')} / ${t('yellowLine.permitState.expired')}`}</Tag>
        <span>{zones.length}</span>
      </Space>
      <DrawMap shapes={zoneShapes(zones)} onSelect={(z) => setOpen(z.id)} height={520} testId="yl-map" />
      <ZoneDrawer
        id={open}
        onClose={() => setOpen(null)}
        onEdit={() => setOpen(null)}
        onChanged={() => setReload((n) => n + 1)}
      />
    </>
  );
}
