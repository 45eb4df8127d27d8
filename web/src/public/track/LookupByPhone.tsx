import { useState } from 'react';
import { CASE_NO_PATTERN, LOOKUP_CODE_PATTERN, PHONE_LAST4_PATTERN } from '../../../../common/domain/citizen-report.ts';
import { isApiError } from '../../api/errors.ts';
import { useI18n } from '../../i18n/context.ts';
import { Button, TextInput } from '../../phone/ui/controls.tsx';
import { publicApi } from '../api/public.api.ts';

const CASE_NO = new RegExp(CASE_NO_PATTERN);
const LAST4 = new RegExp(PHONE_LAST4_PATTERN);
const CODE = new RegExp(LOOKUP_CODE_PATTERN);

type Field = 'caseNo' | 'phoneLast4' | 'code';
type Errors = Partial<Record<Field | 'form', string>>;

/** Field messages of a 400 (`body.caseNo` …) by field, and anything else as one message for the form. */
function errorsOf(error: unknown): Errors {
  if (!isApiError(error)) return { form: String(error) };
  const out: Errors = {};
  if (error.status === 400 && Array.isArray(error.details)) {
    for (const d of error.details as { field?: string; message?: string }[]) {
      const field = d.field?.replace(/^body\./, '') as Field | undefined;
      if (field === 'caseNo' || field === 'phoneLast4' || field === 'code') out[field] = d.message ?? error.message;
    }
  }
  return Object.keys(out).length > 0 ? out : { form: error.message };
}

/**
 * The second way in when the tracking code is lost: case number and the last 4 digits of the phone given with the
 * report, then the code the server sends to that phone by SMS (docs/security.md, "Lookup by case number and phone").
 * `onFound` gets an access token that opens the case like the tracking code.
 */
export function LookupByPhone({ onFound }: { onFound: (token: string) => void }) {
  const { t } = useI18n();
  const [caseNo, setCaseNo] = useState('');
  const [last4, setLast4] = useState('');
  const [code, setCode] = useState('');
  const [sentMinutes, setSentMinutes] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Errors>({});

  const send = async () => {
    const no = caseNo.trim();
    const wrong: Errors = {};
    if (!CASE_NO.test(no)) wrong.caseNo = t('public.track.caseNoInvalid');
    if (!LAST4.test(last4.trim())) wrong.phoneLast4 = t('public.track.phoneLast4Invalid');
    setErrors(wrong);
    if (Object.keys(wrong).length > 0) return;
    setBusy(true);
    try {
      const sent = await publicApi.lookup({ caseNo: no, phoneLast4: last4.trim() });
      setSentMinutes(sent.expiresInMinutes);
      setCode('');
    } catch (error) {
      setErrors(errorsOf(error));
    } finally {
      setBusy(false);
    }
  };

  const verify = async () => {
    if (!CODE.test(code.trim())) {
      setErrors({ code: t('public.track.codeInvalid') });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const found = await publicApi.verifyLookup({ caseNo: caseNo.trim(), code: code.trim() });
      onFound(found.token);
    } catch (error) {
      setErrors(errorsOf(error));
    } finally {
      setBusy(false);
    }
  };

  const fieldError = (field: Field | 'form') =>
    errors[field] ? (
      <div className="ph-error" data-testid={`public-lookup-${field}-error`}>
        {errors[field]}
      </div>
    ) : null;

  return (
    <div data-testid="public-lookup">
      <p className="ph-muted">{t('public.track.byPhoneHint')}</p>
      <label className="ph-label" htmlFor="pub-lookup-case">
        {t('public.track.caseNo')}
      </label>
      <TextInput
        id="pub-lookup-case"
        value={caseNo}
        onChange={(e) => {
          setCaseNo(e.target.value);
          setSentMinutes(null);
        }}
        placeholder={t('public.track.caseNoPlaceholder')}
        autoComplete="off"
        invalid={Boolean(errors.caseNo)}
        data-testid="public-lookup-case"
      />
      {fieldError('caseNo')}
      <label className="ph-label" htmlFor="pub-lookup-last4">
        {t('public.track.phoneLast4')}
      </label>
      <TextInput
        id="pub-lookup-last4"
        value={last4}
        onChange={(e) => setLast4(e.target.value)}
        onEnter={() => void send()}
        inputMode="numeric"
        maxLength={4}
        autoComplete="off"
        invalid={Boolean(errors.phoneLast4)}
        data-testid="public-lookup-last4"
      />
      {fieldError('phoneLast4')}
      {sentMinutes === null ? (
        <Button
          kind="primary"
          size="large"
          block
          loading={busy}
          onClick={() => void send()}
          style={{ marginTop: 12 }}
          data-testid="public-lookup-send"
        >
          {busy ? t('public.track.sending') : t('public.track.sendCode')}
        </Button>
      ) : (
        <>
          <p className="ph-muted" data-testid="public-lookup-sent">
            {t('public.track.codeSent', { minutes: sentMinutes })}
          </p>
          <label className="ph-label" htmlFor="pub-lookup-code">
            {t('public.track.code')}
          </label>
          <div className="pub-row">
            <TextInput
              id="pub-lookup-code"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              onEnter={() => void verify()}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              placeholder={t('public.track.codePlaceholder')}
              invalid={Boolean(errors.code)}
              style={{ flex: 1, minWidth: 0 }}
              data-testid="public-lookup-code"
            />
            <Button
              kind="primary"
              size="large"
              loading={busy}
              onClick={() => void verify()}
              data-testid="public-lookup-verify"
            >
              {t('public.track.verify')}
            </Button>
          </div>
          {fieldError('code')}
          <Button kind="link" onClick={() => void send()} disabled={busy} data-testid="public-lookup-resend">
            {t('public.track.resend')}
          </Button>
        </>
      )}
      {fieldError('form')}
    </div>
  );
}
