import { useEffect, useState } from 'react';
import { Button, Drawer, Empty, Input, Spin, Typography } from 'antd';
import { RightOutlined, SearchOutlined } from '@ant-design/icons';
import { useAuth } from '../../features/auth/context.ts';
import { useI18n } from '../../i18n/context.ts';
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
  const [cache, setCache] = useState<MatterOption[] | null>(() => cachedMatters(tenantId));
  const [results, setResults] = useState<MatterOption[]>([]);
  const [loading, setLoading] = useState(false);
  const [local, setLocal] = useState(false);

  useEffect(() => {
    if (!online || !tenantId) return;
    const controller = new AbortController();
    refreshMatterCache(tenantId, controller.signal).then((items) => !controller.signal.aborted && setCache(items), () => undefined);
    return () => controller.abort();
  }, [online, tenantId]);

  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    const searchLocally = () => {
      setLocal(true);
      setResults(searchMatters(cache ?? [], q));
    };
    if (!online) {
      searchLocally();
      return;
    }
    setLoading(true);
    const timer = setTimeout(() => {
      h5Api.matters(q.trim(), controller.signal).then(
        (page) => {
          if (controller.signal.aborted) return;
          setLocal(false);
          setResults(page.items.map(({ code, name, pinyinInitials, pinyin }) => ({ code, name, pinyinInitials, pinyin })));
        },
        () => !controller.signal.aborted && searchLocally(),
      ).finally(() => !controller.signal.aborted && setLoading(false));
    }, q ? 250 : 0);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [open, q, online, cache]);

  const known = cache ? new Map(cache.map((m) => [m.code, m.name])) : null;
  const chips = QUICK_MATTERS.filter((code) => !known || known.has(code));
  const pick = (matter: PickedMatter) => {
    onChange(matter);
    setOpen(false);
    setQ('');
  };

  return (
    <>
      <Button className="h5-picker-field" onClick={() => setOpen(true)} data-testid="h5-report-matter" data-value={value?.code ?? ''}>
        {value ? <span>{`${value.code} ${value.name}`}</span> : <Typography.Text type="secondary">{t('h5.report.matterPick')}</Typography.Text>}
        <RightOutlined />
      </Button>
      <div className="h5-chips" aria-label={t('h5.report.quick')}>
        {chips.map((code) => (
          <Button
            key={code}
            shape="round"
            type={value?.code === code ? 'primary' : 'default'}
            onClick={() => onChange({ code, name: known?.get(code) ?? t(`h5.quickMatters.${code}`) })}
            data-testid={`h5-report-matter-chip-${code}`}
          >
            {t(`h5.quickMatters.${code}`)}
          </Button>
        ))}
      </div>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        placement="bottom"
        size="85%"
        title={t('h5.report.matter')}
        styles={{ body: { padding: '8px 12px' } }}
        destroyOnHidden
        data-testid="h5-report-matter-drawer"
      >
        <Input
          size="large"
          allowClear
          autoFocus
          prefix={<SearchOutlined />}
          placeholder={t('h5.report.matterSearch')}
          value={q}
          onChange={(event) => setQ(event.target.value)}
          data-testid="h5-report-matter-search"
        />
        {local ? <div className="h5-muted" style={{ marginTop: 6 }}>{t('h5.report.matterOffline')}</div> : null}
        <Spin spinning={loading}>
          <div style={{ marginTop: 8, minHeight: 120 }} data-testid="h5-report-matter-options">
            {results.length === 0 && !loading ? <Empty description={t('h5.report.matterNone')} image={Empty.PRESENTED_IMAGE_SIMPLE} /> : null}
            {results.map((m) => (
              <div
                key={m.code}
                role="button"
                tabIndex={0}
                className="h5-list-row"
                onClick={() => pick({ code: m.code, name: m.name })}
                onKeyDown={(event) => event.key === 'Enter' && pick({ code: m.code, name: m.name })}
                data-testid={`h5-report-matter-option-${m.code}`}
              >
                <span style={{ flex: 1 }}>{m.name}</span>
                <span className="h5-muted">{m.code}</span>
              </div>
            ))}
          </div>
        </Spin>
      </Drawer>
    </>
  );
}
