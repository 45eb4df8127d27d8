import { Select } from 'antd';

interface Props {
  value?: boolean;
  onChange: (value: boolean | undefined) => void;
  trueLabel: string;
  falseLabel: string;
  placeholder?: string;
  width?: number;
  'data-testid'?: string;
}

/** A yes / no / either filter (cleared = undefined, so the server's default applies). */
export function BooleanSelect(props: Props) {
  return (
    <Select<'true' | 'false'>
      allowClear
      placeholder={props.placeholder}
      options={[
        { value: 'true', label: props.trueLabel },
        { value: 'false', label: props.falseLabel },
      ]}
      value={props.value === undefined ? undefined : props.value ? 'true' : 'false'}
      onChange={(v) => props.onChange(v === undefined ? undefined : v === 'true')}
      style={{ width: props.width ?? 120 }}
      data-testid={props['data-testid']}
    />
  );
}
