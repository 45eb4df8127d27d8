import { useMemo, useState } from 'react';
import { useResource } from '../../api/use-resource.ts';
import { useAuth } from '../../features/auth/context.ts';
import { useI18n } from '../../i18n/context.ts';
import { Button } from '../../phone/ui/controls.tsx';
import { SearchInput } from '../../phone/ui/fields.tsx';
import { Dialog } from '../../phone/ui/dialog.tsx';
import { Empty, Spin } from '../../phone/ui/feedback.tsx';
import { Icon } from '../../phone/ui/icons.tsx';
import { h5Api } from '../api/h5.api.ts';
import { cachedMatters, refreshMatterCache, searchMatters, type MatterOption } from './matter-search.ts';

export interface PickedMatter {
  code: string;
  name: string;
}

/** Common street problems for one-tap picking (GB/T 47678.5 codes; shown only when the tenant has them active). */
export const QUICK_MATTERS = ['09006', '09005', '06010', '06036', '07001', '09009', '06013', '06042'] as const;

interface Props {
  value: PickedMatter | null;
  onChange: (value: PickedMatter) => void;
  online: boolean;
}

/** Matter picker: quick chips, and a bottom sheet that searches by name, code or pinyin initials (zdjy → 占道经营). */
export function MatterPicker({ value, onChange, online }: Props) {
  const { t } = useI18n();
  const { me } = useAuth();
  const tenantId = me?.user.tenantId ?? '';
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const stored = useMemo(() => cachedMatters(tenantId), [tenantId]);
  // Online, the phone's copy of the catalog is refreshed once, for searching offline later.
  const refreshed = useResource(online && tenantId ? (signal) => refreshMatterCache(tenantId, signal) : null, [
    online,
    tenantId,
  ]);
  const cache: MatterOption[] | null = refreshed.data ?? stored;
  // Online the server searches (typing waits for a pause); offline, or when it fails, the phone's copy is searched.
  const remote = useResource(
    open && online
      ? (signal) =>
          h5Api.matters(q.trim(), signal).then((page) =>
            page.items.map(({ code, name, pinyinInitials, pinyin }): MatterOption => ({
              code,
              name,
              pinyinInitials,
              pinyin,
            })),
          )
      : null,
    [open, online, q],
    { delayMs: q ? 250 : 0 },
  );
  const local = !online || remote.error !== null;
  const results = local ? searchMatters(cache ?? [], q) : (remote.data ?? []);
  const loading = !local && remote.loading;

  const known = cache ? new Map(cache.map((m) => [m.code, m.name])) : null;
  const chips = QUICK_MATTERS.filter((code) => !known || known.has(code));
  const pick = (matter: PickedMatter) => {
    onChange(matter);
    setOpen(false);
    setQ('');
  };

  return (
    <>
      <button
        type="button"
        className="h5-picker-field"
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        data-testid="h5-report-matter"
        data-value={value?.code ?? ''}
      >
        {value ? (
          <span>{`${value.code} ${value.name}`}</span>
        ) : (
          <span className="h5-placeholder">{t('h5.report.matterPick')}</span>
        )}
        <Icon name="right" />
      </button>
      <div className="h5-chips" role="group" aria-label={t('h5.report.quick')}>
        {chips.map((code) => (
          <Button
            key={code}
            round
            kind={value?.code === code ? 'primary' : 'default'}
            aria-pressed={value?.code === code}
            onClick={() => onChange({ code, name: known?.get(code) ?? t(`h5.quickMatters.${code}`) })}
            data-testid={`h5-report-matter-chip-${code}`}
          >
            {t(`h5.quickMatters.${code}`)}
          </Button>
        ))}
      </div>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        placement="sheet"
        title={t('h5.report.matter')}
        closeLabel={t('common.close')}
        testId="h5-report-matter-drawer"
      >
        <SearchInput
          data-autofocus
          value={q}
          onValue={setQ}
          clearLabel={t('common.clearSearch')}
          placeholder={t('h5.report.matterSearch')}
          aria-label={t('h5.report.matterSearch')}
          data-testid="h5-report-matter-search"
        />
        {local ? <div className="ph-muted h5-gap-top-small">{t('h5.report.matterOffline')}</div> : null}
        <div className="ph-loading-box h5-matter-options" aria-busy={loading}>
          {loading ? (
            <div className="ph-loading-veil">
              <Spin label={t('app.loading')} />
            </div>
          ) : null}
          <ul className="h5-plain-list" data-testid="h5-report-matter-options">
            {results.length === 0 && !loading ? (
              <li>
                <Empty text={t('h5.report.matterNone')} />
              </li>
            ) : null}
            {results.map((m) => (
              <li key={m.code}>
                <button
                  type="button"
                  className="ph-list-row h5-option"
                  onClick={() => pick({ code: m.code, name: m.name })}
                  data-testid={`h5-report-matter-option-${m.code}`}
                >
                  <span className="h5-option-name">{m.name}</span>
                  <span className="ph-muted">{m.code}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      </Dialog>
    </>
  );
}
