import { lazy, Suspense } from 'react';

import type { ErrorResultProps } from './error-result-view';

// antd's Result draws its 403/404/500 pictures inline (several KB): fetched only when an error shows.
const View = lazy(() => import('./error-result-view').then((m) => ({ default: m.ErrorResultView })));

/** Full-area error: forbidden, not found or a failure the user can retry. */
export function ErrorResult(props: ErrorResultProps) {
  return (
    <Suspense fallback={null}>
      <View {...props} />
    </Suspense>
  );
}
