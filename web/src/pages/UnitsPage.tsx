import { PageSection } from '../components/PageSection.tsx';
import { UnitList } from '../features/org/UnitList.tsx';
import { useI18n } from '../i18n/context.ts';

export function UnitsPage() {
  const { t } = useI18n();
  return (
    <PageSection title={t('org.unit.title')} testId="page-units">
      <UnitList />
    </PageSection>
  );
}
