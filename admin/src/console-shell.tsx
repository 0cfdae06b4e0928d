import { ThemedLayout, ThemedSider } from '@refinedev/antd';
import { type ComponentProps, Suspense } from 'react';
import { Outlet } from 'react-router';

import { AppHeader } from './components/app-header';
import { AppTitle } from './components/app-title';
import { CalendarCoverageBanner } from './components/calendar-coverage-banner';
import { PageLoading } from './components/page-loading';
import { PasswordGate } from './routes/account/password-gate';

/** The sider without its own sign-out entry: the header has one. */
function AppSider(props: ComponentProps<typeof ThemedSider>) {
  return <ThemedSider {...props} render={({ items }) => <>{items}</>} />;
}

/**
 * The signed-in console's frame (sider, header, banners), loaded once signed in: the sign-in page never
 * downloads it. Pages load into it lazily; the frame stays while one does.
 */
export function ConsoleShell() {
  return (
    <ThemedLayout Header={AppHeader} Sider={AppSider} Title={AppTitle}>
      <PasswordGate>
        <CalendarCoverageBanner />
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </PasswordGate>
    </ThemedLayout>
  );
}
