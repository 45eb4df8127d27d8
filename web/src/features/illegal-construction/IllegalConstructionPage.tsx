import { Tabs, Typography } from 'antd';
import { PageSection } from '../../components/PageSection.tsx';
import { useI18n } from '../../i18n/context.ts';
import { IcDemolitions } from './IcDemolitions.tsx';
import { IcLetters } from './IcLetters.tsx';
import { IcNotices } from './IcNotices.tsx';
import { IcReports } from './IcReports.tsx';
import { IcSiteMap } from './IcSiteMap.tsx';
import { IcStatsView } from './IcStatsView.tsx';

/** 查违控违: reports and sites, notices, letters, demolitions, statistics and the site map, one tab each. */
export function IllegalConstructionPage() {
  const { t } = useI18n();
  return (
    <PageSection title={t('illegalConstruction.title')} testId="page-illegal-construction">
      <Typography.Paragraph type="secondary">{t('illegalConstruction.intro')}</Typography.Paragraph>
      <Tabs
        destroyOnHidden
        items={[
          { key: 'reports', label: t('illegalConstruction.tabs.reports'), children: <IcReports /> },
          { key: 'notices', label: t('illegalConstruction.tabs.notices'), children: <IcNotices /> },
          { key: 'letters', label: t('illegalConstruction.tabs.letters'), children: <IcLetters /> },
          { key: 'demolitions', label: t('illegalConstruction.tabs.demolitions'), children: <IcDemolitions /> },
          {
            key: 'stats',
            label: t('illegalConstruction.tabs.stats'),
            children: <IcStatsView initialYear={new Date().getFullYear() - 1} />,
          },
          { key: 'map', label: t('illegalConstruction.tabs.map'), children: <IcSiteMap /> },
        ]}
      />
    </PageSection>
  );
}
