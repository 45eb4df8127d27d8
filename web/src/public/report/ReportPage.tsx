import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { MAX_PUBLIC_PHOTOS, MOBILE_PATTERN } from '../../../../common/domain/citizen-report.ts';
import { errorText, isApiError } from '../../api/errors.ts';
import { useI18n } from '../../i18n/context.ts';
import { clearDraft, emptyDraft, loadDraft, rememberReport, saveDraft, type Draft } from '../api/device.ts';
import { publicApi } from '../api/public.api.ts';
import { usePublicInfo } from '../info-context.ts';
import { dataUrlToBlob } from '../../phone/photos.ts';
import { LocationField } from './LocationField.tsx';
import { MatterField } from './MatterField.tsx';
import { NearbyReports } from './NearbyReports.tsx';
import { PhotoField } from './PhotoField.tsx';
import { Button, TextArea, TextInput } from '../../phone/ui/controls.tsx';
import { Alert, LoadError } from '../../phone/ui/feedback.tsx';

const MOBILE = new RegExp(MOBILE_PATTERN);

function Step({
  n,
  title,
  hint,
  children,
  testId,
}: {
  n: number;
  title: string;
  hint?: string;
  children: ReactNode;
  testId: string;
}) {
  const { t } = useI18n();
  return (
    <section className="phone-section pub-section" data-testid={testId}>
      <div className="pub-section-title">
        <span className="pub-step" aria-label={t('public.report.step', { n })}>
          {n}
        </span>
        <span>{title}</span>
        {hint ? (
          <span className="ph-muted" style={{ fontWeight: 400 }}>
            {hint}
          </span>
        ) : null}
      </div>
      {children}
    </section>
  );
}

const Problem = ({ text, testId }: { text: string | null; testId: string }) =>
  text ? (
    <div className="ph-error" data-testid={testId}>
      {text}
    </div>
  ) : null;

