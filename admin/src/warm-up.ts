/**
 * The console's first questions, asked while its code downloads instead of after: who is signed in
 * (the session the auth provider then finds loaded) and, on the home page, its code — for the bureau the
 * dashboard's code and figures too (they were the last steps of a waterfall, issue 11).
 */
export async function warmUp(): Promise<void> {
  const home = window.location.pathname === '/';
  if (home) void import('./routes/home/home-page');
  // Small, and loaded beside the session so the figures are asked for the moment it is known.
  const reports = home ? import('./routes/dashboard/use-report') : null;
  const { loadSession } = await import('./providers/session');
  const session = await loadSession();
  if (home && session?.me.roles.some((g) => g.role === 'bureauAdmin' || g.role === 'bureauReviewer')) {
    void import('./routes/dashboard/dashboard-page');
    void reports?.then((m) => m.prefetchDashboard());
  }
}
