/** Entry of the inspector's phone app (h5.html): sign-in, the console's language and antd providers, /h5 only. */
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { AuthProvider } from './features/auth/AuthProvider.tsx';
import { RequireAuth } from './features/auth/RequireAuth.tsx';
import { RequirePermission } from './features/auth/RequirePermission.tsx';
import { boot } from './entries/boot.tsx';
import { FullPageLoad } from './entries/FullPageLoad.tsx';
import { Crashed, Forbidden } from './entries/rare-pages.tsx';
import { H5App } from './h5/H5App.tsx';
import { LocaleProvider } from './i18n/LocaleProvider.tsx';

const router = createBrowserRouter([
  {
    path: '/h5/*',
    element: (
      <RequireAuth>
        <RequirePermission permission="case.report" fallback={<Forbidden />}>
          <H5App />
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
