import { useCallback, useEffect, useState } from 'react';
import type { PublicPublication } from '../../../../common/contracts/frontage.ts';
import { MOBILE_PATTERN } from '../../../../common/domain/citizen-report.ts';
import { errorText } from '../../api/errors.ts';
import { useI18n } from '../../i18n/context.ts';
import { Button, TextInput } from '../../phone/ui/controls.tsx';
import { Alert, Empty, LoadError, Loading } from '../../phone/ui/feedback.tsx';
import { frontageApi } from './frontage.api.ts';
import './frontage.css';

const MOBILE = new RegExp(MOBILE_PATTERN);

/** One published month: shop names and their street or township, nothing about the people behind them. */
function MonthLists({ month }: { month: PublicPublication }) {
  const { t } = useI18n();
  const list = (kind: 'red' | 'black') => (
    <div className={`fr-list ${kind}`} data-testid={`fr-public-${kind}`}>
      <h4>{t(`frontagePublic.${kind}`)}</h4>
      {month[kind].length ? (
        <ol>
          {month[kind].map((e) => (
            <li key={e.rank}>
              {e.shopName} <span className="fr-area">{e.area}</span>
            </li>
          ))}
        </ol>
      ) : (
        <div className="ph-muted">{t('frontagePublic.emptyList')}</div>
      )}
    </div>
  );
  return (
    <section className="phone-section pub-section" data-testid={`fr-public-month-${month.month}`}>
      <div className="pub-section-title">{t('frontagePublic.month', { month: month.month })}</div>
      <div className="fr-lists">
        {list('red')}
        {list('black')}
      </div>
    </section>
  );
}

/** 城管体验岗 sign-up: a name and a mobile number; the number is never shown back. */
function SignUpForm() {
  const { t, locale } = useI18n();
  const [v, setV] = useState({ name: '', phone: '', note: '' });
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const problems = {
    name: v.name.trim().length < 2 ? t('frontagePublic.required') : null,
    phone: !MOBILE.test(v.phone.trim()) ? t('frontagePublic.phoneInvalid') : null,
    note: null,
  };
  const submit = async () => {
    setTried(true);
    setFailure(null);
    if (problems.name || problems.phone) return;
    setBusy(true);
    try {
      const r = await frontageApi.signUp({ name: v.name.trim(), phone: v.phone.trim(), note: v.note.trim() || null });
      setDone(r.volunteerNo);
    } catch (e) {
      setFailure(errorText(e, locale));
    } finally {
      setBusy(false);
    }
  };
  const field = (key: keyof typeof v, label: string, props: Record<string, unknown> = {}) => (
    <label className="fr-field">
      <span className="fr-label">{label}</span>
      <TextInput
        value={v[key]}
        invalid={tried && !!problems[key]}
        onChange={(e) => setV((s) => ({ ...s, [key]: e.target.value }))}
        data-testid={`fr-signup-${key}`}
        {...props}
      />
      {tried && problems[key] ? <div className="ph-error">{problems[key]}</div> : null}
    </label>
  );
  return (
    <section className="phone-section pub-section" data-testid="fr-signup">
      <div className="pub-section-title">{t('frontagePublic.signUpTitle')}</div>
      <p className="ph-muted fr-intro">{t('frontagePublic.signUpIntro')}</p>
      {done ? (
        <Alert type="success" title={t('frontagePublic.done', { no: done })} data-testid="fr-signed-up" />
      ) : (
        <>
          {field('name', t('frontagePublic.name'), { maxLength: 20, autoComplete: 'name' })}
          {field('phone', t('frontagePublic.phone'), { inputMode: 'tel', maxLength: 11, autoComplete: 'tel' })}
          {field('note', t('frontagePublic.note'), { maxLength: 100 })}
          {failure ? <Alert type="error" title={failure} data-testid="fr-signup-error" /> : null}
          <Button kind="primary" block loading={busy} onClick={() => void submit()} data-testid="fr-signup-submit">
            {t('frontagePublic.submit')}
          </Button>
        </>
      )}
    </section>
  );
}

/** 门前三包 on the citizen page: the last published red and black lists, and the 城管体验岗 sign-up. */
export function FrontagePage() {
  const { t } = useI18n();
  const [months, setMonths] = useState<PublicPublication[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback((signal?: AbortSignal) => {
    setError(null);
    frontageApi.lists(signal).then(
      (r) => setMonths(r.items),
      (e: unknown) => {
        if (!signal?.aborted) setError(e);
      },
    );
  }, []);
  useEffect(() => {
    const ac = new AbortController();
    load(ac.signal);
    return () => ac.abort();
  }, [load]);
  return (
    <div data-testid="page-public-frontage">
      <h2 className="fr-title">{t('frontagePublic.title')}</h2>
      <p className="ph-muted fr-intro">{t('frontagePublic.intro')}</p>
      {error ? (
        <LoadError error={error} onRetry={() => load()} testId="fr-lists" />
      ) : months === null ? (
        <Loading label={t('app.loading')} />
      ) : months.length ? (
        months.map((m) => <MonthLists key={m.month} month={m} />)
      ) : (
        <Empty text={t('frontagePublic.none')} />
      )}
      <SignUpForm />
    </div>
  );
}
