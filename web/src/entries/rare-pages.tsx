import { lazy, Suspense } from 'react';

/**
 * The 403 and crash pages for the separate signed-in pages, fetched only when shown: antd's Result carries large
 * illustrations that a working command screen never needs on its first load.
 */
const StatusPageChunk = lazy(() => import('../pages/StatusPage.tsx').then((m) => ({ default: m.StatusPage })));
const CrashPageChunk = lazy(() => import('../pages/CrashPage.tsx').then((m) => ({ default: m.CrashPage })));

export const Forbidden = () => (
  <Suspense fallback={null}>
    <StatusPageChunk status={403} />
  </Suspense>
);
export const Crashed = () => (
  <Suspense fallback={null}>
    <CrashPageChunk />
  </Suspense>
);
