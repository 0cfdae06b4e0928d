import type { ComponentProps, ReactNode } from 'react';
import { Outlet, Route, Routes } from 'react-router';
import { Authenticated, CanAccess } from '@refinedev/core';
import { ThemedLayout, ThemedSider } from '@refinedev/antd';
import { CatchAllNavigate, NavigateToResource } from '@refinedev/react-router';
import { AppHeader } from './components/app-header';
import { AppTitle } from './components/app-title';
import { CalendarCoverageBanner } from './components/calendar-coverage-banner';
import { ErrorResult } from './components/error-result';
import { LoginPage } from './routes/login/login-page';
import { TaskList } from './routes/tasks/task-list';
import { NotificationList } from './routes/notifications/notification-list';
import { InstanceList } from './routes/instances/instance-list';
import { InstanceShow } from './routes/instances/instance-show';
import { InstanceCreate } from './routes/instances/instance-create';
import { AuditList } from './routes/audit/audit-list';
import { FindingList } from './routes/findings/finding-list';
import { DefinitionList } from './routes/definitions/definition-list';
import { LazyDefinitionDesigner, LazyDefinitionDiff, LazyDefinitionMigrate, LazyDefinitionNew } from './routes/definitions/lazy-designer';
import { HomePage } from './routes/home/home-page';
import { LazyDashboard } from './routes/dashboard/lazy-dashboard';
import { UserList } from './routes/people/user-list';
import { OrgTreePage } from './routes/orgs/org-tree-page';
import { ReferencePage } from './routes/reference/reference-page';
import { CalendarPage } from './routes/calendar/calendar-page';
import { AccountPage } from './routes/account/account-page';
import { PasswordGate, TwoFactorGate } from './routes/account/password-gate';
import { TwoFactorPage } from './routes/account/two-factor-page';

function Guard({ resource, action = 'list', children }: { resource: string; action?: string; children: ReactNode }) {
  return (
    <CanAccess resource={resource} action={action} fallback={<ErrorResult status={403} />}>
      {children}
    </CanAccess>
  );
}

/** The sider without its own sign-out entry: the header has one. */
function AppSider(props: ComponentProps<typeof ThemedSider>) {
  return <ThemedSider {...props} render={({ items }) => <>{items}</>} />;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route
        element={
          <Authenticated key="console" fallback={<CatchAllNavigate to="/login" />}>
            <TwoFactorGate>
              <ThemedLayout Header={AppHeader} Sider={AppSider} Title={AppTitle}>
                <PasswordGate>
                  <CalendarCoverageBanner />
                  <Outlet />
                </PasswordGate>
              </ThemedLayout>
            </TwoFactorGate>
          </Authenticated>
        }
      >
        <Route index element={<HomePage />} />
        <Route path="/dashboard" element={<LazyDashboard />} />
        <Route path="/account" element={<AccountPage />} />
        <Route path="/users" element={<Guard resource="users"><UserList /></Guard>} />
        <Route path="/orgs" element={<Guard resource="orgs"><OrgTreePage /></Guard>} />
        <Route path="/reference/:kind?" element={<Guard resource="reference"><ReferencePage /></Guard>} />
        <Route path="/calendar" element={<Guard resource="calendar"><CalendarPage /></Guard>} />
        <Route path="/tasks" element={<TaskList />} />
        <Route path="/notifications" element={<NotificationList />} />
        <Route path="/instances">
          <Route index element={<InstanceList />} />
          <Route path="create" element={<Guard resource="instances" action="create"><InstanceCreate /></Guard>} />
          <Route path=":id" element={<InstanceShow />} />
        </Route>
        <Route path="/definitions">
          <Route index element={<Guard resource="definitions"><DefinitionList /></Guard>} />
          <Route path="new" element={<Guard resource="definitions" action="create"><LazyDefinitionNew /></Guard>} />
          <Route path=":id/design" element={<Guard resource="definitions" action="show"><LazyDefinitionDesigner /></Guard>} />
          <Route path=":id/diff" element={<Guard resource="definitions" action="show"><LazyDefinitionDiff /></Guard>} />
          <Route path=":id/migrate" element={<Guard resource="definitions" action="publish"><LazyDefinitionMigrate /></Guard>} />
        </Route>
        <Route path="/findings" element={<Guard resource="findings"><FindingList /></Guard>} />
        <Route path="/audit" element={<Guard resource="audit"><AuditList /></Guard>} />
        <Route path="*" element={<ErrorResult status={404} />} />
      </Route>
      <Route
        element={
          <Authenticated key="two-factor" fallback={<CatchAllNavigate to="/login" />}>
            <Outlet />
          </Authenticated>
        }
      >
        <Route path="/two-factor" element={<TwoFactorPage />} />
      </Route>
      <Route
        element={
          <Authenticated key="sign-in" fallback={<Outlet />}>
            <NavigateToResource resource="home" />
          </Authenticated>
        }
      >
        <Route path="/login" element={<LoginPage />} />
      </Route>
    </Routes>
  );
}
