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

/**
 * The three powers without an authenticator yet (TOTP_ENROLMENT_REQUIRED everywhere): straight to the
 * enrolment page, before the console's layout starts polling anything. A due password change comes first.
 */
export function TwoFactorGate({ children }: { children: ReactNode }) {
  // Subscribed to the location so that every navigation (not only the first render) is checked.
  useLocation();
  const me = cachedSession()?.me;
  if (me?.mustEnrolTwoFactor && !me.mustChangePassword) return <Navigate to="/two-factor" replace />;
  return <>{children}</>;
}
