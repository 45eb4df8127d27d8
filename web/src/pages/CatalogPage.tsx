import { PageSection } from '../components/PageSection.tsx';
import { CatalogList } from '../features/catalog/CatalogList.tsx';
import { useI18n } from '../i18n/context.ts';

export function CatalogPage() {
  const { t } = useI18n();
  return (
    <PageSection title={t('catalog.title')} testId="page-catalog">
      <CatalogList />
    </PageSection>
  );
}
