import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { installCatalogs, loadLocale, type PageCatalogs } from '../i18n/load-locale.ts';
import { readStoredLocale } from '../i18n/storage.ts';

/**
 * Renders a page into #root once the saved language's catalog is there: the page's zh-CN texts are bundled with it,
 * its English is fetched.
 */
export function boot(app: ReactNode, catalogs: PageCatalogs): void {
  const container = document.getElementById('root');
  if (!container) throw new Error('the page has no #root element');
  installCatalogs(catalogs);
  const render = () => createRoot(container).render(<StrictMode>{app}</StrictMode>);
  loadLocale(readStoredLocale()).then(render, render);
}
