import { App, Button, Result } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { Link, Navigate, useLocation } from 'react-router-dom';
import type { PublicReportResult } from '../../../../common/contracts/public.ts';
import { useI18n } from '../../i18n/context.ts';
import { myReports } from '../api/device.ts';

function CopyLine({ label, value, testId }: { label: string; value: string; testId: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      void message.success(t('public.done.copied'));
    } catch {
      void message.warning(t('public.done.copyFailed'));
    }
  };
  return (
    <div className="pub-copy">
      <div className="pub-muted">{label}</div>
      <div className="pub-row">
        <code className="pub-code" data-testid={testId}>{value}</code>
        <Button icon={<CopyOutlined />} onClick={() => void copy()} data-testid={`${testId}-copy`}>{t('public.done.copy')}</Button>
      </div>
    </div>
  );
}

/** 提交成功: the case number and the private tracking code, with copy buttons (also remembered on this phone). */
export function DonePage() {
  const { t } = useI18n();
  const state = useLocation().state as PublicReportResult | null;
  // After a reload the page has no state: show the latest report this phone remembers.
  const result = state?.token ? state : myReports()[0] ?? null;
  if (!result) return <Navigate to="/public" replace />;
  return (
    <section className="pub-section" data-testid="public-done">
      <Result status="success" title={t('public.done.title')} style={{ padding: '12px 0' }} />
      <CopyLine label={t('public.done.caseNo')} value={result.caseNo} testId="public-case-no" />
      <CopyLine label={t('public.done.token')} value={result.token} testId="public-token" />
      <p className="pub-muted">{t('public.done.keep')}</p>
      <Link to={`/public/track#${result.token}`}>
        <Button type="primary" size="large" block data-testid="public-done-track">{t('public.done.track')}</Button>
      </Link>
      <Link to="/public">
        <Button size="large" block style={{ marginTop: 10 }} data-testid="public-done-another">{t('public.done.another')}</Button>
      </Link>
    </section>
  );
}
