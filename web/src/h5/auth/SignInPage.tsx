import { useEffect, useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { ADMIN_CODE_PATTERN } from '../../../../common/domain/org.ts';
import { errorText, toFormFieldErrors } from '../../api/errors.ts';
import { useResource } from '../../api/use-resource.ts';
import { useAuth } from '../../features/auth/context.ts';
import { useI18n } from '../../i18n/context.ts';
import { Button, TextInput } from '../../phone/ui/controls.tsx';
import { PasswordInput } from '../../phone/ui/fields.tsx';
import { Alert, Loading } from '../../phone/ui/feedback.tsx';
import { fetchPublicInfo } from '../api/tenant-info.ts';
import { PhoneScreen } from './PhoneScreen.tsx';

type Field = 'tenantCode' | 'username' | 'password';
type Problems = Partial<Record<Field, string>>;

const TENANT_KEY = 'cityloop.h5.tenantCode';
const TENANT_CODE = new RegExp(ADMIN_CODE_PATTERN);

/** Only paths of this app are followed after sign-in (no open redirect through ?next=). */
export function safeNext(next: string | null): string {
  return next && /^\/h5(\/|$|\?)/.test(next) && !next.startsWith('/h5/login') ? next : '/h5';
}

function storedTenantCode(): string {
  try {
    return localStorage.getItem(TENANT_KEY) ?? '';
  } catch {
    return '';
  }
}

/**
 * 监督员登录, inside the phone app so a signed-out inspector does not download the console. The city code is the one
 * last used on this phone, else the server's own city (its public info); the server answers for a sole city anyway.
 */
export function SignInPage() {
  const { t, locale } = useI18n();
  const auth = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [tenantCode, setTenantCode] = useState(storedTenantCode);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);

  // Asked only when this phone has no code yet; what the user types meanwhile wins.
  const [known] = useState(tenantCode !== '');
  const city = useResource(known ? null : (signal) => fetchPublicInfo(null, signal), []).data?.city.code;
  useEffect(() => {
    if (city) setTenantCode((code) => code || city);
  }, [city]);

  if (auth.status === 'loading') return <Loading label={t('app.loading')} testId="page-loading" />;
  if (auth.me) return <Navigate to={next} replace />;

  const check = (): Problems => {
    const found: Problems = {};
    if (tenantCode.trim() && !TENANT_CODE.test(tenantCode.trim()))
      found.tenantCode = t('validation.patterns.tenantCode');
    if (!username.trim()) found.username = t('validation.required');
    if (!password) found.password = t('validation.required');
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = check();
    setProblems(found);
    setError(null);
    if (Object.keys(found).length > 0) return;
    setSubmitting(true);
    try {
      const code = tenantCode.trim();
      await auth.login({ tenantCode: code || undefined, username: username.trim(), password });
      try {
        if (code) localStorage.setItem(TENANT_KEY, code);
      } catch {
        // storage disabled: the code is typed again next time
      }
      void navigate(next, { replace: true });
    } catch (cause) {
      setError(cause);
      const fields: Problems = {};
      for (const entry of toFormFieldErrors(cause, locale)) {
        const name = entry.name[0];
        if (name === 'tenantCode' || name === 'username' || name === 'password') fields[name] = entry.errors.join(' ');
      }
      setProblems(fields);
      setPassword('');
    } finally {
      setSubmitting(false);
    }
  };

  const edited = () => error !== null && setError(null);
  const describedBy = (field: Field, hint?: string) =>
    [problems[field] ? `h5-login-${field}-error` : '', hint ?? ''].filter(Boolean).join(' ') || undefined;
  const problem = (field: Field) =>
    problems[field] ? (
      <div className="ph-error" id={`h5-login-${field}-error`}>
        {problems[field]}
      </div>
    ) : null;

  return (
    <PhoneScreen title={t('h5.signIn.title')} testId="h5-sign-in">
      <section className="phone-section h5-section h5-sign-in">
        <div className="h5-sign-in-brand">
          <div className="h5-sign-in-name">{t('h5.title')}</div>
          <div className="ph-muted">
            {t('app.name')} · {t('auth.login.subtitle')}
          </div>
        </div>
        <form onSubmit={(event) => void submit(event)} noValidate data-testid="login-form">
          {auth.sessionExpired && error === null ? (
            <Alert type="warning" title={t('auth.sessionExpired')} data-testid="login-expired" />
          ) : null}
          {error !== null ? <Alert type="error" title={errorText(error, locale)} data-testid="login-error" /> : null}
          <div className="ph-field">
            <label className="ph-label" htmlFor="h5-login-tenant">
              {t('auth.login.tenantCode')}
            </label>
            <TextInput
              id="h5-login-tenant"
              value={tenantCode}
              inputMode="numeric"
              maxLength={6}
              autoComplete="organization"
              invalid={!!problems.tenantCode}
              aria-describedby={describedBy('tenantCode', 'h5-login-tenant-hint')}
              onChange={(e) => {
                setTenantCode(e.target.value);
                edited();
              }}
              data-testid="login-tenant"
            />
            {problem('tenantCode')}
            <div className="ph-hint" id="h5-login-tenant-hint">
              {t('auth.login.tenantCodeHint')}
            </div>
          </div>
          <div className="ph-field">
            <label className="ph-label" htmlFor="h5-login-username">
              {t('auth.login.username')}
            </label>
            <TextInput
              id="h5-login-username"
              value={username}
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              invalid={!!problems.username}
              aria-describedby={describedBy('username')}
              onChange={(e) => {
                setUsername(e.target.value);
                edited();
              }}
              data-testid="login-username"
            />
            {problem('username')}
          </div>
          <div className="ph-field">
            <label className="ph-label" htmlFor="h5-login-password">
              {t('auth.login.password')}
            </label>
            <PasswordInput
              id="h5-login-password"
              value={password}
              autoComplete="current-password"
              invalid={!!problems.password}
              showLabel={t('h5.password.show')}
              hideLabel={t('h5.password.hide')}
              aria-describedby={describedBy('password')}
              onChange={(e) => {
                setPassword(e.target.value);
                edited();
              }}
              data-testid="login-password"
            />
            {problem('password')}
          </div>
          <Button type="submit" kind="primary" size="large" block loading={submitting} data-testid="login-submit">
            {t('auth.login.submit')}
          </Button>
        </form>
      </section>
    </PhoneScreen>
  );
}
