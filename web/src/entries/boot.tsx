import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadLocale } from '../i18n/load-locale.ts';
import { readStoredLocale } from '../i18n/storage.ts';

/** Renders a page into #root once the saved language's catalog is there (zh-CN is bundled; en is fetched). */
export function boot(app: ReactNode): void {
  const container = document.getElementById('root');
  if (!container) throw new Error('the page has no #root element');
  const render = () => createRoot(container).render(<StrictMode>{app}</StrictMode>);
  loadLocale(readStoredLocale()).then(render, render);
}
