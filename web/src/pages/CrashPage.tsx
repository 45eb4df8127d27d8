import { Button, Result } from 'antd';
import { useRouteError } from 'react-router-dom';
import { useI18n } from '../i18n/context.ts';

/** Route error boundary: a render error or a page chunk that failed to load (e.g. after a new release). */
export function CrashPage() {
  const { t } = useI18n();
  const error = useRouteError();
  return (
    <Result
      status="error"
      title={t('status.crashed')}
      subTitle={error instanceof Error ? error.message : undefined}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('common.refresh')}
        </Button>
      }
      data-testid="page-crashed"
    />
  );
}
