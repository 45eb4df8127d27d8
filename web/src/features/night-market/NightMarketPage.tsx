import { Tabs } from 'antd';
import { PageSection } from '../../components/PageSection.tsx';
import { useI18n } from '../../i18n/context.ts';
import { MarketsTab } from './MarketsTab.tsx';
import { RoundsTab } from './RoundsTab.tsx';

/** 夜市摊位分配 (docs/night-market.md): markets and stalls; rounds with applicants, the public lottery and the ledger. */
export function NightMarketPage() {
  const { t } = useI18n();
  return (
    <PageSection title={t('nightMarket.title')} testId="page-night-market">
      <Tabs
        destroyOnHidden
        defaultActiveKey="rounds"
        items={[
          { key: 'rounds', label: t('nightMarket.tabs.rounds'), children: <RoundsTab /> },
          { key: 'markets', label: t('nightMarket.tabs.markets'), children: <MarketsTab /> },
        ]}
      />
    </PageSection>
  );
}
