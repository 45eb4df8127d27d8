import { createContext, useContext } from 'react';
import type { LoginBody, Me } from '../../../../common/contracts/auth.ts';

export interface AuthValue {
  /** 'loading' until the first /api/auth/me answers. */
  status: 'loading' | 'ready';
  me: Me | null;
  /** True once a 401 ended a session the user had (shown on the login page). */
  sessionExpired: boolean;
  can: (permission: string) => boolean;
  login: (body: LoginBody) => Promise<Me>;
  logout: () => Promise<void>;
  refresh: () => Promise<void>;
}

export const AuthContext = createContext<AuthValue | null>(null);

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}

/** Permission check against the verbs of GET /api/auth/me (Me.permissions). No permission named → allowed. */
export function hasPermission(permissions: readonly string[] | undefined, permission: string | undefined): boolean {
  if (!permission) return true;
  return permissions?.includes(permission) ?? false;
}
