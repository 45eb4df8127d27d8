import { Alert, Button } from 'antd';
import { isApiError } from '../../api/errors.ts';
import { useI18n } from '../../i18n/context.ts';

/** The codes of an edit refused because someone saved first (docs/conventions.md, "Concurrent edits"). */
export type StaleCode = 'ASSET_STALE' | 'ASSET_TYPE_STALE';

export const isStale = (error: unknown, code: StaleCode) => isApiError(error) && error.code === code;

/**
 * Inside an edit form after a 409: says that someone else saved first and offers the latest version, which replaces
 * what the form holds, so the person checks it and saves again rather than overwriting the other change.
 */
export function StaleAlert({ code, onReload }: { code: StaleCode; onReload: () => void }) {
  const { t } = useI18n();
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="asset-stale"
      title={t(`errors.${code}`)}
      action={
        <Button size="small" onClick={onReload} data-testid="asset-stale-reload">
          {t('assets.form.loadLatest')}
        </Button>
      }
    />
  );
}
