import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n/context.ts';
import { Switch } from '../../phone/ui/choice.tsx';
import { Button, TextArea, TextInput } from '../../phone/ui/controls.tsx';
import { Alert } from '../../phone/ui/feedback.tsx';
import { toast } from '../../phone/ui/toast.tsx';
import { MAX_PHOTOS } from '../offline/draft.ts';
import { useQueue } from '../offline/queue-context.ts';
import type { SubmitResult } from '../offline/queue-context.ts';
import { LocationPicker, type PickedLocation } from './LocationPicker.tsx';
import { MatterPicker, type PickedMatter } from './MatterPicker.tsx';
import { PhotoPicker } from './PhotoPicker.tsx';

function FieldError({ show, text, testId, id }: { show: boolean; text: string; testId: string; id?: string }) {
  return show ? (
    <div className="ph-error" id={id} data-testid={testId}>
      {text}
    </div>
  ) : null;
}

function ResultNotice({ result, onClose }: { result: SubmitResult; onClose: () => void }) {
  const { t } = useI18n();
  const common = {
    onClose,
    closeLabel: t('common.close'),
    'data-testid': 'h5-report-result',
    'data-kind': result.kind,
  } as const;
  if (result.kind === 'sent') {
    return (
      <Alert
        {...common}
        type="success"
        title={t('h5.report.sent')}
        description={
          <span data-testid="h5-report-case-no">{t('h5.report.sentCaseNo', { caseNo: result.caseNo })}</span>
        }
      />
    );
  }
  const toDrafts = <Link to="/h5/drafts">{t('h5.drafts.title')}</Link>;
  if (result.kind === 'saved') {
    return (
      <Alert
        {...common}
        type="warning"
        title={t(result.reason === 'offline' ? 'h5.report.savedOffline' : 'h5.report.savedNetwork')}
        description={toDrafts}
      />
    );
  }
  if (result.kind === 'failed')
    return (
      <Alert
        {...common}
        type="error"
        title={t('h5.report.savedFailed', { message: result.message })}
        description={toDrafts}
      />
    );
  return <Alert {...common} type="error" title={t('h5.report.storageFull')} description={toDrafts} />;
}

