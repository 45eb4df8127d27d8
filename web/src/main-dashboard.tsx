/** Entry of the command screen (dashboard.html, 指挥大屏): full screen, outside the console chrome. */
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { AuthProvider } from './features/auth/AuthProvider.tsx';
import { RequireAuth } from './features/auth/RequireAuth.tsx';
import { RequirePermission } from './features/auth/RequirePermission.tsx';
import { DashboardScreen } from './features/dashboard/DashboardScreen.tsx';
import { boot } from './entries/boot.tsx';
import { FullPageLoad } from './entries/FullPageLoad.tsx';
import { Crashed, Forbidden } from './entries/rare-pages.tsx';
import { LocaleProvider } from './i18n/LocaleProvider.tsx';

const router = createBrowserRouter([
  {
    path: '/dashboard',
    element: (
      <RequireAuth>
        <RequirePermission permission="dashboard.read" fallback={<Forbidden />}>
          <DashboardScreen />
        </RequirePermission>
      </RequireAuth>
    ),
    errorElement: <Crashed />,
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
