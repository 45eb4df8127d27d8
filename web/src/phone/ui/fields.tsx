/** Text fields with a button inside: a password that can be shown, a search that can be cleared. */
import { useState } from 'react';
import { TextInput, type InputProps } from './controls.tsx';
import { Icon } from './icons.tsx';

/** A password field with a button that shows what was typed (labels in the page's language). */
export function PasswordInput({
  showLabel,
  hideLabel,
  ...rest
}: Omit<InputProps, 'type'> & { showLabel: string; hideLabel: string }) {
  const [visible, setVisible] = useState(false);
  return (
    <div className="ph-password">
      <TextInput type={visible ? 'text' : 'password'} autoCapitalize="none" spellCheck={false} {...rest} />
      <button
        type="button"
        className="ph-password-toggle"
        onClick={() => setVisible((v) => !v)}
        aria-pressed={visible}
        aria-label={visible ? hideLabel : showLabel}
      >
        <Icon name={visible ? 'eyeOff' : 'eye'} />
      </button>
    </div>
  );
}

/** A search field with its icon and a clear button. */
export function SearchInput({
  value,
  onValue,
  clearLabel,
  ...rest
}: Omit<InputProps, 'value' | 'onChange' | 'type'> & {
  value: string;
  onValue: (value: string) => void;
  clearLabel: string;
}) {
  return (
    <div className="ph-search ph-search-clearable">
      <Icon name="search" />
      <TextInput type="search" value={value} onChange={(event) => onValue(event.target.value)} {...rest} />
      {value ? (
        <button type="button" className="ph-search-clear" onClick={() => onValue('')} aria-label={clearLabel}>
          <Icon name="close" />
        </button>
      ) : null}
    </div>
  );
}
