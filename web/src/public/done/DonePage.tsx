import { lazy, Suspense } from 'react';
import { Link, Navigate, useLocation } from 'react-router-dom';
import type { PublicReportResult } from '../../../../common/contracts/public.ts';
import { useI18n } from '../../i18n/context.ts';
import { myReports } from '../api/device.ts';
import { Icon } from '../../phone/ui/icons.tsx';
import { toast } from '../../phone/ui/toast.tsx';
import { Button, buttonClass } from '../../phone/ui/controls.tsx';

// The QR encoder loads only on this page, after the receipt itself is shown (citizen first-load budget).
const TrackQr = lazy(() => import('./TrackQr.tsx'));

function CopyLine({ label, value, testId }: { label: string; value: string; testId: string }) {
  const { t } = useI18n();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      toast.success(t('public.done.copied'));
    } catch {
      toast.warning(t('public.done.copyFailed'));
    }
  };
  return (
    <div className="pub-copy">
      <div className="ph-muted">{label}</div>
      <div className="pub-row">
        <code className="pub-code" data-testid={testId}>
          {value}
        </code>
        <Button icon="copy" onClick={() => void copy()} data-testid={`${testId}-copy`}>
          {t('public.done.copy')}
        </Button>
      </div>
    </div>
  );
}

/** The tracking page's address with the code in the fragment, which browsers never send to a server. */
export const trackLink = (token: string) => `${window.location.origin}/public/track#${token}`;

/** 提交成功: the case number and the private tracking code, with copy buttons (also remembered on this phone). */
export function DonePage() {
  const { t } = useI18n();
  const state = useLocation().state as PublicReportResult | null;
  // After a reload the page has no state: show the latest report this phone remembers.
  const result = state?.token ? state : (myReports()[0] ?? null);
  if (!result) return <Navigate to="/public" replace />;
  return (
    <section className="phone-section pub-section" data-testid="public-done">
      <div className="pub-result">
        <Icon name="check" className="pub-result-icon" />
        <div className="pub-result-title">{t('public.done.title')}</div>
      </div>
      <CopyLine label={t('public.done.caseNo')} value={result.caseNo} testId="public-case-no" />
      <CopyLine label={t('public.done.token')} value={result.token} testId="public-token" />
      <p className="ph-muted">{t('public.done.keep')}</p>
      <div className="pub-qr">
        <Suspense fallback={<div className="pub-qr-placeholder" />}>
          <TrackQr link={trackLink(result.token)} label={t('public.done.qrAlt')} />
        </Suspense>
        <div className="ph-muted">{t('public.done.qr')}</div>
      </div>
      <Link
        to={`/public/track#${result.token}`}
        className={buttonClass('primary', 'large', true)}
        data-testid="public-done-track"
      >
        {t('public.done.track')}
      </Link>
      <Link
        to="/public"
        className={buttonClass('default', 'large', true)}
        style={{ marginTop: 10 }}
        data-testid="public-done-another"
      >
        {t('public.done.another')}
      </Link>
    </section>
  );
}
