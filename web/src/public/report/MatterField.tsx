import { useEffect, useState } from 'react';
import { Button, Empty, Input, Spin } from 'antd';
import { CheckCircleFilled, SearchOutlined } from '@ant-design/icons';
import type { PublicMatter } from '../../../../common/contracts/public.ts';
import { useI18n } from '../../i18n/context.ts';
import { publicApi } from '../api/public.api.ts';

type Picked = { code: string; name: string };

/** 选择问题类型: search in plain words (垃圾, 井盖, 摆摊 …); the common problems before anything is typed. */
export function MatterField({ value, onChange }: { value: Picked | null; onChange: (value: Picked | null) => void }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [items, setItems] = useState<PublicMatter[]>([]);
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (value) return;
    const controller = new AbortController();
    setLoading(true);
    const timer = setTimeout(() => {
      publicApi.matters(q.trim(), controller.signal).then(
        (page) => {
          setItems(page.items);
          setFailed(false);
        },
        () => !controller.signal.aborted && setFailed(true),
      ).finally(() => !controller.signal.aborted && setLoading(false));
    }, q ? 250 : 0);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q, value]);

  if (value) {
    return (
      <div className="pub-row pub-chosen" data-testid="public-matter-chosen" data-code={value.code}>
        <CheckCircleFilled style={{ color: '#52c41a', fontSize: 18 }} />
        <span style={{ flex: 1, fontSize: 16 }}>{value.name}</span>
        <Button onClick={() => onChange(null)} data-testid="public-matter-change">{t('public.report.change')}</Button>
      </div>
    );
  }
  return (
    <div>
      <Input size="large" allowClear prefix={<SearchOutlined />} placeholder={t('public.report.matterPlaceholder')} value={q}
        onChange={(event) => setQ(event.target.value)} style={{ fontSize: 16 }} data-testid="public-matter-search" />
      {!q ? <div className="pub-muted" style={{ margin: '8px 0 4px' }}>{t('public.report.matterCommon')}</div> : null}
      <Spin spinning={loading}>
        <div className={q ? 'pub-list' : 'pub-chips'} data-testid="public-matter-options" style={{ minHeight: 60 }}>
          {!loading && items.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={failed ? t('public.loadFailed', { message: '' }) : t('public.report.matterEmpty')} /> : null}
          {items.map((m) => (q ? (
            <div key={m.code} role="button" tabIndex={0} className="pub-list-row" onClick={() => onChange({ code: m.code, name: m.name })}
              onKeyDown={(event) => event.key === 'Enter' && onChange({ code: m.code, name: m.name })} data-testid={`public-matter-option-${m.code}`}>
              <span style={{ flex: 1 }}>{m.name}</span>
              <span className="pub-muted">{m.majorName}</span>
            </div>
          ) : (
            <Button key={m.code} shape="round" onClick={() => onChange({ code: m.code, name: m.name })} data-testid={`public-matter-option-${m.code}`}>{m.name}</Button>
          )))}
        </div>
      </Spin>
    </div>
  );
}
