/** The phone pages' notices and read-only pieces: alert, spinner, empty state, tag, a label/value list. */
import type { ReactNode } from 'react';
import { errorText } from '../../api/errors.ts';
import { useI18n } from '../../i18n/context.ts';
import { buttonClass } from './controls.tsx';
import { Icon } from './icons.tsx';
import './ui.css';

const ALERT_ICON = { info: 'info', success: 'check', warning: 'warning', error: 'warning' } as const;

interface AlertProps {
  type: keyof typeof ALERT_ICON;
  title: ReactNode;
  /** a second line under the title */
  description?: ReactNode;
  action?: ReactNode;
  onClose?: () => void;
  closeLabel?: string;
  className?: string;
  'data-testid'?: string;
  'data-kind'?: string;
}

export function Alert({ type, title, description, action, onClose, closeLabel, className, ...rest }: AlertProps) {
  return (
    <div
      className={`ph-alert ph-alert-${type}${className ? ` ${className}` : ''}`}
      role={type === 'error' || type === 'warning' ? 'alert' : 'status'}
      {...rest}
    >
      <Icon name={ALERT_ICON[type]} className="ph-alert-icon" />
      <div className="ph-alert-body">
        <div className="ph-alert-title">{title}</div>
        {description ? <div className="ph-alert-description">{description}</div> : null}
      </div>
      {action}
      {onClose ? (
        <button type="button" className="ph-alert-close" onClick={onClose} aria-label={closeLabel}>
          <Icon name="close" />
        </button>
      ) : null}
    </div>
  );
}

export const Spin = ({ label, large }: { label?: string; large?: boolean }) => (
  <span className={`ph-spinner${large ? ' ph-spinner-large' : ''}`} role="progressbar" aria-label={label} />
);

/** A spinner centred in the page, with its text under it. */
export function Loading({ label, testId }: { label: string; testId?: string }) {
  return (
    <div className="ph-loading" data-testid={testId}>
      <Spin large label={label} />
      <div>{label}</div>
    </div>
  );
}

export function Empty({ text }: { text: string }) {
  return (
    <div className="ph-empty">
      <Icon name="picture" />
      <div>{text}</div>
    </div>
  );
}

export type TagColor = 'green' | 'blue' | 'orange' | 'red' | 'grey';

export function Tag({ color, children, ...rest }: { color: TagColor; children: ReactNode; 'data-testid'?: string }) {
  return (
    <span className={`ph-tag ph-tag-${color}`} {...rest}>
      {children}
    </span>
  );
}

export interface DetailRow {
  key: string;
  label: string;
  value: ReactNode;
}

/** Label: value lines (a `<dl>`), the phone's answer to a description table. */
export function Details({ rows, className }: { rows: DetailRow[]; className?: string }) {
  return (
    <dl className={`ph-desc${className ? ` ${className}` : ''}`}>
      {rows.map((row) => (
        <div key={row.key}>
          <dt>{row.label}</dt>
          <dd>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * A load that failed, with the reason and a way to try again: the phone pages' counterpart of the console's
 * components/LoadError (same props, same texts), built on this file's Alert so antd stays out of the phone bundles.
 */
export function LoadError({
  error,
  onRetry,
  testId = 'load',
  title,
}: {
  error: unknown;
  onRetry?: () => void;
  testId?: string;
  title?: string;
}) {
  const { t, locale } = useI18n();
  const reason = errorText(error, locale);
  return (
    <Alert
      type="error"
      title={title ?? t('common.loadFailed', { message: reason })}
      description={title ? reason : undefined}
      action={
        onRetry ? (
          <button
            type="button"
            className={buttonClass('default', 'small')}
            onClick={onRetry}
            data-testid={`${testId}-retry`}
          >
            {t('common.retry')}
          </button>
        ) : undefined
      }
      data-testid={`${testId}-error`}
    />
  );
}
