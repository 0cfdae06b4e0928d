import { Skeleton } from 'antd';
import { lazy, Suspense } from 'react';

// The chart library is most of the bundle's weight: load it only when a dashboard is shown.
const DashboardPage = lazy(() => import('./dashboard-page').then((m) => ({ default: m.DashboardPage })));

export function LazyDashboard() {
  return (
    <Suspense fallback={<Skeleton active paragraph={{ rows: 10 }} />}>
      <DashboardPage />
    </Suspense>
  );
}
