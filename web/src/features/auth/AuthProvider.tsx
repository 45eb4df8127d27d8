import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { LoginBody, Me } from '../../../../common/contracts/auth.ts';
import { api } from '../../api/client.ts';
import { setDisplayTimeZone } from '../../components/format.ts';
import { isApiError } from '../../api/errors.ts';
import { isAbort, useResource } from '../../api/use-resource.ts';
import { authApi } from './auth.api.ts';
import { AuthContext, hasPermission, type AuthValue } from './context.ts';

/** Holds the signed-in user (GET /api/auth/me) and keeps the API client's CSRF token in step with it. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [sessionExpired, setSessionExpired] = useState(false);
  const meRef = useRef<Me | null>(null);
  /** The token goes to the client before the user is rendered, so the first request after sign-in carries it. */
  const remember = useCallback((next: Me | null) => {
    meRef.current = next;
    api.setCsrfToken(next?.csrfToken ?? null);
    setDisplayTimeZone(next?.user.tenantTimezone);
    return next;
  }, []);
  const session = useResource<Me | null>(
    (signal) =>
      authApi.me(signal).then(remember, (error: unknown) => {
        if (isAbort(error, signal)) throw error;
        // 401 = not signed in; a network failure also lands on the login page, which reports it when used.
        return remember(null);
      }),
    [],
  );
  const me = session.data;
  const status: AuthValue['status'] = session.loading ? 'loading' : 'ready';
  const { setData } = session;

  const setMe = useCallback((next: Me | null) => setData(remember(next)), [setData, remember]);

  const refresh = useCallback(async () => {
    try {
      setMe(await authApi.me());
    } catch (error) {
      if (isApiError(error) && error.status === 401) setMe(null);
      else throw error;
    }
  }, [setMe]);

  useEffect(() => {
    api.onUnauthorized(() => {
      if (meRef.current) setSessionExpired(true);
      setMe(null);
    });
    return () => api.onUnauthorized(null);
  }, [setMe]);

  const login = useCallback(
    async (body: LoginBody) => {
      const value = await authApi.login(body);
      setSessionExpired(false);
      setMe(value);
      return value;
    },
    [setMe],
  );

  const logout = useCallback(async () => {
    try {
      await authApi.logout();
    } finally {
      setSessionExpired(false);
      setMe(null);
    }
  }, [setMe]);

  const value = useMemo<AuthValue>(
    () => ({
      status,
      me,
      sessionExpired,
      can: (permission) => hasPermission(me?.permissions, permission),
      login,
      logout,
      refresh,
    }),
    [status, me, sessionExpired, login, logout, refresh],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
