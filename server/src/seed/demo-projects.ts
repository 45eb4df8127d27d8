/**
 * Demo projects of 大冶市 (docs/projects.md, "Demo city"). The totals follow the bureau's 2023 work report: 2 projects,
 * 2641万元 won, of which the 燃气管道老化更新改造 project's 中央预算内 funds; its 23 subprojects, 22 finished and
 * 60 % overall. The split of the amount between the two projects, the subprojects' names, weights, dates and places
 * are synthetic.
 */
import type { Clock } from '../platform/clock.ts';
import type { Executor } from '../platform/db.ts';
import { seedProjects, type ProjectSeed } from '../modules/projects/index.ts';

const ROADS = [
  '墈头街',
  '儒学路',
  '北门路',
  '黄狮海路',
  '余府路',
  '育才路',
  '建设路',
  '新冶大道',
  '金湖大道',
  '冯汉祝路',
  '岳家咀路',
  '伍桥路',
  '乾塔路',
  '七里界路',
  '码头路',
  '湛月路',
  '罗桥路',
  '桂花路',
  '东岳路',
  '铜都大道',
  '广场路',
  '大冶大道',
];
const WAN = 1_000_000; // fen in 1 万元

/** The demo projects; `gasUnitId` is the 燃气 unit's id when the demo city has it. */
export function demoProjects(gasUnitId: string | null, sanitationUnitId: string | null): ProjectSeed[] {
  const at = (i: number): [number, number] => [
    Math.round((114.955 + (i % 6) * 0.008) * 1e6) / 1e6,
    Math.round((30.085 + Math.floor(i / 6) * 0.007) * 1e6) / 1e6,
  ];
  // 22 finished subprojects weigh 50 % together (20 × 2.27 % + 2 × 2.30 %); the large trunk main weighs the other 50 %
  const done = ROADS.map((road, i) => {
    const month = 4 + (i % 8);
    const day = String(5 + (i % 20)).padStart(2, '0');
    const mm = String(month).padStart(2, '0');
    return {
      name: `${road}片区燃气老化管道更新改造`,
      weightBp: i < 20 ? 227 : 230,
      location: `${road}沿线`,
      point: at(i),
      milestones: [
        {
          name: '开挖与管道敷设',
          weightBp: 7000,
          plannedOn: `2023-${mm}-01`,
          progressPct: 100,
          completedOn: `2023-${mm}-${day}`,
        },
        {
          name: '通气与验收',
          weightBp: 3000,
          plannedOn: `2023-${mm}-28`,
          progressPct: 100,
          completedOn: `2023-${String(month + 1).padStart(2, '0')}-${day}`,
        },
      ],
    };
  });
  const trunk = {
    name: '城区中压主干管网更新改造',
    weightBp: 5000,
    location: '新冶大道至城南门站',
    point: at(22),
    milestones: [
      { name: '管材采购', weightBp: 2000, plannedOn: '2023-09-30', progressPct: 100, completedOn: '2023-10-20' },
      { name: '管道敷设', weightBp: 5000, plannedOn: '2024-06-30', progressPct: 0, completedOn: null },
      { name: '通气与验收', weightBp: 3000, plannedOn: '2024-10-31', progressPct: 0, completedOn: null },
    ],
  };
  return [
    {
      name: '大冶市2023年城市燃气管道等老化更新改造项目',
      shortName: '燃气老化管网改造项目',
      unitId: gasUnitId,
      startOn: '2023-03-01',
      endOn: '2024-12-31',
      budgetFen: 3200 * WAN,
      point: [114.975, 30.096],
      description: '城区燃气老化管道、设施更新改造，含23个改造子项目（示例数据）。',
      funds: [{ source: 'central_budget', amountFen: 1841 * WAN, wonOn: '2023-06-20', documentNo: null }],
      subprojects: [...done, trunk],
      reports: [
        { reportedOn: '2023-09-28', text: '已完工子项目15个，主干管网管材进场。' },
        { reportedOn: '2023-12-25', text: '23个改造子项目已完工22个，主干管网施工中，总体完工比例60%。' },
      ],
    },
    {
      name: '大冶市城乡生活垃圾分类设施设备建设项目',
      shortName: '垃圾分类设施项目',
      unitId: sanitationUnitId,
      startOn: '2023-08-01',
      endOn: '2025-06-30',
      budgetFen: 1200 * WAN,
      point: [114.962, 30.104],
      description: '城乡生活垃圾分类收运设施设备购置与建设（示例数据）。',
      funds: [{ source: 'special_bond', amountFen: 800 * WAN, wonOn: '2023-09-15', documentNo: null }],
      subprojects: [],
      reports: [],
    },
  ];
}

/**
 * The 雨污分流 project the survey's 雨污混接 points are remedied under (their 养护工单 name it, demo-assets.ts). Not one
 * of the report's two projects: no funds or subprojects, so the report's project figures stay the report's; only in
 * the base demo (the year demo loads the report's two).
 */
export const RAIN_SEWER_PROJECT = '中心城区雨污分流改造工程（示例）';
const rainSewerProject = (drainageUnitId: string | null): ProjectSeed => ({
  name: RAIN_SEWER_PROJECT,
  shortName: '雨污分流改造项目',
  unitId: drainageUnitId,
  startOn: '2024-01-01',
  endOn: '2026-12-31',
  budgetFen: 1500 * WAN,
  point: [114.968, 30.093],
  description: '中心城区管网排查发现的雨污混接点整改，雨水、污水分流（示例数据）。',
  funds: [],
  subprojects: [],
  reports: [],
});

/** Seeds the demo projects; answers the 雨污分流 project's id. */
export async function seedDemoProjects(
  db: Executor,
  tenantId: string,
  clock: Clock,
  by: string,
  unitIds: ReadonlyMap<string, string>,
): Promise<string | null> {
  const ids = await seedProjects(db, tenantId, clock, by, [
    ...demoProjects(unitIds.get('GAS') ?? null, unitIds.get('SANITATION') ?? null),
    rainSewerProject(unitIds.get('DRAINAGE') ?? null),
  ]);
  return ids.get(RAIN_SEWER_PROJECT) ?? null;
}
