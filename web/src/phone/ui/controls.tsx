/**
 * The phone pages' own form controls (button, text fields; more in fields.tsx and choice.tsx, kept apart so a page
 * loads only what it uses), plain React with styles in ui.css, so neither phone page loads a component library.
 * Text in fields is 16px (phones zoom into smaller text) and every touch target is at least 40px high.
 */
import {
  useLayoutEffect,
  useRef,
  type ButtonHTMLAttributes,
  type InputHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import { Icon, type IconName } from './icons.tsx';
import './ui.css';

export type ButtonKind = 'primary' | 'default' | 'danger' | 'danger-primary' | 'link' | 'text';
export type ButtonSize = 'small' | 'middle' | 'large';

/** The classes of a button, also for a link that looks like one (`<a className={buttonClass(...)}>`). */
export function buttonClass(
  kind: ButtonKind = 'default',
  size: ButtonSize = 'middle',
  block = false,
  extra?: string,
): string {
  return ['ph-btn', `ph-btn-${kind}`, `ph-btn-${size}`, block ? 'ph-btn-block' : '', extra ?? '']
    .filter(Boolean)
    .join(' ');
}

type ButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type'> & {
  kind?: ButtonKind;
  size?: ButtonSize;
  block?: boolean;
  loading?: boolean;
  icon?: IconName;
  round?: boolean;
  type?: 'button' | 'submit';
};

export function Button({
  kind,
  size,
  block,
  loading,
  icon,
  round,
  className,
  disabled,
  children,
  type = 'button',
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type}
      className={buttonClass(kind, size, block, `${round ? 'ph-btn-round ' : ''}${className ?? ''}`)}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      {...rest}
    >
      {loading ? (
        <span className="ph-spinner ph-spinner-small" aria-hidden="true" />
      ) : icon ? (
        <Icon name={icon} />
      ) : null}
      {children !== undefined && children !== null ? <span>{children}</span> : null}
    </button>
  );
}

export type InputProps = InputHTMLAttributes<HTMLInputElement> & { onEnter?: () => void; invalid?: boolean };

export function TextInput({ className, onEnter, invalid, ...rest }: InputProps) {
  return (
    <input
      className={`ph-input${invalid ? ' ph-input-invalid' : ''}${className ? ` ${className}` : ''}`}
      aria-invalid={invalid || undefined}
      onKeyDown={onEnter ? (event) => event.key === 'Enter' && onEnter() : undefined}
      {...rest}
    />
  );
}

/** A textarea that grows with its text between minRows and maxRows, with a character count under it. */
export function TextArea({
  minRows = 3,
  maxRows = 8,
  showCount,
  invalid,
  className,
  value,
  ...rest
}: TextareaHTMLAttributes<HTMLTextAreaElement> & {
  minRows?: number;
  maxRows?: number;
  showCount?: boolean;
  invalid?: boolean;
  value: string;
}) {
  const ref = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const line = parseFloat(getComputedStyle(el).lineHeight) || 24;
    el.style.height = 'auto';
    el.style.height = `${Math.min(Math.max(el.scrollHeight, minRows * line + 12), maxRows * line + 12)}px`;
  }, [value, minRows, maxRows]);
  const area = (
    <textarea
      ref={ref}
      rows={minRows}
      className={`ph-input ph-textarea${invalid ? ' ph-input-invalid' : ''}${className ? ` ${className}` : ''}`}
      aria-invalid={invalid || undefined}
      value={value}
      {...rest}
    />
  );
  if (!showCount) return area;
  return (
    <div className="ph-textarea-wrap">
      {area}
      <div className="ph-count" aria-hidden="true">
        {value.length}
        {rest.maxLength ? ` / ${rest.maxLength}` : ''}
      </div>
    </div>
  );
}
