import { useMemo, useRef, useState, type CSSProperties } from 'react';
import { Select, Spin, Typography } from 'antd';
import { errorText } from '../api/errors.ts';
import { useResource } from '../api/use-resource.ts';
import { useI18n } from '../i18n/context.ts';

export interface RemoteOption {
  value: string;
  label: string;
}

export interface RemoteSelectProps {
  value?: string | null;
  /** Emits null when cleared, so a PATCH can clear the field. */
  onChange?: (value: string | null) => void;
  /** Options for a search text (empty = first page); called on open and as the user types. */
  search: (q: string, signal: AbortSignal) => Promise<RemoteOption[]>;
  /** Labels already known (e.g. `unitName` of the record being edited), shown before any search. */
  knownOptions?: RemoteOption[];
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  id?: string;
  style?: CSSProperties;
  'data-testid'?: string;
}

/** A searchable select over a server list (units, regions, …) with a debounced query. */
export function RemoteSelect(props: RemoteSelectProps) {
  const [q, setQ] = useState<string | null>(null);
  const labels = useRef(new Map<string, string>());
  const { search } = props;
  const { t, locale } = useI18n();

  for (const option of props.knownOptions ?? []) labels.current.set(option.value, option.label);

  // Nothing is fetched until the user opens or types; typing waits for a pause.
  const found = useResource(q === null ? null : (signal) => search(q, signal), [q, search], { delayMs: q ? 300 : 0 });
  const options = useMemo(() => (found.error ? [] : (found.data ?? [])), [found.data, found.error]);
  const { loading } = found;
  for (const option of options) labels.current.set(option.value, option.label);

  const value = props.value ?? undefined;
  const shown = useMemo(() => {
    if (!value || options.some((o) => o.value === value)) return options;
    return [{ value, label: labels.current.get(value) ?? value }, ...options];
  }, [options, value]);

  return (
    <Select<string>
      id={props.id}
      value={value}
      onChange={(next) => props.onChange?.(next ?? null)}
      onClear={() => props.onChange?.(null)}
      options={shown}
      showSearch={{ filterOption: false, onSearch: (text) => setQ(text.trim()) }}
      onOpenChange={(open) => open && q === null && setQ('')}
      notFoundContent={
        loading ? (
          <Spin size="small" />
        ) : found.error ? (
          // a failed request is said, with the server's reason, never shown as an empty list
          <Typography.Text type="danger" data-testid="remote-select-error">
            {errorText(found.error, locale)}{' '}
            <Typography.Link onClick={found.reload}>{t('common.retry')}</Typography.Link>
          </Typography.Text>
        ) : undefined
      }
      status={found.error ? 'error' : undefined}
      loading={loading}
      placeholder={props.placeholder}
      allowClear={props.allowClear ?? true}
      disabled={props.disabled}
      style={props.style ?? { width: '100%' }}
      popupMatchSelectWidth={false}
      data-testid={props['data-testid']}
    />
  );
}
