import type { ReactNode } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import type { Permission } from '../../../common/domain/roles.ts';
import { AuthProvider } from '../features/auth/AuthProvider.tsx';
import { RequireAuth } from '../features/auth/RequireAuth.tsx';
import { RequirePermission } from '../features/auth/RequirePermission.tsx';
import { LocaleProvider } from '../i18n/LocaleProvider.tsx';
import { staffCatalogs } from '../i18n/staff-catalogs.ts';
import { boot } from './boot.tsx';
import { FullPageLoad } from './FullPageLoad.tsx';
import { Crashed, Forbidden } from './rare-pages.tsx';

/**
 * Starts a page of its own bundle that needs a signed-in user with one permission and the console's components
 * (the command screen): its path shows the page, any other path is a full load of the page that owns it. The
 * inspector app has its own start (main-h5.tsx): its own sign-in, and no component library.
 */
export function bootSignedInPage(path: string, permission: Permission, page: ReactNode): void {
  const router = createBrowserRouter([
    {
      path,
      element: (
        <RequireAuth>
          <RequirePermission permission={permission} fallback={<Forbidden />}>
            {page}
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
    staffCatalogs,
  );
}
