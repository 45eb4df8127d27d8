/**
 * The menu registry: one entry per page of the console. A later feature adds its key in menu-model.ts, its entry
 * here or, for a business line, in menu-lines.tsx (and its page in routes.tsx, which the `MenuKey` type enforces), e.g.
 *   { key: 'cases', path: '/cases', labelKey: 'nav.cases', icon: FileTextOutlined, permission: 'case.read' }
 *   { key: 'kpi', path: '/kpi', labelKey: 'nav.kpi', icon: BarChartOutlined, permission: 'kpi.read' }
 */
import {
  AlertOutlined,
  AimOutlined,
  ApartmentOutlined,
  ApiOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BuildOutlined,
  CarOutlined,
  CloudOutlined,
  DeleteOutlined,
  FireOutlined,
  PartitionOutlined,
  BarChartOutlined,
  BookOutlined,
  BranchesOutlined,
  CalendarOutlined,
  ClusterOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  EnvironmentOutlined,
  EyeOutlined,
  FileDoneOutlined,
  FileTextOutlined,
  FormOutlined,
  FundOutlined,
  GlobalOutlined,
  HeatMapOutlined,
  HomeOutlined,
  MessageOutlined,
  MobileOutlined,
  NodeIndexOutlined,
  NotificationOutlined,
  PhoneOutlined,
  ProfileOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  SendOutlined,
  ShareAltOutlined,
  SolutionOutlined,
  TeamOutlined,
  TrophyOutlined,
  VideoCameraOutlined,
} from '@ant-design/icons';
import type { Line } from '../../common/domain/lines.ts';
import { BUSINESS_ENTRIES, ENFORCEMENT_LINE_ENTRIES, LINE_VIEW_ENTRIES } from './menu-lines.tsx';
import type { MenuEntry, MenuGroup } from './menu-model.ts';

export { MENU_KEYS, type MenuEntry, type MenuGroup, type MenuKey } from './menu-model.ts';

export const MENU_GROUPS: readonly MenuGroup[] = [
  { key: 'cases', labelKey: 'cases.nav.group', icon: SolutionOutlined },
  { key: 'enforcement', labelKey: 'enforcement.nav.group', icon: SafetyCertificateOutlined },
  { key: 'org', labelKey: 'nav.org', icon: ApartmentOutlined },
  { key: 'data', labelKey: 'nav.data', icon: DatabaseOutlined },
  { key: 'kpi', labelKey: 'kpiWeb.nav.group', icon: BarChartOutlined },
  { key: 'business', labelKey: 'nav.business', icon: AppstoreOutlined },
  { key: 'iot', labelKey: 'iot.nav.group', icon: ApiOutlined },
  { key: 'line-sanitation', labelKey: 'lineViews.group.sanitation', icon: DeleteOutlined },
  { key: 'line-parks', labelKey: 'lineViews.group.parks', icon: EnvironmentOutlined },
  { key: 'line-municipal', labelKey: 'lineViews.group.municipal', icon: BuildOutlined },
  { key: 'line-drainage', labelKey: 'lineViews.group.drainage', icon: CloudOutlined },
  { key: 'line-muck', labelKey: 'lineViews.group.muck', icon: CarOutlined },
  { key: 'line-gas', labelKey: 'lineViews.group.gas', icon: FireOutlined },
];

/**
 * Regions and units ask for the manage verbs, not `org.read`: every role reads the organisation (pickers,
 * case routing), but only administrators need these screens, and field staff should see a short menu.
 * The same holds for 基础数据: every role reads the catalog and the calendar (the server asks `org.read`), but the
 * admin screens are listed for `settings.manage` only; the map (一张图) is for every staff role with `org.read`.
 */
