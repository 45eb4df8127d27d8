/**
 * Entry of the inspector's phone app (h5.html, 城管通): its own sign-in, the language and the phone pages' small
 * components (web/src/phone), no component library, so the app starts quickly on a phone with a weak signal, and a
 * service worker so it starts with no signal at all.
 */
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { api } from './api/client.ts';
import { boot } from './entries/boot.tsx';
import { staffCatalogs } from './i18n/staff-catalogs.ts';
import { AuthProvider } from './features/auth/AuthProvider.tsx';
import { h5Routes } from './h5/h5-routes.tsx';
import { registerServiceWorker, takeWaitingUpdate } from './h5/offline/sw-registration.ts';
import { I18nProvider } from './i18n/I18nProvider.tsx';
import { ToastHost } from './phone/ui/toast.tsx';

// A version installed during an earlier visit takes over before anything renders (docs/h5-offline.md).
void takeWaitingUpdate().then((reloading) => {
  if (reloading) return;
  const router = createBrowserRouter(h5Routes());
  boot(
    <I18nProvider onLocale={(locale) => api.setLocale(locale)}>
      <AuthProvider>
        <RouterProvider router={router} />
      </AuthProvider>
      <ToastHost testIdPrefix="h5-toast" />
    </I18nProvider>,
    staffCatalogs,
  );
  registerServiceWorker();
});
