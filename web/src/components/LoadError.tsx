import { Alert, Button } from 'antd';
import { errorText } from '../api/errors.ts';
import { useI18n } from '../i18n/context.ts';

export interface LoadErrorProps {
  error: unknown;
  /** Shown as a Retry button when given. */
  onRetry?: () => void;
  /** Prefix of the test ids: `<id>-error`, `<id>-retry`. */
  testId?: string;
  /** A heading of the page's own instead of "Failed to load: <reason>"; the reason then goes under it. */
  title?: string;
  /** The reason in the feature's own words (e.g. its error catalog) instead of the generic error text. */
  reason?: string;
}

/** A load that failed, with the reason and a way to try again: the console's one failure notice for loads. */
export function LoadError({ error, onRetry, testId = 'load', title, reason: own }: LoadErrorProps) {
  const { t, locale } = useI18n();
  const reason = own ?? errorText(error, locale);
  return (
    <Alert
      type="error"
      showIcon
      title={title ?? t('common.loadFailed', { message: reason })}
      description={title ? reason : undefined}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry} data-testid={`${testId}-retry`}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
      data-testid={`${testId}-error`}
    />
  );
}