/** 拍照 → 地图选点 → 选择问题类型 → 描述/电话 → 提交. Everything is kept on the phone until the server has it. */
export function ReportPage() {
  const { t, locale } = useI18n();
  const { info, error: infoError, reload } = usePublicInfo();
  const navigate = useNavigate();
  const [restored] = useState(() => loadDraft());
  const [draft, setDraft] = useState<Draft>(() => restored ?? emptyDraft());
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [locationProblem, setLocationProblem] = useState<string | null>(null);
  const [showRestored, setShowRestored] = useState(
    restored !== null && (restored.photos.length > 0 || restored.description !== ''),
  );
  const latest = useRef(draft);
  latest.current = draft;

  // Kept on the phone as it is typed (slightly delayed: photos make the draft large), and at once when the page is
  // hidden or closed, so the last keystrokes are never lost. Once the report is in, nothing writes the draft back:
  // a save still pending from the photo upload would otherwise restore the sent report on the next visit.
  const submitted = useRef(false);
  useEffect(() => {
    const timer = setTimeout(() => !submitted.current && saveDraft(draft), 300);
    return () => clearTimeout(timer);
  }, [draft]);
  useEffect(() => {
    const flush = () => !submitted.current && saveDraft(latest.current);
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', flush);
    };
  }, []);

  const update = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const city = info?.city.name ?? '';
  const problems = {
    photos: draft.photos.length === 0 ? t('public.report.photosRequired') : null,
    location: draft.location === null ? t('public.report.locationRequired') : null,
    matter: draft.matter === null ? t('public.report.matterRequired') : null,
    description: draft.description.trim().length < 5 ? t('public.report.descriptionRequired') : null,
    phone: draft.phone.trim() !== '' && !MOBILE.test(draft.phone.trim()) ? t('public.report.phoneInvalid') : null,
  };
  const shown = (p: string | null) => (tried ? p : null);

  const submit = async () => {
    setTried(true);
    setFailure(null);
    setLocationProblem(null);
    const { location, matter } = draft;
    if (Object.values(problems).some(Boolean) || !location || !matter) return;
    saveDraft(draft);
    setBusy(true);
    try {
      const photoIds: string[] = [];
      for (const photo of latest.current.photos) {
        let id = photo.id;
        if (!id) {
          if (!photo.url) continue;
          const blob = dataUrlToBlob(photo.url);
          id = (await publicApi.uploadPhoto(blob, photo.key)).id;
          const uploaded = id;
          setDraft((d) => ({ ...d, photos: d.photos.map((p) => (p.key === photo.key ? { ...p, id: uploaded } : p)) }));
        }
        photoIds.push(id);
      }
      const result = await publicApi.report(
        {
          matterCode: matter.code,
          description: draft.description.trim(),
          lng: Number(location.lng.toFixed(7)),
          lat: Number(location.lat.toFixed(7)),
          crs: 'wgs84',
          photoIds,
          ...(draft.address.trim() ? { address: draft.address.trim() } : {}),
          ...(draft.phone.trim() ? { phone: draft.phone.trim() } : {}),
        },
        draft.key,
      );
      rememberReport({
        caseNo: result.caseNo,
        token: result.token,
        matterName: matter.name,
        at: new Date().toISOString(),
      });
      submitted.current = true;
      clearDraft();
      void navigate('/public/done', { state: result });
    } catch (error) {
      if (isApiError(error) && (error.code === 'CASE_OUTSIDE_TENANT' || error.code === 'GEO_NOT_COVERED'))
        setLocationProblem(t('public.report.outside', { city }));
      // A refusal (4xx) says what to change, in the server's words; only a lost connection or a server fault is
      // worth a plain retry.
      else if (isApiError(error) && error.status >= 400 && error.status < 500 && error.status !== 408)
        setFailure(t('public.report.rejected', { message: errorText(error, locale) }));
      else setFailure(t('public.report.failed', { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(false);
    }
  };

  const startOver = () => {
    clearDraft();
    submitted.current = false;
    setDraft(emptyDraft());
    setTried(false);
    setShowRestored(false);
  };

  if (infoError && !info) {
    return <LoadError error={infoError} onRetry={reload} testId="public-info" />;
  }

  return (
    <div data-testid="public-report">
      <p className="pub-intro">{t('public.report.intro')}</p>
      {showRestored ? (
        <Alert
          type="info"
          onClose={() => setShowRestored(false)}
          closeLabel={t('public.report.discard')}
          title={t('public.report.draftRestored')}
          action={
            <Button size="small" onClick={startOver} data-testid="public-start-over">
              {t('public.report.discard')}
            </Button>
          }
          data-testid="public-draft-restored"
        />
      ) : null}
      <Step n={1} title={t('public.report.photos')} hint={t('public.report.photosHint')} testId="public-step-photos">
        <PhotoField
          photos={draft.photos}
          onChange={(photos) => update({ photos })}
          max={info?.maxPhotos ?? MAX_PUBLIC_PHOTOS}
        />
        <Problem text={shown(problems.photos)} testId="public-photos-error" />
      </Step>
      <Step n={2} title={t('public.report.location')} testId="public-step-location">
        <LocationField
          value={draft.location}
          onChange={(location) => {
            setLocationProblem(null);
            update({ location });
          }}
        />
        <Problem text={locationProblem ?? shown(problems.location)} testId="public-location-error" />
      </Step>
      <Step n={3} title={t('public.report.matter')} testId="public-step-matter">
        <MatterField value={draft.matter} onChange={(matter) => update({ matter })} />
        <Problem text={shown(problems.matter)} testId="public-matter-error" />
      </Step>
      <NearbyReports
        matterCode={draft.matter?.code ?? null}
        location={draft.location}
        phone={MOBILE.test(draft.phone.trim()) ? draft.phone.trim() : null}
      />
      <Step n={4} title={t('public.report.describe')} testId="public-step-describe">
        <label className="ph-label" htmlFor="pub-description">
          {t('public.report.description')}
        </label>
        <TextArea
          id="pub-description"
          value={draft.description}
          onChange={(e) => update({ description: e.target.value })}
          placeholder={t('public.report.descriptionPlaceholder')}
          minRows={3}
          maxRows={8}
          maxLength={1000}
          showCount
          data-testid="public-description"
        />
        <Problem text={shown(problems.description)} testId="public-description-error" />
        <label className="ph-label" htmlFor="pub-address">
          {t('public.report.address')}
        </label>
        <TextInput
          id="pub-address"
          value={draft.address}
          onChange={(e) => update({ address: e.target.value })}
          placeholder={t('public.report.addressPlaceholder')}
          maxLength={200}
          data-testid="public-address"
        />
        <label className="ph-label" htmlFor="pub-phone">
          {t('public.report.phone')}
        </label>
        <TextInput
          id="pub-phone"
          type="tel"
          inputMode="numeric"
          autoComplete="tel"
          value={draft.phone}
          onChange={(e) => update({ phone: e.target.value.replace(/[^\d]/g, '') })}
          placeholder={t('public.report.phonePlaceholder')}
          maxLength={11}
          data-testid="public-phone"
        />
        <div className="ph-muted" style={{ marginTop: 6 }}>
          {t('public.report.phoneHint')}
        </div>
        <Problem text={shown(problems.phone)} testId="public-phone-error" />
      </Step>
      {failure ? <Alert type="warning" title={failure} data-testid="public-submit-failed" /> : null}
      <Button
        kind="primary"
        size="large"
        block
        icon="send"
        loading={busy}
        disabled={!info}
        onClick={() => void submit()}
        className="pub-submit"
        data-testid="public-submit"
      >
        {busy ? t('public.report.submitting') : t('public.report.submit')}
      </Button>
      <p className="ph-muted" style={{ marginTop: 10 }}>
        {t('public.report.privacy')}
      </p>
    </div>
  );
}
