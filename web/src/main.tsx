/** Entry of the staff console (index.html). The citizen page, the inspector app and the command screen are pages of their own. */
import { RouterProvider } from 'react-router-dom';
import { boot } from './entries/boot.tsx';
import { staffCatalogs } from './i18n/staff-catalogs.ts';
import { AuthProvider } from './features/auth/AuthProvider.tsx';
import { LocaleProvider } from './i18n/LocaleProvider.tsx';
import { createRouter } from './routes.tsx';

const router = createRouter();

boot(
  <LocaleProvider>
    <AuthProvider>
      <RouterProvider router={router} />
    </AuthProvider>
  </LocaleProvider>,
  staffCatalogs,
);
