import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../i18n/context.ts';

/** 403 / 404 inside the console. */
export function StatusPage({ status }: { status: 403 | 404 }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Result
      status={status === 403 ? '403' : '404'}
      title={status}
      subTitle={status === 403 ? t('status.forbidden') : t('status.notFound')}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('common.backHome')}
        </Button>
      }
      data-testid={status === 403 ? 'page-forbidden' : 'page-not-found'}
    />
  );
}
