import '@ant-design/v5-patch-for-react-19';

import type { ComponentType } from 'react';

import { loadTranslations } from './config/i18n';
import { showPage } from './page-root';
import { warmUp } from './warm-up';

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

if (!signIn) void warmUp().catch(() => undefined); // only a head start: the pages load what they need anyway

// Each with the translations it needs, fetched alongside.
void Promise.all([rootComponent(), loadTranslations(signIn ? 'sign-in' : 'console')]).then(([Root]) => showPage(Root));
