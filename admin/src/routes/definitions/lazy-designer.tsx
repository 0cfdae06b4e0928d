import { lazy, Suspense, type LazyExoticComponent } from 'react';
import { Skeleton } from 'antd';

// The designer (canvas, panels, simulator) is only for the bureau admin: load it when opened.
const DesignerPage = lazy(() => import('./definition-designer').then((m) => ({ default: m.DefinitionDesigner })));
const NewPage = lazy(() => import('./definition-new').then((m) => ({ default: m.DefinitionNew })));
const DiffPage = lazy(() => import('./definition-diff').then((m) => ({ default: m.DefinitionDiff })));
const MigratePage = lazy(() => import('./definition-migrate').then((m) => ({ default: m.DefinitionMigrate })));

function Loading({ Page }: { Page: LazyExoticComponent<() => React.JSX.Element> }) {
  return (
    <Suspense fallback={<Skeleton active paragraph={{ rows: 10 }} />}>
      <Page />
    </Suspense>
  );
}

export const LazyDefinitionDesigner = () => <Loading Page={DesignerPage} />;
export const LazyDefinitionNew = () => <Loading Page={NewPage} />;
export const LazyDefinitionDiff = () => <Loading Page={DiffPage} />;
export const LazyDefinitionMigrate = () => <Loading Page={MigratePage} />;
