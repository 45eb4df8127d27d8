import { describe, expect, it } from 'vitest';
import { permissionsOf, type Role } from '../../common/domain/roles.ts';
import { t } from '../../common/i18n/core.ts';
import { MENU, menuEntryFor, visibleMenu, type VisibleMenuNode } from './menu.tsx';

const as = (...roles: Role[]) => permissionsOf(roles.map((role) => ({ role, unitId: null, regionId: null })));
const labels = (nodes: VisibleMenuNode[]) =>
  nodes.map((n) =>
    n.kind === 'item'
      ? t('zh-CN', n.entry.labelKey)
      : `${t('zh-CN', n.group.labelKey)}[${n.entries.map((e) => t('zh-CN', e.labelKey)).join(',')}]`,
  );

/** The business lines' groups (docs/lines.md), seen by every role that reads the registers. */
const LINE_GROUPS = [
  '数字环卫[环卫设施]',
  '数字园林[园林绿地]',
  '数字市政[市政设施]',
  '数字排水[排水防涝]',
  '数字渣土[渣土监管]',
  '燃气安全[燃气设施,燃气安全]',
];

describe('visibleMenu', () => {
  it('shows an inspector the case pages and the map', () => {
    expect(labels(visibleMenu(as('inspector')))).toEqual(['工作台', '案件[案件工作台,新建案件]', '一张图']);
  });

  it('shows a user without any permission only 工作台', () => {
    expect(labels(visibleMenu([]))).toEqual(['工作台']);
  });

  it('shows an admin the organisation and base-data pages', () => {
    expect(labels(visibleMenu(as('admin')))).toEqual([
      '工作台',
      '案件[案件工作台,热线工单,建议提案,跨区域协作]',
      '考核与统计[指挥大屏,考核评价,排行榜,统计报表,年度工作总结,年度关键指标]',
      '执法办案[查违控违,户外广告,夜市摊位,门前三包,文明黄线,车辆监管]',
      '业务管理[行政审批,项目与资金,目标任务,专项行动]',
      ...LINE_GROUPS,
      '城市之眼·城市之感[设备告警,物联设备,告警规则,拒收消息,摄像头与无人机,无人机巡查]',
      '一张图',
      '组织管理[区域,单位,用户,审计日志,工作通知]',
      '基础数据[事项目录,立结案标准,工作日历,派遣规则,部件台账,设施台账,业务条线,市民随手拍设置,来电弹屏密钥,开放接口]',
    ]);
  });

  it('shows a leader the pages their verbs allow, and drops nothing else', () => {
    expect(labels(visibleMenu(as('leader')))).toEqual([
      '工作台',
      '案件[案件工作台,热线工单,督办单,建议提案,跨区域协作]',
      '执法办案[行政处罚案件,线索研判,查违控违,户外广告,夜市摊位,门前三包,文明黄线,车辆监管]',
      '考核与统计[指挥大屏,考核评价,排行榜,综合分析,统计报表,年度工作总结,年度关键指标]',
      '业务管理[行政审批,项目与资金,目标任务,专项行动]',
      ...LINE_GROUPS,
      '城市之眼·城市之感[设备告警,物联设备,告警规则,拒收消息,摄像头与无人机,无人机巡查]',
      '一张图',
      '组织管理[用户,审计日志,工作通知]',
      '基础数据[设施台账]',
    ]);
  });

  it('shows the enforcement roles the enforcement cases', () => {
    expect(labels(visibleMenu(as('enforcementOfficer')))).toEqual([
      '工作台',
      '案件[案件工作台]',
      '执法办案[行政处罚案件,线索研判,查违控违,户外广告,夜市摊位,门前三包,文明黄线,车辆监管]',
      '一张图',
    ]);
    expect(labels(visibleMenu(as('legalReviewer')))).toEqual([
      '工作台',
      '执法办案[行政处罚案件,线索研判,查违控违,户外广告]',
      '业务管理[行政审批]',
      '一张图',
    ]);
  });

  it('each role sees exactly the entries whose permission it holds', () => {
    expect(labels(visibleMenu(as('operator')))).toEqual([
      '工作台',
      '案件[案件工作台,新建案件,热线工单]',
      '业务管理[行政审批]',
      '城市之眼·城市之感[设备告警,物联设备,告警规则,拒收消息,智能识别核实,摄像头与无人机,无人机巡查]',
      '一张图',
    ]);
    expect(labels(visibleMenu(as('shiftLeader')))).toEqual([
      '工作台',
      '案件[案件工作台,新建案件,热线工单,监督员管理,督办单,跨区域协作]',
      '考核与统计[考核评价,排行榜,综合分析]',
      '城市之眼·城市之感[设备告警,物联设备,告警规则,拒收消息,智能识别核实,摄像头与无人机,无人机巡查]',
      '一张图',
    ]);
    expect(labels(visibleMenu(as('unitManager')))).toEqual([
      '工作台',
      '案件[案件工作台,督办单,建议提案]',
      '考核与统计[考核评价,排行榜]',
      '业务管理[项目与资金,目标任务,专项行动]',
      ...LINE_GROUPS,
      '一张图',
      '组织管理[用户]',
      '基础数据[设施台账]',
    ]);
    expect(labels(visibleMenu(as('dispatcher')))).toEqual([
      '工作台',
      '案件[案件工作台,督办单]',
      ...LINE_GROUPS,
      '一张图',
      '基础数据[设施台账]',
    ]);
    // a handling unit reports its campaign tasks and rectifies its listed problems
    expect(labels(visibleMenu(as('unitHandler')))).toEqual([
      '工作台',
      '案件[案件工作台,督办单]',
      '业务管理[目标任务,专项行动]',
      ...LINE_GROUPS,
      '一张图',
      '基础数据[设施台账]',
    ]);
  });
});

