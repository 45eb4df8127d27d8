/** Entry of the command screen (dashboard.html, 指挥大屏): full screen, outside the console chrome. */
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { AuthProvider } from './features/auth/AuthProvider.tsx';
import { RequireAuth } from './features/auth/RequireAuth.tsx';
import { RequirePermission } from './features/auth/RequirePermission.tsx';
import { DashboardScreen } from './features/dashboard/DashboardScreen.tsx';
import { boot } from './entries/boot.tsx';
import { FullPageLoad } from './entries/FullPageLoad.tsx';
import { LocaleProvider } from './i18n/LocaleProvider.tsx';
import { CrashPage } from './pages/CrashPage.tsx';
import { StatusPage } from './pages/StatusPage.tsx';

const router = createBrowserRouter([
  {
    path: '/dashboard',
    element: (
      <RequireAuth>
        <RequirePermission permission="dashboard.read" fallback={<StatusPage status={403} />}>
          <DashboardScreen />
        </RequirePermission>
      </RequireAuth>
    ),
    errorElement: <CrashPage />,
  },
  { path: '*', element: <FullPageLoad /> },
]);

boot(
  <LocaleProvider>
    <AuthProvider>
      <RouterProvider router={router} />
    </AuthProvider>
  </LocaleProvider>,
);
