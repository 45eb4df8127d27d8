import { Flex, Spin } from 'antd';
import { useI18n } from '../i18n/context.ts';

export function FullPageSpin() {
  const { t } = useI18n();
  return (
    <Flex align="center" justify="center" style={{ minHeight: '60vh' }} data-testid="page-loading">
      <Spin size="large" description={t('app.loading')} />
    </Flex>
  );
}
