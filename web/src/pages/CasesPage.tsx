import { PageSection } from '../components/PageSection.tsx';
import { CaseInbox } from '../features/cases/CaseInbox.tsx';
import { useI18n } from '../i18n/context.ts';

export function CasesPage() {
  const { t } = useI18n();
  return (
    <PageSection title={t('cases.inboxTitle')} testId="page-cases">
      <CaseInbox />
    </PageSection>
  );
}
