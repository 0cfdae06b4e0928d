import type { AuthProvider } from '@refinedev/core';

import { api, call } from '../api/client';
import type { RoleGrant, SessionUser } from '../types/contract';
import { asApiError, isApiError } from './http';
import { queryClient } from './query-client';
import { clearSession, loadSession } from './session';
import { type Credentials, requestSignIn } from './sign-in';

export type Identity = SessionUser & { roles: RoleGrant[]; name: string };

export const authProvider: AuthProvider = {
  login: async (credentials: Credentials) => {
    try {
      await requestSignIn(credentials);
      clearSession();
      queryClient.removeQueries();
      await loadSession(true);
      return { success: true, redirectTo: '/' };
    } catch (e) {
      return { success: false, error: asApiError(e) };
    }
  },
  logout: async () => {
    try {
      await call(api.POST('/api/auth/logout'));
    } catch {
      // an expired session is already signed out
    }
    clearSession();
    queryClient.removeQueries();
    return { success: true, redirectTo: '/login' };
  },
  check: async () => {
    try {
      const session = await loadSession(true);
      if (session) return { authenticated: true };
      return { authenticated: false, redirectTo: '/login', logout: true };
    } catch (e) {
      return { authenticated: false, redirectTo: '/login', error: isApiError(e) ? e : undefined };
    }
  },
  getIdentity: async (): Promise<Identity | null> => {
    const session = await loadSession();
    if (!session) return null;
    const { user, roles } = session.me;
    return { ...user, roles, name: user.displayName };
  },
  getPermissions: async () => {
    const session = await loadSession();
    return session?.me.roles.map((r) => r.role) ?? [];
  },
  onError: async (error: unknown) => {
    if (isApiError(error) && error.code === 'PASSWORD_CHANGE_REQUIRED') return { redirectTo: '/account' };
    if (isApiError(error) && error.code === 'TOTP_ENROLMENT_REQUIRED') return { redirectTo: '/two-factor' };
    if (isApiError(error) && error.status === 401) {
      clearSession();
      return { logout: true, redirectTo: '/login', error };
    }
    return {};
  },
};
