import { PageSection } from '../components/PageSection.tsx';
import { UserList } from '../features/org/UserList.tsx';
import { useI18n } from '../i18n/context.ts';

export function UsersPage() {
  const { t } = useI18n();
  return (
    <PageSection title={t('org.user.title')} testId="page-users">
      <UserList />
    </PageSection>
  );
}
