/**
 * 市民随手拍 — the citizen's phone page at /public: report a problem with photos and a map pin, get a case
 * number and a private tracking code, follow the public timeline, rate the result and ask to reopen. No sign-in.
 */
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import '../phone/phone-base.css';
import './public.css';
import { DonePage } from './done/DonePage.tsx';
import { PublicInfoProvider } from './PublicInfoProvider.tsx';
import { PublicLayout } from './PublicLayout.tsx';
import { ReportPage } from './report/ReportPage.tsx';
import { TrackPage } from './track/TrackPage.tsx';

// The public map and list, and the unsubscribe link, load on demand: the report page's first load stays small.
const ReportsPage = lazy(() => import('./reports/ReportsPage.tsx').then((m) => ({ default: m.ReportsPage })));
const UnsubscribePage = lazy(() =>
  import('./reports/UnsubscribePage.tsx').then((m) => ({ default: m.UnsubscribePage })),
);
const NightMarketPage = lazy(() =>
  import('./night-market/NightMarketPage.tsx').then((m) => ({ default: m.NightMarketPage })),
);
const FrontagePage = lazy(() => import('./frontage/FrontagePage.tsx').then((m) => ({ default: m.FrontagePage })));
const later = (page: ReactNode) => <Suspense fallback={null}>{page}</Suspense>;

export function PublicApp() {
  return (
    <PublicInfoProvider>
      <Routes>
        <Route element={<PublicLayout />}>
          <Route index element={<ReportPage />} />
          <Route path="done" element={<DonePage />} />
          <Route path="track" element={<TrackPage />} />
          <Route path="reports" element={later(<ReportsPage />)} />
          <Route path="unsubscribe/:token" element={later(<UnsubscribePage />)} />
          <Route path="night-market" element={later(<NightMarketPage />)} />
          <Route path="frontage" element={later(<FrontagePage />)} />
          <Route path="*" element={<Navigate to="/public" replace />} />
        </Route>
      </Routes>
    </PublicInfoProvider>
  );
}
