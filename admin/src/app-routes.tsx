import { Authenticated, CanAccess } from '@refinedev/core';
import { CatchAllNavigate } from '@refinedev/react-router';
import { type ComponentType, lazy, type ReactNode, Suspense, useEffect } from 'react';
import { Outlet, Route, Routes } from 'react-router';

import { ErrorResult } from './components/error-result';
import { ScreenLoading } from './components/page-loading';
import { loadTranslations, type TranslationScope } from './config/i18n';
import { TwoFactorGate } from './routes/account/password-gate';

/**
 * Every page is its own chunk, fetched when first opened: a role's home carries only what it shows
 * (charts, diagrams, the designer and the engine stay with their pages). /login is not among them: see
 * main.tsx.
 */
function page<M, P extends object = object>(
  load: () => Promise<M>,
  pick: (m: M) => ComponentType<P>,
  words?: TranslationScope,
) {
  return lazy(async () => {
    const [m] = await Promise.all([load(), words && loadTranslations(words)]);
    return { default: pick(m) };
  });
}

const ConsoleShell = page(
  () => import('./console-shell'),
  (m) => m.ConsoleShell,
);
const HomePage = page(
  () => import('./routes/home/home-page'),
  (m) => m.HomePage,
);
const DashboardPage = page(
  () => import('./routes/dashboard/dashboard-page'),
  (m) => m.DashboardPage,
);
const TwoFactorPage = page(
  () => import('./routes/account/two-factor-page'),
  (m) => m.TwoFactorPage,
);
const AccountPage = page(
  () => import('./routes/account/account-page'),
  (m) => m.AccountPage,
);
const UserList = page(
  () => import('./routes/people/user-list'),
  (m) => m.UserList,
);
const OrgTreePage = page(
  () => import('./routes/orgs/org-tree-page'),
  (m) => m.OrgTreePage,
);
const ReferencePage = page(
  () => import('./routes/reference/reference-page'),
  (m) => m.ReferencePage,
  'reference',
);
const CalendarPage = page(
  () => import('./routes/calendar/calendar-page'),
  (m) => m.CalendarPage,
);
const TaskList = page(
  () => import('./routes/tasks/task-list'),
  (m) => m.TaskList,
);
const NotificationList = page(
  () => import('./routes/notifications/notification-list'),
  (m) => m.NotificationList,
);
const InstanceList = page(
  () => import('./routes/instances/instance-list'),
  (m) => m.InstanceList,
);
const InstanceShow = page(
  () => import('./routes/instances/instance-show'),
  (m) => m.InstanceShow,
);
const InstanceCreate = page(
  () => import('./routes/instances/instance-create'),
  (m) => m.InstanceCreate,
);
const BurdenReportPage = page(
  () => import('./routes/burden/burden-report-page'),
  (m) => m.BurdenReportPage,
);
const AuditList = page(
  () => import('./routes/audit/audit-list'),
  (m) => m.AuditList,
);
const FindingList = page(
  () => import('./routes/findings/finding-list'),
  (m) => m.FindingList,
);
const DefinitionList = page(
  () => import('./routes/definitions/definition-list'),
  (m) => m.DefinitionList,
  'designer',
);
const DefinitionNew = page(
  () => import('./routes/definitions/definition-new'),
  (m) => m.DefinitionNew,
  'designer',
);
const DefinitionDesigner = page(
  () => import('./routes/definitions/definition-designer'),
  (m) => m.DefinitionDesigner,
  'designer',
);
const DefinitionDiff = page(
  () => import('./routes/definitions/definition-diff'),
  (m) => m.DefinitionDiff,
  'designer',
);
const DefinitionMigrate = page(
  () => import('./routes/definitions/definition-migrate'),
  (m) => m.DefinitionMigrate,
  'designer',
);

/**
 * Signing out (or a lapsed session) lands on /login: load it as the page of its own that main.tsx
 * serves there, so nothing of the signed-out user stays in memory.
 */
function ToSignIn() {
  useEffect(() => window.location.replace(window.location.href), []);
  return <ScreenLoading />;
}

function Guard({ resource, action = 'list', children }: { resource: string; action?: string; children: ReactNode }) {
  return (
    <CanAccess resource={resource} action={action} fallback={<ErrorResult status={403} />}>
      {children}
    </CanAccess>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route
        element={
          <Authenticated key="console" loading={<ScreenLoading />} fallback={<CatchAllNavigate to="/login" />}>
            <TwoFactorGate>
              <Suspense fallback={<ScreenLoading />}>
                <ConsoleShell />
              </Suspense>
            </TwoFactorGate>
          </Authenticated>
        }
      >
        <Route index element={<HomePage />} />
        <Route path="/dashboard" element={<DashboardPage />} />
        <Route path="/account" element={<AccountPage />} />
        <Route
          path="/users"
          element={
            <Guard resource="users">
              <UserList />
            </Guard>
          }
        />
        <Route
          path="/orgs"
          element={
            <Guard resource="orgs">
              <OrgTreePage />
            </Guard>
          }
        />
        <Route
          path="/reference/:kind?"
          element={
            <Guard resource="reference">
              <ReferencePage />
            </Guard>
          }
        />
        <Route
          path="/calendar"
          element={
            <Guard resource="calendar">
              <CalendarPage />
            </Guard>
          }
        />
        <Route path="/tasks" element={<TaskList />} />
        <Route path="/tasks/done" element={<TaskList />} />
        <Route path="/notifications" element={<NotificationList />} />
        <Route
          path="/burden-reports"
          element={
            <Guard resource="burden-reports" action="create">
              <BurdenReportPage />
            </Guard>
          }
        />
        <Route path="/instances">
          <Route index element={<InstanceList />} />
          <Route
            path="create"
            element={
              <Guard resource="instances" action="create">
                <InstanceCreate />
              </Guard>
            }
          />
          <Route path=":id" element={<InstanceShow />} />
        </Route>
        <Route path="/definitions">
          <Route
            index
            element={
              <Guard resource="definitions">
                <DefinitionList />
              </Guard>
            }
          />
          <Route
            path="new"
            element={
              <Guard resource="definitions" action="create">
                <DefinitionNew />
              </Guard>
            }
          />
          <Route
            path=":id/design"
            element={
              <Guard resource="definitions" action="show">
                <DefinitionDesigner />
              </Guard>
            }
          />
          <Route
            path=":id/diff"
            element={
              <Guard resource="definitions" action="show">
                <DefinitionDiff />
              </Guard>
            }
          />
          <Route
            path=":id/migrate"
            element={
              <Guard resource="definitions" action="publish">
                <DefinitionMigrate />
              </Guard>
            }
          />
        </Route>
        <Route
          path="/findings"
          element={
            <Guard resource="findings">
              <FindingList />
            </Guard>
          }
        />
        <Route
          path="/audit"
          element={
            <Guard resource="audit">
              <AuditList />
            </Guard>
          }
        />
        <Route path="*" element={<ErrorResult status={404} />} />
      </Route>
      <Route
        element={
          <Authenticated key="two-factor" loading={<ScreenLoading />} fallback={<CatchAllNavigate to="/login" />}>
            <Suspense fallback={<ScreenLoading />}>
              <Outlet />
            </Suspense>
          </Authenticated>
        }
      >
        <Route path="/two-factor" element={<TwoFactorPage />} />
      </Route>
      <Route path="/login" element={<ToSignIn />} />
    </Routes>
  );
}
