import { PageSection } from '../components/PageSection.tsx';
import { AuditList } from '../features/audit/AuditList.tsx';
import { useI18n } from '../i18n/context.ts';

export function AuditPage() {
  const { t } = useI18n();
  return (
    <PageSection title={t('audit.title')} testId="page-audit">
      <AuditList />
    </PageSection>
  );
}