/** 上报: photos, position, matter, description, address, 自行处置; saved as a draft first, then sent if possible. */
export function ReportPage({ active }: { active: boolean }) {
  const { t } = useI18n();
  const queue = useQueue();
  const [photos, setPhotos] = useState<string[]>([]);
  const [location, setLocation] = useState<PickedLocation | null>(null);
  const [matter, setMatter] = useState<PickedMatter | null>(null);
  const [description, setDescription] = useState('');
  const [address, setAddress] = useState('');
  const [selfHandled, setSelfHandled] = useState(false);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<SubmitResult | null>(null);
  const [resetToken, setResetToken] = useState(0);

  const missing = {
    photos: photos.length === 0,
    location: location === null,
    matter: matter === null,
    description: description.trim().length < 2,
  };

  const reset = () => {
    setPhotos([]);
    setLocation(null);
    setMatter(null);
    setDescription('');
    setAddress('');
    setSelfHandled(false);
    setTried(false);
    setResetToken((n) => n + 1);
  };

  const submit = async () => {
    setTried(true);
    if (!location || !matter || missing.photos || missing.description) {
      toast.warning(
        t(
          missing.photos
            ? 'h5.report.photosRequired'
            : !location
              ? 'h5.report.noLocation'
              : !matter
                ? 'h5.report.matterRequired'
                : 'h5.report.descriptionRequired',
        ),
      );
      return;
    }
    setBusy(true);
    try {
      const outcome = await queue.submit({
        body: {
          channel: 'inspector',
          matterCode: matter.code,
          description: description.trim(),
          ...(address.trim() ? { address: address.trim() } : {}),
          lng: Number(location.lng.toFixed(7)),
          lat: Number(location.lat.toFixed(7)),
          crs: 'wgs84',
          selfHandled,
        },
        matterName: matter.name,
        photos,
      });
      setResult(outcome);
      if (outcome.kind !== 'storage_full') reset();
      window.scrollTo({ top: 0 });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="h5-report">
      {result ? <ResultNotice result={result} onClose={() => setResult(null)} /> : null}
      <section className="phone-section h5-section" aria-labelledby="h5-photos-title">
        <div className="h5-section-title">
          <h2 className="h5-required" id="h5-photos-title">
            {t('h5.report.photos')}
          </h2>
          <span className="ph-muted">{t('h5.report.photoCount', { count: photos.length, max: MAX_PHOTOS })}</span>
        </div>
        <PhotoPicker photos={photos} onChange={setPhotos} testId="h5-report-photo" />
        <FieldError
          show={tried && missing.photos}
          text={t('h5.report.photosRequired')}
          testId="h5-report-photos-error"
        />
      </section>
      <section className="phone-section h5-section" aria-labelledby="h5-location-title">
        <h2 className="h5-section-title h5-required" id="h5-location-title">
          {t('h5.report.location')}
        </h2>
        <LocationPicker
          value={location}
          onChange={setLocation}
          active={active}
          online={queue.online}
          resetToken={resetToken}
        />
        <FieldError
          show={tried && missing.location}
          text={t('h5.report.noLocation')}
          testId="h5-report-location-error"
        />
      </section>
      <section className="phone-section h5-section" aria-labelledby="h5-matter-title">
        <h2 className="h5-section-title h5-required" id="h5-matter-title">
          {t('h5.report.matter')}
        </h2>
        <MatterPicker value={matter} onChange={setMatter} online={queue.online} />
        <FieldError
          show={tried && missing.matter}
          text={t('h5.report.matterRequired')}
          testId="h5-report-matter-error"
        />
      </section>
      <section className="phone-section h5-section">
        <label className="h5-section-title h5-required" htmlFor="h5-description">
          {t('h5.report.description')}
        </label>
        <TextArea
          id="h5-description"
          value={description}
          onChange={(event) => setDescription(event.target.value)}
          placeholder={t('h5.report.descriptionPlaceholder')}
          minRows={3}
          maxRows={8}
          maxLength={1000}
          showCount
          required
          invalid={tried && missing.description}
          aria-describedby={tried && missing.description ? 'h5-description-error' : undefined}
          data-testid="h5-report-description"
        />
        <FieldError
          show={tried && missing.description}
          text={t('h5.report.descriptionRequired')}
          testId="h5-report-description-error"
          id="h5-description-error"
        />
        <label className="h5-section-title h5-gap-top" htmlFor="h5-address">
          {t('h5.report.address')}
        </label>
        <TextInput
          id="h5-address"
          value={address}
          onChange={(event) => setAddress(event.target.value)}
          placeholder={t('h5.report.addressPlaceholder')}
          maxLength={200}
          autoComplete="off"
          data-testid="h5-report-address"
        />
      </section>
      <section className="phone-section h5-section h5-switch-row">
        {/* a tap on the words toggles the switch too */}
        <label className="h5-switch-text" htmlFor="h5-self-handled">
          <span className="h5-switch-title" id="h5-self-handled-label">
            {t('h5.report.selfHandled')}
          </span>
          <span className="ph-muted">{t('h5.report.selfHandledHint')}</span>
        </label>
        <Switch
          id="h5-self-handled"
          checked={selfHandled}
          onChange={setSelfHandled}
          labelledBy="h5-self-handled-label"
          data-testid="h5-report-self-handled"
        />
      </section>
      <Button
        kind="primary"
        size="large"
        block
        icon="send"
        loading={busy}
        disabled={!queue.ready}
        onClick={() => void submit()}
        className="h5-submit"
        data-testid="h5-report-submit"
      >
        {busy ? t('h5.report.submitting') : t('h5.report.submit')}
      </Button>
    </div>
  );
}
