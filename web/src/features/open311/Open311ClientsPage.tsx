import { Typography } from 'antd';
import { PageSection } from '../../components/PageSection.tsx';
import { useI18n } from '../../i18n/context.ts';
import { ApiClientList } from './ApiClientList.tsx';

/** 开放接口: the Open311 GeoReport v2 endpoint and its client applications (keys, limits, on/off). */
export function Open311ClientsPage() {
  const { t } = useI18n();
  const url = `${window.location.origin}/open311/v2/discovery.json`;
  return (
    <PageSection title={t('open311.clients.title')} testId="page-open311">
      <Typography.Paragraph type="secondary">{t('open311.clients.intro', { url })}</Typography.Paragraph>
      <ApiClientList />
    </PageSection>
  );
}
