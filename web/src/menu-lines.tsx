/**
 * The menu entries of the business lines: the enforcement lines (执法办案) and the business services (业务管理:
 * 行政审批, 项目与资金, 专项行动), which were one-entry groups each until they shared one group, and the lines of the
 * asset registers (数字环卫 … 燃气安全).
 */
import { AimOutlined, BorderOuterOutlined, BuildOutlined, FileProtectOutlined, FlagOutlined } from '@ant-design/icons';
import { CarOutlined, FireOutlined, FundProjectionScreenOutlined } from '@ant-design/icons';
import { NotificationOutlined, ShopOutlined } from '@ant-design/icons';
import { CloudOutlined, DeleteOutlined, EnvironmentOutlined, SafetyOutlined } from '@ant-design/icons';
import type { Line } from '../../common/domain/lines.ts';
import type { MenuEntry, MenuKey } from './menu-model.ts';

export const ENFORCEMENT_LINE_ENTRIES: readonly MenuEntry[] = [
  {
    key: 'illegalConstruction',
    path: '/illegal-construction',
    labelKey: 'illegalConstruction.nav',
    icon: BuildOutlined,
    permission: 'construction.read',
    group: 'enforcement',
  },
  {
    key: 'outdoorAds',
    path: '/outdoor-ads',
    labelKey: 'outdoorAds.nav',
    icon: NotificationOutlined,
    permission: 'ads.read',
    group: 'enforcement',
  },
  {
    key: 'nightMarket',
    path: '/night-market',
    labelKey: 'nightMarket.nav',
    icon: ShopOutlined,
    permission: 'market.read',
    group: 'enforcement',
  },
  {
    key: 'frontage',
    path: '/frontage',
    labelKey: 'frontage.nav',
    icon: ShopOutlined,
    permission: 'frontage.read',
    group: 'enforcement',
  },
  {
    key: 'yellowLine',
    path: '/yellow-line',
    labelKey: 'yellowLine.nav',
    icon: BorderOuterOutlined,
    permission: 'yellowline.read',
    group: 'enforcement',
  },
  // 车辆监管 (docs/vehicles.md)
  {
    key: 'vehicles',
    path: '/vehicles',
    labelKey: 'vehicles.nav',
    icon: CarOutlined,
    permission: 'vehicle.read',
    group: 'enforcement',
  },
];

export const BUSINESS_ENTRIES: readonly MenuEntry[] = [
  // 行政审批 (docs/approvals.md)
  {
    key: 'approvals',
    path: '/approvals',
    labelKey: 'approvals.nav',
    icon: FileProtectOutlined,
    permission: 'approval.read',
    group: 'business',
  },
  {
    key: 'projects',
    path: '/projects',
    labelKey: 'projects.nav',
    icon: FundProjectionScreenOutlined,
    permission: 'project.read',
    group: 'business',
  },
  // 目标任务 (docs/targets.md)
  {
    key: 'targets',
    path: '/targets',
    labelKey: 'targets.nav',
    icon: AimOutlined,
    permission: 'targets.read',
    group: 'business',
  },
  {
    key: 'campaigns',
    path: '/campaigns',
    labelKey: 'campaigns.nav',
    icon: FlagOutlined,
    permission: 'campaign.read',
    group: 'business',
  },
];

/**
 * The business lines over the asset registers (docs/lines.md): a group per line with the line's view, one page
 * component for all six. A line the tenant switched off drops out with its group (`line`).
 */
const lineView = (line: Line, key: MenuKey, icon: MenuEntry['icon']): MenuEntry => ({
  key,
  path: `/lines/${line}`,
  labelKey: `lineViews.nav.${line}`,
  icon,
  permission: 'assets.read',
  group: `line-${line}`,
  line,
});

export const LINE_VIEW_ENTRIES: readonly MenuEntry[] = [
  lineView('sanitation', 'lineSanitation', DeleteOutlined),
  lineView('parks', 'lineParks', EnvironmentOutlined),
  lineView('municipal', 'lineMunicipal', BuildOutlined),
  lineView('drainage', 'lineDrainage', CloudOutlined),
  lineView('muck', 'lineMuck', CarOutlined),
  lineView('gas', 'lineGas', FireOutlined),
  // 燃气安全 (docs/gas-safety.md): a line of the registers, so their reading verb opens it
  {
    key: 'gasSafety',
    path: '/gas-safety',
    labelKey: 'gasSafety.nav',
    icon: SafetyOutlined,
    permission: 'assets.read',
    group: 'line-gas',
    line: 'gas',
  },
];
