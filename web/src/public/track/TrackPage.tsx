import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { isApiError } from '../../api/errors.ts';
import { useResource } from '../../api/use-resource.ts';
import { formatInstant } from '../../components/format.ts';
import { useI18n } from '../../i18n/context.ts';
import { forgetReport, myReports } from '../api/device.ts';
import { publicApi, type PublicCaseView } from '../api/public.api.ts';
import { usePublicInfo } from '../info-context.ts';
import { CaseView } from './CaseView.tsx';
import { LookupByPhone } from './LookupByPhone.tsx';
import { Icon } from '../../phone/ui/icons.tsx';
import { Button, TextInput } from '../../phone/ui/controls.tsx';
import { Alert, Empty, LoadError, Spin } from '../../phone/ui/feedback.tsx';

const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;

/**
 * 进度查询. The tracking code travels in the URL fragment (#code), which browsers never send to a server, so it
 * stays out of access logs and referrers.
 */
export function TrackPage() {
  const { t } = useI18n();
  const { hash } = useLocation();
  const navigate = useNavigate();
  const token = decodeURIComponent(hash.replace(/^#/, ''));
  const [entered, setEntered] = useState('');
  const [invalid, setInvalid] = useState(false);
  const track = useResource<PublicCaseView>(token ? (signal) => publicApi.track(token, signal) : null, [token], {
    resetOnChange: true,
  });
  const { data: view, setData: setView, error, loading } = track;
  const unknown = isApiError(error) && error.status === 404;
  const [mine, setMine] = useState(() => myReports());
  const { info } = usePublicInfo();

  const lookup = () => {
    const value = entered.trim();
    if (!TOKEN.test(value)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    void navigate(`/public/track#${value}`);
  };

  if (token) {
    return (
      <div data-testid="public-track-detail">
        <Button
          kind="link"
          icon="left"
          onClick={() => navigate('/public/track')}
          style={{ paddingLeft: 0 }}
          data-testid="public-track-back"
        >
          {t('public.track.back')}
        </Button>
        {loading ? (
          <div className="pub-center">
            <Spin />
          </div>
        ) : null}
        {unknown ? <Alert type="warning" title={t('public.track.notFound')} data-testid="public-track-error" /> : null}
        {error && !unknown ? <LoadError error={error} onRetry={track.reload} testId="public-track" /> : null}
        {view ? <CaseView view={view} token={token} onChange={setView} /> : null}
      </div>
    );
  }

  return (
    <div data-testid="public-track">
      <section className="phone-section pub-section">
        <div className="pub-section-title">{t('public.track.title')}</div>
        <label className="ph-label" htmlFor="pub-token">
          {t('public.track.tokenLabel')}
        </label>
        <div className="pub-row">
          <TextInput
            id="pub-token"
            value={entered}
            onChange={(e) => setEntered(e.target.value)}
            onEnter={lookup}
            placeholder={t('public.track.tokenPlaceholder')}
            style={{ flex: 1, minWidth: 0 }}
            data-testid="public-token-input"
          />
          <Button kind="primary" size="large" onClick={lookup} data-testid="public-token-lookup">
            {t('public.track.query')}
          </Button>
        </div>
        {invalid ? (
          <div className="ph-error" data-testid="public-token-invalid">
            {t('public.track.tokenInvalid')}
          </div>
        ) : null}
        {info && !info.smsEnabled ? (
          <p className="ph-muted" data-testid="public-lookup-off">
            {t('public.track.smsOff')}
          </p>
        ) : null}
      </section>
      {info?.smsEnabled ? (
        <section className="phone-section pub-section">
          <div className="pub-section-title">{t('public.track.byPhone')}</div>
          <LookupByPhone onFound={(found) => void navigate(`/public/track#${found}`)} />
        </section>
      ) : null}
      <section className="phone-section pub-section">
        <div className="pub-section-title">{t('public.track.mine')}</div>
        {mine.length === 0 ? <Empty text={t('public.track.none')} /> : null}
        {mine.map((r) => (
          <div className="ph-list-row" key={r.token} data-testid={`public-mine-${r.caseNo}`}>
            <Link to={`/public/track#${r.token}`} style={{ flex: 1, minWidth: 0, color: 'inherit' }}>
              <div style={{ fontWeight: 600 }}>{r.matterName}</div>
              <div className="ph-muted">
                {r.caseNo} · {formatInstant(r.at)}
              </div>
            </Link>
            <Button
              kind="text"
              size="small"
              className="ph-muted"
              onClick={() => {
                forgetReport(r.token);
                setMine(myReports());
              }}
            >
              {t('public.track.forget')}
            </Button>
            <Icon name="right" className="ph-muted" />
          </div>
        ))}
      </section>
    </div>
  );
}
