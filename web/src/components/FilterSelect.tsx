import { Select } from 'antd';

/**
 * A clearable select over a list of codes that sets one filter of a list page (useCrudList), each code shown by
 * `label` (the same message the table's column uses).
 */
export function FilterSelect<F extends object, K extends keyof F & string, C extends string>(props: {
  list: { filters: F; setFilter: (key: K, value: F[K]) => void };
  name: K;
  codes: readonly C[];
  label: (code: C) => string;
  placeholder: string;
  width: number;
  testId?: string;
}) {
  const { list, name } = props;
  return (
    <Select<C>
      allowClear
      placeholder={props.placeholder}
      style={{ width: props.width }}
      value={list.filters[name] as C | undefined}
      onChange={(v) => list.setFilter(name, (v ?? undefined) as F[K])}
      options={props.codes.map((code) => ({ value: code, label: props.label(code) }))}
      data-testid={props.testId}
    />
  );
}
