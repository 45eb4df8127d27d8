/**
 * The citizen page's own small controls (button, text fields, notice, spinner, empty state, tag), plain React with
 * styles in public.css, so the page does not load a component library's runtime on a citizen's phone.
 */
import { useLayoutEffect, useRef, type ButtonHTMLAttributes, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from 'react';
import { Icon, type IconName } from './icons.tsx';
import './ui.css';

type ButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type'> & {
  kind?: 'primary' | 'default' | 'danger' | 'link' | 'text';
  size?: 'small' | 'middle' | 'large';
  block?: boolean;
  loading?: boolean;
  icon?: IconName;
  round?: boolean;
};

export function Button({ kind = 'default', size = 'middle', block, loading, icon, round, className, disabled, children, ...rest }: ButtonProps) {
  const classes = ['pub-btn', `pub-btn-${kind}`, `pub-btn-${size}`, block ? 'pub-btn-block' : '', round ? 'pub-btn-round' : '', className ?? ''];
  return (
    <button type="button" className={classes.filter(Boolean).join(' ')} disabled={disabled || loading} aria-busy={loading || undefined} {...rest}>
      {loading ? <span className="pub-spinner pub-spinner-small" aria-hidden="true" /> : icon ? <Icon name={icon} /> : null}
      {children !== undefined && children !== null ? <span>{children}</span> : null}
    </button>
  );
}

export function TextInput({ className, onEnter, ...rest }: InputHTMLAttributes<HTMLInputElement> & { onEnter?: () => void }) {
  return (
    <input className={`pub-input${className ? ` ${className}` : ''}`}
      onKeyDown={onEnter ? (event) => event.key === 'Enter' && onEnter() : undefined} {...rest} />
  );
}

/** A textarea that grows with its text between minRows and maxRows, with a character count under it. */
export function TextArea({ minRows = 3, maxRows = 8, showCount, className, value, ...rest }: TextareaHTMLAttributes<HTMLTextAreaElement> & { minRows?: number; maxRows?: number; showCount?: boolean; value: string }) {
  const ref = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const line = parseFloat(getComputedStyle(el).lineHeight) || 24;
    el.style.height = 'auto';
    el.style.height = `${Math.min(Math.max(el.scrollHeight, minRows * line + 12), maxRows * line + 12)}px`;
  }, [value, minRows, maxRows]);
  const area = <textarea ref={ref} rows={minRows} className={`pub-input pub-textarea${className ? ` ${className}` : ''}`} value={value} {...rest} />;
  if (!showCount) return area;
  return (
    <div className="pub-textarea-wrap">
      {area}
      <div className="pub-count">{value.length}{rest.maxLength ? ` / ${rest.maxLength}` : ''}</div>
    </div>
  );
}

const ALERT_ICON = { info: 'info', success: 'check', warning: 'warning', error: 'warning' } as const;

export function Alert({ type, title, action, onClose, closeLabel, className, ...rest }: { type: keyof typeof ALERT_ICON; title: ReactNode; action?: ReactNode; onClose?: () => void; closeLabel?: string; className?: string; 'data-testid'?: string }) {
  return (
    <div className={`pub-alert pub-alert-${type}${className ? ` ${className}` : ''}`} role={type === 'error' || type === 'warning' ? 'alert' : 'status'} {...rest}>
      <Icon name={ALERT_ICON[type]} className="pub-alert-icon" />
      <div className="pub-alert-title">{title}</div>
      {action}
      {onClose ? <button type="button" className="pub-alert-close" onClick={onClose} aria-label={closeLabel}><Icon name="close" /></button> : null}
    </div>
  );
}

export const Spin = ({ label }: { label?: string }) => <span className="pub-spinner" role="progressbar" aria-label={label} />;

export function Empty({ text }: { text: string }) {
  return (
    <div className="pub-empty">
      <Icon name="picture" />
      <div>{text}</div>
    </div>
  );
}

export function Tag({ color, children, ...rest }: { color: 'green' | 'blue' | 'orange' | 'grey'; children: ReactNode; 'data-testid'?: string }) {
  return <span className={`pub-tag pub-tag-${color}`} {...rest}>{children}</span>;
}