describe("visibleMenu with the tenant's lines", () => {
  it('drops the groups of switched-off lines, the 燃气安全 page with its line, and keeps the rest', () => {
    const leader = as('leader');
    const all = labels(visibleMenu(leader));
    const some = labels(visibleMenu(leader, MENU, ['sanitation', 'drainage']));
    expect(some.filter((l) => !all.includes(l))).toEqual([]);
    expect(all.filter((l) => !some.includes(l))).toEqual([
      '数字园林[园林绿地]',
      '数字市政[市政设施]',
      '数字渣土[渣土监管]',
      '燃气安全[燃气设施,燃气安全]',
    ]);
    // none switched on: no line group, the register itself stays
    const none = labels(visibleMenu(leader, MENU, []));
    expect(none.some((l) => l.startsWith('数字') || l.startsWith('燃气'))).toBe(false);
    expect(none).toContain('基础数据[设施台账]');
    // unknown (still loading): every line, as before the setting existed
    expect(labels(visibleMenu(leader, MENU, undefined))).toEqual(all);
  });

  it('routes a line view by its path', () => {
    expect(menuEntryFor('/lines/drainage')?.key).toBe('lineDrainage');
    expect(menuEntryFor('/lines/drainage')?.line).toBe('drainage');
    expect(menuEntryFor('/gas-safety')?.line).toBe('gas');
  });
});

describe('menuEntryFor', () => {
  it('selects the entry by the longest path prefix', () => {
    expect(menuEntryFor('/')?.key).toBe('home');
    expect(menuEntryFor('/org/users')?.key).toBe('users');
    expect(menuEntryFor('/org/users/42')?.key).toBe('users');
    expect(menuEntryFor('/org/usersx')).toBeUndefined();
    expect(menuEntryFor('/nowhere')).toBeUndefined();
    expect(menuEntryFor('/data/calendar')?.key).toBe('calendar');
    expect(menuEntryFor('/map')?.key).toBe('map');
  });
});
