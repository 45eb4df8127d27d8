import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../../features/auth/context.ts';
import { useI18n } from '../../i18n/context.ts';
import { Button, buttonClass } from '../../phone/ui/controls.tsx';
import { Alert, Loading } from '../../phone/ui/feedback.tsx';
import { h5RoleOf } from './h5-role.ts';
import { PhoneScreen } from './PhoneScreen.tsx';

const PasswordChangeScreen = lazy(() =>
  import('./PasswordChangeScreen.tsx').then((m) => ({ default: m.PasswordChangeScreen })),
);

/** Signed in, but neither an inspector nor a handler (a console-only account): say so, and offer the way out. */
function NoAccess() {
  const { t } = useI18n();
  const auth = useAuth();
  const navigate = useNavigate();
  return (
    <PhoneScreen title={t('h5.title')} testId="page-forbidden">
      <Alert type="warning" title={t('status.forbidden')} description={t('h5.noAccess')} />
      <a className={buttonClass('default', 'large', true, 'h5-me-button')} href="/">
        {t('h5.me.console')}
      </a>
      <Button
        kind="danger"
        size="large"
        block
        onClick={() => void auth.logout().finally(() => navigate('/h5/login', { replace: true }))}
      >
        {t('auth.logout')}
      </Button>
    </PhoneScreen>
  );
}

/**
 * The app for a signed-in inspector or unit handler; otherwise the app's own sign-in (with ?next= back to where they were going),
 * the forced password change, or a refusal. The server checks every call again; this only spares a page of errors.
 */
export function RequireInspector({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const auth = useAuth();
  const location = useLocation();
  if (auth.status === 'loading') return <Loading label={t('app.loading')} testId="page-loading" />;
  if (!auth.me) {
    const here = `${location.pathname}${location.search}`;
    return (
      <Navigate
        to={here === '/h5' || here === '/h5/' ? '/h5/login' : `/h5/login?next=${encodeURIComponent(here)}`}
        replace
      />
    );
  }
  if (auth.me.user.mustChangePassword) {
    return (
      <Suspense fallback={<Loading label={t('app.loading')} />}>
        <PasswordChangeScreen />
      </Suspense>
    );
  }
  if (!h5RoleOf(auth.can)) return <NoAccess />;
  return <>{children}</>;
}
