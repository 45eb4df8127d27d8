import { useState } from 'react';
import { Select } from 'antd';
import { assetsApi, type AssetType } from './assets.api.ts';

export function AssetPicker(props: {
  value?: string;
  onChange?: (v: string) => void;
  logOnly?: boolean;
  types: AssetType[];
}) {
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const search = (q: string) => {
    assetsApi.items({ q: q || undefined, pageSize: 20 }).then(
      (r) =>
        setOptions(
          r.items
            .filter((a) => !props.logOnly || props.types.find((x) => x.id === a.typeId)?.logUnit)
            .map((a) => ({ value: a.id, label: `${a.code} ${a.name}` })),
        ),
      () => undefined,
    );
  };
  return (
    <Select
      showSearch
      filterOption={false}
      value={props.value}
      onChange={props.onChange}
      onSearch={search}
      onOpenChange={(o) => o && search('')}
      options={options}
      data-testid="asset-picker"
    />
  );
}
