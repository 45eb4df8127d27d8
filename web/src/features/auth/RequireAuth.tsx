import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { useAuth } from './context.ts';
import { ForcedPasswordChange } from './ForcedPasswordChange.tsx';

/**
 * Renders children for a signed-in user; otherwise goes to /login?next=<where they were going>. A user who must
 * replace an administrator's password sees only that dialog until it is done.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const auth = useAuth();
  const location = useLocation();
  if (auth.status === 'loading') return <FullPageSpin />;
  if (!auth.me) {
    const next = `${location.pathname}${location.search}`;
    const to = next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
    return <Navigate to={to} replace />;
  }
  if (auth.me.user.mustChangePassword) return <ForcedPasswordChange />;
  return <>{children}</>;
}
