import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { PASSWORD_MIN_LENGTH, passwordProblems } from '../../../../common/domain/password-policy.ts';
import { errorText, fieldErrorsOf, toFormFieldErrors } from '../../api/errors.ts';
import { authApi } from '../../features/auth/auth.api.ts';
import { useAuth } from '../../features/auth/context.ts';
import { useI18n, type Translate } from '../../i18n/context.ts';
import { Button } from '../../phone/ui/controls.tsx';
import { PasswordInput } from '../../phone/ui/fields.tsx';
import { Alert } from '../../phone/ui/feedback.tsx';
import { toast } from '../../phone/ui/toast.tsx';
import { PhoneScreen } from './PhoneScreen.tsx';

type Field = 'currentPassword' | 'newPassword' | 'confirmPassword';
type Values = Record<Field, string>;
type Problems = Partial<Record<Field, string>>;

/** The same checks as the console's dialog: the server's password policy, named rule by rule, in the UI language. */
export function passwordChangeProblems(values: Values, username: string | undefined, t: Translate): Problems {
  const found: Problems = {};
  if (!values.currentPassword) found.currentPassword = t('validation.required');
  if (!values.newPassword) found.newPassword = t('validation.required');
  else {
    const rules = passwordProblems(values.newPassword, { username });
    if (rules.length > 0)
      found.newPassword = rules.map((rule) => t(`validation.${rule}`, { min: PASSWORD_MIN_LENGTH })).join(' · ');
    else if (values.newPassword === values.currentPassword) found.newPassword = t('validation.passwordSame');
  }
  if (!values.confirmPassword) found.confirmPassword = t('validation.required');
  else if (values.confirmPassword !== values.newPassword) found.confirmPassword = t('validation.passwordMismatch');
  return found;
}

/**
 * Shown instead of the app while the account must replace a password an administrator chose: the server answers
 * nothing else until then (AUTH_PASSWORD_CHANGE_REQUIRED). Signing out stays possible. Fetched only when needed.
 */
export function PasswordChangeScreen() {
  const { t, locale } = useI18n();
  const auth = useAuth();
  const navigate = useNavigate();
  const [values, setValues] = useState<Values>({ currentPassword: '', newPassword: '', confirmPassword: '' });
  const [tried, setTried] = useState(false);
  const [serverProblems, setServerProblems] = useState<Problems>({});
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const username = auth.me?.user.username;
  const problems: Problems = { ...(tried ? passwordChangeProblems(values, username, t) : {}), ...serverProblems };

  const set = (field: Field, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setServerProblems((p) => {
      const rest = { ...p };
      delete rest[field];
      return rest;
    });
    setError(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (Object.keys(passwordChangeProblems(values, username, t)).length > 0) return;
    setSubmitting(true);
    try {
      await authApi.changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword });
      toast.success(t('auth.passwordChanged'));
      await auth.refresh().catch(() => undefined);
    } catch (cause) {
      const fields: Problems = {};
      for (const entry of toFormFieldErrors(cause, locale)) {
        const name = entry.name[0];
        if (name === 'currentPassword' || name === 'newPassword') fields[name] = entry.errors.join(' ');
      }
      setServerProblems(fields);
      if (fieldErrorsOf(cause).length === 0) setError(cause);
    } finally {
      setSubmitting(false);
    }
  };

  const signOut = () => void auth.logout().finally(() => navigate('/h5/login', { replace: true }));
  const field = (name: Field, label: string, autoComplete: string, testId: string, hint?: string) => (
    <div className="ph-field">
      <label className="ph-label" htmlFor={`h5-${name}`}>
        {label}
      </label>
      <PasswordInput
        id={`h5-${name}`}
        value={values[name]}
        autoComplete={autoComplete}
        invalid={!!problems[name]}
        showLabel={t('h5.password.show')}
        hideLabel={t('h5.password.hide')}
        aria-describedby={
          [problems[name] ? `h5-${name}-error` : '', hint ? `h5-${name}-hint` : ''].filter(Boolean).join(' ') ||
          undefined
        }
        onChange={(event) => set(name, event.target.value)}
        data-testid={testId}
      />
      {problems[name] ? (
        <div className="ph-error" id={`h5-${name}-error`}>
          {problems[name]}
        </div>
      ) : null}
      {hint ? (
        <div className="ph-hint" id={`h5-${name}-hint`}>
          {hint}
        </div>
      ) : null}
    </div>
  );

  return (
    <PhoneScreen title={t('auth.mustChangeTitle')} testId="forced-password-change">
      <section className="phone-section h5-section" data-testid="change-password-modal">
        <Alert type="warning" title={t('auth.mustChangeBody')} />
        <form onSubmit={(event) => void submit(event)} noValidate data-testid="change-password-form">
          {error !== null ? (
            <Alert type="error" title={errorText(error, locale)} data-testid="change-password-error" />
          ) : null}
          {field('currentPassword', t('auth.currentPassword'), 'current-password', 'change-password-current')}
          {field(
            'newPassword',
            t('auth.newPassword'),
            'new-password',
            'change-password-new',
            t('auth.passwordHint', { min: PASSWORD_MIN_LENGTH }),
          )}
          {field('confirmPassword', t('auth.confirmPassword'), 'new-password', 'change-password-confirm')}
          <Button
            type="submit"
            kind="primary"
            size="large"
            block
            loading={submitting}
            data-testid="change-password-submit"
          >
            {t('common.save')}
          </Button>
        </form>
        <Button kind="link" block onClick={signOut} className="h5-gap-top" data-testid="change-password-sign-out">
          {t('auth.logout')}
        </Button>
      </section>
    </PhoneScreen>
  );
}
