/**
 * Entry of the citizen page (public.html, 市民随手拍): no sign-in and no component library, only the language
 * and the page's own small components, so a phone on a weak signal starts quickly.
 */
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { boot } from './entries/boot.tsx';
import { citizenCatalogs } from './i18n/citizen-catalogs.ts';
import { FullPageLoad } from './entries/FullPageLoad.tsx';
import { I18nProvider } from './i18n/I18nProvider.tsx';
import { PublicApp } from './public/PublicApp.tsx';

const router = createBrowserRouter([
  { path: '/public/*', element: <PublicApp /> },
  { path: '*', element: <FullPageLoad /> },
]);

boot(
  <I18nProvider>
    <RouterProvider router={router} />
  </I18nProvider>,
  citizenCatalogs,
);
