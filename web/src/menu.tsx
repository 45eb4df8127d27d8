/**
 * The menu registry: one entry per page of the console. A later feature adds its entry here (and its page in
 * routes.tsx, which the `MenuKey` type enforces), e.g.
 *   { key: 'cases', path: '/cases', labelKey: 'nav.cases', icon: FileTextOutlined, permission: 'case.read' }
 *   { key: 'map', path: '/map', labelKey: 'nav.map', icon: EnvironmentOutlined, permission: 'case.read' }
 *   { key: 'kpi', path: '/kpi', labelKey: 'nav.kpi', icon: BarChartOutlined, permission: 'kpi.read' }
 */
import type { ComponentType } from 'react';
import { ApartmentOutlined, AuditOutlined, ClusterOutlined, EnvironmentOutlined, HomeOutlined, TeamOutlined } from '@ant-design/icons';
import type { MessageKey } from '../../common/i18n/index.ts';
import type { Permission } from '../../common/domain/roles.ts';

export const MENU_KEYS = ['home', 'regions', 'units', 'users', 'audit'] as const;
export type MenuKey = (typeof MENU_KEYS)[number];

export interface MenuGroup {
  key: string;
  labelKey: MessageKey;
  icon: ComponentType;
}

export interface MenuEntry {
  key: MenuKey;
  path: string;
  labelKey: MessageKey;
  icon: ComponentType;
  /** Needed to see the entry and open its page; none = every signed-in user. */
  permission?: Permission;
  group?: string;
}

export const MENU_GROUPS: readonly MenuGroup[] = [{ key: 'org', labelKey: 'nav.org', icon: ApartmentOutlined }];

/**
 * Regions and units ask for the manage verbs, not `org.read`: every role reads the organisation (pickers,
 * case routing), but only administrators need these screens, and field staff should see a short menu.
 */
export const MENU: readonly MenuEntry[] = [
  { key: 'home', path: '/', labelKey: 'nav.home', icon: HomeOutlined },
  { key: 'regions', path: '/org/regions', labelKey: 'nav.regions', icon: EnvironmentOutlined, permission: 'region.manage', group: 'org' },
  { key: 'units', path: '/org/units', labelKey: 'nav.units', icon: ClusterOutlined, permission: 'unit.manage', group: 'org' },
  { key: 'users', path: '/org/users', labelKey: 'nav.users', icon: TeamOutlined, permission: 'user.read', group: 'org' },
  { key: 'audit', path: '/audit', labelKey: 'nav.audit', icon: AuditOutlined, permission: 'audit.read', group: 'org' },
];

export type VisibleMenuNode =
  | { kind: 'item'; entry: MenuEntry }
  | { kind: 'group'; group: MenuGroup; entries: MenuEntry[] };

/** The menu a user with these permission verbs sees; a group with no visible entry disappears. */
export function visibleMenu(permissions: readonly string[], menu: readonly MenuEntry[] = MENU): VisibleMenuNode[] {
  const nodes: VisibleMenuNode[] = [];
  const groups = new Map<string, { kind: 'group'; group: MenuGroup; entries: MenuEntry[] }>();
  for (const entry of menu) {
    if (entry.permission && !permissions.includes(entry.permission)) continue;
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
    const matches = entry.path === '/' ? pathname === '/' : pathname === entry.path || pathname.startsWith(`${entry.path}/`);
    if (matches && (!best || entry.path.length > best.path.length)) best = entry;
  }
  return best;
}
