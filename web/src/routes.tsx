/**
 * Routes of the console. Every page is lazy (its own chunk); a page is registered once in the menu registry
 * (menu.tsx: path, label, permission) and once here (its component), and `PAGES` must name a page for every
 * menu key, so the two cannot drift apart.
 */
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router-dom';
import { FullPageSpin } from './components/FullPageSpin.tsx';
import { FullPageLoad } from './entries/FullPageLoad.tsx';
import { PAGE_PREFIXES } from '../../common/web-pages.ts';
import { RequireAuth } from './features/auth/RequireAuth.tsx';
import { RequirePermission } from './features/auth/RequirePermission.tsx';
import { RequireLine } from './features/lines/RequireLine.tsx';
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
  map: page(() => import('./pages/MapPage.tsx'), 'MapPage'),
  catalog: page(() => import('./pages/CatalogPage.tsx'), 'CatalogPage'),
  standards: page(() => import('./pages/StandardsPage.tsx'), 'StandardsPage'),
  calendar: page(() => import('./pages/CalendarPage.tsx'), 'CalendarPage'),
  cases: page(() => import('./pages/CasesPage.tsx'), 'CasesPage'),
  caseCreate: page(() => import('./pages/CaseCreatePage.tsx'), 'CaseCreatePage'),
  hotline: page(() => import('./features/hotline/HotlinePage.tsx'), 'HotlinePage'),
  enforcement: page(() => import('./features/enforcement/EnforcementPage.tsx'), 'EnforcementPage'),
  enforcementLeads: page(() => import('./features/enforcement/LeadsPage.tsx'), 'LeadsPage'),
  routing: page(() => import('./pages/RoutingPage.tsx'), 'RoutingPage'),
  components: page(() => import('./features/components/ComponentsPage.tsx'), 'ComponentsPage'),
  assets: page(() => import('./features/assets/AssetsPage.tsx'), 'AssetsPage'),
  citizenSettings: page(() => import('./features/citizen/CitizenSettingsPage.tsx'), 'CitizenSettingsPage'),
  callCentre: page(() => import('./features/hotline/CallCentreSecretPage.tsx'), 'CallCentreSecretPage'),
  open311: page(() => import('./features/open311/Open311ClientsPage.tsx'), 'Open311ClientsPage'),
  kpi: page(() => import('./features/kpi/KpiPage.tsx'), 'KpiPage'),
  rankings: page(() => import('./features/kpi/RankingsPage.tsx'), 'RankingsPage'),
  analysis: page(() => import('./features/analysis/AnalysisPage.tsx'), 'AnalysisPage'),
  dashboard: page(() => import('./features/dashboard/DashboardScreen.tsx'), 'DashboardScreen'),
  reports: page(() => import('./features/reports/ReportsPage.tsx'), 'ReportsPage'),
  yearbook: page(() => import('./features/yearbook/YearbookPage.tsx'), 'YearbookPage'),
  keyFigures: page(() => import('./features/yearbook/KeyFiguresPage.tsx'), 'KeyFiguresPage'),
  illegalConstruction: page(
    () => import('./features/illegal-construction/IllegalConstructionPage.tsx'),
    'IllegalConstructionPage',
  ),
  outdoorAds: page(() => import('./features/outdoor-ads/OutdoorAdsPage.tsx'), 'OutdoorAdsPage'),
  nightMarket: page(() => import('./features/night-market/NightMarketPage.tsx'), 'NightMarketPage'),
  federation: page(() => import('./features/federation/FederationPage.tsx'), 'FederationPage'),
  prefecture: page(() => import('./features/prefecture/PrefecturePage.tsx'), 'PrefecturePage'),
  frontage: page(() => import('./features/frontage/FrontagePage.tsx'), 'FrontagePage'),
  yellowLine: page(() => import('./features/yellow-line/YellowLinePage.tsx'), 'YellowLinePage'),
  vehicles: page(() => import('./features/vehicles/VehiclesPage.tsx'), 'VehiclesPage'),
  approvals: page(() => import('./features/approvals/ApprovalsPage.tsx'), 'ApprovalsPage'),
  projects: page(() => import('./features/projects/ProjectsPage.tsx'), 'ProjectsPage'),
  targets: page(() => import('./features/targets/TargetsPage.tsx'), 'TargetsPage'),
  campaigns: page(() => import('./features/campaigns/CampaignsPage.tsx'), 'CampaignsPage'),
  gasSafety: page(() => import('./features/gas-safety/GasSafetyPage.tsx'), 'GasSafetyPage'),
  notices: page(() => import('./features/notices/NoticesPage.tsx'), 'NoticesPage'),
  monitor: page(() => import('./features/monitor/MonitorPage.tsx'), 'MonitorPage'),
  supervision: page(() => import('./features/supervision/SupervisionPage.tsx'), 'SupervisionPage'),
  proposals: page(() => import('./features/proposals/ProposalsPage.tsx'), 'ProposalsPage'),
  devices: page(() => import('./features/iot/DevicesPage.tsx'), 'DevicesPage'),
  alarms: page(() => import('./features/iot/AlarmsPage.tsx'), 'AlarmsPage'),
  alarmRules: page(() => import('./features/iot/AlarmRulesPage.tsx'), 'AlarmRulesPage'),
  rejectedMessages: page(() => import('./features/iot/RejectedPage.tsx'), 'RejectedPage'),
  visionReview: page(() => import('./features/vision/ReviewDeskPage.tsx'), 'ReviewDeskPage'),
  visionSources: page(() => import('./features/vision/SourcesPage.tsx'), 'SourcesPage'),
  visionMissions: page(() => import('./features/vision/MissionsPage.tsx'), 'MissionsPage'),
  // one page for the six business lines, parameterised by its path (docs/lines.md)
  lineSanitation: page(() => import('./features/lines/LinePage.tsx'), 'LinePage'),
  lineParks: page(() => import('./features/lines/LinePage.tsx'), 'LinePage'),
  lineMunicipal: page(() => import('./features/lines/LinePage.tsx'), 'LinePage'),
  lineDrainage: page(() => import('./features/lines/LinePage.tsx'), 'LinePage'),
  lineMuck: page(() => import('./features/lines/LinePage.tsx'), 'LinePage'),
  lineGas: page(() => import('./features/lines/LinePage.tsx'), 'LinePage'),
  lineSettings: page(() => import('./features/lines/LineSettingsPage.tsx'), 'LineSettingsPage'),
};

