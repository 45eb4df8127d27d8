import type { ChangePasswordBody, LoginBody, Me, SignInHints } from '../../../../common/contracts/auth.ts';
import { api } from '../../api/client.ts';

export type { Me };

export const authApi = {
  /** 401 (bad credentials) and 429 (too many failures from here) are answers for the form, not a lost session. */
  login: (body: LoginBody) => api.post<Me>('/api/auth/login', body, { expectUnauthorized: true }),
  logout: () => api.post<unknown>('/api/auth/logout'),
  /** 401 means "not signed in yet". */
  me: (signal?: AbortSignal) => api.get<Me>('/api/auth/me', { expectUnauthorized: true, signal }),
  signInHints: (signal?: AbortSignal) => api.get<SignInHints>('/api/auth/sign-in-hints', { signal }),
  changePassword: (body: ChangePasswordBody) => api.post<{ ok: boolean }>('/api/auth/password', body),
};
