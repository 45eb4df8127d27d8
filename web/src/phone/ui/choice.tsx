/** Choosing controls: an on/off switch, a segmented choice (or tabs), and the count badge they show. */
import { useId } from 'react';
import './ui.css';

/** An on/off switch (role="switch"), labelled by the element whose id is `labelledBy`. */
export function Switch({
  checked,
  onChange,
  labelledBy,
  ...rest
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  labelledBy?: string;
  id?: string;
  'data-testid'?: string;
}) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      aria-labelledby={labelledBy}
      className={`ph-switch${checked ? ' ph-switch-on' : ''}`}
      onClick={() => onChange(!checked)}
      {...rest}
    >
      <span className="ph-switch-knob" />
    </button>
  );
}

export interface SegmentOption<T extends string> {
  value: T;
  label: string;
  /** a count shown as a badge beside the label (nothing when 0) */
  count?: number;
  testId?: string;
}

/**
 * A row of equal segments: `role="tablist"` when it switches what the page shows (tasks 核实 | 核查), else a radio
 * group (a setting, such as the language). Arrow keys move between segments.
 */
export function Segmented<T extends string>({
  options,
  value,
  onChange,
  label,
  tabs = false,
}: {
  options: SegmentOption<T>[];
  value: T;
  onChange: (value: T) => void;
  label: string;
  tabs?: boolean;
}) {
  const name = useId();
  const move = (from: number, step: number) => {
    const target = options[(from + step + options.length) % options.length];
    if (target) onChange(target.value);
  };
  return (
    <div className="ph-segmented" role={tabs ? 'tablist' : 'radiogroup'} aria-label={label}>
      {options.map((option, index) => {
        const selected = option.value === value;
        return (
          <button
            key={option.value}
            type="button"
            id={`${name}-${option.value}`}
            role={tabs ? 'tab' : 'radio'}
            {...(tabs ? { 'aria-selected': selected } : { 'aria-checked': selected })}
            tabIndex={selected ? 0 : -1}
            className={`ph-segment${selected ? ' ph-segment-on' : ''}`}
            onClick={() => onChange(option.value)}
            onKeyDown={(event) => {
              if (event.key === 'ArrowRight') move(index, 1);
              if (event.key === 'ArrowLeft') move(index, -1);
            }}
            data-testid={option.testId}
          >
            <span>{option.label}</span>
            {option.count ? <Badge count={option.count} /> : null}
          </button>
        );
      })}
    </div>
  );
}

/** A small count bubble (hidden at 0); `99+` above 99. */
export function Badge({ count, label }: { count: number; label?: string }) {
  if (count <= 0) return null;
  return (
    <span className="ph-badge" aria-label={label} data-count={count}>
      {count > 99 ? '99+' : count}
    </span>
  );
}