export const MENU: readonly MenuEntry[] = [
  { key: 'home', path: '/', labelKey: 'nav.home', icon: HomeOutlined },
  {
    key: 'cases',
    path: '/cases',
    labelKey: 'cases.nav.inbox',
    icon: FileTextOutlined,
    permission: 'case.read',
    group: 'cases',
  },
  {
    key: 'caseCreate',
    path: '/cases/new',
    labelKey: 'cases.nav.create',
    icon: FormOutlined,
    permission: 'case.report',
    group: 'cases',
  },
  {
    key: 'hotline',
    path: '/hotline',
    labelKey: 'hotline.nav',
    icon: PhoneOutlined,
    permission: 'hotline.read',
    group: 'cases',
  },
  {
    key: 'enforcement',
    path: '/enforcement',
    labelKey: 'enforcement.nav.cases',
    icon: SafetyCertificateOutlined,
    permission: 'enforcement.read',
    group: 'enforcement',
  },
  // 线索研判 (docs/enforcement-leads.md)
  {
    key: 'enforcementLeads',
    path: '/enforcement/leads',
    labelKey: 'enforcement.nav.leads',
    icon: SafetyCertificateOutlined,
    permission: 'lead.read',
    group: 'enforcement',
  },
  {
    key: 'dashboard',
    path: '/dashboard',
    labelKey: 'kpiWeb.nav.dashboard',
    icon: DashboardOutlined,
    permission: 'dashboard.read',
    group: 'kpi',
  },
  {
    key: 'kpi',
    path: '/kpi',
    labelKey: 'kpiWeb.nav.kpi',
    icon: BarChartOutlined,
    permission: 'kpi.read',
    group: 'kpi',
  },
  {
    key: 'rankings',
    path: '/kpi/rankings',
    labelKey: 'kpiWeb.nav.rankings',
    icon: TrophyOutlined,
    permission: 'kpi.read',
    group: 'kpi',
  },
  {
    key: 'analysis',
    path: '/analysis',
    labelKey: 'analysis.nav',
    icon: HeatMapOutlined,
    permission: 'analysis.read',
    group: 'kpi',
  },
  {
    key: 'reports',
    path: '/reports',
    labelKey: 'kpiWeb.nav.reports',
    icon: FileDoneOutlined,
    permission: 'report.read',
    group: 'kpi',
  },
  // 年度工作总结 and the year's key figures (docs/yearbook.md)
  {
    key: 'yearbook',
    path: '/yearbook',
    labelKey: 'yearbook.nav',
    icon: ReadOutlined,
    permission: 'yearbook.read',
    group: 'kpi',
  },
  {
    key: 'keyFigures',
    path: '/key-figures',
    labelKey: 'yearbook.keyFigures.nav',
    icon: FundOutlined,
    permission: 'report.read',
    group: 'kpi',
  },
  ...ENFORCEMENT_LINE_ENTRIES,
  ...BUSINESS_ENTRIES,
  ...LINE_VIEW_ENTRIES,
  {
    key: 'monitor',
    path: '/monitor',
    labelKey: 'monitor.nav',
    icon: AimOutlined,
    permission: 'inspector.supervise',
    group: 'cases',
  },
  {
    key: 'supervision',
    path: '/supervision',
    labelKey: 'supervision.nav',
    icon: AlertOutlined,
    permission: 'supervision.read',
    group: 'cases',
  },
  // 人大建议/政协提案 (docs/proposals.md)
  {
    key: 'proposals',
    path: '/proposals',
    labelKey: 'proposals.nav',
    icon: MessageOutlined,
    permission: 'proposal.read',
    group: 'cases',
  },
  // 跨区域协作 (docs/federation.md): the inbox, the outbox and transfers; peers and keys
  {
    key: 'federation',
    path: '/federation',
    labelKey: 'federation.nav',
    icon: ShareAltOutlined,
    permission: 'federation.read',
    group: 'cases',
  },
  // 地级市 view (docs/prefecture.md): aggregated KPI of the counties that report to this prefecture
  {
    key: 'prefecture',
    path: '/prefecture',
    labelKey: 'prefecture.nav',
    icon: ClusterOutlined,
    permission: 'prefecture.read',
    group: 'kpi',
  },
  // 城市之感 (docs/iot.md)
  {
    key: 'alarms',
    path: '/iot/alarms',
    labelKey: 'iot.nav.alarms',
    icon: AlertOutlined,
    permission: 'alarm.read',
    group: 'iot',
  },
  {
    key: 'devices',
    path: '/iot/devices',
    labelKey: 'iot.nav.devices',
    icon: ApiOutlined,
    permission: 'device.read',
    group: 'iot',
  },
  {
    key: 'alarmRules',
    path: '/iot/rules',
    labelKey: 'iot.nav.rules',
    icon: FormOutlined,
    permission: 'device.read',
    group: 'iot',
  },
  {
    key: 'rejectedMessages',
    path: '/iot/rejected',
    labelKey: 'iot.nav.rejected',
    icon: FileDoneOutlined,
    permission: 'alarm.read',
    group: 'iot',
  },
  // 城市之眼 (docs/vision.md)
  {
    key: 'visionReview',
    path: '/vision/review',
    labelKey: 'vision.nav.review',
    icon: EyeOutlined,
    permission: 'case.accept',
    group: 'iot',
  },
  {
    key: 'visionSources',
    path: '/vision/sources',
    labelKey: 'vision.nav.sources',
    icon: VideoCameraOutlined,
    permission: 'device.read',
    group: 'iot',
  },
  {
    key: 'visionMissions',
    path: '/vision/missions',
    labelKey: 'vision.nav.missions',
    icon: SendOutlined,
    permission: 'device.read',
    group: 'iot',
  },
  { key: 'map', path: '/map', labelKey: 'nav.map', icon: GlobalOutlined, permission: 'org.read' },
  {
    key: 'regions',
    path: '/org/regions',
    labelKey: 'nav.regions',
    icon: EnvironmentOutlined,
    permission: 'region.manage',
    group: 'org',
  },
  {
    key: 'units',
    path: '/org/units',
    labelKey: 'nav.units',
    icon: ClusterOutlined,
    permission: 'unit.manage',
    group: 'org',
  },
  {
    key: 'users',
    path: '/org/users',
    labelKey: 'nav.users',
    icon: TeamOutlined,
    permission: 'user.read',
    group: 'org',
  },
  { key: 'audit', path: '/audit', labelKey: 'nav.audit', icon: AuditOutlined, permission: 'audit.read', group: 'org' },
  {
    key: 'notices',
    path: '/notices',
    labelKey: 'notices.nav',
    icon: NotificationOutlined,
    permission: 'notice.manage',
    group: 'org',
  },
  {
    key: 'catalog',
    path: '/data/catalog',
    labelKey: 'nav.catalog',
    icon: BookOutlined,
    permission: 'settings.manage',
    group: 'data',
  },
  {
    key: 'standards',
    path: '/data/standards',
    labelKey: 'nav.standards',
    icon: ProfileOutlined,
    permission: 'settings.manage',
    group: 'data',
  },
  {
    key: 'calendar',
    path: '/data/calendar',
    labelKey: 'nav.calendar',
    icon: CalendarOutlined,
    permission: 'settings.manage',
    group: 'data',
  },
  {
    key: 'routing',
    path: '/data/routing',
    labelKey: 'routing.nav',
    icon: BranchesOutlined,
    permission: 'settings.manage',
    group: 'data',
  },
  {
    key: 'components',
    path: '/data/components',
    labelKey: 'nav.components',
    icon: NodeIndexOutlined,
    permission: 'settings.manage',
    group: 'data',
  },
  {
    key: 'assets',
    path: '/data/assets',
    labelKey: 'assets.nav',
    icon: NodeIndexOutlined,
    permission: 'assets.read',
    group: 'data',
  },
  // which business lines the city runs (docs/lines.md)
  {
    key: 'lineSettings',
    path: '/data/lines',
    labelKey: 'lineViews.nav.settings',
    icon: PartitionOutlined,
    permission: 'settings.manage',
    group: 'data',
  },
  {
    key: 'citizenSettings',
    path: '/data/citizen',
    labelKey: 'nav.citizenSettings',
    icon: MobileOutlined,
    permission: 'settings.manage',
    group: 'data',
  },
  {
    key: 'callCentre',
    path: '/data/call-centre',
    labelKey: 'caller.secret.nav',
    icon: PhoneOutlined,
    permission: 'settings.manage',
    group: 'data',
  },
  {
    key: 'open311',
    path: '/data/open311',
    labelKey: 'open311.nav',
    icon: ApiOutlined,
    permission: 'apikey.manage',
    group: 'data',
  },
];