const LoginPage = page(() => import('./pages/LoginPage.tsx'), 'LoginPage');
/** Pages under a menu entry but not in the menu themselves (the entry's permission guards them too). */
const CaseDetailPage = page(() => import('./pages/CaseDetailPage.tsx'), 'CaseDetailPage');

export function buildRoutes(): RouteObject[] {
  const consolePages: RouteObject[] = MENU.map((entry) => {
    const Component = PAGES[entry.key];
    const element = (
      <RequirePermission permission={entry.permission} fallback={<StatusPage status={403} />}>
        <RequireLine line={entry.line} fallback={<StatusPage status={404} />}>
          <Component />
        </RequireLine>
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
    // Pages of their own (common/web-pages.ts): a link from the console loads them in full.
    ...PAGE_PREFIXES.map(({ prefix }) => ({ path: `${prefix}/*`, element: <FullPageLoad /> })),
    {
      path: '/',
      element: (
        <RequireAuth>
          <ConsoleLayout />
        </RequireAuth>
      ),
      errorElement: <CrashPage />,
      children: [
        ...consolePages,
        {
          path: 'cases/:id',
          element: (
            <RequirePermission permission="case.read" fallback={<StatusPage status={403} />}>
              <CaseDetailPage />
            </RequirePermission>
          ),
        },
        { path: '*', element: <StatusPage status={404} /> },
      ],
    },
  ];
}

export function createRouter() {
  return createBrowserRouter(buildRoutes());
}
