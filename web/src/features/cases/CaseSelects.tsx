import { useCallback } from 'react';
import { RemoteSelect, type RemoteOption, type RemoteSelectProps } from '../../components/RemoteSelect.tsx';
import { useI18n } from '../../i18n/context.ts';
import { casesApi } from './cases.api.ts';

type Props = Omit<RemoteSelectProps, 'search'>;

/** Pick an active matter (事项) by code, name or pinyin initials (the catalog search); the value is its 5-digit code. */
export function MatterPicker(props: Props) {
  const search = useCallback(async (q: string, signal: AbortSignal): Promise<RemoteOption[]> => {
    const page = await casesApi.matters(q, signal);
    return page.items.map((e) => ({ value: e.code, label: `${e.code} ${e.name}` }));
  }, []);
  return <RemoteSelect {...props} search={search} />;
}

/**
 * Pick an active handling unit. With `warnNoHandlers` (dispatching), a unit without an active handler says so in its
 * label: a case sent there would sit with nobody to act on it.
 */
export function UnitPicker({ warnNoHandlers, ...props }: Props & { warnNoHandlers?: boolean }) {
  const { t } = useI18n();
  const search = useCallback(
    async (q: string, signal: AbortSignal): Promise<RemoteOption[]> => {
      const page = await casesApi.units(q, signal);
      return page.items.map((u) => ({
        value: u.id,
        label: warnNoHandlers && u.activeHandlers === 0 ? `${u.name} ⚠ ${t('cases.actionForm.noHandlers')}` : u.name,
      }));
    },
    [t, warnNoHandlers],
  );
  return <RemoteSelect {...props} search={search} />;
}

/**
 * Pick an active inspector for a 核实/核查 task, filtered by name as typed: those on duty first, nearest to the case
 * by their last position, each labelled with duty and distance.
 */
export function InspectorPicker({ caseId, ...props }: Props & { caseId?: string }) {
  const { t } = useI18n();
  const search = useCallback(
    async (q: string, signal: AbortSignal): Promise<RemoteOption[]> => {
      const list = await casesApi.inspectors(caseId, signal);
      return list
        .filter((u) => !q || u.displayName.includes(q))
        .map((u) => ({
          value: u.id,
          label: [
            u.displayName,
            u.onDuty ? t('monitor.picker.onDuty') : t('monitor.picker.offDuty'),
            u.distanceM === null
              ? t('monitor.picker.noPosition')
              : t('monitor.picker.distance', { km: (u.distanceM / 1000).toFixed(1) }),
          ].join(' · '),
        }));
    },
    [caseId, t],
  );
  return <RemoteSelect {...props} search={search} />;
}

/** Pick an active user, of one unit and/or one role (needs user.read on the server). */
export function UserPicker({ unitId, role, ...props }: Props & { unitId?: string | null; role?: string }) {
  const search = useCallback(
    async (q: string, signal: AbortSignal): Promise<RemoteOption[]> => {
      const page = await casesApi.users({ unitId: unitId ?? undefined, role, q: q || undefined }, signal);
      return page.items.map((u) => ({ value: u.id, label: u.displayName }));
    },
    [unitId, role],
  );
  return <RemoteSelect {...props} search={search} />;
}
