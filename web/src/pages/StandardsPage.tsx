import { PageSection } from '../components/PageSection.tsx';
import { StandardsList } from '../features/catalog/StandardsList.tsx';
import { WorkflowOptionsCard } from '../features/cases/WorkflowOptionsCard.tsx';
import { useI18n } from '../i18n/context.ts';

export function StandardsPage() {
  const { t } = useI18n();
  return (
    <PageSection title={t('catalog.standardsTitle')} testId="page-standards">
      <StandardsList />
      <WorkflowOptionsCard />
    </PageSection>
  );
}
