/**
 * Roles and the permission-verb catalogue (docs/conventions.md, "Authorization").
 * Roles follow the national post model (监督员/受理员/值班长/派遣员/专业部门/领导: docs/standards.md, "Workflow stages
 * and roles").
 * A user holds one or more grants; a grant is a role, optionally narrowed to one handling unit and/or one region.
 */
export const ROLES = [
  'inspector',
  'operator',
  'shiftLeader',
  'dispatcher',
  'unitHandler',
  'unitManager',
  'leader',
  'admin',
  // the enforcement line (行政处罚): 执法队员, 法制审核员, 中队长/大队长, 局领导
  'enforcementOfficer',
  'legalReviewer',
  'squadLeader',
  'bureauLeader',
  // 地级市 (docs/prefecture.md): reads the aggregated KPIs of the county-level tenants linked to its own tenant
  'prefectureViewer',
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  // organisation and administration
  'org.read',
  'region.manage',
  'unit.manage',
  'user.read',
  'user.manage',
  'audit.read',
  // the signed checkpoints of the hash chains (docs/security.md): administrators only
  'audit.export',
  'settings.manage',
  // the closed loop (used by the case module)
  'case.read',
  'case.report',
  'case.accept',
  'case.verify',
  'case.file',
  'case.dispatch',
  // 改派 and 收回: correcting a dispatch, by the dispatcher or the shift leader (docs/standards.md, "Abnormal flows")
  'case.redispatch',
  'case.assign',
  'case.handle',
  'case.check',
  'case.close',
  'case.void',
  'case.approve',
  'case.escalate',
  // assessment and command
  'kpi.read',
  'dashboard.read',
  'report.read',
  'kpi.manage',
  // partner systems: 12345 / 民情通 / 信访 work orders, Open311 client applications
  'hotline.read',
  'hotline.handle',
  'apikey.manage',
  // 查违控违 (illegal construction) and 户外广告 (outdoor advertising): docs/illegal-construction.md, docs/outdoor-ads.md
  'construction.read',
  'construction.manage',
  'ads.read',
  'ads.manage',
  // enforcement cases (行政处罚): docs/enforcement.md
  'enforcement.read',
  'enforcement.file',
  'enforcement.investigate',
  'enforcement.pay',
  'enforcement.review',
  'enforcement.approve',
  'enforcement.decide',
  // a decided amount outside its discretion band (裁量基准) needs this approval
  'enforcement.exception',
  // legal bases and discretion bands (tenant data kept by the 法制 staff)
  'enforcement.manage',
  /** staff notices on the 工作台: write, change, withdraw */
  'notice.manage',
  // 监督员管理 (docs/monitor.md): the inspector app reports its position while on duty; a supervisor assigns grids,
  // keeps the roster and sees the positions of the inspectors of their team (personal data, every view audited)
  'position.report',
  'inspector.supervise',
  // 综合分析 (docs/analysis.md): 同比/环比, 高发问题, the heat map and repeat hotspots; 源头治理 tasks opened from them
  'analysis.read',
  'governance.manage',
  // 督办单 (docs/supervision.md): issuing one is case.escalate; reading the list and figures, and the target unit's reply
  'supervision.read',
  'supervision.reply',
  // 城市之感 (docs/iot.md): the device registry and its keys, the alarm rules; alarms and the rejected messages
  'device.read',
  'device.manage',
  'alarm.read',
  'alarm.handle',
  // 夜市摊位分配 (docs/night-market.md): reading; markets, stalls, reviews, the ledger and points; the public lottery
  'market.read',
  'market.manage',
  'market.draw',
  // base-data registers of 环卫/园林/市政/排水/渣土/燃气 (docs/assets.md): reading, keeping the registers, and the
  // 养护工单 a handling unit works on
  'assets.read',
  'assets.manage',
  'assets.work',
  // 全域与跨区域 (docs/federation.md): reading peers and messages; keeping peers and keys; sending 通报 and 移送 and
  // deciding on what arrives
  'federation.read',
  'federation.manage',
  'federation.handle',
  // 门前三包 (docs/frontage.md): reading; agreements, inspections, volunteers' shifts and committees; the list rule and
  // publishing the monthly red and black lists
  'frontage.read',
  'frontage.manage',
  'frontage.publish',
  // 文明黄线 (docs/yellow-line.md): reading; drawing zones, permits and the repeat counts; recording inspections
  'yellowline.read',
  'yellowline.manage',
  'yellowline.inspect',
  // 车辆监管 (docs/vehicles.md): vehicles, tracks, coverage and leads; the register, GPS keys and handling leads
  'vehicle.read',
  'vehicle.manage',
  // 行政审批 (docs/approvals.md): reading; the window's work (受理, 审查, 补正, 办结, consultations); the decision
  // (准予/不予); the application types and their checklists
  'approval.read',
  'approval.handle',
  'approval.decide',
  'approval.manage',
  // 人大建议/政协提案 (docs/proposals.md): reading; the register, tasks and reply drafts (局办公室); approving the
  // reply; a unit's own task
  'proposal.read',
  'proposal.manage',
  'proposal.approve',
  'proposal.handle',
  // 项目与资金 (docs/projects.md): reading; projects, funds, subprojects, weights and milestones; progress reports
  'project.read',
  'project.manage',
  'project.report',
  // 年度工作总结 (docs/yearbook.md): reading the composed document and its exports; writing its prose
  'yearbook.read',
  'yearbook.edit',
  // 专项行动, problem lists, 课题, honours and publicity (docs/campaigns.md): reading; keeping campaigns, tasks, lists
  // and records; a unit reporting progress, quantities and rectification for its own tasks and items
  'campaign.read',
  'campaign.manage',
  'campaign.report',
  // 地级市 view (docs/prefecture.md): KPI aggregates of the child counties, never their cases or people
  'prefecture.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Default grants of verbs to roles. Scope (unit, region) narrows them per user grant. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  inspector: ['org.read', 'case.read', 'case.report', 'case.verify', 'case.check', 'position.report'],
  operator: [
    'org.read',
    'case.read',
    'case.report',
    'case.accept',
    'case.void',
    'hotline.read',
    'hotline.handle',
    'device.read',
    'alarm.read',
    'alarm.handle',
    'approval.read',
    'approval.handle',
  ],
  shiftLeader: [
    'org.read',
    'case.read',
    'case.report',
    'case.accept',
    'case.file',
    'case.redispatch',
    'case.close',
    'case.void',
    'case.approve',
    'kpi.read',
    'hotline.read',
    'hotline.handle',
    'inspector.supervise',
    'analysis.read',
    'governance.manage',
    'supervision.read',
    'device.read',
    'alarm.read',
    'alarm.handle',
    'federation.read',
    'federation.handle',
  ],
  dispatcher: [
    'org.read',
    'case.read',
    'case.dispatch',
    'case.redispatch',
    'case.approve',
    'supervision.read',
    'assets.read',
  ],
  unitHandler: [
    'org.read',
    'case.read',
    'case.handle',
    'supervision.read',
    'supervision.reply',
    'assets.read',
    'assets.work',
    'campaign.read',
    'campaign.report',
  ],
  unitManager: [
    'org.read',
    'user.read',
    'case.read',
    'case.assign',
    'case.handle',
    'kpi.read',
    'supervision.read',
    'supervision.reply',
    'assets.read',
    'assets.work',
    'proposal.read',
    'proposal.handle',
    'project.read',
    'project.report',
    'campaign.read',
    'campaign.report',
  ],
  leader: [
    'yearbook.read',
    'yearbook.edit',
    'org.read',
    'user.read',
    'case.read',
    'case.escalate',
    'kpi.read',
    'dashboard.read',
    'report.read',
    'audit.read',
    'hotline.read',
    'construction.read',
    'ads.read',
    'enforcement.read',
    'notice.manage',
    'analysis.read',
    'governance.manage',
    'supervision.read',
    'device.read',
    'alarm.read',
    'market.read',
    'assets.read',
    'federation.read',
    'frontage.read',
    'yellowline.read',
    'vehicle.read',
    'approval.read',
    'proposal.read',
    'proposal.approve',
    'project.read',
    'campaign.read',
    'campaign.manage',
  ],
  admin: [
    'yearbook.read',
    'yearbook.edit',
    'org.read',
    'region.manage',
    'unit.manage',
    'user.read',
    'user.manage',
    'audit.read',
    'audit.export',
    'settings.manage',
    'case.read',
    'kpi.read',
    'dashboard.read',
    'report.read',
    'kpi.manage',
    'hotline.read',
    'apikey.manage',
    // The registers are kept by the squads (执法队员, 中队长); the administrator may keep them where a bureau has none.
    'construction.read',
    'construction.manage',
    'ads.read',
    'ads.manage',
    'notice.manage',
    'device.read',
    'device.manage',
    'alarm.read',
    'market.read',
    'market.manage',
    'assets.read',
    'assets.manage',
    'assets.work',
    'federation.read',
    'federation.manage',
    'frontage.read',
    'frontage.manage',
    'yellowline.read',
    'yellowline.manage',
    'vehicle.read',
    'vehicle.manage',
    'approval.read',
    'approval.handle',
    'approval.manage',
    'proposal.read',
    'proposal.manage',
    'project.read',
    'project.manage',
    'project.report',
    'campaign.read',
    'campaign.manage',
    'campaign.report',
  ],
  enforcementOfficer: [
    'org.read',
    'case.read',
    'enforcement.read',
    'enforcement.file',
    'enforcement.investigate',
    'enforcement.pay',
    'construction.read',
    'construction.manage',
    'ads.read',
    'ads.manage',
    'market.read',
    'market.manage',
    'frontage.read',
    'frontage.manage',
    'yellowline.read',
    'yellowline.manage',
    'yellowline.inspect',
    'vehicle.read',
    'vehicle.manage',
  ],
  legalReviewer: [
    'org.read',
    'enforcement.read',
    'enforcement.review',
    'enforcement.manage',
    'construction.read',
    'ads.read',
    'approval.read',
    'approval.handle',
  ],
  squadLeader: [
    'org.read',
    'user.read',
    'case.read',
    'enforcement.read',
    'enforcement.file',
    'enforcement.investigate',
    'enforcement.approve',
    'enforcement.decide',
    'construction.read',
    'construction.manage',
    'ads.read',
    'ads.manage',
    'market.read',
    'market.manage',
    'market.draw',
    'frontage.read',
    'frontage.manage',
    'frontage.publish',
    'yellowline.read',
    'yellowline.manage',
    'yellowline.inspect',
    'vehicle.read',
    'vehicle.manage',
    'campaign.read',
    'campaign.report',
  ],
  bureauLeader: [
    'org.read',
    'user.read',
    'case.read',
    'kpi.read',
    'dashboard.read',
    'report.read',
    'enforcement.read',
    'enforcement.approve',
    'enforcement.decide',
    'enforcement.exception',
    'construction.read',
    'ads.read',
    'notice.manage',
    'analysis.read',
    'supervision.read',
    'market.read',
    'market.draw',
    'assets.read',
    'frontage.read',
    'frontage.publish',
    'yellowline.read',
    'vehicle.read',
    'approval.read',
    'approval.decide',
    'proposal.read',
    'proposal.approve',
    'project.read',
    'project.manage',
    'campaign.read',
  ],
  // nothing of its own tenant's cases or people: only the child counties' aggregates (docs/prefecture.md)
  prefectureViewer: ['prefecture.read'],
};

/** Roles whose grants must name a handling unit (they act for that unit only). */
export const UNIT_BOUND_ROLES: readonly Role[] = ['unitHandler', 'unitManager'];

export interface Grant {
  role: Role;
  /** null = every unit of the tenant */
  unitId: string | null;
  /** null = the whole tenant; a street covers its communities */
  regionId: string | null;
}

export function permissionsOf(grants: readonly Grant[]): Permission[] {
  const set = new Set<Permission>();
  for (const g of grants) for (const p of ROLE_PERMISSIONS[g.role]) set.add(p);
  return PERMISSIONS.filter((p) => set.has(p));
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