export type VisibleMenuNode =
  { kind: 'item'; entry: MenuEntry } | { kind: 'group'; group: MenuGroup; entries: MenuEntry[] };

/**
 * The menu a user with these permission verbs sees; a group with no visible entry disappears. `lines`: the business
 * lines the tenant runs (undefined while unknown: every line).
 */
export function visibleMenu(
  permissions: readonly string[],
  menu: readonly MenuEntry[] = MENU,
  lines?: readonly Line[],
): VisibleMenuNode[] {
  const nodes: VisibleMenuNode[] = [];
  const groups = new Map<string, { kind: 'group'; group: MenuGroup; entries: MenuEntry[] }>();
  for (const entry of menu) {
    if (entry.permission && !permissions.includes(entry.permission)) continue;
    if (entry.line && lines && !lines.includes(entry.line)) continue;
    const group = entry.group ? MENU_GROUPS.find((g) => g.key === entry.group) : undefined;
    if (!group) {
      nodes.push({ kind: 'item', entry });
      continue;
    }
    let node = groups.get(group.key);
    if (!node) {
      node = { kind: 'group', group, entries: [] };
      groups.set(group.key, node);
      nodes.push(node);
    }
    node.entries.push(entry);
  }
  return nodes;
}

/** The entry whose path is the longest prefix of `pathname` (so /org/users/123 selects "users"). */
export function menuEntryFor(pathname: string, menu: readonly MenuEntry[] = MENU): MenuEntry | undefined {
  let best: MenuEntry | undefined;
  for (const entry of menu) {
    const matches =
      entry.path === '/' ? pathname === '/' : pathname === entry.path || pathname.startsWith(`${entry.path}/`);
    if (matches && (!best || entry.path.length > best.path.length)) best = entry;
  }
  return best;
}
