import '@ant-design/v5-patch-for-react-19';
import { StrictMode, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { loadTranslations } from './config/i18n';

const signIn = window.location.pathname === '/login';

// /login is a small page of its own; every other path is the console, fetched only when it is shown.
// (Two statements, not one ternary: the build attaches the preloads of a dynamic import to its
// enclosing expression, and a ternary made the sign-in page preload the whole console.)
async function rootComponent(): Promise<ComponentType> {
  if (signIn) {
    const { SignInApp } = await import('./routes/login/sign-in-app');
    return SignInApp;
  }
  const { App } = await import('./App');
  return App;
}

/**
 * The console's first questions, asked while its code downloads instead of after: who is signed in
 * (the session the auth provider then finds loaded) and, on the home page, its code — for the bureau the
 * dashboard's too (its figures were the last step of a waterfall, issue 11).
 */
async function warmUp(): Promise<void> {
  const home = window.location.pathname === '/';
  if (home) void import('./routes/home/home-page');
  const { loadSession } = await import('./providers/session');
  const session = await loadSession();
  if (home && session?.me.roles.some((g) => g.role === 'bureauAdmin' || g.role === 'bureauReviewer')) void import('./routes/dashboard/dashboard-page');
}
if (!signIn) void warmUp().catch(() => undefined); // only a head start: the pages load what they need anyway

// Each with the translations it needs, fetched alongside.
void Promise.all([rootComponent(), loadTranslations(signIn ? 'sign-in' : 'console')]).then(([Root]) =>
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <Root />
    </StrictMode>,
  ),
);
