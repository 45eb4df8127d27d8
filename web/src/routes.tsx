/**
 * Routes of the console. Every page is lazy (its own chunk); a page is registered once in the menu registry
 * (menu.tsx: path, label, permission) and once here (its component), and `PAGES` must name a page for every
 * menu key, so the two cannot drift apart.
 */
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router-dom';
import { FullPageSpin } from './components/FullPageSpin.tsx';
import { RequireAuth } from './features/auth/RequireAuth.tsx';
import { RequirePermission } from './features/auth/RequirePermission.tsx';
import { MENU, type MenuKey } from './menu.tsx';
import { ConsoleLayout } from './pages/ConsoleLayout.tsx';
import { CrashPage } from './pages/CrashPage.tsx';
import { StatusPage } from './pages/StatusPage.tsx';

type Page = LazyExoticComponent<ComponentType>;
const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): Page =>
  lazy(() => load().then((module) => ({ default: module[name] })));

export const PAGES: Record<MenuKey, Page> = {
  home: page(() => import('./pages/HomePage.tsx'), 'HomePage'),
  regions: page(() => import('./pages/RegionsPage.tsx'), 'RegionsPage'),
  units: page(() => import('./pages/UnitsPage.tsx'), 'UnitsPage'),
  users: page(() => import('./pages/UsersPage.tsx'), 'UsersPage'),
  audit: page(() => import('./pages/AuditPage.tsx'), 'AuditPage'),
};

const LoginPage = page(() => import('./pages/LoginPage.tsx'), 'LoginPage');

export function buildRoutes(): RouteObject[] {
  const consolePages: RouteObject[] = MENU.map((entry) => {
    const Component = PAGES[entry.key];
    const element = (
      <RequirePermission permission={entry.permission} fallback={<StatusPage status={403} />}>
        <Component />
      </RequirePermission>
    );
    return entry.path === '/' ? { index: true, element } : { path: entry.path.slice(1), element };
  });
  return [
    {
      path: '/login',
      element: (
        <Suspense fallback={<FullPageSpin />}>
          <LoginPage />
        </Suspense>
      ),
      errorElement: <CrashPage />,
    },
    {
      path: '/',
      element: (
        <RequireAuth>
          <ConsoleLayout />
        </RequireAuth>
      ),
      errorElement: <CrashPage />,
      children: [...consolePages, { path: '*', element: <StatusPage status={404} /> }],
    },
  ];
}

export function createRouter() {
  return createBrowserRouter(buildRoutes());
}
