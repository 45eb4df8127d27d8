import { useCallback } from 'react';
import { RemoteSelect, type RemoteOption, type RemoteSelectProps } from '../../components/RemoteSelect.tsx';
import { catalogApi } from './catalog.api.ts';

type Props = Omit<RemoteSelectProps, 'search'>;

/** Pick an active matter (事项小类) by code, name or pinyin initials; the value is its 5-digit code. */
export function MatterSelect(props: Props) {
  const search = useCallback(async (q: string, signal: AbortSignal): Promise<RemoteOption[]> => {
    const page = await catalogApi.entries({ q: q || undefined, kind: 'matter', active: true, pageSize: 50 }, signal);
    return page.items.map((e) => ({ value: e.code, label: `${e.code} ${e.name}` }));
  }, []);
  return <RemoteSelect {...props} search={search} />;
}
