import { useState } from 'react';
import type { PublicMatter } from '../../../../common/contracts/public.ts';
import { useResource } from '../../api/use-resource.ts';
import { useI18n } from '../../i18n/context.ts';
import { publicApi } from '../api/public.api.ts';
import { Icon } from '../../phone/ui/icons.tsx';
import { Button, TextInput } from '../../phone/ui/controls.tsx';
import { Empty, Spin } from '../../phone/ui/feedback.tsx';

type Picked = { code: string; name: string };

/** 选择问题类型: search in plain words (垃圾, 井盖, 摆摊 …); the common problems before anything is typed. */
export function MatterField({ value, onChange }: { value: Picked | null; onChange: (value: Picked | null) => void }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  // Nothing is asked while a matter is chosen; typing waits for a pause, the common list comes at once.
  const found = useResource(value ? null : (signal) => publicApi.matters(q.trim(), signal), [q, value], {
    delayMs: q ? 250 : 0,
  });
  const items: PublicMatter[] = found.data?.items ?? [];
  const { loading } = found;
  const failed = found.error !== null;

  if (value) {
    return (
      <div className="pub-row pub-chosen" data-testid="public-matter-chosen" data-code={value.code}>
        <Icon name="check" className="pub-ok" />
        <span style={{ flex: 1, fontSize: 16 }}>{value.name}</span>
        <Button onClick={() => onChange(null)} data-testid="public-matter-change">
          {t('public.report.change')}
        </Button>
      </div>
    );
  }
  return (
    <div>
      <div className="ph-search">
        <Icon name="search" />
        <TextInput
          type="search"
          placeholder={t('public.report.matterPlaceholder')}
          value={q}
          aria-label={t('public.report.matter')}
          onChange={(event) => setQ(event.target.value)}
          data-testid="public-matter-search"
        />
      </div>
      {!q ? (
        <div className="ph-muted" style={{ margin: '8px 0 4px' }}>
          {t('public.report.matterCommon')}
        </div>
      ) : null}
      <div className="ph-loading-box" aria-busy={loading}>
        {loading ? (
          <div className="ph-loading-veil">
            <Spin />
          </div>
        ) : null}
        <div className={q ? 'pub-list' : 'pub-chips'} data-testid="public-matter-options" style={{ minHeight: 60 }}>
          {!loading && items.length === 0 ? (
            <Empty text={failed ? t('public.loadFailed', { message: '' }) : t('public.report.matterEmpty')} />
          ) : null}
          {items.map((m) =>
            q ? (
              <div
                key={m.code}
                role="button"
                tabIndex={0}
                className="ph-list-row"
                onClick={() => onChange({ code: m.code, name: m.name })}
                onKeyDown={(event) => event.key === 'Enter' && onChange({ code: m.code, name: m.name })}
                data-testid={`public-matter-option-${m.code}`}
              >
                <span style={{ flex: 1 }}>{m.name}</span>
                <span className="ph-muted">{m.majorName}</span>
              </div>
            ) : (
              <Button
                key={m.code}
                round
                onClick={() => onChange({ code: m.code, name: m.name })}
                data-testid={`public-matter-option-${m.code}`}
              >
                {m.name}
              </Button>
            ),
          )}
        </div>
      </div>
    </div>
  );
}
