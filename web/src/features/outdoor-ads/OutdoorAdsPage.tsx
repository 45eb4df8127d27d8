import { Tabs, Typography } from 'antd';
import { PageSection } from '../../components/PageSection.tsx';
import { useI18n } from '../../i18n/context.ts';
import { AdInventory } from './AdInventory.tsx';
import { AdRemovals } from './AdRemovals.tsx';
import { AdReminders } from './AdReminders.tsx';
import { FloodSweepView } from './FloodSweepView.tsx';

/** 户外广告: the inventory, reminders, the pre-flood sweep and removals, one tab each. */
export function OutdoorAdsPage() {
  const { t } = useI18n();
  return (
    <PageSection title={t('outdoorAds.title')} testId="page-outdoor-ads">
      <Typography.Paragraph type="secondary">{t('outdoorAds.intro')}</Typography.Paragraph>
      <Tabs
        destroyOnHidden
        items={[
          { key: 'inventory', label: t('outdoorAds.tabs.inventory'), children: <AdInventory /> },
          { key: 'reminders', label: t('outdoorAds.tabs.reminders'), children: <AdReminders /> },
          {
            key: 'sweep',
            label: t('outdoorAds.tabs.sweep'),
            children: <FloodSweepView initialYear={new Date().getFullYear()} />,
          },
          { key: 'removals', label: t('outdoorAds.tabs.removals'), children: <AdRemovals /> },
        ]}
      />
    </PageSection>
  );
}
