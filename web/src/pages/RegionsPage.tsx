import { PageSection } from '../components/PageSection.tsx';
import { RegionList } from '../features/org/RegionList.tsx';
import { useI18n } from '../i18n/context.ts';

export function RegionsPage() {
  const { t } = useI18n();
  return (
    <PageSection title={t('org.region.title')} testId="page-regions">
      <RegionList />
    </PageSection>
  );
}
