import { useEffect, useState } from 'react';
import { Tabs } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { PageSection } from '../../components/PageSection.tsx';
import { useI18n } from '../../i18n/context.ts';
import { assetsApi, type AssetType } from './assets.api.ts';
import { AssetList } from './AssetList.tsx';
import { LogList } from './LogList.tsx';
import { TypeList } from './TypeList.tsx';
import { WorkOrderList } from './WorkOrderList.tsx';
import { ContractList } from '../inspections/ContractList.tsx';
import { InspectionList } from '../inspections/InspectionTabs.tsx';
import { PlanList } from '../inspections/PlanList.tsx';

/** The tenant's asset types, loaded once per page. */
function useTypes() {
  const [types, setTypes] = useState<AssetType[]>([]);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const c = new AbortController();
    assetsApi.types(undefined, c.signal).then(
      (r) => setTypes(r.items),
      () => undefined,
    );
    return () => c.abort();
  }, [version]);
  return { types, reload: () => setVersion((v) => v + 1) };
}

/** A file picker that sends the chosen file to an import and reports the outcome. */

/** 设施台账: the registers of the six lines on one framework (docs/assets.md). */
export function AssetsPage() {
  const { t } = useI18n();
  const { types, reload } = useTypes();
  // ?tab= opens a tab directly (a link from the report's figures, a bookmark of 巡检记录)
  const [params, setParams] = useSearchParams();
  return (
    <PageSection title={t('assets.title')} testId="page-assets">
      <Tabs
        destroyOnHidden
        activeKey={params.get('tab') ?? 'items'}
        onChange={(tab) => setParams(tab === 'items' ? {} : { tab }, { replace: true })}
        items={[
          { key: 'items', label: t('assets.tabs.items'), children: <AssetList types={types} /> },
          { key: 'workOrders', label: t('assets.tabs.workOrders'), children: <WorkOrderList types={types} /> },
          { key: 'plans', label: t('inspections.tabs.plans'), children: <PlanList /> },
          { key: 'inspections', label: t('inspections.tabs.inspections'), children: <InspectionList /> },
          { key: 'contracts', label: t('inspections.tabs.contracts'), children: <ContractList /> },
          { key: 'logs', label: t('assets.tabs.logs'), children: <LogList types={types} /> },
          { key: 'types', label: t('assets.tabs.types'), children: <TypeList types={types} reload={reload} /> },
        ]}
      />
    </PageSection>
  );
}
