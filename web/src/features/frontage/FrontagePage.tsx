import { Tabs, Typography } from 'antd';
import { PageSection } from '../../components/PageSection.tsx';
import { useI18n } from '../../i18n/context.ts';
import { AgreementsTab } from './AgreementsTab.tsx';
import { CommitteesTab } from './CommitteesTab.tsx';
import { FiguresTab } from './FiguresTab.tsx';
import { InspectionsTab } from './InspectionsTab.tsx';
import { ListsTab } from './ListsTab.tsx';
import { TemplateTab } from './TemplateTab.tsx';
import { VolunteersTab } from './VolunteersTab.tsx';

/** 门前三包 (docs/frontage.md): figures, agreements, inspections, the monthly lists, 城管体验岗 and 商街自治. */
export function FrontagePage() {
  const { t } = useI18n();
  return (
    <PageSection title={t('frontage.title')} testId="page-frontage">
      <Typography.Paragraph type="secondary">{t('frontage.intro')}</Typography.Paragraph>
      <Tabs
        destroyOnHidden
        items={[
          { key: 'overview', label: t('frontage.tabs.overview'), children: <FiguresTab /> },
          { key: 'agreements', label: t('frontage.tabs.agreements'), children: <AgreementsTab /> },
          { key: 'inspections', label: t('frontage.tabs.inspections'), children: <InspectionsTab /> },
          { key: 'lists', label: t('frontage.tabs.lists'), children: <ListsTab /> },
          { key: 'volunteers', label: t('frontage.tabs.volunteers'), children: <VolunteersTab /> },
          { key: 'committees', label: t('frontage.tabs.committees'), children: <CommitteesTab /> },
          { key: 'template', label: t('frontage.tabs.template'), children: <TemplateTab /> },
        ]}
      />
    </PageSection>
  );
}
