import { useEffect, useState } from 'react';
import { Select, type SelectProps } from 'antd';
import { inspectionsApi, type PlanInspector } from './inspections.api.ts';

/**
 * The plan's inspector: active users whose roles inspect assets, searchable by name or unit. Read from the plans'
 * own list, since a plan's editors need not hold the right to read users.
 */
export function PlanInspectorSelect(props: Omit<SelectProps<string>, 'options' | 'loading'>) {
  const [people, setPeople] = useState<PlanInspector[] | null>(null);
  useEffect(() => {
    const c = new AbortController();
    inspectionsApi.inspectors(c.signal).then(
      (r) => setPeople(r.items),
      () => setPeople([]),
    );
    return () => c.abort();
  }, []);
  return (
    <Select<string>
      {...props}
      showSearch
      allowClear
      loading={people === null}
      optionFilterProp="label"
      options={(people ?? []).map((u) => ({
        value: u.id,
        label: u.unitName ? `${u.displayName}（${u.unitName}）` : u.displayName,
      }))}
    />
  );
}
