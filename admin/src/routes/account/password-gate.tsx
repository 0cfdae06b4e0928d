import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { cachedSession } from '../../providers/session';

/**
 * While the server demands a password change, every page but the account page would answer 403
 * PASSWORD_CHANGE_REQUIRED: send the user there instead of showing a wall of errors.
 */
export function PasswordGate({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  if (cachedSession()?.me.mustChangePassword && pathname !== '/account') return <Navigate to="/account" replace />;
  return <>{children}</>;
}
