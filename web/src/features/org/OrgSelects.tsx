import { useCallback } from 'react';
import type { RegionKind } from '../../../../common/domain/org.ts';
import { RemoteSelect, type RemoteOption, type RemoteSelectProps } from '../../components/RemoteSelect.tsx';
import { useI18n } from '../../i18n/context.ts';
import { regionKindLabel } from './labels.ts';
import { orgApi } from './org.api.ts';

type Props = Omit<RemoteSelectProps, 'search'>;

/** Pick a handling unit (active units only, searchable by code or name). */
export function UnitSelect({ excludeId, ...props }: Props & { excludeId?: string }) {
  const search = useCallback(
    async (q: string, signal: AbortSignal): Promise<RemoteOption[]> => {
      const page = await orgApi.units(
        { q: q || undefined, active: true, pageSize: 30, sort: 'name', order: 'asc' },
        signal,
      );
      return page.items.filter((u) => u.id !== excludeId).map((u) => ({ value: u.id, label: u.name }));
    },
    [excludeId],
  );
  return <RemoteSelect {...props} search={search} />;
}

/** Pick a region, optionally only of some kinds (e.g. the street or town a community sits in). */
export function RegionSelect({ kinds, ...props }: Props & { kinds?: readonly RegionKind[] }) {
  const { t, locale } = useI18n();
  const kindKey = kinds?.join(',') ?? '';
  const single = kinds?.length === 1 ? kinds[0] : undefined;
  const search = useCallback(
    async (q: string, signal: AbortSignal): Promise<RemoteOption[]> => {
      const wanted = kindKey ? kindKey.split(',') : [];
      const page = await orgApi.regions(
        { q: q || undefined, kind: single, pageSize: 50, sort: 'code', order: 'asc' },
        signal,
      );
      return page.items
        .filter((r) => wanted.length === 0 || wanted.includes(r.kind))
        .map((r) => ({
          value: r.id,
          label: t('common.nameWithCode', { name: r.name, code: regionKindLabel(locale, r.kind) }),
        }));
    },
    [kindKey, single, locale, t],
  );
  return <RemoteSelect {...props} search={search} />;
}
