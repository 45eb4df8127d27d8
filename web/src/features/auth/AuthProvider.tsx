import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { LoginBody, Me } from '../../../../common/contracts/auth.ts';
import { api } from '../../api/client.ts';
import { isApiError } from '../../api/errors.ts';
import { authApi } from './auth.api.ts';
import { AuthContext, hasPermission, type AuthValue } from './context.ts';

/** Holds the signed-in user (GET /api/auth/me) and keeps the API client's CSRF token in step with it. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<AuthValue['status']>('loading');
  const [me, setMeState] = useState<Me | null>(null);
  const [sessionExpired, setSessionExpired] = useState(false);
  const meRef = useRef<Me | null>(null);

  const setMe = useCallback((next: Me | null) => {
    meRef.current = next;
    api.setCsrfToken(next?.csrfToken ?? null);
    setMeState(next);
  }, []);

  const refresh = useCallback(async () => {
    try {
      setMe(await authApi.me());
    } catch (error) {
      if (isApiError(error) && error.status === 401) setMe(null);
      else throw error;
    }
  }, [setMe]);

  useEffect(() => {
    const controller = new AbortController();
    authApi
      .me(controller.signal)
      .then((value) => setMe(value))
      .catch(() => {
        // 401 = not signed in; a network failure also lands on the login page, which reports it when used.
        if (!controller.signal.aborted) setMe(null);
      })
      .finally(() => {
        if (!controller.signal.aborted) setStatus('ready');
      });
    return () => controller.abort();
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
