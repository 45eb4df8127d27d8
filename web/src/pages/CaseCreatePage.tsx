import { PageSection } from '../components/PageSection.tsx';
import { CaseCreateForm } from '../features/cases/CaseCreateForm.tsx';
import { useI18n } from '../i18n/context.ts';

export function CaseCreatePage() {
  const { t } = useI18n();
  return (
    <PageSection title={t('cases.createTitle')} testId="page-case-create">
      <CaseCreateForm />
    </PageSection>
  );
}
