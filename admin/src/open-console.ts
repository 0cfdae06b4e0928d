import { loadTranslations } from './config/i18n';
import { showPage } from './page-root';
import { warmUp } from './warm-up';

let prefetched: Promise<unknown> | null = null;

/**
 * The console's code and words, asked for once the user starts typing their credentials, not when the
 * sign-in page loads (that page stays small for whoever only opens it, issue 11's budget). Signing in
 * otherwise waits, after the click, for two waterfalls of chunks: the console, then its shell and home
 * page. A person types for seconds; that is time enough to fetch and compile them.
 */
export function prefetchConsole(): void {
  prefetched ??= Promise.all([
    import('./App'),
    import('./console-shell'),
    import('./routes/home/home-page'),
    loadTranslations('console'),
  ]).catch(() => undefined); // only a head start: openConsole loads what it needs anyway
}

/**
 * Signed in on the sign-in page: the console takes its place in the same document, at `path`, instead of
 * a second page load (which parsed the shared code and drew antd's styles again: ≈ 0.3 s of the bureau's
 * 1.8 s to its figures, issue 11). The sign-in page holds nothing of a previous session (signing out
 * always lands on a freshly loaded /login), so nothing is carried over. Should the console's code fail
 * to load here, the browser opens it as a page of its own.
 */
export async function openConsole(path: string): Promise<void> {
  window.history.replaceState(null, '', path);
  void warmUp().catch(() => undefined);
  try {
    const [{ App }] = await Promise.all([import('./App'), loadTranslations('console')]);
    showPage(App);
  } catch {
    window.location.replace(path);
  }
}
